import { GeneratorError } from '../errors.js';

/**
 * How deep objects and arrays may nest (the length of a container's JSON pointer). The deepest
 * real specs we know nest about 22 levels (GitHub's: 20); the validator, openapi-typescript, the
 * IR and the loader's ref check all recurse per level, and a document nested thousands deep
 * overflowed the stack inside one of them. 128 leaves real specs six times the room, and a spec
 * just under it still generates completely (test/generator/deep-nesting.test.ts).
 */
export const MAX_DEPTH = 128;

/** The refusal of a document nested deeper than `limit`, at the first container past it. */
export function tooDeep(pointer: string, location: string, limit = MAX_DEPTH): GeneratorError {
  return new GeneratorError(`Spec nests objects and arrays more than ${limit} levels deep, deeper than the generator supports`, pointer, location);
}
