/**
 * All source-text building lives here, so emitters read as data. Every string that comes from the
 * spec reaches code only through `literal` (a JSON string literal, which cannot break out of its
 * quotes) or `docText` (JSDoc text that cannot close the comment).
 */
import { type JSDocStructure, type JSDocTagStructure, StructureKind } from 'ts-morph';
import { escapeInvisible } from '../text/invisible.js';

// Shared with the IR, which names types (`ListSessionsResponse["data"]`) before any emitter runs.
export { indexType, literal, literalKey } from '../text/literal.js';
import { literal } from '../text/literal.js';

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
