/** Example values: placeholders that type-check for parameters the README's examples must fill in. */
import { screamingSnake } from '../../ir/naming.js';
import type { ParameterIR } from '../../ir/types.js';
import { literal, literalKey } from '../ts.js';

export const isIdentifier = (name: string): boolean => /^[A-Za-z_$][\w$]*$/.test(name);
// `__proto__` written plainly in an object literal sets the prototype: literalKey computes it.
export const propertyKey = (name: string): string => (isIdentifier(name) && name !== '__proto__' ? name : literalKey(name));
export const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
export const screaming = (name: string): string => screamingSnake(name) || 'VALUE';
export const scalarLiteral = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) ? literal(value) : undefined;

/** A value of a path parameter's declared type (`string` or `number`), readable as a placeholder. */
export function pathValue(p: ParameterIR): string {
  if (p.schema.type === 'integer' || p.schema.type === 'number') return String(p.schema.minimum ?? 1);
  return scalarLiteral(typeof p.schema.default === 'string' ? p.schema.default : undefined) ?? literal(screaming(p.identifier));
}

/** A value that type-checks for a required named parameter, or undefined when the summary cannot promise one. */
export function namedValue(p: ParameterIR): string | undefined {
  const s = p.schema;
  if (s.isArray) return undefined;
  // An enum's values are its type (openapi-typescript types it by them); a default counts only
  // where it has the declared type (`default: "1"` on an integer would not compile).
  const typed = (value: unknown): boolean =>
    s.type === undefined ||
    (s.type === 'string' && typeof value === 'string') ||
    ((s.type === 'integer' || s.type === 'number') && typeof value === 'number') ||
    (s.type === 'boolean' && typeof value === 'boolean');
  if (s.enum && s.enum.length > 0) return scalarLiteral(s.enum[0]);
  if (s.default !== undefined && typed(s.default)) return scalarLiteral(s.default);
  switch (s.type) {
    case 'string':
      if (s.format === 'date-time') return literal('2026-01-01T00:00:00Z');
      if (s.format === 'date') return literal('2026-01-01');
      return literal(screaming(p.name));
    case 'integer':
    case 'number':
      return String(s.minimum ?? (s.maximum !== undefined && s.maximum < 1 ? s.maximum : 1));
    case 'boolean':
      return 'true';
    default:
      return undefined;
  }
}

/**
 * Members TypeScript finds on every object type (its `Object` interface): an optional parameter
 * named like one is still checked against an object literal's inherited `constructor: Function`,
 * so an example that leaves it out would not compile. The example gives it a value.
 */
export const OBJECT_MEMBERS = new Set(['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);
