import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { expectedPackageVersion } from '../helpers/pinned.js';
import { pinnedGeneration } from '../helpers/shared-generation.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * generated/ is the whole-output snapshot of the pinned spec: it is committed, reviewed as a diff,
 * and this test fails (naming the files) whenever a fresh generation would differ from it.
 */
describe('generated/ snapshot of the pinned spec', () => {
  it('equals a fresh generation, byte for byte, and two generations are identical', async () => {
    const out = join(ROOT, 'generated');
    // The run's shared generation (another process) and a fresh one here: two generations.
    const first = await pinnedGeneration();
    const second = await generate({ spec: join(ROOT, 'spec'), out, check: true });
    expect(first.drift).toEqual([]);
    expect([...second.files]).toEqual([...first.files]);
    for (const [path, text] of first.files) expect(await readFile(join(out, path), 'utf8'), path).toBe(text);
  });

  it('heads every file with the one generated-from line', async () => {
    const { files, ir } = await pinnedGeneration();
    const header = `Generated from ${ir.title} by notai-codegen. Do not edit.`;
    for (const [path, text] of files) {
      const first = text.split('\n')[0] ?? '';
      if (path.endsWith('.ts')) expect(first, path).toBe(`// ${header}${path.startsWith('src/runtime/') ? first.slice(header.length + 3) : ''}`);
      else if (path.endsWith('.md')) expect(first, path).toBe(`<!-- ${header} -->`);
      else if (path === 'package.json') expect(JSON.parse(text)['//'], path).toBe(header);
    }
  });

  it('names the versions only where a release must change them, so its diff shows the real change', async () => {
    const { files, ir } = await pinnedGeneration();
    const versioned = (version: string) =>
      [...files]
        .filter(([path, text]) => !path.startsWith('src/types.ts') && text.includes(version))
        .map(([path]) => path)
        .sort();
    // types.ts carries the spec's own text (examples may quote a version); the rest is ours.
    expect(versioned(ir.specVersion)).toEqual(['README.md', 'codegen.lock.json']);
    expect(versioned(`'${ir.packageVersion}'`)).toEqual(['src/version.ts']);
    expect(versioned(`"version": "${ir.packageVersion}"`)).toEqual(['codegen.lock.json', 'package.json']);
  });

  it('records what produced the output', async () => {
    const lock = JSON.parse(await readFile(join(ROOT, 'generated', 'codegen.lock.json'), 'utf8')) as { spec: { sha256: string; version: string }; package: { name: string; version: string } };
    const specLock = JSON.parse(await readFile(join(ROOT, 'spec', 'spec.lock.json'), 'utf8')) as { current: string; versions: Record<string, { sha256: string }> };
    expect(lock.spec.version).toBe(specLock.current);
    expect(lock.spec.sha256).toBe(specLock.versions[specLock.current]!.sha256);
    const pkg = JSON.parse(await readFile(join(ROOT, 'generated', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect([pkg.name, pkg.version, pkg.dependencies]).toEqual(['notai-client', expectedPackageVersion(), undefined]);
  });
});
