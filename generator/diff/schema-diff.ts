import { segmentsOf } from '../schema/json.js';
import { code, sortedUnion } from './json.js';
import { fieldName, placeOf, subjectOf, type SchemaContext } from './naming.js';
import { isRequestPrefix, type PropertyPrefix, type SchemaPrefix, type SchemaRoot } from './rules.js';
import { BOUND_NAMES, isTighter, viewOf, type Bound, type BoundName, type Located, type SchemaView } from '../schema/view.js';
import type { RefResolver } from '../schema/resolve.js';
import type { Emit } from './sink.js';
import type { Direction } from './types.js';

/**
 * How one schema comparison was entered. `root` names changes to the root value
 * (`response-body`, `request-parameter`, `response-header`, `request-body`); changes at or
 * below an object property use `request-property` / `response-property`. The levels are the
 * rules table's (`rules.ts`): narrowing a request or widening a response is what breaks.
 */
export interface SchemaWalk extends Omit<SchemaContext, 'direction'> {
  oldRefs: RefResolver;
  newRefs: RefResolver;
  root: SchemaRoot;
  emit: Emit;
}

interface WalkState extends SchemaWalk, SchemaContext {
  propertyPrefix: PropertyPrefix;
  /** Pairs of (old, new) schema identities already walked: recursive schemas terminate here. */
  visited: Set<string>;
}

/** Compares two schemas structurally, as seen from the walk's direction. */
export function diffSchemas(walk: SchemaWalk, oldAt: Located, newAt: Located): void {
  const direction: Direction = walk.root.startsWith('request-') ? 'request' : 'response';
  const state: WalkState = { ...walk, direction, propertyPrefix: `${direction}-property`, visited: new Set() };
  diffNode(state, oldAt, newAt, false);
}

function prefixOf(state: WalkState, viaProperty: boolean): SchemaPrefix {
  return viaProperty ? state.propertyPrefix : state.root;
}

/** Where a keyword change happened (its pointer in the new spec) and the message's name for it. */
type At = (newOrigin: string | undefined, oldOrigin: string | undefined) => { pointer: string; subject: string };

function placer(state: WalkState, ov: SchemaView, nv: SchemaView, viaProperty: boolean): At {
  return (newOrigin, oldOrigin) => {
    const pointer = changeAt(nv, ov, newOrigin, oldOrigin);
    return { pointer, subject: named(state, pointer, changeAt(ov, nv, oldOrigin, newOrigin), viaProperty) };
  };
}

/**
 * Where, in `view`'s spec, a keyword changed: where that spec spells it, unless that is inside a
 * schema the site now refers to instead of the other side's (then the site changed, not that
 * schema); where it does not spell it, the schema both sides resolve to if the other side spelled
 * it there, else the site. So a change inside a shared component is named after the innermost
 * component that holds it, once, and a property that now refers to another schema is named itself.
 */
function changeAt(view: SchemaView, other: SchemaView, origin: string | undefined, otherOrigin: string | undefined): string {
  const sameTarget = view.target === other.target;
  if (origin !== undefined) return !sameTarget && within(origin, view.target) ? view.site : origin;
  return sameTarget && otherOrigin !== undefined && within(otherOrigin, other.target) ? view.target : view.site;
}

function within(pointer: string, root: string): boolean {
  return pointer === root || pointer.startsWith(`${root}/`);
}

/** The subject for a new-spec pointer, adding the old name when the change moved to another component (`other.id (was team.id)`). */
function named(state: WalkState, pointer: string, oldPointer: string, viaProperty: boolean): string {
  const subject = subjectOf(state, pointer, viaProperty);
  const before = placeOf(oldPointer);
  const after = placeOf(pointer);
  if (before.component === undefined || before.component === after.component) return subject;
  return `${subject} (was ${code(fieldName(before))})`;
}

function diffNode(state: WalkState, oldAt: Located, newAt: Located, viaProperty: boolean): void {
  const ov = viewOf(state.oldRefs, oldAt);
  const nv = viewOf(state.newRefs, newAt);
  // Once the value's type itself changed incompatibly, what it contains is no longer comparable.
  if (compareValues(state, ov, nv, viaProperty) === 'incompatible') return;

  const key = `${viaProperty ? 'p' : 'r'}|${ov.target}|${nv.target}`;
  if (state.visited.has(key)) return;
  state.visited.add(key);

  compareProperties(state, ov, nv);
  if (ov.items && nv.items) diffNode(state, ov.items, nv.items, viaProperty);
  if (ov.additionalProperties && nv.additionalProperties) diffNode(state, ov.additionalProperties, nv.additionalProperties, viaProperty);
  if (ov.branches && nv.branches) compareBranches(state, ov.branches, nv.branches, viaProperty);
}

function compareValues(state: WalkState, ov: SchemaView, nv: SchemaView, viaProperty: boolean): 'incompatible' | 'comparable' {
  const prefix = prefixOf(state, viaProperty);
  const { emit } = state;
  const at = placer(state, ov, nv, viaProperty);

  // Type: a pure narrowing of a response or widening of a request is safe; anything else breaks.
  const oldTypes = effectiveTypes(state.oldRefs, ov);
  const newTypes = effectiveTypes(state.newRefs, nv);
  const typeChanged = !sameTypes(oldTypes, newTypes);
  let incompatible = false;
  if (typeChanged) {
    const { pointer, subject } = at(nv.types?.origin, ov.types?.origin);
    const params = { subject, from: typeText(oldTypes), to: typeText(newTypes) };
    incompatible = !covers(newTypes, oldTypes) && !covers(oldTypes, newTypes);
    if (isRequestPrefix(prefix)) emit(covers(newTypes, oldTypes) ? `${prefix}-type-widened` : `${prefix}-type-changed`, pointer, params);
    else emit(covers(oldTypes, newTypes) ? `${prefix}-type-narrowed` : `${prefix}-type-changed`, pointer, params);
  }

  if (!ov.nullable !== !nv.nullable) {
    const { pointer, subject } = at(nv.nullable, ov.nullable);
    emit(nv.nullable !== undefined ? `${prefix}-became-nullable` : `${prefix}-became-not-nullable`, pointer, { subject });
  }

  if (!typeChanged) {
    compareFormat(state, prefix, ov, nv, at, newTypes);
    compareEnum(state, prefix, ov, nv, at);
    for (const name of BOUND_NAMES) compareBound(state, prefix, name, ov, nv, at);
    comparePattern(state, prefix, ov, nv, at);
  }

  if (isRequestPrefix(prefix) && ov.defaultValue && nv.defaultValue && ov.defaultValue.value !== nv.defaultValue.value) {
    const { pointer, subject } = at(nv.defaultValue.origin, ov.defaultValue.origin);
    emit(`${prefix}-default-changed`, pointer, { subject, from: code(ov.defaultValue.value), to: code(nv.defaultValue.value) });
  }

  // A whole component newly deprecated is reported once, by the components rule.
  if (viaProperty && !ov.deprecated !== !nv.deprecated) {
    const { pointer, subject } = at(nv.deprecated, ov.deprecated);
    if (!isComponentRoot(pointer)) {
      emit(nv.deprecated !== undefined ? `${state.propertyPrefix}-deprecated` : `${state.propertyPrefix}-undeprecated`, pointer, { subject });
    }
  }

  for (const [kind, o, n] of [
    ['docs-description-changed', ov.description, nv.description],
    ['docs-title-changed', ov.title, nv.title],
    ['docs-example-changed', ov.examples, nv.examples],
  ] as const) {
    if (o?.value === n?.value) continue;
    const { pointer, subject } = at(n?.origin, o?.origin);
    emit(kind, pointer, { subject, change: !o ? 'added' : !n ? 'removed' : 'changed' });
  }
  return incompatible ? 'incompatible' : 'comparable';
}

/**
 * `format` never changes the TypeScript type openapi-typescript prints (an `int64` is a
 * `number`, a `date-time` a `string`), so a format change is at most a warning; the message says
 * what it risks. (`binary` at the root of a non-JSON body does decide `Blob` vs `string`; the
 * surface diff of the generated client judges that.)
 */
function compareFormat(state: WalkState, prefix: SchemaPrefix, ov: SchemaView, nv: SchemaView, at: At, types: ReadonlySet<string> | undefined): void {
  const o = ov.format?.value;
  const n = nv.format?.value;
  if (o === n) return;
  const { pointer, subject } = at(nv.format?.origin, ov.format?.origin);
  const risk = formatRisk(state.direction, o, n, types);
  if (o !== undefined && n !== undefined) state.emit(`${prefix}-format-changed`, pointer, { subject, from: code(o), to: code(n), risk });
  else if (n !== undefined) state.emit(`${prefix}-format-added`, pointer, { subject, format: n, risk });
  else if (o !== undefined) state.emit(`${prefix}-format-removed`, pointer, { subject, format: o, risk });
}

/** Widths of the numeric formats, to tell a wider one from a narrower one. */
const WIDTH: Record<string, number> = { int8: 8, int16: 16, int32: 32, int64: 64, uint8: 8, uint16: 16, uint32: 32, uint64: 64, float: 32, double: 64 };

/** What a format change risks for a client whose TypeScript types stay the same. */
function formatRisk(direction: Direction, o: string | undefined, n: string | undefined, types: ReadonlySet<string> | undefined): string | undefined {
  if (o === 'binary' || n === 'binary') return 'at the root of a non-JSON body this switches the generated type between `Blob` and `string` (see the client surface changes)';
  const numeric = types !== undefined && types.size > 0 && [...types].every((t) => t === 'integer' || t === 'number');
  const bits = (f: string | undefined): number | undefined => (f === undefined ? undefined : WIDTH[f]);
  const oldBits = bits(o);
  const newBits = bits(n);
  const narrower = newBits !== undefined && (oldBits === undefined || newBits < oldBits);
  if (direction === 'response') {
    if (n === undefined) return o === undefined ? undefined : `values may no longer be ${code(o)}: code that relies on that form may fail`;
    if (numeric && /^u?int/.test(n) && newBits !== undefined && newBits > 53 && (oldBits === undefined || oldBits <= 53)) return 'values beyond 2^53 lose precision in JavaScript numbers';
    if (o === undefined || narrower) return undefined;
    return numeric ? `values may now exceed what ${code(o)} allowed` : `values are now ${code(n)}: code that parses them as ${code(o)} may fail`;
  }
  if (n === undefined) return undefined;
  if (numeric && o !== undefined && !narrower) return 'larger values are accepted now; nothing to change';
  return numeric ? `the server may reject values outside the ${code(n)} range` : `the server may reject values that are not ${code(n)}`;
}

function compareEnum(state: WalkState, prefix: SchemaPrefix, ov: SchemaView, nv: SchemaView, at: At): void {
  const o = ov.enumValues?.value;
  const n = nv.enumValues?.value;
  if (!o && !n) return;
  const { pointer, subject } = at(nv.enumValues?.origin, ov.enumValues?.origin);
  // Strings are shown bare (`bird`), anything else as JSON (`3`, `{"a":1}`).
  const show = (key: string): string => {
    const value = o?.get(key) ?? n?.get(key);
    return code(typeof value === 'string' ? value : key);
  };
  if (o && n) {
    const removed = [...o.keys()].filter((k) => !n.has(k)).sort();
    const added = [...n.keys()].filter((k) => !o.has(k)).sort();
    if (removed.length > 0) state.emit(`${prefix}-enum-value-removed`, pointer, { subject, values: removed.map(show) });
    // An old client may not expect a new value in a response; a request just gains an option.
    if (added.length > 0) state.emit(`${prefix}-enum-value-added`, pointer, { subject, values: added.map(show) });
  } else if (n) {
    // A request loses every other value; a response's type narrows to a closed union, which
    // can stop old comparisons against other literals from compiling.
    state.emit(`${prefix}-enum-constraint-added`, pointer, { subject, values: [...n.keys()].sort().map(show) });
  } else if (o) {
    state.emit(`${prefix}-enum-constraint-removed`, pointer, { subject, values: [...o.keys()].sort().map(show) });
  }
}

const BOUND_SLUG = {
  maximum: { slug: 'max', upper: true },
  minimum: { slug: 'min', upper: false },
  maxLength: { slug: 'max-length', upper: true },
  minLength: { slug: 'min-length', upper: false },
  maxItems: { slug: 'max-items', upper: true },
  minItems: { slug: 'min-items', upper: false },
} as const satisfies Record<BoundName, { slug: string; upper: boolean }>;

/** Tightening a request bound breaks callers; loosening a response bound earns a warning (see the rules table). */
function compareBound(state: WalkState, prefix: SchemaPrefix, name: BoundName, ov: SchemaView, nv: SchemaView, at: At): void {
  const o = ov.bounds.get(name);
  const n = nv.bounds.get(name);
  if (!o && !n) return;
  const { slug, upper } = BOUND_SLUG[name];
  const text = (b: Bound): string => `${b.value}${b.exclusive ? ' (exclusive)' : ''}`;
  const { pointer, subject } = at(n?.origin, o?.origin);
  if (o && n) {
    const increased = isTighter(o, n, upper) === upper;
    if (!isTighter(n, o, upper) && !isTighter(o, n, upper)) return;
    state.emit(`${prefix}-${slug}-${increased ? 'increased' : 'decreased'}`, pointer, { subject, from: text(o), to: text(n) });
  } else if (n) {
    state.emit(`${prefix}-${slug}-added`, pointer, { subject, value: text(n) });
  } else if (o) {
    state.emit(`${prefix}-${slug}-removed`, pointer, { subject, value: text(o) });
  }
}

function comparePattern(state: WalkState, prefix: SchemaPrefix, ov: SchemaView, nv: SchemaView, at: At): void {
  const o = ov.pattern?.value;
  const n = nv.pattern?.value;
  if (o === n) return;
  const { pointer, subject } = at(nv.pattern?.origin, ov.pattern?.origin);
  // Whether one regular expression admits more than another is undecidable in general.
  if (o !== undefined && n !== undefined) state.emit(`${prefix}-pattern-changed`, pointer, { subject, from: code(o), to: code(n) });
  else if (n !== undefined) state.emit(`${prefix}-pattern-added`, pointer, { subject, pattern: code(n) });
  else if (o !== undefined) state.emit(`${prefix}-pattern-removed`, pointer, { subject, pattern: code(o) });
}

/** An object's properties: its own, and those present in every `oneOf`/`anyOf` branch. */
interface Properties {
  /** Where each property is written: one place, or one per branch. */
  located: Map<string, { at: Located[]; fromBranches: boolean }>;
  required: Set<string>;
}

/**
 * A property that moved into every branch of a union (or into an `allOf` member, which the view
 * already flattens) is still there for a client: TypeScript lets code read or write a property
 * that every member of a union has. It is required when every branch requires it.
 */
function propertiesOf(refs: RefResolver, view: SchemaView, depth = 0): Properties {
  const located = new Map<string, { at: Located[]; fromBranches: boolean }>();
  for (const [name, at] of view.properties) located.set(name, { at: [at], fromBranches: false });
  const required = new Set(view.required);
  if (!view.branches || depth > 4) return { located, required };
  const branches = view.branches.map((b) => propertiesOf(refs, viewOf(refs, b), depth + 1));
  const [first, ...rest] = branches;
  for (const [name, entry] of first?.located ?? []) {
    if (located.has(name) || !rest.every((b) => b.located.has(name))) continue;
    located.set(name, { at: [...entry.at, ...rest.flatMap((b) => b.located.get(name)?.at ?? [])], fromBranches: true });
    if (branches.every((b) => b.required.has(name))) required.add(name);
  }
  return { located, required };
}

/**
 * The one schema a property has when it is written once per branch: the same schema if every
 * branch refers to it (a shared `allOf` base), else the union of the branches' schemas, which
 * keeps the keywords they agree on and the union of their enums (a discriminator
 * `type: SOLID | GRADIENT` split over two branches is still both values).
 */
function unionOf(refs: RefResolver, at: readonly Located[]): Located {
  const first = at[0]!;
  if (at.length === 1) return first;
  const views = at.map((a) => viewOf(refs, a));
  if (new Set(views.map((v) => v.target)).size === 1) return first;
  const node: Record<string, unknown> = { anyOf: at.map((a) => ({ $ref: a.pointer })) };
  const agreed = <T>(get: (v: SchemaView) => T | undefined): T | undefined => {
    const values = views.map(get);
    return values.every((v) => v !== undefined && v === values[0]) ? values[0] : undefined;
  };
  if (views.every((v) => v.enumValues)) node.enum = [...new Map(views.flatMap((v) => [...v.enumValues!.value])).values()];
  if (views.some((v) => v.nullable !== undefined)) node.nullable = true;
  if (views.every((v) => v.deprecated !== undefined)) node.deprecated = true;
  for (const [keyword, value] of [
    ['format', agreed((v) => v.format?.value)],
    ['pattern', agreed((v) => v.pattern?.value)],
    ['description', agreed((v) => v.description?.value)],
    ['title', agreed((v) => v.title?.value)],
  ] as const) {
    if (value !== undefined) node[keyword] = value;
  }
  for (const [keyword, value] of [
    ['examples', agreed((v) => v.examples?.value)],
    ['default', agreed((v) => v.defaultValue?.value)],
  ] as const) {
    if (value !== undefined) node[keyword] = JSON.parse(value) as unknown;
  }
  for (const name of BOUND_NAMES) {
    const bound = agreed((v) => {
      const b = v.bounds.get(name);
      return b && `${b.exclusive ? 'x' : ''}${b.value}`;
    });
    if (bound === undefined) continue;
    const exclusive = bound.startsWith('x');
    const value = Number(exclusive ? bound.slice(1) : bound);
    if (!exclusive) node[name] = value;
    else if (name === 'maximum') node.exclusiveMaximum = value;
    else if (name === 'minimum') node.exclusiveMinimum = value;
  }
  return { node, pointer: first.pointer };
}

/**
 * Object properties. Response: removing a property or making it optional breaks readers;
 * adding one never does. Request (the mirror): a new required property or one made required
 * breaks writers, and so does a removed one (object literals that still set it stop compiling:
 * TypeScript's excess property check).
 */
function compareProperties(state: WalkState, ov: SchemaView, nv: SchemaView): void {
  const { emit } = state;
  const prefix = state.propertyPrefix;
  const subject = (pointer: string): string => subjectOf(state, pointer, true);
  const oldProps = propertiesOf(state.oldRefs, ov);
  const newProps = propertiesOf(state.newRefs, nv);
  for (const name of sortedUnion(oldProps.located.keys(), newProps.located.keys())) {
    const oe = oldProps.located.get(name);
    const ne = newProps.located.get(name);
    // In branches on both sides: compareBranches pairs the branches and compares them.
    if (oe?.fromBranches && ne?.fromBranches) continue;
    const o = visible(state, state.oldRefs, oe?.at);
    const n = visible(state, state.newRefs, ne?.at);
    if (o && !n) {
      emit(`${prefix}-removed`, o[0]!.pointer, { subject: subject(o[0]!.pointer) });
    } else if (!o && n) {
      const pointer = n[0]!.pointer;
      if (prefix === 'request-property' && newProps.required.has(name)) emit('new-required-request-property', pointer, { subject: subject(pointer) });
      else emit(`${prefix}-added`, pointer, { subject: subject(pointer) });
    } else if (o && n) {
      const wasRequired = oldProps.required.has(name);
      const isRequired = newProps.required.has(name);
      if (wasRequired !== isRequired) {
        const pointer = n[0]!.pointer;
        emit(isRequired ? `${prefix}-became-required` : `${prefix}-became-optional`, pointer, { subject: named(state, pointer, o[0]!.pointer, true) });
      }
      diffNode(state, unionOf(state.oldRefs, o), unionOf(state.newRefs, n), true);
    }
  }
}

/** A `readOnly` property is never sent, a `writeOnly` one never received; undefined when no place remains. */
function visible(state: WalkState, refs: RefResolver, at: Located[] | undefined): Located[] | undefined {
  if (!at) return undefined;
  const kept = at.filter((a) => {
    const view = viewOf(refs, a);
    return !(state.direction === 'request' ? view.readOnly : view.writeOnly);
  });
  return kept.length > 0 ? kept : undefined;
}

/** `oneOf`/`anyOf` branches: matched by `$ref` target, the rest by position. */
function compareBranches(state: WalkState, oldBranches: Located[], newBranches: Located[], viaProperty: boolean): void {
  const prefix = prefixOf(state, viaProperty);
  const refOf = (b: Located): string | undefined => {
    const node = b.node;
    return typeof node === 'object' && node !== null && '$ref' in node && typeof node.$ref === 'string' ? node.$ref : undefined;
  };
  const paired: [Located, Located][] = [];
  const oldLeft: Located[] = [];
  const newLeft = [...newBranches];
  for (const o of oldBranches) {
    const ref = refOf(o);
    const i = ref === undefined ? -1 : newLeft.findIndex((n) => refOf(n) === ref);
    if (i >= 0) paired.push([o, newLeft.splice(i, 1)[0]!]);
    else oldLeft.push(o);
  }
  const inlineOld = oldLeft.filter((b) => refOf(b) === undefined);
  const inlineNew = newLeft.filter((b) => refOf(b) === undefined);
  while (inlineOld.length > 0 && inlineNew.length > 0) paired.push([inlineOld.shift()!, inlineNew.shift()!]);
  const seen = new Set(paired.flat());
  const subject = (pointer: string): string => subjectOf(state, pointer, viaProperty);
  for (const o of oldBranches) {
    if (!seen.has(o)) state.emit(`${prefix}-union-branch-removed`, o.pointer, { subject: subject(parentOf(o.pointer)), branch: branchName(o) });
  }
  for (const n of newBranches) {
    if (!seen.has(n)) state.emit(`${prefix}-union-branch-added`, n.pointer, { subject: subject(parentOf(n.pointer)), branch: branchName(n) });
  }
  for (const [o, n] of paired) diffNode(state, o, n, viaProperty);
}

function branchName(b: Located): string {
  const node = b.node;
  if (typeof node === 'object' && node !== null && '$ref' in node && typeof node.$ref === 'string') {
    return code(segmentsOf(node.$ref).at(-1) ?? node.$ref);
  }
  return `#${segmentsOf(b.pointer).at(-1) ?? '?'}`;
}

/** `#/a/oneOf/2` → `#/a`. */
function parentOf(pointer: string): string {
  return pointer.replace(/\/(?:oneOf|anyOf)\/\d+$/, '');
}

function isComponentRoot(pointer: string): boolean {
  const segs = segmentsOf(pointer);
  return segs.length === 3 && segs[0] === 'components' && segs[1] === 'schemas';
}

/** Types of a view; a union's are the union of its branches' (undefined when any branch is unconstrained). */
function effectiveTypes(refs: RefResolver, view: SchemaView, depth = 0): ReadonlySet<string> | undefined {
  if (view.types) return view.types.value;
  if (!view.branches || depth > 8) return undefined;
  const all = new Set<string>();
  for (const branch of view.branches) {
    const types = effectiveTypes(refs, viewOf(refs, branch), depth + 1);
    if (!types) return undefined;
    for (const t of types) all.add(t);
  }
  return all;
}

function sameTypes(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && [...a].every((t) => b.has(t));
}

/** Whether every value of type set `inner` is allowed by `outer` (`integer` ⊂ `number`; undefined = anything). */
function covers(outer: ReadonlySet<string> | undefined, inner: ReadonlySet<string> | undefined): boolean {
  if (!outer) return true;
  if (!inner) return false;
  return [...inner].every((t) => outer.has(t) || (t === 'integer' && outer.has('number')));
}

function typeText(types: ReadonlySet<string> | undefined): string {
  if (!types) return 'any';
  if (types.size === 0) return code('null');
  return [...types].sort().map((t) => code(t)).join(' | ');
}
