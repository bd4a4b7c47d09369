/**
 * All source-text building lives here, so emitters read as data. Every string that comes from the
 * spec reaches code only through `literal` (a JSON string literal, which cannot break out of its
 * quotes) or `docText` (JSDoc text that cannot close the comment).
 */
import { type JSDocStructure, type JSDocTagStructure, StructureKind } from 'ts-morph';
import { escapeInvisible } from '../text/invisible.js';

/**
 * A JS/TS literal for any JSON value. Invisible and control characters (bidi overrides, U+2028…)
 * are written as `\u` escapes (generator/text/invisible.ts): the same string, visibly spelled. A
 * `__proto__` key is printed computed (`["__proto__"]`): written plainly, in an object literal it
 * sets the prototype instead of making a key. Not for JSON files, for that reason.
 */
export function literal(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError(`No literal for ${typeof value}`);
  return escapeInvisible(printJson(JSON.parse(json)));
}

function printJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(printJson).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${literalKey(k)}:${printJson(v)}`).join(',')}}`;
  return JSON.stringify(value);
}

/** A key of an object literal for any string: quoted, and computed for `__proto__` (see literal). */
export function literalKey(key: string): string {
  return key === '__proto__' ? '["__proto__"]' : escapeInvisible(JSON.stringify(key));
}

/**
 * Text that is safe inside a `/** … *\/` block: no comment terminator, and no control or invisible
 * character (a bidi override would make the code around the comment read differently): those are
 * written as visible `\u` escapes.
 */
export function docText(text: string): string {
  return escapeInvisible(text.replace(/\r\n?/g, '\n'))
    .replace(/\*\//g, '*\\/')
    // `/*` confuses ts-morph's writer, which then thinks a comment opened inside the JSDoc.
    .replace(/\/\*/g, '/\\*')
    // A line that starts with `@` would open a JSDoc tag; inline `{@link}` is harmless.
    .replace(/(^|\n)([ \t]*)@/g, '$1$2\\@')
    .trim();
}

/** `base["a"]["b"]`: indexed access types with keys as string literals. */
export function indexType(base: string, ...keys: readonly string[]): string {
  return base + keys.map((k) => `[${literal(k)}]`).join('');
}

export interface DocInput {
  summary?: string | undefined;
  description?: string | undefined;
  tags?: (readonly [string, string] | readonly [string])[];
}

export function jsDoc({ summary, description, tags = [] }: DocInput): JSDocStructure[] {
  const parts = [summary, description !== summary ? description : undefined].filter((p): p is string => !!p && p.trim().length > 0);
  const text = parts.map(docText).join('\n\n');
  const tagStructures: JSDocTagStructure[] = tags.map(([tagName, tagText]) => ({
    kind: StructureKind.JSDocTag,
    tagName,
    ...(tagText !== undefined ? { text: docText(tagText) } : {}),
  }));
  if (!text && tagStructures.length === 0) return [];
  const docDescription = tagStructures.length > 0 ? `${text}\n` : text;
  return [{ kind: StructureKind.JSDoc, ...(text ? { description: docDescription } : {}), tags: tagStructures }];
}

/**
 * The one generated-file header line reviewers and tools key off. It is placed in `//`
 * comments, a JSON string and an HTML comment, so angle brackets and `--` are dropped. It names
 * the API but not its version: a release would otherwise touch every file of the package, and
 * the one-line header changes would hide the real change from the reviewer (the version lives
 * in package.json, src/version.ts, codegen.lock.json, README and CHANGELOG).
 */
export function headerLine(title: string): string {
  const safe = (text: string) => oneLine(text).replace(/[<>]/g, '').replace(/-{2,}/g, '-');
  return `Generated from ${safe(title)} by notai-codegen. Do not edit.`;
}

/** `src/version.ts`: the package version, alone in its file so a release touches one line of code. */
export function versionModule(header: string, version: string): string {
  return [
    `// ${header}`,
    `/** This package's version, as published; the User-Agent header names it. */`,
    `export const VERSION = ${literal(version)};`,
    '',
  ].join('\n');
}

/** Spec text for a one-line comment: line breaks become spaces, comment delimiters and invisible characters are escaped. */
export function oneLine(text: string): string {
  return escapeInvisible(text.replace(/[\r\n\u2028\u2029]+/g, ' ')).replace(/\*\//g, '*\\/').replace(/\/\*/g, '/\\*').trim();
}
