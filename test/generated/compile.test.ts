import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checkProgram, describeDiagnostics } from '../helpers/ts-program.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GENERATED = join(ROOT, 'generated');

function program(extraRoots: string[], options: ts.CompilerOptions = {}): ts.Program {
  const configFile = ts.readConfigFile(join(GENERATED, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, GENERATED);
  return checkProgram([...parsed.fileNames, ...extraRoots], { ...parsed.options, noEmit: false, ...options });
}

describe('generated package compiles', () => {
  // The package under its own tsconfig (declaration: true): type-checked by the first test, its
  // declarations emitted by the third from the same checker instead of a second program (issue #20).
  let own: ts.Program | undefined;
  const ownProgram = (): ts.Program => (own ??= program([]));

  it('type-checks under its own strict tsconfig, exactOptionalPropertyTypes included (no Node types: it must run in browsers too)', () => {
    const p = ownProgram();
    const settings = p.getCompilerOptions();
    expect([settings.strict, settings.noUncheckedIndexedAccess, settings.exactOptionalPropertyTypes]).toEqual([true, true, true]);
    expect(describeDiagnostics(ts.getPreEmitDiagnostics(p))).toEqual([]);
  });

  it('serves a strict consumer, whose wrong calls are type errors', () => {
    const consumer = join(import.meta.dirname, 'consumer', 'usage.ts');
    const p = program([consumer], { noEmit: true, rootDir: ROOT, noUnusedLocals: true });
    expect(describeDiagnostics(ts.getPreEmitDiagnostics(p))).toEqual([]);
  });

  it('has no `any` in its public declarations and no @ts-ignore anywhere', () => {
    const p = ownProgram();
    expect(p.getCompilerOptions().declaration).toBe(true);
    const declarations = new Map<string, string>();
    // Declarations only, captured in memory: nothing is written.
    const result = p.emit(undefined, (fileName, text) => declarations.set(fileName, text), undefined, true);
    expect(result.emitSkipped).toBe(false);
    expect(declarations.size).toBeGreaterThan(10);
    const offenders = [...declarations].filter(([, text]) => /(?<![\w$.'"])any(?![\w$'"])/.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offenders.map(([name]) => name)).toEqual([]);
    for (const file of p.getSourceFiles().filter((f) => f.fileName.startsWith(GENERATED))) {
      expect(file.text, file.fileName).not.toMatch(/@ts-(ignore|nocheck)/);
    }
  });
});
