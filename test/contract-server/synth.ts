/**
 * Deterministic values from OpenAPI 3.0/3.1 schemas, for the operations the contract server answers from the
 * spec (spec-fallback.ts). The same schema always gives the same value: no randomness, no wall clock.
 *
 * Order at every level: a valid `example`, `examples[i]` or `default` of the schema; `const`; the first
 * non-null `enum` value; else a value built from the type. `$ref`s are followed, `allOf` members merged,
 * `oneOf`/`anyOf` take the first branch whose value is valid (non-null branches first), nullable types are
 * given their non-null type, objects get their required and optional properties (not writeOnly ones), arrays
 * one item (or minItems), strings honour format, pattern (simple ones), minLength and maxLength, numbers their
 * bounds and multipleOf. A schema met again inside itself gets only required properties, empty arrays and null
 * where allowed; a third time, or deeper than MAX_DEPTH, a bare leaf.
 */

import { checkSchema, resolveRef } from './schema-check.js';
import type { SchemaDocument } from './schema-check.js';
import { FIXTURE_EPOCH_MS, isoDate, isoDateTime } from './time.js';

type Obj = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string synthesised for each format (date-time and date come from the fixture clock). */
export const FORMAT_VALUES: Readonly<Record<string, string>> = {
  'date-time': isoDateTime(FIXTURE_EPOCH_MS),
  date: isoDate(FIXTURE_EPOCH_MS),
  time: '12:00:00Z',
  uuid: '00000000-0000-4000-8000-000000000000',
  email: 'user@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'c3RyaW5n',
};

const MAX_DEPTH = 32;
const MAX_ITEMS = 100;

interface State {
  readonly doc: unknown;
  /** How often each $ref is open on the way here. */
  readonly refs: ReadonlyMap<string, number>;
  readonly depth: number;
  /** Inside a recursion: required properties only, empty arrays, null where allowed. */
  readonly minimal: boolean;
}

/** Would this value be served as is: strictly valid, unknown keywords and formats aside. */
export function isValid(value: unknown, schema: unknown, doc: unknown): boolean {
  try {
    return checkSchema(value, schema, doc as SchemaDocument, { strictProperties: true, ignoreUnsupported: true }).length === 0;
  } catch {
    return false; // a $ref the checker cannot follow
  }
}

/** A value for `schema` (a schema inside `doc`, whose `$ref`s it may use); undefined only for `false`. */
export function synthesize(schema: unknown, doc: unknown): unknown {
  return gen(schema, { doc, refs: new Map(), depth: 0, minimal: false });
}

function deeper(st: State): State {
  return { ...st, depth: st.depth + 1 };
}

function typesOf(schema: Obj): string[] {
  const declared = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  return declared.filter((t): t is string => typeof t === 'string');
}

function allowsNull(schema: Obj): boolean {
  return schema.nullable === true || typesOf(schema).includes('null');
}

/** The non-null type a schema stands for, declared or implied by its keywords ('null' if only null). */
export function inferType(schema: Obj): string | undefined {
  const nonNull = typesOf(schema).find((t) => t !== 'null');
  if (nonNull !== undefined) return nonNull;
  if (typesOf(schema).includes('null')) return 'null';
  const has = (...keys: string[]): boolean => keys.some((key) => key in schema);
  if (has('properties', 'additionalProperties', 'required', 'minProperties', 'maxProperties')) return 'object';
  if (has('items', 'minItems', 'maxItems', 'uniqueItems')) return 'array';
  if (schema.format === 'int32' || schema.format === 'int64') return 'integer';
  if (schema.format === 'float' || schema.format === 'double') return 'number';
  if (has('minLength', 'maxLength', 'pattern', 'format')) return 'string';
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf')) return 'number';
  return undefined;
}

/** A value that does not descend any further (recursion bound). */
function leaf(schema: unknown): unknown {
  if (!isObject(schema)) return {};
  if (allowsNull(schema)) return null;
  const type = inferType(schema);
  return type === 'array' ? [] : scalar(schema, type);
}

/** A value of a scalar type; `{}` for objects and anything unknown. */
function scalar(schema: Obj, type: string | undefined): unknown {
  switch (type) {
    case 'string':
      return genString(schema);
    case 'integer':
      return genNumber(schema, true);
    case 'number':
      return genNumber(schema, false);
    case 'boolean':
      // false, not true: a synthesised `hasMore`-like flag must not send a client paging forever.
      return false;
    case 'null':
      return null;
    default:
      return {};
  }
}

function gen(schema: unknown, st: State): unknown {
  if (schema === false) return undefined;
  if (!isObject(schema)) return {};
  if (st.depth > MAX_DEPTH) return leaf(schema);

  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    let target: unknown;
    try {
      target = resolveRef(ref, st.doc);
    } catch {
      return {};
    }
    const { $ref: _ref, ...siblings } = schema;
    const merged = Object.keys(siblings).length === 0 ? target : { allOf: [target, siblings] };
    const open = st.refs.get(ref) ?? 0;
    if (open >= 2) return leaf(target);
    const refs = new Map(st.refs).set(ref, open + 1);
    return gen(merged, { doc: st.doc, refs, depth: st.depth + 1, minimal: st.minimal || open >= 1 });
  }

  for (const candidate of exampleCandidates(schema)) {
    if (isValid(candidate, schema, st.doc)) return structuredClone(candidate);
  }
  if ('const' in schema) return structuredClone(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return structuredClone(schema.enum.find((value) => value !== null) ?? null);
  }

  if (Array.isArray(schema.allOf)) return gen(flattenAllOf(schema, st.doc), deeper(st));
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const { [keyword]: _branches, ...rest } = schema;
    return genBranches(schema, rest, branches, st);
  }

  if (st.minimal && allowsNull(schema)) return null;
  const type = inferType(schema);
  if (type === 'object') return genObject(schema, st);
  if (type === 'array') return genArray(schema, st);
  return scalar(schema, type);
}

function exampleCandidates(schema: Obj): unknown[] {
  const out: unknown[] = [];
  if ('example' in schema) out.push(schema.example);
  if (Array.isArray(schema.examples)) out.push(...schema.examples);
  if ('default' in schema) out.push(schema.default);
  return out;
}

/** The first branch (non-null ones first) whose value satisfies the whole schema; else the first value. */
function genBranches(schema: Obj, rest: Obj, branches: readonly unknown[], st: State): unknown {
  const isNullOnly = (branch: unknown): boolean =>
    isObject(branch) && typesOf(branch).length > 0 && typesOf(branch).every((t) => t === 'null');
  const ordered = [...branches.filter((b) => !isNullOnly(b)), ...branches.filter(isNullOnly)];
  let first: unknown;
  for (const branch of ordered) {
    const combined = Object.keys(rest).length === 0 ? branch : { allOf: [rest, branch] };
    const value = withDiscriminator(gen(combined, deeper(st)), schema.discriminator, branch);
    if (value === undefined) continue;
    if (first === undefined) first = value;
    if (isValid(value, schema, st.doc)) return value;
  }
  return first;
}

function withDiscriminator(value: unknown, discriminator: unknown, branch: unknown): unknown {
  if (!isObject(value) || !isObject(discriminator) || typeof discriminator.propertyName !== 'string') return value;
  if (!isObject(branch) || typeof branch.$ref !== 'string') return value;
  const ref = branch.$ref;
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  const name = Object.entries(mapping).find(([, target]) => target === ref)?.[0] ?? ref.slice(ref.lastIndexOf('/') + 1);
  return { ...value, [discriminator.propertyName]: name };
}

/** The schema itself with its $refs followed and its allOf members merged into one object (for reading keywords). */
export function flattenSchema(schema: unknown, doc: unknown): Obj {
  const seen = new Set<string>();
  let node = schema;
  while (isObject(node) && typeof node.$ref === 'string' && !seen.has(node.$ref)) {
    seen.add(node.$ref);
    const { $ref: ref, ...siblings } = node;
    let target: unknown;
    try {
      target = resolveRef(ref, doc);
    } catch {
      return {};
    }
    node = Object.keys(siblings).length === 0 ? target : { allOf: [target, siblings] };
  }
  if (!isObject(node)) return {};
  return Array.isArray(node.allOf) ? flattenAllOf(node, doc, seen) : node;
}

/** One schema holding what every allOf member requires (members' $refs followed, nested allOfs too). */
function flattenAllOf(schema: Obj, doc: unknown, seen: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const { allOf, ...base } = schema;
  let merged: Record<string, unknown> = { ...base };
  for (let member of Array.isArray(allOf) ? allOf : []) {
    let opened = seen;
    if (isObject(member) && typeof member.$ref === 'string') {
      if (seen.has(member.$ref)) continue;
      opened = new Set([...seen, member.$ref]);
      let target: unknown;
      try {
        target = resolveRef(member.$ref, doc);
      } catch {
        continue;
      }
      const { $ref: _ref, ...siblings } = member;
      member = Object.keys(siblings).length === 0 ? target : { allOf: [target, siblings] };
    }
    if (!isObject(member)) continue;
    merged = mergeSchemas(merged, Array.isArray(member.allOf) ? flattenAllOf(member, doc, opened) : member);
  }
  return merged;
}

function mergeSchemas(a: Readonly<Record<string, unknown>>, b: Obj): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) {
      out[key] = value;
    } else if (key === 'properties' && isObject(mine) && isObject(value)) {
      const properties: Record<string, unknown> = { ...mine };
      for (const [name, sub] of Object.entries(value)) {
        const existing = properties[name];
        properties[name] = existing === undefined ? sub : { allOf: [existing, sub] };
      }
      out.properties = properties;
    } else if (key === 'required' && Array.isArray(mine) && Array.isArray(value)) {
      out.required = [...new Set([...mine, ...value])];
    } else if (key === 'type') {
      const left = Array.isArray(mine) ? mine : [mine];
      const right = Array.isArray(value) ? value : [value];
      const both = left.filter((t) => right.includes(t));
      out.type = both.length === 1 ? both[0] : both.length > 0 ? both : mine;
    } else if (key === 'nullable') {
      out.nullable = mine === true && value === true; // null only if every member allows it
    }
    // any other keyword: the first member that states it wins
  }
  return out;
}

function genObject(schema: Obj, st: State): Record<string, unknown> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((n): n is string => typeof n === 'string') : []);
  const extra = schema.additionalProperties;
  const out: Record<string, unknown> = {};
  const child = deeper(st);
  for (const [name, sub] of Object.entries(properties)) {
    if (!required.has(name) && (st.minimal || (isObject(sub) && sub.writeOnly === true))) continue;
    const value = gen(sub, child);
    if (value !== undefined) out[name] = value;
  }
  for (const name of required) {
    if (name in out) continue;
    const value = gen(isObject(extra) ? extra : {}, child);
    if (value !== undefined) out[name] = value;
  }
  if (Object.keys(properties).length === 0 && isObject(extra) && !st.minimal) {
    const value = gen(extra, child);
    if (value !== undefined) out.key = value;
  }
  return out;
}

function genArray(schema: Obj, st: State): unknown[] {
  const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : MAX_ITEMS;
  const count = Math.min(st.minimal ? min : Math.max(1, min), max, MAX_ITEMS);
  if (count <= 0) return [];
  const item = gen(schema.items ?? {}, deeper(st));
  if (item === undefined) return [];
  return Array.from({ length: count }, () => structuredClone(item));
}

function codePoints(text: string): number {
  return [...text].length;
}

function genString(schema: Obj): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  let pattern: RegExp | undefined;
  if (typeof schema.pattern === 'string') {
    try {
      pattern = new RegExp(schema.pattern, 'u');
    } catch {
      pattern = undefined;
    }
  }
  const fits = (text: string): boolean =>
    codePoints(text) >= min && codePoints(text) <= max && (pattern === undefined || pattern.test(text));
  const base = (typeof schema.format === 'string' ? FORMAT_VALUES[schema.format] : undefined) ?? 'string';
  if (fits(base)) return base;
  if (typeof schema.pattern === 'string' && pattern !== undefined) {
    for (const extra of [0, Math.max(0, min - 1), min]) {
      const text = fromPattern(schema.pattern, extra);
      if (text !== undefined && fits(text)) return text;
    }
    for (const text of ['a', 'A', '0', 'abc', 'x'.repeat(min)]) if (fits(text)) return text;
  }
  let text = base;
  if (codePoints(text) > max) text = [...text].slice(0, max).join('');
  if (codePoints(text) < min) text = text + 'x'.repeat(min - codePoints(text));
  return text;
}

function genNumber(schema: Obj, integer: boolean): number {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  let loOpen = false;
  let hiOpen = false;
  if (typeof schema.minimum === 'number') [lo, loOpen] = [schema.minimum, schema.exclusiveMinimum === true];
  if (typeof schema.maximum === 'number') [hi, hiOpen] = [schema.maximum, schema.exclusiveMaximum === true];
  if (typeof schema.exclusiveMinimum === 'number' && schema.exclusiveMinimum >= lo) [lo, loOpen] = [schema.exclusiveMinimum, true];
  if (typeof schema.exclusiveMaximum === 'number' && schema.exclusiveMaximum <= hi) [hi, hiOpen] = [schema.exclusiveMaximum, true];
  const step = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  const ok = (v: number): boolean =>
    Number.isFinite(v) &&
    (loOpen ? v > lo : v >= lo) &&
    (hiOpen ? v < hi : v <= hi) &&
    (!integer || Number.isInteger(v)) &&
    (step === undefined || Math.abs(v / step - Math.round(v / step)) < 1e-9);
  const tidy = (v: number): number => Number(v.toPrecision(12));
  const candidates = [0, lo, lo + 1, Math.ceil(lo), Math.ceil(lo) + 1, hi, hi - 1, Math.floor(hi), Math.floor(hi) - 1, (lo + hi) / 2];
  if (step !== undefined) {
    const first = Number.isFinite(lo) ? Math.ceil(lo / step) * step : Number.isFinite(hi) ? Math.floor(hi / step) * step : 0;
    candidates.unshift(tidy(first), tidy(first + step), tidy(first - step));
  }
  return candidates.find(ok) ?? (Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi : 0);
}

// ---------------------------------------------------------------------------------------------------------
// Strings for simple patterns: literals, escapes, character classes, groups, alternation (first branch) and
// quantifiers (their minimum, plus `extra` for the open-ended ones). Lookarounds and backreferences give up.

class Unsupported extends Error {}

const CLASS_REPS: Readonly<Record<string, string>> = { d: '0', w: 'a', s: ' ', D: 'a', W: '-', S: 'a' };
const CLASS_TESTS: Readonly<Record<string, RegExp>> = { d: /\d/, w: /\w/, s: /\s/, D: /\D/, W: /\W/, S: /\S/ };
const NEGATED_CANDIDATES = ['a', 'A', '0', 'x', '_', '-', '.', ' ', '~'];

export function fromPattern(pattern: string, extra = 0): string | undefined {
  let i = 0;
  const peek = (): string | undefined => pattern[i];

  function alternation(): string {
    const first = sequence();
    while (peek() === '|') {
      i++;
      sequence(); // parsed, not used
    }
    return first;
  }

  function sequence(): string {
    let out = '';
    while (i < pattern.length && peek() !== '|' && peek() !== ')') {
      const atom = parseAtom();
      out += atom.repeat(quantifier());
    }
    return out;
  }

  function escape(inClass: boolean): { char: string } | { cls: string } {
    const c = pattern[i++];
    if (c === undefined) throw new Unsupported();
    if (c in CLASS_REPS) return { cls: c };
    if (c === 'n') return { char: '\n' };
    if (c === 't') return { char: '\t' };
    if (c === 'r') return { char: '\r' };
    if (c === 'x') {
      const hex = /^[0-9a-fA-F]{2}/.exec(pattern.slice(i))?.[0];
      if (hex === undefined) throw new Unsupported();
      i += 2;
      return { char: String.fromCodePoint(Number.parseInt(hex, 16)) };
    }
    if (c === 'u') {
      const hex = /^(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/.exec(pattern.slice(i));
      const digits = hex?.[1] ?? hex?.[2];
      if (hex === null || digits === undefined) throw new Unsupported();
      i += hex[0].length;
      return { char: String.fromCodePoint(Number.parseInt(digits, 16)) };
    }
    if (/[0-9bBpPkc]/.test(c) && !(inClass && c === 'b')) throw new Unsupported(); // backrefs, boundaries, properties
    return { char: c };
  }

  function charClass(): string {
    const negated = peek() === '^';
    if (negated) i++;
    const members: Array<(c: string) => boolean> = [];
    let representative: string | undefined;
    while (peek() !== ']') {
      if (i >= pattern.length) throw new Unsupported();
      let item: { char: string } | { cls: string };
      if (peek() === '\\') {
        i++;
        item = escape(true);
      } else {
        item = { char: pattern[i++] ?? '' };
      }
      if ('cls' in item) {
        const test = CLASS_TESTS[item.cls] ?? /./;
        members.push((c) => test.test(c));
        representative ??= CLASS_REPS[item.cls];
        continue;
      }
      const from = item.char;
      if (peek() === '-' && pattern[i + 1] !== ']' && pattern[i + 1] !== undefined) {
        i++;
        const toItem = peek() === '\\' ? (i++, escape(true)) : { char: pattern[i++] ?? '' };
        if (!('char' in toItem)) throw new Unsupported();
        const to = toItem.char;
        members.push((c) => c >= from && c <= to);
      } else {
        members.push((c) => c === from);
      }
      representative ??= from;
    }
    i++; // ]
    if (!negated) {
      if (representative === undefined) throw new Unsupported();
      return representative;
    }
    const outside = NEGATED_CANDIDATES.find((c) => !members.some((member) => member(c)));
    if (outside === undefined) throw new Unsupported();
    return outside;
  }

  function parseAtom(): string {
    const c = pattern[i++];
    switch (c) {
      case '^':
      case '$':
        return '';
      case '.':
        return 'a';
      case '[':
        return charClass();
      case '(': {
        if (pattern.startsWith('?:', i)) i += 2;
        else if (/^\?<[A-Za-z_$][\w$]*>/.test(pattern.slice(i))) i = pattern.indexOf('>', i) + 1;
        else if (peek() === '?') throw new Unsupported(); // lookaround
        const inner = alternation();
        if (peek() !== ')') throw new Unsupported();
        i++;
        return inner;
      }
      case '\\': {
        const item = escape(false);
        return 'char' in item ? item.char : (CLASS_REPS[item.cls] ?? 'a');
      }
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
      case undefined:
        throw new Unsupported();
      default:
        return c;
    }
  }

  function quantifier(): number {
    const c = peek();
    let count = 1;
    if (c === '*' || c === '+' || c === '?') {
      i++;
      count = c === '*' ? extra : c === '+' ? 1 + extra : 0;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (m === null) throw new Unsupported();
      i += m[0].length;
      const least = Number(m[1]);
      const most = m[2] === undefined ? least : m[3] === '' || m[3] === undefined ? Number.POSITIVE_INFINITY : Number(m[3]);
      count = Math.min(least + extra, most);
    } else {
      return 1;
    }
    if (peek() === '?') i++; // lazy
    return count;
  }

  try {
    const text = alternation();
    return i === pattern.length ? text : undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
