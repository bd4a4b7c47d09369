// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/response-meta.ts.
import type { ApiSettings } from './settings.js';

/** The settings slice needed to read a response: metadata headers and the error body's fields. */
export type ResponseSettings = Pick<ApiSettings, 'responseHeaders' | 'errorBody'>;

/**
 * Response headers an API surfaces as typed fields of `.withResponse()` results and of errors
 * (a plan tier, a rate-limit count). Empty here; a generated package whose config declares such
 * headers adds them with `declare module`, the way `KnownErrorCodes` gets its codes.
 */
export interface ResponseHeaderFields {}

/** A surfaced header: its name alone (the value as text), or the name and how to read a number. */
export type ResponseHeaderField = string | { readonly header: string; readonly type: 'integer' | 'number' };

/** A whole number, or any finite number, from a header's text; undefined for anything else. */
function numberFrom(text: string, type: 'integer' | 'number'): number | undefined {
  const trimmed = text.trim();
  if (type === 'integer' ? !/^[+-]?\d+$/.test(trimmed) : trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Every surfaced header of a response, each under its field name (undefined when absent). */
export function readHeaderFields(headers: Headers, settings: ResponseSettings): ResponseHeaderFields {
  const out: Record<string, string | number | undefined> = {};
  for (const [field, spec] of Object.entries(settings.responseHeaders.fields ?? {})) {
    const text = headers.get(typeof spec === 'string' ? spec : spec.header) ?? undefined;
    out[field] = text === undefined || typeof spec === 'string' ? text : numberFrom(text, spec.type);
  }
  return out as unknown as ResponseHeaderFields; // the fields the settings name, which the augmentation types
}

/** The surfaced header fields each error was given, by name, so toJSON lists them. */
const ATTACHED = new WeakMap<object, readonly string[]>();

/** Sets the surfaced header fields on an error as its own fields, remembering their names. */
export function attachHeaderFields(target: object, fields: ResponseHeaderFields): void {
  Object.assign(target, fields);
  ATTACHED.set(target, Object.keys(fields));
}

/** The names `attachHeaderFields` set on `target`, in the settings' order. */
export function headerFieldNames(target: object): readonly string[] {
  return ATTACHED.get(target) ?? [];
}

/** First non-empty request-id header among the configured names. */
export function readRequestId(headers: Headers, settings: ResponseSettings): string | undefined {
  for (const name of settings.responseHeaders.requestId ?? []) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}
