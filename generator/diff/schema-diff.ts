import { code, segmentsOf, sortedUnion } from './json.js';
import { subjectOf, type SchemaContext } from './naming.js';
import { BOUND_NAMES, isTighter, viewOf, type Bound, type BoundName, type Located, type SchemaView } from './schema-view.js';
import type { Emit } from './sink.js';
import type { ChangeLevel, Direction } from './types.js';

/**
 * How one schema comparison was entered. `rootPrefix` names changes to the root value
 * (`response-body`, `request-parameter`, `response-header`, `request-body`); changes at or
 * below an object property use `request-property` / `response-property`.
 */
export interface SchemaWalk extends SchemaContext {
  oldDoc: unknown;
  newDoc: unknown;
  rootPrefix: string;
  emit: Emit;
}

interface WalkState extends SchemaWalk {
  propertyPrefix: string;
  /** Pairs of (old, new) schema identities already walked: recursive schemas terminate here. */
  visited: Set<string>;
}

/** Compares two schemas structurally, as seen in `walk.direction`. */
export function diffSchemas(walk: SchemaWalk, oldAt: Located, newAt: Located): void {
  const state: WalkState = { ...walk, propertyPrefix: `${walk.direction}-property`, visited: new Set() };
  diffNode(state, oldAt, newAt, false);
}

/**
 * The level of a change that makes the set of valid values smaller (`narrow`) or larger
 * (`widen`). The client writes requests, so narrowing a request breaks it; it reads
 * responses, so widening a response can break it. `looseResponse` is the level for widening
 * a response: breaking for types, only a warning for constraints a TypeScript type does not carry.
 */
function levelFor(direction: Direction, effect: 'narrow' | 'widen', looseResponse: ChangeLevel = 'breaking'): ChangeLevel {
  if (direction === 'request') return effect === 'narrow' ? 'breaking' : 'non-breaking';
  return effect === 'narrow' ? 'non-breaking' : looseResponse;
}

function diffNode(state: WalkState, oldAt: Located, newAt: Located, viaProperty: boolean): void {
  const ov = viewOf(state.oldDoc, oldAt);
  const nv = viewOf(state.newDoc, newAt);
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
  const prefix = viaProperty ? state.propertyPrefix : state.rootPrefix;
  const { direction, emit } = state;
  const subject = (pointer: string): string => subjectOf(state, pointer, viaProperty);
  const request = direction === 'request';

  // Type: a pure narrowing of a response or widening of a request is safe; anything else breaks.
  const oldTypes = effectiveTypes(state.oldDoc, ov);
  const newTypes = effectiveTypes(state.newDoc, nv);
  const typeChanged = !sameTypes(oldTypes, newTypes);
  let incompatible = false;
  if (typeChanged) {
    const pointer = nv.types?.origin ?? nv.site;
    const safe = request ? covers(newTypes, oldTypes) : covers(oldTypes, newTypes);
    incompatible = !covers(newTypes, oldTypes) && !covers(oldTypes, newTypes);
    const kind = !safe ? 'type-changed' : request ? 'type-widened' : 'type-narrowed';
    emit({
      level: safe ? 'non-breaking' : 'breaking',
      kind: `${prefix}-${kind}`,
      pointer,
      side: 'new',
      message: `${subject(pointer)} type changed from ${typeText(oldTypes)} to ${typeText(newTypes)}`,
    });
  }

  if (!ov.nullable !== !nv.nullable) {
    const pointer = nv.nullable ?? nv.site;
    const nowNullable = nv.nullable !== undefined;
    emit({
      level: levelFor(direction, nowNullable ? 'widen' : 'narrow'),
      kind: `${prefix}-${nowNullable ? 'became-nullable' : 'became-not-nullable'}`,
      pointer,
      side: 'new',
      message: `${subject(pointer)} became ${nowNullable ? 'nullable' : 'non-nullable'}`,
    });
  }

  if (!typeChanged) {
    compareFormat(state, prefix, ov, nv, subject);
    compareEnum(state, prefix, ov, nv, subject);
    for (const name of BOUND_NAMES) compareBound(state, prefix, name, ov.bounds.get(name), nv.bounds.get(name), nv, subject);
    comparePattern(state, prefix, ov, nv, subject);
  }

  if (request && ov.defaultValue && nv.defaultValue && ov.defaultValue.value !== nv.defaultValue.value) {
    const pointer = nv.defaultValue.origin;
    emit({
      level: 'warning',
      kind: `${prefix}-default-changed`,
      pointer,
      side: 'new',
      message: `${subject(pointer)} default changed from ${code(ov.defaultValue.value)} to ${code(nv.defaultValue.value)}`,
    });
  }

  // A whole component newly deprecated is reported once, by the components rule.
  if (viaProperty && !ov.deprecated !== !nv.deprecated) {
    const pointer = nv.deprecated ?? nv.site;
    if (!isComponentRoot(pointer)) {
      const deprecated = nv.deprecated !== undefined;
      emit({
        level: deprecated ? 'warning' : 'non-breaking',
        kind: `${prefix}-${deprecated ? 'deprecated' : 'undeprecated'}`,
        pointer,
        side: 'new',
        message: `${subject(pointer)} ${deprecated ? 'was deprecated' : 'is no longer deprecated'}`,
      });
    }
  }

  for (const [what, kind, o, n] of [
    ['description', 'docs-description-changed', ov.description, nv.description],
    ['title', 'docs-title-changed', ov.title, nv.title],
    ['examples', 'docs-example-changed', ov.examples, nv.examples],
  ] as const) {
    if (o?.value === n?.value) continue;
    const pointer = n?.origin ?? nv.site;
    emit({ level: 'non-breaking', kind, pointer, side: 'new', message: `${subject(pointer)}: ${what} ${!o ? 'added' : !n ? 'removed' : 'changed'}` });
  }
  return incompatible ? 'incompatible' : 'comparable';
}

type Subject = (pointer: string) => string;

function compareFormat(state: WalkState, prefix: string, ov: SchemaView, nv: SchemaView, subject: Subject): void {
  const o = ov.format?.value;
  const n = nv.format?.value;
  if (o === n) return;
  const pointer = nv.format?.origin ?? nv.site;
  if (o !== undefined && n !== undefined) {
    state.emit({ level: 'breaking', kind: `${prefix}-format-changed`, pointer, side: 'new', message: `${subject(pointer)} format changed from ${code(o)} to ${code(n)}` });
  } else if (n !== undefined) {
    state.emit({ level: levelFor(state.direction, 'narrow'), kind: `${prefix}-format-added`, pointer, side: 'new', message: `${subject(pointer)} now has format ${code(n)}` });
  } else if (o !== undefined) {
    state.emit({ level: levelFor(state.direction, 'widen'), kind: `${prefix}-format-removed`, pointer, side: 'new', message: `${subject(pointer)} no longer has format ${code(o)}` });
  }
}

function compareEnum(state: WalkState, prefix: string, ov: SchemaView, nv: SchemaView, subject: Subject): void {
  const o = ov.enumValues?.value;
  const n = nv.enumValues?.value;
  const pointer = nv.enumValues?.origin ?? nv.site;
  // Strings are shown bare (`bird`), anything else as JSON (`3`, `{"a":1}`).
  const show = (key: string): string => {
    const value = o?.get(key) ?? n?.get(key);
    return code(typeof value === 'string' ? value : key);
  };
  const list = (keys: string[]): string => keys.map(show).join(', ');
  if (o && n) {
    const removed = [...o.keys()].filter((k) => !n.has(k)).sort();
    const added = [...n.keys()].filter((k) => !o.has(k)).sort();
    if (removed.length > 0) {
      state.emit({
        level: 'breaking',
        kind: `${prefix}-enum-value-removed`,
        pointer,
        side: 'new',
        message: `${subject(pointer)}: enum ${removed.length === 1 ? 'value' : 'values'} ${list(removed)} removed`,
      });
    }
    if (added.length > 0) {
      // An old client may not expect a new value in a response; a request just gains an option.
      state.emit({
        level: levelFor(state.direction, 'widen', 'warning'),
        kind: `${prefix}-enum-value-added`,
        pointer,
        side: 'new',
        message: `${subject(pointer)}: enum ${added.length === 1 ? 'value' : 'values'} ${list(added)} added`,
      });
    }
  } else if (n) {
    state.emit({
      // A request loses every other value; a response's type narrows to a closed union, which
      // can stop old comparisons against other literals from compiling.
      level: state.direction === 'request' ? 'breaking' : 'warning',
      kind: `${prefix}-enum-constraint-added`,
      pointer,
      side: 'new',
      message: `${subject(pointer)} is now restricted to ${list([...n.keys()].sort())}`,
    });
  } else if (o) {
    state.emit({
      level: levelFor(state.direction, 'widen', 'warning'),
      kind: `${prefix}-enum-constraint-removed`,
      pointer,
      side: 'new',
      message: `${subject(pointer)} is no longer restricted to ${list([...o.keys()].sort())}`,
    });
  }
}

const BOUND_SLUG: Record<BoundName, { slug: string; upper: boolean; label: string }> = {
  maximum: { slug: 'max', upper: true, label: 'maximum' },
  minimum: { slug: 'min', upper: false, label: 'minimum' },
  maxLength: { slug: 'max-length', upper: true, label: 'maxLength' },
  minLength: { slug: 'min-length', upper: false, label: 'minLength' },
  maxItems: { slug: 'max-items', upper: true, label: 'maxItems' },
  minItems: { slug: 'min-items', upper: false, label: 'minItems' },
};

/** Tightening a request bound breaks callers; loosening a response bound earns a warning. */
function compareBound(state: WalkState, prefix: string, name: BoundName, o: Bound | undefined, n: Bound | undefined, nv: SchemaView, subject: Subject): void {
  if (!o && !n) return;
  const { slug, upper, label } = BOUND_SLUG[name];
  const text = (b: Bound): string => `${b.value}${b.exclusive ? ' (exclusive)' : ''}`;
  let tighter: boolean;
  let verb: string;
  let detail: string;
  if (o && n) {
    if (isTighter(n, o, upper)) tighter = true;
    else if (isTighter(o, n, upper)) tighter = false;
    else return;
    verb = tighter === upper ? 'decreased' : 'increased';
    detail = `${label} ${verb} from ${text(o)} to ${text(n)}`;
  } else if (n) {
    tighter = true;
    verb = 'added';
    detail = `${label} ${text(n)} added`;
  } else {
    tighter = false;
    verb = 'removed';
    detail = `${label} ${text(o!)} removed`;
  }
  const pointer = n?.origin ?? nv.site;
  state.emit({ level: levelFor(state.direction, tighter ? 'narrow' : 'widen', 'warning'), kind: `${prefix}-${slug}-${verb}`, pointer, side: 'new', message: `${subject(pointer)}: ${detail}` });
}

function comparePattern(state: WalkState, prefix: string, ov: SchemaView, nv: SchemaView, subject: Subject): void {
  const o = ov.pattern?.value;
  const n = nv.pattern?.value;
  if (o === n) return;
  const pointer = nv.pattern?.origin ?? nv.site;
  if (o !== undefined && n !== undefined) {
    // Whether one regular expression admits more than another is undecidable in general.
    state.emit({ level: 'warning', kind: `${prefix}-pattern-changed`, pointer, side: 'new', message: `${subject(pointer)}: pattern changed from ${code(o)} to ${code(n)}` });
  } else if (n !== undefined) {
    state.emit({ level: levelFor(state.direction, 'narrow'), kind: `${prefix}-pattern-added`, pointer, side: 'new', message: `${subject(pointer)}: pattern ${code(n)} added` });
  } else if (o !== undefined) {
    state.emit({ level: levelFor(state.direction, 'widen', 'warning'), kind: `${prefix}-pattern-removed`, pointer, side: 'new', message: `${subject(pointer)}: pattern ${code(o)} removed` });
  }
}

/**
 * Object properties. Response: removing a property or making it optional breaks readers;
 * adding one never does. Request (the mirror): a new required property or one made required
 * breaks writers; a removed property only earns a warning (the server stops reading it, and
 * object literals that still set it stop compiling).
 */
function compareProperties(state: WalkState, ov: SchemaView, nv: SchemaView): void {
  const { direction, emit } = state;
  const prefix = state.propertyPrefix;
  const subject = (pointer: string): string => subjectOf(state, pointer, true);
  for (const name of sortedUnion(ov.properties.keys(), nv.properties.keys())) {
    const o = visible(state, state.oldDoc, ov.properties.get(name));
    const n = visible(state, state.newDoc, nv.properties.get(name));
    if (o && !n) {
      emit({
        level: direction === 'response' ? 'breaking' : 'warning',
        kind: `${prefix}-removed`,
        pointer: o.pointer,
        side: 'old',
        message: `${subject(o.pointer)} was removed`,
      });
    } else if (!o && n) {
      const required = nv.required.has(name);
      if (direction === 'request' && required) {
        emit({ level: 'breaking', kind: 'new-required-request-property', pointer: n.pointer, side: 'new', message: `${subject(n.pointer)} was added as required` });
      } else {
        emit({ level: 'non-breaking', kind: `${prefix}-added`, pointer: n.pointer, side: 'new', message: `${subject(n.pointer)} was added` });
      }
    } else if (o && n) {
      const wasRequired = ov.required.has(name);
      const isRequired = nv.required.has(name);
      if (wasRequired !== isRequired) {
        const breaking = direction === 'request' ? isRequired : !isRequired;
        emit({
          level: breaking ? 'breaking' : 'non-breaking',
          kind: `${prefix}-${isRequired ? 'became-required' : 'became-optional'}`,
          pointer: n.pointer,
          side: 'new',
          message: `${subject(n.pointer)} became ${isRequired ? 'required' : 'optional'}`,
        });
      }
      diffNode(state, o, n, true);
    }
  }
}

/** A `readOnly` property is never sent, a `writeOnly` one never received. */
function visible(state: WalkState, doc: unknown, at: Located | undefined): Located | undefined {
  if (!at) return undefined;
  const view = viewOf(doc, at);
  if (state.direction === 'request' ? view.readOnly : view.writeOnly) return undefined;
  return at;
}

/** `oneOf`/`anyOf` branches: matched by `$ref` target, the rest by position. */
function compareBranches(state: WalkState, oldBranches: Located[], newBranches: Located[], viaProperty: boolean): void {
  const prefix = viaProperty ? state.propertyPrefix : state.rootPrefix;
  const refOf = (b: Located): string | undefined => {
    const node = b.node;
    return typeof node === 'object' && node !== null && '$ref' in node && typeof node.$ref === 'string' ? node.$ref : undefined;
  };
  const pairs: [Located, Located][] = [];
  const oldLeft: Located[] = [];
  const newLeft = [...newBranches];
  for (const o of oldBranches) {
    const ref = refOf(o);
    const i = ref === undefined ? -1 : newLeft.findIndex((n) => refOf(n) === ref);
    if (i >= 0) pairs.push([o, newLeft.splice(i, 1)[0]!]);
    else oldLeft.push(o);
  }
  const inlineOld = oldLeft.filter((b) => refOf(b) === undefined);
  const inlineNew = newLeft.filter((b) => refOf(b) === undefined);
  while (inlineOld.length > 0 && inlineNew.length > 0) pairs.push([inlineOld.shift()!, inlineNew.shift()!]);
  const paired = new Set(pairs.flat());
  const subject = (pointer: string): string => subjectOf(state, pointer, viaProperty);
  for (const o of oldBranches) {
    if (paired.has(o)) continue;
    state.emit({ level: 'breaking', kind: `${prefix}-union-branch-removed`, pointer: o.pointer, side: 'old', message: `${subject(parentOf(o.pointer))}: union member ${branchName(o)} removed` });
  }
  for (const n of newBranches) {
    if (paired.has(n)) continue;
    state.emit({
      level: levelFor(state.direction, 'widen', 'warning'),
      kind: `${prefix}-union-branch-added`,
      pointer: n.pointer,
      side: 'new',
      message: `${subject(parentOf(n.pointer))}: union member ${branchName(n)} added`,
    });
  }
  for (const [o, n] of pairs) diffNode(state, o, n, viaProperty);
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
function effectiveTypes(doc: unknown, view: SchemaView, depth = 0): ReadonlySet<string> | undefined {
  if (view.types) return view.types.value;
  if (!view.branches || depth > 8) return undefined;
  const all = new Set<string>();
  for (const branch of view.branches) {
    const types = effectiveTypes(doc, viewOf(doc, branch), depth + 1);
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
