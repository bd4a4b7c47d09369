import { GeneratorError } from '../errors.js';
import { lookupPointer } from '../json-pointer.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves local `$ref` chains in the bundled document (the loader already inlined external files). */
export class RefResolver {
  constructor(
    private readonly document: JsonObject,
    private readonly file: string,
  ) {}

  /** Follows `$ref`s until a non-ref object; returns the object and the pointer it lives at. */
  deref(value: unknown, pointer: string): { value: unknown; pointer: string } {
    let current = value;
    let at = pointer;
    const seen = new Set<string>();
    while (isObject(current) && typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (!ref.startsWith('#')) throw new GeneratorError(`Unsupported external $ref "${ref}" after bundling`, at, this.file);
      if (seen.has(ref)) throw new GeneratorError(`Circular $ref chain through "${ref}"`, at, this.file);
      seen.add(ref);
      current = this.lookup(ref, at);
      at = ref;
    }
    return { value: current, pointer: at };
  }

  /** The value at a `#/a/b` pointer, or a GeneratorError naming the pointer that referenced it. */
  lookup(ref: string, from: string): unknown {
    const node = lookupPointer(this.document, ref);
    if (node === undefined) throw new GeneratorError(`Unresolved $ref "${ref}"`, from, this.file);
    return node;
  }
}
