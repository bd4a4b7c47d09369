import type { Options } from 'prettier';
import { TYPESCRIPT_PARSER } from './parsers.js';

/** The one prettier configuration every generated file is formatted with. */
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

function parserFor(path: string): typeof TYPESCRIPT_PARSER | 'json' | 'markdown' | undefined {
  if (path.endsWith('.ts')) return TYPESCRIPT_PARSER;
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.md')) return 'markdown';
  return undefined;
}

/** The prettier parser to format `path` with, or undefined when the file is written as emitted. */
export function formatParser(path: string, text: string): string | undefined {
  const parser = parserFor(path);
  if (!parser || SKIP.has(path) || COPIED.test(path) || text.length > MAX_FORMAT_BYTES) return undefined;
  return parser;
}
