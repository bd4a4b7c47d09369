import { isObject, type JsonObject } from '../schema/json.js';
import type { RefResolver } from '../schema/resolve.js';
import { decodePointerSegment } from '../json-pointer.js';
import { propertiesOf } from '../schema/view.js';
import { escapeInvisible } from '../text/invisible.js';

/**
 * OpenAPI schema → JSON Schema (2020-12) for an MCP tool's input. OpenAPI 3.0 spellings
 * (`nullable`, boolean `exclusiveMinimum`, `example`) are converted, vendor extensions and
 * OpenAPI-only keywords dropped; enums, bounds, defaults and descriptions are kept: they are what
 * an agent needs.
 *
 * Agents read inline schemas best, so a tool's `$ref`s are inlined (a recursive one becomes `{}`)
 * while the whole input schema stays within INLINE_BUDGET characters. Inlining copies a schema at
 * every use, and schemas that use one another twice per level double per level: past the budget,
 * a referenced schema the tool uses more than once whose inlined form exceeds SHARE_ABOVE
 * characters becomes one entry of the input schema's `$defs`, used through local
 * `{"$ref": "#/$defs/Name"}`. Everything else stays inline, so the output is linear in the spec:
 * every edge of the schema graph is printed once, or inside a copy of at most SHARE_ABOVE
 * characters.
 */

/** Characters of compact JSON all of a tool's argument schemas may take before any is shared. */
export const INLINE_BUDGET = 16_000;
/** Past the budget, a schema used more than once is shared when its inlined form is longer than this. */
export const SHARE_ABOVE = 1_000;

const KEEP = new Set([
  'type', 'enum', 'const', 'default', 'description', 'title', 'format', 'minimum', 'maximum', 'multipleOf',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
  'required', 'deprecated', 'readOnly', 'writeOnly', 'examples',
]);
/**
 * What an output schema keeps: the shape and the prose, not the assertions. Clients check
 * `structuredContent` against the output schema (the SDK's client with formats on), and bounds,
 * lengths, patterns and formats are what an API's real answers and a result cut to the budget break
 * first, while telling an agent little it needs to read the answer.
 */
const KEEP_OUTPUT = new Set(['type', 'enum', 'const', 'description', 'title', 'required', 'deprecated']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_SINGLES = new Set(['items', 'additionalProperties', 'not', 'contains']);
const MAX_DEPTH = 32;

/** One argument's schema in the spec: the raw value and where it is (for messages). */
export interface SchemaRoot {
  raw: unknown;
  pointer: string;
}

export interface ToolSchemas {
  /** One converted schema per root, in order. */
  schemas: JsonObject[];
  /** Shared definitions the schemas refer to as `#/$defs/<name>`; absent when everything is inline. */
  defs?: JsonObject;
}

/** Thrown when a trial expansion outgrows its allowance: the schema is too large to inline. */
const OUT_OF_FUEL = Symbol('out of fuel');

interface Walk {
  /** Whether a `$ref` is printed as a reference to a shared definition instead of inlined. */
  shared(ref: string): boolean;
  /** The `$defs` name of a shared ref (registered on first use). */
  defName(ref: string): string;
  /** Schema nodes a trial may still visit; each prints at least `{}`, so this bounds its size. */
  fuel?: { left: number };
  /** Nesting below which a schema is left open (`{}`); MAX_DEPTH unless a result schema must shrink. */
  maxDepth?: number;
}

const INLINE_ALL: Omit<Walk, 'fuel'> = {
  shared: () => false,
  defName: () => {
    throw new Error('nothing is shared when everything is inlined');
  },
};

/** Converts the argument schemas of one tool at a time; caches what it learns about the spec's refs. */
export class SchemaConverter {
  /** ref → the refs its target uses, once per occurrence. */
  private readonly edges = new Map<string, string[]>();
  /** ref → whether its target, inlined on its own, exceeds SHARE_ABOVE characters. */
  private readonly large = new Map<string, boolean>();

  private readonly keep: ReadonlySet<string>;

  /** `output`: schemas of results (see KEEP_OUTPUT); otherwise of arguments. */
  constructor(
    private readonly resolver: RefResolver,
    { output = false }: { output?: boolean } = {},
  ) {
    this.keep = output ? KEEP_OUTPUT : KEEP;
  }

  /** The schemas of one tool's arguments, inlined when that stays small, else sharing as described above. */
  tool(roots: readonly SchemaRoot[]): ToolSchemas {
    try {
      const walk: Walk = { ...INLINE_ALL, fuel: { left: INLINE_BUDGET / 2 } };
      const schemas = roots.map((root) => this.convert(root.raw, root.pointer, new Set(), 0, walk));
      if (jsonLength(schemas) <= INLINE_BUDGET) return { schemas };
    } catch (error) {
      if (error !== OUT_OF_FUEL) throw error;
    }
    return this.shared(roots);
  }

  /**
   * One result schema within `budget` characters, inlined: as deep as fits. A result's schema can
   * be far larger than any input's (a document tree of dozens of node types), and sharing would
   * not shrink it much; below the depth that fits, values are left open (`{}`), which every answer
   * conforms to.
   */
  result(root: SchemaRoot, budget: number): JsonObject {
    for (let maxDepth = MAX_DEPTH; maxDepth >= 0; maxDepth = Math.min(maxDepth - 1, 8)) {
      try {
        const walk: Walk = { ...INLINE_ALL, fuel: { left: budget / 2 }, maxDepth };
        const schema = this.convert(root.raw, root.pointer, new Set(), 0, walk);
        if (jsonLength(schema) <= budget) return schema;
      } catch (error) {
        if (error !== OUT_OF_FUEL) throw error;
      }
    }
    return {};
  }

  private shared(roots: readonly SchemaRoot[]): ToolSchemas {
    const uses = this.countUses(roots);
    const names = new Map<string, string>();
    const taken = new Set<string>();
    const pending: string[] = [];
    const walk: Walk = {
      shared: (ref) => (uses.get(ref) ?? 0) > 1 && this.isLarge(ref),
      defName: (ref) => {
        let name = names.get(ref);
        if (name === undefined) {
          const base = defBase(ref);
          name = base;
          for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
          taken.add(name);
          names.set(ref, name);
          pending.push(ref);
        }
        return name;
      },
    };
    const schemas = roots.map((root) => this.convert(root.raw, root.pointer, new Set(), 0, walk));
    const defs: [string, JsonObject][] = [];
    // Definitions in order of first use; converting one may register more. A definition that
    // uses itself refers to itself: shared schemas keep their recursion.
    for (let ref = pending.shift(); ref !== undefined; ref = pending.shift()) {
      const { value } = this.resolver.deref({ $ref: ref }, ref);
      defs.push([names.get(ref)!, this.convert(value, ref, new Set([ref]), 0, walk)]);
    }
    return defs.length === 0 ? { schemas } : { schemas, defs: Object.fromEntries(defs) };
  }

  /** How often each ref is used by the schemas reachable from the roots (each target counted once). */
  private countUses(roots: readonly SchemaRoot[]): Map<string, number> {
    const uses = new Map<string, number>();
    const todo: [string, string][] = [];
    const use = (ref: string, pointer: string): void => {
      const count = uses.get(ref) ?? 0;
      uses.set(ref, count + 1);
      if (count === 0) todo.push([ref, pointer]);
    };
    for (const root of roots) for (const ref of refsIn(root.raw)) use(ref, root.pointer);
    for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
      const [ref, pointer] = next;
      for (const inner of this.refsOfTarget(ref, pointer)) use(inner, ref);
    }
    return uses;
  }

  private refsOfTarget(ref: string, pointer: string): string[] {
    let refs = this.edges.get(ref);
    if (refs === undefined) {
      refs = refsIn(this.resolver.deref({ $ref: ref }, pointer).value);
      this.edges.set(ref, refs);
    }
    return refs;
  }

  private isLarge(ref: string): boolean {
    let large = this.large.get(ref);
    if (large === undefined) {
      try {
        const walk: Walk = { ...INLINE_ALL, fuel: { left: SHARE_ABOVE / 2 } };
        large = jsonLength(this.convert({ $ref: ref }, ref, new Set(), 0, walk)) > SHARE_ABOVE;
      } catch (error) {
        if (error !== OUT_OF_FUEL) throw error;
        large = true;
      }
      this.large.set(ref, large);
    }
    return large;
  }

  private convert(raw: unknown, pointer: string, refs: ReadonlySet<string>, depth: number, walk: Walk): JsonObject {
    if (walk.fuel !== undefined && --walk.fuel.left < 0) throw OUT_OF_FUEL;
    if (raw === true || !isObject(raw) || depth > (walk.maxDepth ?? MAX_DEPTH)) return {};
    let schema: JsonObject = raw;
    const seen = new Set(refs);
    // 3.1 allows keywords beside $ref (a local description); inlined, they win over the target's.
    while (typeof schema.$ref === 'string') {
      const ref = schema.$ref;
      const { $ref: _ref, ...siblings } = schema;
      if (walk.shared(ref)) return { $ref: `#/$defs/${walk.defName(ref)}`, ...this.convert(siblings, pointer, seen, depth, walk) };
      if (seen.has(ref)) return typeof schema.description === 'string' ? { description: schema.description } : {};
      seen.add(ref);
      const { value } = this.resolver.deref({ $ref: ref }, pointer);
      schema = isObject(value) ? { ...value, ...siblings } : siblings;
    }

    const sub = (value: unknown): JsonObject => this.convert(value, pointer, seen, depth + 1, walk);
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(schema)) {
      // Prose the agent reads gets its invisible characters spelled out (bidi overrides, tag
      // characters smuggling instructions); enums and patterns are values and stay exact.
      if (this.keep.has(key)) out[key] = (key === 'description' || key === 'title') && typeof value === 'string' ? escapeInvisible(value) : value;
      else if (SCHEMA_MAPS.has(key) && isObject(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, item]) => [name, sub(item)]));
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
        out[key] = value.map(sub);
      } else if (key === 'items' && Array.isArray(value)) {
        out.prefixItems = value.map(sub);
      } else if (SCHEMA_SINGLES.has(key)) {
        out[key] = typeof value === 'boolean' ? value : sub(value);
      }
    }
    if (this.keep.has('minimum')) this.bounds(schema, out);
    if (schema.nullable === true) {
      if (typeof out.type === 'string') out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      // `nullable` beside `allOf: [$ref]` (the 3.0 way to make a shared schema nullable): an answer
      // of null must still conform to a result's schema.
      else if (this.keep === KEEP_OUTPUT && out.type === undefined) return { anyOf: [out, { type: 'null' }] };
    }
    return out;
  }

  /** OpenAPI 3.0 → JSON Schema spellings of bounds and examples. */
  private bounds(schema: JsonObject, out: JsonObject): void {
    if (schema.exclusiveMinimum === true && typeof schema.minimum === 'number') {
      out.exclusiveMinimum = schema.minimum;
      delete out.minimum;
    } else if (typeof schema.exclusiveMinimum === 'number') out.exclusiveMinimum = schema.exclusiveMinimum;
    if (schema.exclusiveMaximum === true && typeof schema.maximum === 'number') {
      out.exclusiveMaximum = schema.maximum;
      delete out.maximum;
    } else if (typeof schema.exclusiveMaximum === 'number') out.exclusiveMaximum = schema.exclusiveMaximum;
    if (schema.example !== undefined && out.examples === undefined) out.examples = [schema.example];
  }
}

/** The refs a raw schema uses directly (not through other refs), in the places `convert` reads. */
function refsIn(raw: unknown, out: string[] = [], depth = 0): string[] {
  if (!isObject(raw) || depth > MAX_DEPTH) return out;
  if (typeof raw.$ref === 'string') out.push(raw.$ref);
  for (const [key, value] of Object.entries(raw)) {
    if (SCHEMA_MAPS.has(key) && isObject(value)) for (const item of Object.values(value)) refsIn(item, out, depth + 1);
    else if ((SCHEMA_LISTS.has(key) || key === 'items') && Array.isArray(value)) for (const item of value) refsIn(item, out, depth + 1);
    else if (SCHEMA_SINGLES.has(key)) refsIn(value, out, depth + 1);
  }
  return out;
}

/** A `$defs` name from the ref's last segment: letters, digits, `_`, `.` and `-` only, so the local ref needs no escaping. */
function defBase(ref: string): string {
  const last = decodePointerSegment(ref.slice(ref.lastIndexOf('/') + 1));
  return last.replace(/[^A-Za-z0-9_.-]/g, '_') || 'schema';
}

function jsonLength(value: unknown): number {
  return JSON.stringify(value).length;
}

/** Property names of an object schema, as its view merges them (`$ref`, `allOf`), in declaration order. */
export function propertyNames(resolver: RefResolver, schema: unknown, pointer: string): string[] {
  return [...propertiesOf(resolver, schema, pointer).keys()];
}
