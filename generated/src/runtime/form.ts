// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/form.ts.
import { ClientError } from './errors.js';

/**
 * An `application/x-www-form-urlencoded` body from the operation's typed object: undefined fields
 * are left out, arrays repeat their field (`tag=a&tag=b`), objects are sent as JSON text.
 */
export function formBody(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ClientError('A form body must be an object of fields');
  }
  const form = new URLSearchParams();
  const add = (name: string, item: unknown): void => {
    if (item === undefined) return;
    form.append(name, typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item));
  };
  for (const [name, field] of Object.entries(value)) {
    if (Array.isArray(field)) for (const item of field) add(name, item);
    else add(name, field);
  }
  return form.toString();
}
