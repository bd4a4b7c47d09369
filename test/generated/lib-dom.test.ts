/**
 * The generated sources must type-check for a consumer whose tsconfig has `lib: ["es2022",
 * "dom"]` and no "dom.iterable" (a common setting: many projects list only "dom"). Iterating
 * Headers, URLSearchParams or FormData (`for…of`, `.entries()`, `.keys()`, `.values()`) or a
 * ReadableStream (`for await`) compiles only with the iterable libs, so the runtime must not.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checkProgram } from '../helpers/ts-program.js';

const ROOT = join(import.meta.dirname, '..', '..');
const LIB = ['lib.es2022.d.ts', 'lib.dom.d.ts'];

/** Errors of the project in `tsconfig` (its own sources only), compiled with LIB instead of its lib. */
function errorsWithPlainDom(tsconfig: string, sources: string): string[] {
  const configFile = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, join(tsconfig, '..'));
  const p = checkProgram(parsed.fileNames, { ...parsed.options, lib: LIB });
  expect(p.getCompilerOptions().lib).toEqual(LIB);
  const own = p.getSourceFiles().filter((f) => f.fileName.startsWith(sources));
  expect(own.length).toBeGreaterThan(10);
  const diagnostics = [
    ...p.getOptionsDiagnostics(),
    ...p.getGlobalDiagnostics(),
    ...own.flatMap((f) => [...p.getSyntacticDiagnostics(f), ...p.getSemanticDiagnostics(f)]),
  ];
  return diagnostics.map((d) => {
    const where =
      d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('lib: ["es2022", "dom"] without dom.iterable', () => {
  it('the generated client (generated/src, runtime included) type-checks', () => {
    const sources = join(ROOT, 'generated', 'src');
    expect(errorsWithPlainDom(join(ROOT, 'generated', 'tsconfig.json'), `${sources}/`)).toEqual([]);
  });

  it('the generated MCP server (generated-mcp/src, with Node types and the client from generated/) type-checks', () => {
    // test/mcp/tsconfig.repo.json maps `notai-client` to generated/src, as the MCP compile test does.
    const sources = join(ROOT, 'generated-mcp', 'src');
    expect(errorsWithPlainDom(join(ROOT, 'test', 'mcp', 'tsconfig.repo.json'), `${sources}/`)).toEqual([]);
  });
});
