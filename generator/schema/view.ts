import { canonicalKey, child, isObject } from './json.js';
import type { RefResolver } from './resolve.js';

/** A schema node and where it is written. */
export interface Located {
  node: unknown;
  pointer: string;
}

/** A keyword's value and the pointer of the schema node that spells it. */
export interface Valued<T> {
  value: T;
  origin: string;
}

export interface Bound {
  value: number;
  exclusive: boolean;
  origin: string;
}

export const BOUND_NAMES = ['maximum', 'minimum', 'maxLength', 'minLength', 'maxItems', 'minItems'] as const;
export type BoundName = (typeof BOUND_NAMES)[number];

/**
 * One schema as a client sees it, whatever the spelling: `$ref` chains followed, `allOf`
 * flattened, 3.0 `nullable: true`, 3.1 `type: [..., "null"]`, a `null` enum member and the
 * `anyOf: [X, {type: "null"}]` idiom all become `nullable`, and a single remaining union
 * branch or `allOf` member is unwrapped into the schema itself. The outermost spelling of each
 * keyword wins (a `$ref` sibling overrides its target).
 */
export interface SchemaView {
  /** Pointer of the node as written (before following `$ref`). */
  site: string;
  /** Pointer of the node the site's `$ref` chain ends at: the schema's identity, used for cycle detection. */
  target: string;
  /** Allowed JSON types without `null`; undefined means unconstrained. */
  types?: Valued<ReadonlySet<string>>;
  /** Origin of the spelling that admits `null`. */
  nullable?: string;
  format?: Valued<string>;
  /** Enum members (or `const`) without `null`, keyed by canonical JSON. */
  enumValues?: Valued<ReadonlyMap<string, unknown>>;
  properties: Map<string, Located>;
  required: Set<string>;
  items?: Located;
  additionalProperties?: Located;
  /** `oneOf`/`anyOf` branches that remain after dropping `null` branches, when two or more do. */
  branches?: Located[];
  bounds: Map<BoundName, Bound>;
  pattern?: Valued<string>;
  defaultValue?: Valued<string>;
  description?: Valued<string>;
  title?: Valued<string>;
  /** Canonical JSON of the examples (`example` is read as a one-item `examples`). */
  examples?: Valued<string>;
  /** Origin of `deprecated: true`. */
  deprecated?: string;
  readOnly: boolean;
  writeOnly: boolean;
}

export function viewOf(refs: RefResolver, at: Located): SchemaView {
  const view: SchemaView = {
    site: at.pointer,
    target: at.pointer,
    properties: new Map(),
    required: new Set(),
    bounds: new Map(),
    readOnly: false,
    writeOnly: false,
  };
  absorb(refs, at.node, at.pointer, view, true, true, new Set());
  if (!view.types && !view.branches) {
    if (view.properties.size > 0 || view.additionalProperties) view.types = { value: new Set(['object']), origin: view.target };
    else if (view.items) view.types = { value: new Set(['array']), origin: view.target };
  }
  return view;
}

/** True for a branch that only admits `null` (`{type: "null"}`, `{const: null}`, `{enum: [null]}`). */
export function isNullSchema(refs: RefResolver, node: unknown): boolean {
  const { node: resolved } = followRefs(refs, node, '#', new Set());
  if (!isObject(resolved)) return false;
  const type = resolved.type;
  if (type === 'null' || (Array.isArray(type) && type.length === 1 && type[0] === 'null')) return true;
  if ('const' in resolved && resolved.const === null) return true;
  return Array.isArray(resolved.enum) && resolved.enum.length > 0 && resolved.enum.every((v) => v === null);
}

/**
 * Follows `node`'s `$ref` chain (see resolve.ts for the cycle policy). A ref already in `seen`
 * is a back-reference to a schema this view is already merging (`A: {allOf: [B]}`,
 * `B: {allOf: [A]}`): merging it again adds nothing, so it reads as `true` (no constraint). A ref
 * to nothing reads as `true` too: the view describes what it can see.
 */
function followRefs(refs: RefResolver, node: unknown, pointer: string, seen: Set<string>, onSibling?: (node: Record<string, unknown>, at: string) => void): { node: unknown; pointer: string } {
  const steps = refs.chain(node, pointer);
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i]!;
    const next = steps[i + 1]!.pointer;
    // Every step but the last is a `$ref` object: its siblings (a local description) count.
    if (isObject(step.value)) onSibling?.(step.value, step.pointer);
    if (seen.has(next)) return { node: true, pointer: next };
    seen.add(next);
  }
  const last = steps.at(-1)!;
  return last.value === undefined ? { node: true, pointer: last.pointer } : { node: last.value, pointer: last.pointer };
}

/**
 * Merges one node into the view. `identity` is true along the chain that IS the schema (its
 * `$ref` targets and unwrapped single members); members of a real `allOf` conjunction add
 * structure and constraints but not docs, nullability or deprecation.
 */
function absorb(refs: RefResolver, node: unknown, pointer: string, view: SchemaView, identity: boolean, outer: boolean, seen: Set<string>): void {
  const { node: resolved, pointer: at } = followRefs(refs, node, pointer, seen, (sibling, where) => absorbOwn(sibling, where, view, identity));
  if (outer) view.target = at;
  if (resolved === false) {
    view.types ??= { value: new Set(), origin: at };
    return;
  }
  if (!isObject(resolved)) return;
  absorbOwn(resolved, at, view, identity);

  const allOf = resolved.allOf;
  if (Array.isArray(allOf)) {
    allOf.forEach((member: unknown, i) => absorb(refs, member, child(at, 'allOf', i), view, identity && allOf.length === 1, false, seen));
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const list = resolved[keyword];
    if (!Array.isArray(list)) continue;
    const branches: Located[] = list.map((n: unknown, i) => ({ node: n, pointer: child(at, keyword, i) }));
    const nonNull = branches.filter((b) => !isNullSchema(refs, b.node));
    if (nonNull.length < branches.length && identity) view.nullable ??= at;
    const only = nonNull.length === 1 ? nonNull[0] : undefined;
    if (only) absorb(refs, only.node, only.pointer, view, identity, false, seen);
    else if (nonNull.length > 1) view.branches ??= nonNull;
  }
}

/** The node's own keywords; a keyword already set by an outer node wins. */
function absorbOwn(node: Record<string, unknown>, at: string, view: SchemaView, identity: boolean): void {
  const type = node.type;
  if (!view.types && (typeof type === 'string' || Array.isArray(type))) {
    const list = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
    if (list.includes('null') && identity) view.nullable ??= at;
    view.types = { value: new Set(list.filter((t) => t !== 'null')), origin: at };
  }
  if (node.nullable === true && identity) view.nullable ??= at;
  if (!view.format && typeof node.format === 'string') view.format = { value: node.format, origin: at };

  const members: unknown[] | undefined = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : undefined;
  if (members && !view.enumValues) {
    if (members.includes(null) && identity) view.nullable ??= at;
    const values = new Map<string, unknown>();
    for (const m of members) if (m !== null) values.set(canonicalKey(m), m);
    view.enumValues = { value: values, origin: at };
  }

  if (isObject(node.properties)) {
    for (const [name, schema] of Object.entries(node.properties)) {
      if (!view.properties.has(name)) view.properties.set(name, { node: schema, pointer: child(at, 'properties', name) });
    }
  }
  if (Array.isArray(node.required)) for (const name of node.required) if (typeof name === 'string') view.required.add(name);
  if (!view.items && (isObject(node.items) || typeof node.items === 'boolean')) view.items = { node: node.items, pointer: child(at, 'items') };
  if (!view.additionalProperties && isObject(node.additionalProperties)) {
    view.additionalProperties = { node: node.additionalProperties, pointer: child(at, 'additionalProperties') };
  }

  absorbBounds(node, at, view);
  if (!view.pattern && typeof node.pattern === 'string') view.pattern = { value: node.pattern, origin: at };

  if (!identity) return;
  if (!view.description && typeof node.description === 'string') view.description = { value: node.description, origin: at };
  if (!view.title && typeof node.title === 'string') view.title = { value: node.title, origin: at };
  if (!view.examples) {
    const examples = Array.isArray(node.examples) ? node.examples : 'example' in node ? [node.example] : undefined;
    if (examples) view.examples = { value: canonicalKey(examples), origin: at };
  }
  if (!view.defaultValue && 'default' in node) view.defaultValue = { value: canonicalKey(node.default), origin: at };
  if (node.deprecated === true) view.deprecated ??= at;
  if (node.readOnly === true) view.readOnly = true;
  if (node.writeOnly === true) view.writeOnly = true;
}

/** 3.0 `maximum` + `exclusiveMaximum: true` and 3.1 `exclusiveMaximum: n` become one bound. */
function absorbBounds(node: Record<string, unknown>, at: string, view: SchemaView): void {
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const numeric = (inclusive: unknown, exclusive: unknown, upper: boolean): Bound | undefined => {
    const candidates: Bound[] = [];
    const plain = num(inclusive);
    if (plain !== undefined) candidates.push({ value: plain, exclusive: exclusive === true, origin: at });
    const strict = num(exclusive);
    if (strict !== undefined) candidates.push({ value: strict, exclusive: true, origin: at });
    return candidates.reduce<Bound | undefined>((best, b) => (!best || isTighter(b, best, upper) ? b : best), undefined);
  };
  const found: [BoundName, Bound | undefined][] = [
    ['maximum', numeric(node.maximum, node.exclusiveMaximum, true)],
    ['minimum', numeric(node.minimum, node.exclusiveMinimum, false)],
  ];
  for (const name of ['maxLength', 'minLength', 'maxItems', 'minItems'] as const) {
    const value = num(node[name]);
    found.push([name, value === undefined ? undefined : { value, exclusive: false, origin: at }]);
  }
  for (const [name, bound] of found) if (bound && !view.bounds.has(name)) view.bounds.set(name, bound);
}

/** Whether bound `a` admits fewer values than `b` (an upper bound when `upper`). */
export function isTighter(a: Bound, b: Bound, upper: boolean): boolean {
  if (a.value !== b.value) return upper ? a.value < b.value : a.value > b.value;
  return a.exclusive && !b.exclusive;
}

/*
 * Questions the IR and the MCP stage ask of one schema, answered from its view so that they
 * read `$ref`, `allOf`, 3.0 `nullable` and 3.1 type arrays the same way the diff does.
 */

/** A view of the schema at `pointer` (the pointer only places messages and back-references). */
function viewAt(refs: RefResolver, schema: unknown, pointer: string): SchemaView {
  return viewOf(refs, { node: schema, pointer });
}

/** Properties by name, in declaration order: own first, then each `allOf` member's (the first definition of a name wins). */
export function propertiesOf(refs: RefResolver, schema: unknown, pointer: string): Map<string, Located> {
  return viewAt(refs, schema, pointer).properties;
}

/** The JSON types the schema allows, `null` left out (see `nullable`); empty when it does not say. */
export function typesOf(refs: RefResolver, schema: unknown, pointer: string): ReadonlySet<string> {
  return viewAt(refs, schema, pointer).types?.value ?? new Set();
}

/** True when the schema describes an array, in 3.0 or 3.1 spelling (`items` alone counts). */
export function isArraySchema(refs: RefResolver, schema: unknown, pointer: string): boolean {
  const view = viewAt(refs, schema, pointer);
  return view.types?.value.has('array') === true || view.items !== undefined;
}

/**
 * The schema (resolved) of a property path (`pagination.nextCursor`) inside a schema, or
 * undefined when the path does not exist, so callers can treat "no such field" as "not this pattern".
 */
export function schemaAtPath(refs: RefResolver, schema: unknown, pointer: string, path: readonly string[]): unknown {
  let at: Located = { node: schema, pointer };
  for (const key of path) {
    const next = propertiesOf(refs, at.node, at.pointer).get(key);
    if (next === undefined) return undefined;
    at = next;
  }
  return refs.tryDeref(at.node, at.pointer).value;
}
