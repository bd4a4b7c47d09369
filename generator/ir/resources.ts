import { GeneratorError } from '../errors.js';
import type { OperationOverride } from '../config.js';
import { idStyle, splitNamespaced, type IdStyle } from './conventions.js';
import { camelCase, isJsMeaningful, pascalCase, preserveCamel, safeIdentifier, uniqueName, words } from './naming.js';
import { isPlural, sameNoun, singular, vocabularyVerb, type VocabularyVerb } from './vocabulary.js';
import type { HttpMethod, OperationIR, ResourceIR } from './types.js';

/** Names the client class already uses; a resource may not shadow them. */
const CLIENT_MEMBERS = new Set(['request', 'requestPage', 'baseUrl', 'options', 'settings', 'constructor', 'withOptions', 'fetch', 'logger']);

const VERB_FOR_COLLECTION: Partial<Record<HttpMethod, string>> = { post: 'create', put: 'replace', patch: 'update', delete: 'deleteAll' };
// POST to one item changes it (Stripe's `POST /customers/{customer}`, Petstore's form update).
const VERB_FOR_ITEM: Partial<Record<HttpMethod, string>> = { get: 'get', post: 'update', put: 'replace', patch: 'update', delete: 'delete' };

/**
 * A path segment starting with one of these already says what the call does
 * (`/user/createWithArray`, `/pets/{id}/uploadImage`, `/jobs/{id}/cancel`): no verb is put in front.
 */
const ACTION_VERBS = new Set(
  ('add approve archive assign cancel check close confirm copy create delete disable download enable export find get ' +
    'import invite list lock login logout merge move open publish refresh reject remove rename reset resend restore retry ' +
    'revoke run search send set start stop submit sync test transfer unlock unpublish update upload validate verify').split(' '),
);

/** Array properties whose name says the body is a page of items, whatever the resource is called. */
const ITEM_ARRAYS = new Set(['data', 'items', 'results', 'rows', 'records', 'entries']);

export interface Placement {
  resource: string;
  method: string;
  /** The method to fall back to when another operation of the resource derives the same one. */
  fallback?: string;
}

/** What the success body says about the operation returning many items. */
export interface ListShape {
  /** The body is an array. */
  array: boolean;
  /** Names of array properties of the body, and of the objects directly inside it (`meta.items` → `items`). */
  arrays: readonly string[];
  /** The body is described as an object with properties (so an absent array is a fact, not a gap). */
  object: boolean;
}

type PlacedOperation = Pick<OperationIR, 'method' | 'path' | 'paging' | 'tags' | 'functionName' | 'operationId' | 'hasSpecOperationId'>;

/**
 * Where an operation lives on the client (docs/naming.md). In an API whose ids name their resource
 * (`pulls/list`, `Users_List`), the id says it. Otherwise the path does: the first static segment
 * after the skipped prefix (`/v1`) names the resource, what follows and the HTTP method name the
 * method in one vocabulary, with the id's own verb where it has one (`addPet` → `create`).
 * Config overrides win.
 */
export function placeOperation(op: PlacedOperation, skip: RegExp, shape: ListShape, override: OperationOverride | undefined, convention?: IdStyle): Placement {
  const placed = (op.hasSpecOperationId && convention !== undefined ? fromId(op, convention) : undefined) ?? fromPath(op, skip, shape);
  // A name from a segment like `2.0` or `1` would start with a digit, which no identifier may:
  // the HTTP method goes first (`get20ResourceTypes`).
  if (/^[0-9]/.test(placed.method)) placed.method = `${op.method}${placed.method}`;
  return {
    resource: override?.resource ?? (placed.resource || 'default'),
    method: override?.method ?? (placed.method || op.functionName),
    ...(placed.fallback && !override?.method ? { fallback: placed.fallback } : {}),
  };
}

/** `pulls/list-commits` → pulls.listCommits, `VirtualMachines_CreateOrUpdate` → virtualMachines.createOrUpdate. */
function fromId(op: PlacedOperation, convention: IdStyle): Placement | undefined {
  if (idStyle(op.operationId, op.method) !== convention) return undefined;
  const parts = splitNamespaced(op.operationId, convention);
  if (!parts) return undefined;
  const resource = camelCase(parts.resource);
  let method = camelCase(parts.method);
  // `webhooks/get-webhooks` would repeat its resource: the verb alone says it.
  const w = words(parts.method);
  if (w.length > 1 && sameNoun(w.slice(1).join(' '), parts.resource)) method = w[0]!.toLowerCase();
  return resource && method ? { resource, method } : undefined;
}

/** The id's own verb and what it acts on (`getWebhooks` → get, Webhooks), for camelCase and verb_noun ids. */
function idVerb(op: PlacedOperation): { verb: string; noun: string } | undefined {
  if (!op.hasSpecOperationId) return undefined;
  const style = idStyle(op.operationId, op.method);
  if (style !== 'camel' && style !== 'verbNoun') return undefined;
  const w = words(op.operationId);
  return { verb: w[0]!.toLowerCase(), noun: w.slice(1).join(' ') };
}

function fromPath(op: PlacedOperation, skip: RegExp, shape: ListShape): Placement {
  const segments = op.path.split('/').filter(Boolean);
  let start = 0;
  while (start < segments.length && skip.test(segments[start]!)) start++;
  const rest = segments.slice(start);
  const resourceIndex = rest.findIndex((s) => !s.startsWith('{'));
  const resourceSegment = resourceIndex >= 0 ? rest[resourceIndex]! : (op.tags[0] ?? 'default');
  const after = resourceIndex >= 0 ? rest.slice(resourceIndex + 1) : rest;
  let statics = after.filter((s) => !s.startsWith('{'));
  const endsWithParam = after.length > 0 && after[after.length - 1]!.startsWith('{');
  // `/folders/{id}/folders`: the resource's own collection, inside one of its items.
  if (statics.length === 1 && !endsWithParam && sameNoun(statics[0]!, resourceSegment)) statics = [];
  const collection = !endsWithParam;
  const spec = idVerb(op);
  const vocab = vocabularyVerb(spec?.verb);

  let method: string;
  if (statics.length === 0) {
    if (collection) {
      const reads = op.method === 'get' || vocab === 'get' || vocab === 'list';
      method = reads ? (isList(op, shape, resourceSegment, spec, vocab) ? 'list' : 'get') : (vocab ?? VERB_FOR_COLLECTION[op.method] ?? op.method);
    } else {
      const action = op.method === 'post' && spec && !vocab && ACTION_VERBS.has(spec.verb) ? spec.verb : undefined;
      method = action ?? (vocab && vocab !== 'list' ? vocab : undefined) ?? VERB_FOR_ITEM[op.method] ?? op.method;
    }
  } else {
    // `POST /charges/{charge}/capture`: one singular word posted to an item is what is done to it.
    const last = after[after.length - 1]!;
    const acts = op.method === 'post' && statics.length === 1 && after.length >= 2 && after[after.length - 2]!.startsWith('{') && words(last).length === 1 && !isPlural(last);
    const saysWhat = acts || ACTION_VERBS.has(words(statics[0]!)[0]?.toLowerCase() ?? '');
    // A segment followed by an id names one item of it (`/comments/{id}/reactions` → commentReactions).
    const nouns: string[] = [];
    after.forEach((s, i) => {
      if (s.startsWith('{')) return;
      const last = nouns.length === statics.length - 1;
      const one = last ? endsWithParam || (op.method === 'post' && !(spec && isPlural(spec.noun))) : after[i + 1]?.startsWith('{') === true;
      nouns.push(one ? singular(s) : s);
    });
    if (saysWhat) method = camelCase(statics.join(' '));
    else if (op.method === 'get') method = camelCase(endsWithParam ? `get ${nouns.join(' ')}` : nouns.join(' '));
    else {
      const verb = (vocab && vocab !== 'list' && vocab !== 'get' ? vocab : undefined) ?? (endsWithParam ? VERB_FOR_ITEM[op.method] : VERB_FOR_COLLECTION[op.method]) ?? op.method;
      method = camelCase(`${verb} ${nouns.join(' ')}`);
    }
  }
  const resource = camelCase(resourceSegment);
  return { resource, method, ...withFallback(spec, resourceSegment) };
}

/**
 * A GET (or an id that reads) on a collection lists it when it pages, answers an array or a body
 * holding the items, or its id says `list` (or reads the resource, plural, and the body says
 * nothing against it); an id that gets one singular thing (`getUsage`) gets.
 */
function isList(op: PlacedOperation, shape: ListShape, resource: string, spec: { verb: string; noun: string } | undefined, vocab: VocabularyVerb | undefined): boolean {
  if (vocab === 'list' || op.paging !== undefined || shape.array) return true;
  if (spec && spec.noun && !isPlural(spec.noun)) return false;
  if (shape.arrays.some((name) => ITEM_ARRAYS.has(name.toLowerCase()) || sameNoun(name, resource))) return true;
  // `getCategories` on `/categories`, its body undescribed: the id says it reads them all.
  return spec !== undefined && !shape.object && isPlural(spec.noun) && sameNoun(spec.noun, resource);
}

/**
 * What a method falls back to on a collision: the id's own words without its resource
 * (`updatePet` and `updatePetWithForm` on `pet` → `update` and `updateWithForm`).
 */
function withFallback(spec: { verb: string; noun: string } | undefined, resource: string): { fallback?: string } {
  if (!spec) return {};
  const nounWords = words(spec.noun);
  // The shortest run of the id's words that is the resource (`CustomPages` is `custompages`).
  for (let length = 1; length <= nounWords.length; length++) {
    for (let at = 0; at + length <= nounWords.length; at++) {
      if (!sameNoun(nounWords.slice(at, at + length).join(' '), resource)) continue;
      const kept = [...nounWords.slice(0, at), ...nounWords.slice(at + length)];
      return { fallback: camelCase([spec.verb, ...kept].join(' ')) };
    }
  }
  return {};
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
 * to each one's fallback (the id's own words), else its function name, so no placement ever
 * silently hides another operation; a pinned
 * operation keeps its method, and only the others give way.
 */
export function groupResources(ops: OperationIR[], pins: Pins, exportedNames: Set<string>, fallbacks: ReadonlyMap<OperationIR, string> = new Map()): ResourceIR[] {
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
    // Operations that would share a method take the one their id says (`updateWithForm`), unless
    // that too is shared; then, as before, their function names.
    const gives = (op: OperationIR) => !pins.pinned.has(op.operationId) && ((counts.get(op.resourceMethod) ?? 0) > 1 || pinnedMethods.has(op.resourceMethod));
    const wanted = new Map(list.map((op) => [op, gives(op) ? (fallbacks.get(op) ?? op.functionName) : op.resourceMethod]));
    const wantedCounts = new Map<string, number>();
    for (const name of wanted.values()) wantedCounts.set(name, (wantedCounts.get(name) ?? 0) + 1);
    for (const op of list) {
      const name = wanted.get(op)!;
      if (gives(op)) op.resourceMethod = (wantedCounts.get(name) ?? 0) > 1 || pinnedMethods.has(name) ? op.functionName : name;
    }
    const taken = new Set<string>();
    // Pinned operations claim their methods first, so a new operation never takes one of theirs.
    const ordered = [...list.filter((op) => pins.pinned.has(op.operationId)), ...list.filter((op) => !pins.pinned.has(op.operationId))];
    for (const op of ordered) {
      const pinned = pins.pinned.has(op.operationId);
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
