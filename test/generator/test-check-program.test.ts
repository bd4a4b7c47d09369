// The tests' type checks (test/helpers/ts-program.ts) skip checking TypeScript's default library
// (issue #20). A file of ours that adds to the global scope can break a library interface where
// the compiler reports it only in the library file; these cases pin down that it is still reported.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/ir.js';
import { checkProgram } from '../helpers/ts-program.js';
import { typeCheckDistinct } from '../helpers/type-check-distinct.js';

// lib.es5.d.ts only: the smallest library with an interface that extends another.
const COMPILER_OPTIONS = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES5'], strict: true, skipLibCheck: false, types: [] };
// `TypeError` no longer extends `Error` correctly: reported at lib.es5.d.ts's declaration only.
const BREAKS_LIBRARY = 'declare global {\n  interface TypeError { message: number }\n}\nexport {};\n';

/** A package with a tsconfig and src/index.ts holding `index`. */
async function pkg(index: string): Promise<string> {
  const dir = await tempDir('check-program-');
  await mkdir(join(dir, 'src'));
  await writeFile(join(dir, 'src', 'index.ts'), index);
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ['src'] }));
  return dir;
}

function program(dir: string): ts.Program {
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(join(dir, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, dir);
  return checkProgram(parsed.fileNames, parsed.options);
}

const messages = (diagnostics: readonly ts.Diagnostic[]) => diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));

describe('type checks that skip the default library', () => {
  it('checkProgram reports a global augmentation that breaks a library interface', async () => {
    const errors = messages(ts.getPreEmitDiagnostics(program(await pkg(BREAKS_LIBRARY))));
    expect(errors.some((e) => e.includes("Interface 'TypeError' incorrectly extends interface 'Error'"))).toBe(true);
  });

  it('typeCheckDistinct reports it too', async () => {
    const { diagnostics } = typeCheckDistinct([await pkg(BREAKS_LIBRARY)]);
    expect(diagnostics.some((e) => e.includes("Interface 'TypeError' incorrectly extends interface 'Error'"))).toBe(true);
  });

  it('a package that adds nothing to the global scope still skips the library check', async () => {
    const p = program(await pkg('export const n: number = 1;\n'));
    expect(p.getCompilerOptions().skipDefaultLibCheck).toBe(true);
    expect(messages(ts.getPreEmitDiagnostics(p))).toEqual([]);
  });
});
