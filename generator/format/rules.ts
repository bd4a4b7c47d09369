import type { Options } from 'prettier';
import { TYPESCRIPT_PARSER } from './parsers.js';

/** The one prettier configuration every generated file is formatted with. */
export const PRETTIER: Options = { printWidth: 120, singleQuote: true, trailingComma: 'all', proseWrap: 'preserve' };

/**
 * Copied runtime templates are kept prettier-clean at their source (a test checks it), so
 * formatting their copies on every run would only cost time: over half of a small spec's run.
 */
const COPIED = /^src\/runtime\//;

/**
 * The lock is laid out one name a line by its emitter (emit/package-files.ts `jsonByLevel`);
 * prettier would break the lines past its print width, and formatting megabytes of it costs time.
 */
const LAID_OUT = /(^|\/)codegen\.lock\.json$/;

function parserFor(path: string): typeof TYPESCRIPT_PARSER | 'json' | 'markdown' | undefined {
  if (path.endsWith('.ts')) return TYPESCRIPT_PARSER;
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.md')) return 'markdown';
  return undefined;
}

/**
 * The prettier parser to format `path` with, or undefined when the file is written as emitted
 * (copied runtime templates, formatted at their source). Every other file is formatted whatever
 * its size, `types.ts` included: large TypeScript files go in pieces (index.ts, chunks.ts).
 */
export function formatParser(path: string): string | undefined {
  const parser = parserFor(path);
  if (!parser || COPIED.test(path) || LAID_OUT.test(path)) return undefined;
  return parser;
}
