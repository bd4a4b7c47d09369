import { format, type Options } from 'prettier';
import { GeneratorError } from './errors.js';

export const PRETTIER: Options = { printWidth: 120, singleQuote: true, trailingComma: 'all', proseWrap: 'preserve' };

/**
 * Files that are not worth formatting: openapi-typescript already prints `types.ts` consistently,
 * and it is by far the largest file (formatting it would dominate generation time on big specs).
 */
const SKIP = new Set(['src/types.ts']);

/**
 * Copied runtime templates are kept prettier-clean at their source (a test checks it), so
 * formatting their copies on every run would only cost time: over half of a small spec's run.
 */
const COPIED = /^src\/runtime\//;

/**
 * Above this size a file is left as ts-morph printed it (consistently indented, longer lines).
 * Prettier's cost grows with size while the reading benefit does not: on GitHub's spec the two
 * largest resource modules (1–2 MB) took most of the formatting time.
 */
export const MAX_FORMAT_BYTES = 64 * 1024;

function parserFor(path: string): Options['parser'] | undefined {
  if (path.endsWith('.ts')) return 'typescript';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.md')) return 'markdown';
  return undefined;
}

/** Stage 4: prettier over every emitted file. A failure here is a generator bug, reported with the file. */
export async function formatFiles(files: Map<string, string>): Promise<Map<string, string>> {
  const entries = await Promise.all(
    [...files].map(async ([path, text]): Promise<[string, string]> => {
      const parser = parserFor(path);
      if (!parser || SKIP.has(path) || COPIED.test(path) || text.length > MAX_FORMAT_BYTES) return [path, text];
      try {
        return [path, await format(text, { ...PRETTIER, parser })];
      } catch (error) {
        throw new GeneratorError(`Generated ${path} could not be formatted (a generator bug): ${(error as Error).message.split('\n')[0]}`, '#', path, { cause: error });
      }
    }),
  );
  return new Map(entries);
}
