import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { expectedPackageVersion } from '../helpers/pinned.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * generated/ is the whole-output snapshot of the pinned spec: it is committed, reviewed as a diff,
 * and this test fails (naming the files) whenever a fresh generation would differ from it.
 */
describe('generated/ snapshot of the pinned spec', () => {
  it('equals a fresh generation, byte for byte, and two generations are identical', async () => {
    const out = join(ROOT, 'generated');
    const first = await generate({ spec: join(ROOT, 'spec'), out, check: true });
    const second = await generate({ spec: join(ROOT, 'spec'), out, check: true });
    expect(first.drift).toEqual([]);
    expect([...second.files]).toEqual([...first.files]);
    for (const [path, text] of first.files) expect(await readFile(join(out, path), 'utf8'), path).toBe(text);
  });

  it('heads every file with the one generated-from line', async () => {
    const { files } = await generate({ spec: join(ROOT, 'spec'), out: join(ROOT, 'generated'), check: true });
    const header = 'Generated from Not AI Public API 1.0.17.0 by notai-codegen. Do not edit.';
    for (const [path, text] of files) {
      const first = text.split('\n')[0] ?? '';
      if (path.endsWith('.ts')) expect(first, path).toBe(`// ${header}${path.startsWith('src/runtime/') ? first.slice(header.length + 3) : ''}`);
      else if (path.endsWith('.md')) expect(first, path).toBe(`<!-- ${header} -->`);
      else if (path === 'package.json') expect(JSON.parse(text)['//'], path).toBe(header);
    }
  });

  it('records what produced the output', async () => {
    const lock = JSON.parse(await readFile(join(ROOT, 'generated', 'codegen.lock.json'), 'utf8')) as { spec: { sha256: string; version: string } };
    const specLock = JSON.parse(await readFile(join(ROOT, 'spec', 'spec.lock.json'), 'utf8')) as { current: string; versions: Record<string, { sha256: string }> };
    expect(lock.spec.version).toBe(specLock.current);
    expect(lock.spec.sha256).toBe(specLock.versions[specLock.current]!.sha256);
    const pkg = JSON.parse(await readFile(join(ROOT, 'generated', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect([pkg.name, pkg.version, pkg.dependencies]).toEqual(['notai-client', expectedPackageVersion(), undefined]);
  });
});
