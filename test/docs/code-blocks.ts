/**
 * Helpers for testing documentation like code: pull the ```ts blocks out of markdown, and compile
 * snippets against a generated package with the TypeScript compiler API (no files written).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { checkProgram } from '../helpers/ts-program.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const GENERATED = join(ROOT, 'generated');

export interface CodeBlock {
  /** Where it came from, for failure messages: `README.md:42`. */
  origin: string;
  code: string;
}

/** Every fenced block tagged ts/typescript (``` or ~~~, indented inside a list or not), with the line its code starts on. */
export function tsBlocks(markdown: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const fence = /^([ \t]*)(```|~~~)[ \t]*(ts|typescript)[ \t]*\r?\n([\s\S]*?)^\1\2[ \t]*$/gm;
  for (const match of markdown.matchAll(fence)) {
    const line = markdown.slice(0, match.index).split('\n').length + 1;
    const indent = match[1]!;
    const code = match[4]!
      .split('\n')
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
      .join('\n');
    blocks.push({ origin: `${file}:${line}`, code });
  }
  return blocks;
}

/**
 * The strict settings snippets are held to: the generated package's own tsconfig (strict,
 * noUncheckedIndexedAccess, no Node types, so a snippet must work in a browser too), plus the
 * strict flags it leaves off.
 */
export function strictOptions(packageDir: string, extra: ts.CompilerOptions = {}): ts.CompilerOptions {
  const file = ts.readConfigFile(join(packageDir, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(file.config, ts.sys, packageDir);
  return {
    ...parsed.options,
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    noEmit: true,
    declaration: false,
    rootDir: undefined,
    outDir: undefined,
    ...extra,
  };
}

/**
 * Compiles each snippet as its own module. `import … from '<packageName>'` resolves to the
 * package's `src/index.ts`, exactly as a consumer's import would resolve to its types.
 * Returns one line per diagnostic, prefixed with the snippet's origin and line.
 */
export function compileSnippets(
  snippets: CodeBlock[],
  pkg: { name: string; dir: string },
  extra: ts.CompilerOptions = {},
  { snippetsOnly = false }: { snippetsOnly?: boolean } = {},
): string[] {
  // Virtual files live next to the package so the nearest package.json (type: module) applies.
  const options = strictOptions(pkg.dir, { baseUrl: pkg.dir, paths: { [pkg.name]: ['src/index.ts'] }, ...extra });
  return compileVirtual(snippets, join(pkg.dir, '__docs__'), options, snippetsOnly);
}

/**
 * Compiles snippets of repository code (tests, generator use) as if each were a test file in
 * test/docs/, under the repository's own tsconfig: `../helpers/ir.js`, `../../generator/…` resolve.
 */
export function compileRepoSnippets(snippets: CodeBlock[]): string[] {
  const file = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(file.config, ts.sys, ROOT).options;
  return compileVirtual(snippets, join(ROOT, 'test', 'docs'), { ...options, noEmit: true }, false);
}

function compileVirtual(snippets: CodeBlock[], virtualDir: string, options: ts.CompilerOptions, snippetsOnly: boolean): string[] {
  const files = new Map(snippets.map((s, i) => [join(virtualDir, `__snippet-${i}.ts`), s] as const));
  const program = checkProgram([...files.keys()], options, (host) => {
    const { getSourceFile, fileExists, readFile } = host;
    host.getSourceFile = (name, languageVersion, onError, create) => {
      const snippet = files.get(name);
      return snippet ? ts.createSourceFile(name, snippet.code, languageVersion, true) : getSourceFile.call(host, name, languageVersion, onError, create);
    };
    host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
    host.readFile = (name) => files.get(name)?.code ?? readFile.call(host, name);
    host.directoryExists = (name) => name === virtualDir || ts.sys.directoryExists(name);
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => !snippetsOnly || (d.file !== undefined && files.has(d.file.fileName)));
  return diagnostics.map((d) => {
    const snippet = d.file ? files.get(d.file.fileName) : undefined;
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    const where = snippet ? `${snippet.origin} (+${line})` : d.file ? `${d.file.fileName}:${line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** The `name` of a package directory's package.json. */
export function packageName(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string }).name;
}

