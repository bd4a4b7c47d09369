// The fuzz and corpus type checks skip modules whose import closure has the same code as one already
// checked; these cases pin down that nothing that could fail is skipped.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/ir.js';
import { typeCheckDistinct } from '../helpers/type-check-distinct.js';

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES5'], skipLibCheck: true, strict: true, declaration: true, types: [], rootDir: 'src', outDir: 'dist' },
  include: ['src'],
});

let root: string;
beforeAll(async () => {
  root = await tempDir('distinct-');
});

/** A package `<root>/<name>` with these files under src/ (index.ts re-exports them all). */
async function pkg(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, name);
  const all = { ...files, 'index.ts': Object.keys(files).map((f) => `export * from './${f.replace(/\.ts$/, '.js')}';`).join('\n') };
  for (const [file, text] of Object.entries(all)) {
    await mkdir(dirname(join(dir, 'src', file)), { recursive: true });
    await writeFile(join(dir, 'src', file), text);
  }
  await writeFile(join(dir, 'tsconfig.json'), TSCONFIG);
  return dir;
}

const errorsIn = (diagnostics: string[]) => diagnostics.map((d) => d.slice(root.length + 1, d.indexOf(':', root.length + 1)));

describe('type-checking each distinct module once', () => {
  it('checks a module again when what it imports differs, even if its own code is the same', async () => {
    const use = `import type { Id } from './types.js';\nexport const id: Id = 'a';\n`;
    const a = await pkg('a', { 'types.ts': 'export type Id = string;\n', 'use.ts': use });
    const b = await pkg('b', { 'types.ts': '/** differs */\nexport type Id = number;\n', 'use.ts': use });
    const check = typeCheckDistinct([a, b]);
    expect(errorsIn(check.diagnostics)).toEqual(['b/src/use.ts']);
  });

  it('checks a module once when another differs from it only in comments, and still reports its errors', async () => {
    const c = await pkg('c', { 'types.ts': '/** one */\nexport type Id = string;\n', 'use.ts': `import type { Id } from './types.js';\nexport const id: Id = 1;\n` });
    const d = await pkg('d', { 'types.ts': '/** two, longer */\nexport type Id = string;\n', 'use.ts': `import type { Id } from './types.js';\n// a comment\nexport const id: Id = 1;\n` });
    const check = typeCheckDistinct([c, d]);
    expect(errorsIn(check.diagnostics)).toEqual(['c/src/use.ts']);
    const own = (dirs: string[]) => typeCheckDistinct(dirs).checked;
    // d adds no module of its own to check: each of its three has the same closure as c's.
    expect(check.checked).toBe(own([c]));
  });

  it('never takes a file with a syntax error for another: each one is reported', async () => {
    const e = await pkg('e', { 'bad.ts': 'export const x = ;\n' });
    const f = await pkg('f', { 'bad.ts': 'export const x = ;\n' });
    expect(errorsIn(typeCheckDistinct([e, f]).diagnostics)).toEqual(['e/src/bad.ts', 'f/src/bad.ts']);
  });

  it('checks a module that reaches an error only through a symlinked shared module', async () => {
    const shared = join(root, 'shared');
    await mkdir(shared);
    await writeFile(join(shared, 'runtime.ts'), 'export interface Codes {}\nexport const codes = (c: keyof Codes): string => c;\n');
    const g = await pkg('g', { 'codes.ts': `declare module './runtime/runtime.js' {\n  interface Codes { a: 1 }\n}\nexport {};\n`, 'use.ts': `import { codes } from './runtime/runtime.js';\nexport const y = codes('a');\n` });
    const h = await pkg('h', { 'codes.ts': `declare module './runtime/runtime.js' {\n  interface Codes { b: 1 }\n}\nexport {};\n`, 'use.ts': `import { codes } from './runtime/runtime.js';\nexport const y = codes('a');\n` });
    for (const dir of [g, h]) await symlink(shared, join(dir, 'src', 'runtime'), 'dir');
    // Each package's copy of the runtime is augmented by its own codes.ts: 'a' is no code in h.
    expect(errorsIn(typeCheckDistinct([g, h]).diagnostics)).toEqual(['h/src/use.ts']);
  });

  it('keeps apart byte-identical copies of a module that their packages augment differently', async () => {
    const runtime = 'export interface Codes {}\nexport const codes = (c: keyof Codes): string => c;\n';
    const use = `import { codes } from './runtime/runtime.js';\nexport const y = codes('a');\n`;
    const codes = (code: string) => `declare module './runtime/runtime.js' {\n  interface Codes { ${code}: 1 }\n}\nexport {};\n`;
    const i = await pkg('i', { 'runtime/runtime.ts': runtime, 'codes.ts': codes('a'), 'use.ts': use });
    const j = await pkg('j', { 'runtime/runtime.ts': runtime, 'codes.ts': codes('b'), 'use.ts': use });
    // Were j's copy of the runtime taken for i's, i's augmentation would make 'a' a code in j too.
    expect(errorsIn(typeCheckDistinct([i, j]).diagnostics)).toEqual(['j/src/use.ts']);
  });
});
