/**
 * The operationId convention of one API (docs/naming.md). Each id is classified on its own; the
 * API's convention is the style a clear majority of its ids share, so a stray id, or one more
 * operation, does not change how every other operation is named.
 */
import type { HttpMethod } from './types.js';

export type IdStyle =
  /** `pulls/list`, `repos/list-commits`, `users.get`: the id names its resource, then its method (GitHub). */
  | 'namespaced'
  /** `Users_List`, `VirtualMachines_CreateOrUpdate`: resource, underscore, method (Azure). */
  | 'tagOperation'
  /** `GetCustomers`, `PostCustomersCustomer`: the HTTP method, then the path in PascalCase (Stripe). */
  | 'httpVerbPascal'
  /** `list_users`, `get-user`: a verb, then nouns, lower case. */
  | 'verbNoun'
  /** `listSessions`, `getPetById`: a verb, then nouns, camelCase. */
  | 'camel';

/** The share of operationIds one style must hold to be the API's: two in three. */
export const MAJORITY = 2 / 3;

const HTTP_VERB_PASCAL = /^(Get|Put|Post|Delete|Patch|Head|Options|Trace)(?=[A-Z0-9]|$)/;

/**
 * The style one operationId is written in, or undefined for an id that fits none (or fits more
 * than one: a single word like `health` says nothing about the convention).
 */
export function idStyle(id: string, method: HttpMethod): IdStyle | undefined {
  if (/^[A-Za-z][A-Za-z0-9_-]*[/.][A-Za-z][A-Za-z0-9_-]*$/.test(id)) return 'namespaced';
  if (/^[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*$/.test(id)) return 'tagOperation';
  const verb = HTTP_VERB_PASCAL.exec(id);
  if (verb && verb[1]!.toLowerCase() === method) return 'httpVerbPascal';
  if (/^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+$/.test(id)) return 'verbNoun';
  if (/^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/.test(id)) return 'camel';
  return undefined;
}

/**
 * The API's convention: the style held by at least two thirds of the operationIds that have one;
 * otherwise none (every operation is then named from its path). A two-thirds line, not a bare
 * majority, so adding one operation flips the result only for an API already on that line; the
 * names a previous generation assigned are kept by the names lock even then.
 */
export function detectConvention(ops: readonly { id: string | undefined; method: HttpMethod }[]): IdStyle | undefined {
  const counts = new Map<IdStyle, number>();
  let classified = 0;
  for (const op of ops) {
    if (op.id === undefined) continue;
    const style = idStyle(op.id, op.method);
    if (style === undefined) continue;
    classified++;
    counts.set(style, (counts.get(style) ?? 0) + 1);
  }
  for (const [style, count] of counts) if (classified > 0 && count >= classified * MAJORITY) return style;
  return undefined;
}

/** An id's resource part and method part, for the styles that write both (`pulls/list` → pulls, list). */
export function splitNamespaced(id: string, style: IdStyle): { resource: string; method: string } | undefined {
  if (style === 'namespaced') {
    const at = id.search(/[/.]/);
    return { resource: id.slice(0, at), method: id.slice(at + 1) };
  }
  if (style === 'tagOperation') {
    const at = id.indexOf('_');
    return { resource: id.slice(0, at), method: id.slice(at + 1) };
  }
  return undefined;
}
