/**
 * All source-text building lives here, so emitters read as data. Every string that comes from the
 * spec reaches code only through `literal` (a JSON string literal, which cannot break out of its
 * quotes) or `docText` (JSDoc text that cannot close the comment).
 */
import { type JSDocStructure, type JSDocTagStructure, StructureKind } from 'ts-morph';

/** A JS/TS literal for any JSON value. U+2028/2029 are escaped so older parsers cannot split a line. */
export function literal(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text that is safe inside a `/** … *\/` block: no comment terminator, no stray control characters. */
export function docText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
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

export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\*\//g, '*\\/').replace(/\/\*/g, '/\\*').trim();
}
