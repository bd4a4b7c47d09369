import { GeneratorError } from '../errors.js';
import type { OperationOverride } from '../config.js';
import { camelCase, isJsMeaningful, pascalCase, preserveCamel, safeIdentifier, uniqueName, words } from './naming.js';
import type { HttpMethod, OperationIR, ResourceIR } from './types.js';

/** Names the client class already uses; a resource may not shadow them. */
const CLIENT_MEMBERS = new Set(['request', 'requestPage', 'baseUrl', 'options', 'settings', 'constructor', 'withOptions', 'fetch', 'logger']);

const VERB_FOR_COLLECTION: Partial<Record<HttpMethod, string>> = { post: 'create', put: 'replace', patch: 'update', delete: 'deleteAll' };
const VERB_FOR_ITEM: Partial<Record<HttpMethod, string>> = { get: 'get', post: 'create', put: 'replace', patch: 'update', delete: 'delete' };

/**
 * A path segment starting with one of these already says what the call does
 * (`/user/createWithArray`, `/pets/{id}/uploadImage`, `/jobs/{id}/cancel`): no verb is put in front.
 */
const ACTION_VERBS = new Set(
  ('add approve archive assign cancel check close confirm copy create delete disable download enable export find get ' +
    'import invite list lock login logout merge move open publish refresh reject remove rename reset resend restore retry ' +
    'revoke run search send set start stop submit sync test transfer unlock unpublish update upload validate verify').split(' '),
);

export interface Placement {
  resource: string;
  method: string;
}

/**
 * Where an operation lives on the client, from its path: the first static segment after the
 * skipped prefix (`/v1`) names the resource; what follows names the method
 * (`/v1/sessions/{id}/events` → `sessions.events`). Config overrides win.
 */
export function placeOperation(
  op: Pick<OperationIR, 'method' | 'path' | 'paging' | 'tags' | 'functionName'>,
  skip: RegExp,
  returnsArray: boolean,
  override: OperationOverride | undefined,
): Placement {
  const segments = op.path.split('/').filter(Boolean);
  let start = 0;
  while (start < segments.length && skip.test(segments[start]!)) start++;
  const rest = segments.slice(start);
  const resourceIndex = rest.findIndex((s) => !s.startsWith('{'));
  const resourceSegment = resourceIndex >= 0 ? rest[resourceIndex]! : (op.tags[0] ?? 'default');
  const after = resourceIndex >= 0 ? rest.slice(resourceIndex + 1) : rest;
  const statics = after.filter((s) => !s.startsWith('{'));
  const endsWithParam = after.length > 0 && after[after.length - 1]!.startsWith('{');

  let method: string;
  if (statics.length === 0) {
    if (after.length === 0) {
      method = op.method === 'get' ? (op.paging || returnsArray ? 'list' : 'get') : (VERB_FOR_COLLECTION[op.method] ?? op.method);
    } else {
      method = VERB_FOR_ITEM[op.method] ?? op.method;
    }
  } else {
    const noun = camelCase(statics.join(' '));
    const saysWhat = ACTION_VERBS.has(words(statics[0]!)[0]?.toLowerCase() ?? '');
    const verb = op.method === 'get' || saysWhat ? '' : endsWithParam ? (VERB_FOR_ITEM[op.method] ?? op.method) : (VERB_FOR_COLLECTION[op.method] ?? op.method);
    method = verb ? camelCase(`${verb} ${statics.join(' ')}`) : noun;
  }
  // A name from a segment like `2.0` or `1` would start with a digit, which no identifier may:
  // the HTTP method goes first (`get20ResourceTypes`).
  if (/^[0-9]/.test(method)) method = `${op.method}${method}`;
  return {
    resource: override?.resource ?? (camelCase(resourceSegment) || 'default'),
    method: override?.method ?? (method || op.functionName),
  };
}

export interface Pins {
  /** Operations the config places (resource or method). */
  overridden: ReadonlySet<string>;
  /** Operations whose method stays: the config's and those with recorded names (names-lock.ts). */
  pinned: ReadonlySet<string>;
  /** The class name a previous generation gave the resource at this client property, if any. */
  recordedClass: (property: string) => string | undefined;
}

/**
 * The client property of a resource name: an identifier, never one of the client's own members.
 * Idempotent, so a property recorded in the lock maps to itself.
 */
export function propertyFor(name: string): string {
  const property = safeIdentifier(preserveCamel(name), 'default');
  return CLIENT_MEMBERS.has(property) ? `${property}Api` : property;
}

/**
 * Groups placed operations into resources. A method name two operations would share falls back
 * to each one's function name, so no placement ever silently hides another operation; a pinned
 * operation keeps its method, and only the others give way.
 */
export function groupResources(ops: OperationIR[], pins: Pins, exportedNames: Set<string>): ResourceIR[] {
  // Grouped by the client property each placement ends up as, so a recorded placement (already a
  // property: `public_`, `settingsApi`) and a new operation on the same path (`public`) share one
  // resource, and two spellings of one name (`Foo` from the config, `foo` from a path) are one.
  const byProperty = new Map<string, { raw: string; list: OperationIR[] }>();
  for (const op of ops) {
    const property = propertyFor(op.resource);
    const group = byProperty.get(property) ?? { raw: op.resource, list: [] };
    group.list.push(op);
    byProperty.set(property, group);
  }
  const resources: ResourceIR[] = [];
  for (const [property, { raw, list }] of byProperty) {
    const counts = new Map<string, number>();
    for (const op of list) counts.set(op.resourceMethod, (counts.get(op.resourceMethod) ?? 0) + 1);
    const pinnedMethods = new Set(list.filter((op) => pins.pinned.has(op.operationId)).map((op) => op.resourceMethod));
    const taken = new Set<string>();
    // Pinned operations claim their methods first, so a new operation never takes one of theirs.
    const ordered = [...list.filter((op) => pins.pinned.has(op.operationId)), ...list.filter((op) => !pins.pinned.has(op.operationId))];
    for (const op of ordered) {
      const pinned = pins.pinned.has(op.operationId);
      if (!pinned && ((counts.get(op.resourceMethod) ?? 0) > 1 || pinnedMethods.has(op.resourceMethod))) op.resourceMethod = op.functionName;
      // Methods may be keywords (`get`, `delete`), but not names JavaScript reads off any object (`then`).
      if (isJsMeaningful(op.resourceMethod)) op.resourceMethod = `${op.resourceMethod}_`;
      if (taken.has(op.resourceMethod) && pinned) {
        const why = pins.overridden.has(op.operationId) ? 'Config override gives' : 'Config overrides and the names recorded in codegen.lock.json give';
        throw new GeneratorError(`${why} two operations the method "${property}.${op.resourceMethod}"`, op.pointer);
      }
      op.resourceMethod = uniqueName(op.resourceMethod, taken);
    }
    // A class named like a schema (`Analytics`) becomes `AnalyticsResource`, leaving the schema its name.
    const base = safeIdentifier(pascalCase(raw) || 'Default', 'Default');
    const className = pins.recordedClass(property) ?? uniqueName(exportedNames.has(base) ? `${base}Resource` : base, exportedNames);
    for (const op of list) op.resource = property;
    resources.push({ property, className, fileName: words(property).map((w) => w.toLowerCase()).join('-'), operations: list });
  }
  return resources;
}
