import { GeneratorError } from '../errors.js';
import { lookupPointer } from '../json-pointer.js';
import { isObject } from './json.js';

/** A value with the `$ref` chain in front of it followed, and the pointer it lives at. */
export interface Resolved {
  value: unknown;
  pointer: string;
}

/**
 * The one `$ref` resolver: the IR, the MCP tool schemas, the error-body reading and the diff
 * all follow local refs (`#/components/...`) in a bundled document through it (the loader has
 * already inlined external files).
 *
 * Cycle policy. A *chain* of refs that comes back to itself without reaching a value
 * (`A: {$ref: B}`, `B: {$ref: A}`) names nothing: it is an error, reported with the chain as
 * JSON pointers (`#/a → #/b → #/a`), never read as an empty schema. The loader rejects such
 * documents already (load/validate.ts); this guards callers that read an unvalidated one (the
 * diff engine's API). A *recursive schema* (a `Node` whose `children` are `Node`s, or an `allOf`
 * that includes itself) is legal: each ref resolves to a value. Walkers that expand such a schema
 * recognise the repeat by its target pointer (`SchemaView.target`) and treat it as a
 * back-reference to that pointer: the schema view merges it once, the MCP converter prints it
 * open (`{}`) or as a `$defs` reference, the diff compares a pair of targets once.
 */
export class RefResolver {
  constructor(
    private readonly document: unknown,
    private readonly file: string,
  ) {}

  /**
   * Follows `$ref`s until a non-ref value; returns it and the pointer it lives at. Throws a
   * GeneratorError for an external ref, a ref to nothing, or a circular chain.
   */
  deref(value: unknown, pointer: string): Resolved {
    return this.chain(value, pointer, true).at(-1)!;
  }

  /**
   * As `deref`, but a ref to nothing (or outside the document) yields `value: undefined` at the
   * ref's pointer: for reading two specs side by side, where a missing part is a difference, not
   * a failure. A circular chain still throws.
   */
  tryDeref(value: unknown, pointer: string): Resolved {
    return this.chain(value, pointer, false).at(-1)!;
  }

  /** The value at a `#/a/b` pointer, or a GeneratorError naming the pointer that referenced it. */
  lookup(ref: string, from: string): unknown {
    const node = lookupPointer(this.document, ref);
    if (node === undefined) throw new GeneratorError(`Unresolved $ref "${ref}"`, from, this.file);
    return node;
  }

  /**
   * Every step of the `$ref` chain from `value`: the value itself first, its target last (the
   * schema view reads the keywords a ref's siblings add at each step). `strict` as in `deref`;
   * otherwise an unresolvable ref ends the chain with `value: undefined`.
   */
  chain(value: unknown, pointer: string, strict = false): Resolved[] {
    const steps: Resolved[] = [{ value, pointer }];
    let current = value;
    let at = pointer;
    while (isObject(current) && typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (!ref.startsWith('#')) {
        if (strict) throw new GeneratorError(`Unsupported external $ref "${ref}" after bundling`, at, this.file);
        steps.push({ value: undefined, pointer: ref });
        break;
      }
      if (steps.some((step, i) => i > 0 && step.pointer === ref)) {
        throw new GeneratorError(`Circular $ref chain ${[...steps.map((step) => step.pointer), ref].join(' → ')}`, at, this.file);
      }
      current = strict ? this.lookup(ref, at) : lookupPointer(this.document, ref);
      at = ref;
      steps.push({ value: current, pointer: at });
    }
    return steps;
  }
}
