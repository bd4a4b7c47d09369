import { isObject } from '../schema/json.js';
import { converterWritesOf, discriminatorNames, type ConverterWrites } from './converter-copy.js';
import { lookupPointer } from '../json-pointer.js';

/**
 * openapi-typescript trips over two things real specs contain: `$ref`s to schemas that live
 * inside `paths` or inside another component (`#/components/schemas/Box/definitions/Line`,
 * `#/components/parameters/Id/schema`: it prints them as indexed types through optional or
 * missing properties, which do not compile) and discriminator mappings given as bare schema names
 * or naming no schema (it throws). This returns a document with the first hoisted into
 * `components/schemas`, bare names turned into refs and dangling ones dropped — a copy only when
 * needed, so the common case costs one scan. It also folds a `type: "null"` written beside a
 * `oneOf`/`anyOf` into the union (see below).
 */
export function prepareForTypes(document: Record<string, unknown>): Record<string, unknown> {
  return typesInputOf(document).document;
}

/** The types emitter's input (`ApiIR.typesInput`). */
export interface TypesInput {
  /** The spec, made readable for openapi-typescript (see prepareForTypes). */
  document: Record<string, unknown>;
  /**
   * openapi-typescript writes into the schemas it is given: for a discriminator it adds the
   * property's enum to each mapped schema (an `allOf` member, every run). The types emitter then
   * hands it a copy, so the IR stays as the spec says for every other output and a second run.
   */
  patchedByConverter: boolean;
  /** What the copy it is then handed must cover (ir/converter-copy.ts), gathered in the same walk. */
  converterWrites: ConverterWrites;
  /** Set by releaseTypesInput: the document is gone, and types.ts cannot be printed from this IR again. */
  released?: true;
}

/**
 * Empties `ir.typesInput` once every output has printed (the pipeline calls it): the document it
 * holds is the whole spec (~100 MB of heap on Microsoft Graph's), and no later stage reads it.
 */
export function releaseTypesInput(ir: { typesInput: TypesInput }): void {
  ir.typesInput = { document: {}, patchedByConverter: false, converterWrites: { named: [], shared: false }, released: true };
}

/** prepareForTypes, and whether openapi-typescript would patch the result (one walk for both). */
export function typesInputOf(document: Record<string, unknown>): TypesInput {
  const pathRefs = new Set<string>();
  let badMapping = false;
  let nullBeside = false;
  let discriminators = false;
  const writes: ConverterWrites = { named: [], shared: false };
  walk(document, (node) => {
    writes.named.push(...discriminatorNames(node));
    if (typeof node.$ref === 'string' && isNestedSchemaRef(document, node.$ref)) pathRefs.add(node.$ref);
    if (unionOf(node) !== undefined && node.type === 'null') nullBeside = true;
    if (isObject(node.discriminator) && typeof node.discriminator.propertyName === 'string') discriminators = true;
    if (isObject(node.discriminator) && isObject(node.discriminator.mapping)) {
      for (const target of Object.values(node.discriminator.mapping)) if (typeof target !== 'string' || !target.startsWith('#') || !resolves(document, target)) badMapping = true;
    }
  }, new Set(), () => (writes.shared = true));
  if (pathRefs.size === 0 && !badMapping && !nullBeside) return { document, patchedByConverter: discriminators, converterWrites: writes };
  // The prepared copy renames refs and rewrites mappings: its writes are gathered from it (rare).
  const copy = prepared(document, pathRefs);
  return { document: copy, patchedByConverter: discriminators, converterWrites: converterWritesOf(copy) };
}

function prepared(document: Record<string, unknown>, pathRefs: ReadonlySet<string>): Record<string, unknown> {

  const copy = structuredClone(document);
  const components = (isObject(copy.components) ? copy.components : (copy.components = {})) as Record<string, unknown>;
  const schemas = (isObject(components.schemas) ? components.schemas : (components.schemas = {})) as Record<string, unknown>;
  const renamed = new Map<string, string>();
  for (const ref of [...pathRefs].sort()) {
    const base = ref.replace(/^#\/(paths|components\/[^/]+)\//, '').split('/').map(decode).join(' ').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Hoisted';
    let name = base;
    for (let i = 2; name in schemas; i++) name = `${base}${i}`;
    // A copy: the walk below renames refs inside it, and the original place keeps its own node.
    schemas[name] = structuredClone(lookupPointer(copy, ref));
    renamed.set(ref, `#/components/schemas/${name}`);
  }
  walk(copy, (node) => {
    if (typeof node.$ref === 'string' && renamed.has(node.$ref)) node.$ref = renamed.get(node.$ref);
    // `type: "null"` beside a oneOf/anyOf means "one of these, or null" (JSON Schema: both must hold,
    // and converters write it for a nullable union); openapi-typescript prints `null & (A | B)`,
    // which is `never`. Null becomes one more member of the union instead.
    const union = unionOf(node);
    if (union !== undefined && node.type === 'null') {
      delete node.type;
      union.push({ type: 'null' });
    }
    if (isObject(node.discriminator) && isObject(node.discriminator.mapping)) {
      const mapping = node.discriminator.mapping;
      for (const [key, target] of Object.entries(mapping)) {
        if (typeof target !== 'string' || !resolves(document, target)) delete mapping[key];
        else if (!target.startsWith('#')) mapping[key] = `#/components/schemas/${target}`;
      }
    }
  });
  return copy;
}

/** The members of a schema's `oneOf` (else `anyOf`), when it has one. */
function unionOf(node: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(node.oneOf)) return node.oneOf;
  return Array.isArray(node.anyOf) ? node.anyOf : undefined;
}

/** Visits every object once; `onRepeat` hears of one reached again (an object in two places). */
function walk(node: unknown, visit: (node: Record<string, unknown>) => void, seen = new Set<unknown>(), onRepeat?: () => void): void {
  if (typeof node !== 'object' || node === null) return;
  if (seen.has(node)) {
    onRepeat?.();
    return;
  }
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit, seen, onRepeat);
    return;
  }
  visit(node as Record<string, unknown>);
  for (const value of Object.values(node)) walk(value, visit, seen, onRepeat);
}

const decode = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * A ref into `paths`, or one below a component (deeper than `#/components/<kind>/<name>`) whose
 * target looks like a schema: not a parameter, header, response or media type object.
 */
function isNestedSchemaRef(document: Record<string, unknown>, ref: string): boolean {
  if (ref.startsWith('#/paths/')) return true;
  if (!/^#\/components\/[^/]+\/[^/]+\/./.test(ref)) return false;
  const target = lookupPointer(document, ref);
  return typeof target === 'boolean' || (isObject(target) && !('in' in target) && !('content' in target) && !('schema' in target));
}

/** Discriminator mapping values are refs (`#/…`) or bare schema names. */
function resolves(document: Record<string, unknown>, target: string): boolean {
  const ref = target.startsWith('#') ? target : `#/components/schemas/${target}`;
  return lookupPointer(document, ref) !== undefined;
}
