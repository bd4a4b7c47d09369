import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checkProgram, describeDiagnostics } from '../helpers/ts-program.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MCP = join(ROOT, 'generated-mcp');

/** generated-mcp under its own strict tsconfig, with `notai-client` mapped to generated/ (tsconfig.repo.json). */
function program(options: ts.CompilerOptions = {}): ts.Program {
  const file = join(import.meta.dirname, 'tsconfig.repo.json');
  const configFile = ts.readConfigFile(file, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, import.meta.dirname);
  return checkProgram(parsed.fileNames, { ...parsed.options, noEmit: false, ...options });
}

describe('generated-mcp compiles', () => {
  it('type-checks strictly against the generated client, with no `any` in its declarations', () => {
    const p = program({ noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: join(ROOT, '.tmp', 'mcp-declarations') });
    expect([p.getCompilerOptions().strict, p.getCompilerOptions().noUncheckedIndexedAccess, p.getCompilerOptions().verbatimModuleSyntax]).toEqual([true, true, true]);
    // Only generated-mcp's own files are checked and emitted; the client has its own compile test.
    // Its sources only: a built package also has node_modules/ and dist/ under it.
    const own = p.getSourceFiles().filter((f) => f.fileName.startsWith(`${MCP}/src/`));
    expect(own.length).toBeGreaterThan(15);
    expect(describeDiagnostics([...p.getOptionsDiagnostics(), ...p.getGlobalDiagnostics(), ...own.flatMap((f) => [...p.getSyntacticDiagnostics(f), ...p.getSemanticDiagnostics(f)])])).toEqual([]);
    const declarations = new Map<string, string>();
    for (const file of own) p.emit(file, (fileName, text) => declarations.set(fileName, text), undefined, true);
    expect(declarations.size).toBeGreaterThan(15);
    const offenders = [...declarations].filter(([, text]) => /(?<![\w$.'"])any(?![\w$'"])/.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offenders.map(([name]) => name)).toEqual([]);
    for (const file of own) expect(file.text, file.fileName).not.toMatch(/@ts-(ignore|nocheck)/);
  });
});
