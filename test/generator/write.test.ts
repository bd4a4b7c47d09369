import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDrift, writeAtomically } from '../../generator/write.js';
import { tempDir } from '../helpers/ir.js';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('write: atomic swap', () => {
  it('replaces owned entries, removes stale owned files, and carries over what it does not own', async () => {
    const root = await tempDir();
    const out = join(root, 'generated');
    await mkdir(join(out, 'src', 'old'), { recursive: true });
    await writeFile(join(out, 'src', 'old', 'gone.ts'), 'stale');
    await writeFile(join(out, 'CHANGELOG.md'), '# kept');
    await mkdir(join(out, 'dist'));
    await writeFile(join(out, 'dist', 'index.js'), 'built');

    await writeAtomically(out, files({ 'src/index.ts': 'new', 'package.json': '{}' }));

    expect((await readdir(out)).sort()).toEqual(['CHANGELOG.md', 'dist', 'package.json', 'src']);
    expect(await readdir(join(out, 'src'))).toEqual(['index.ts']);
    expect(await readFile(join(out, 'CHANGELOG.md'), 'utf8')).toBe('# kept');
    expect(await readFile(join(out, 'dist', 'index.js'), 'utf8')).toBe('built');
    expect((await readdir(root)).sort()).toEqual(['generated']);
  });

  it('leaves the output untouched and no temp directory behind when a write fails', async () => {
    const root = await tempDir();
    const out = join(root, 'generated');
    await mkdir(out);
    await writeFile(join(out, 'index.ts'), 'original');
    // A path escaping the output directory is refused after staging began.
    await expect(writeAtomically(out, files({ 'a.ts': 'x', '../escape.ts': 'y' }))).rejects.toThrow(/outside the output directory/);
    expect(await readdir(out)).toEqual(['index.ts']);
    expect(await readFile(join(out, 'index.ts'), 'utf8')).toBe('original');
    expect((await readdir(root)).sort()).toEqual(['generated']);
  });

  it('creates the output directory when it does not exist', async () => {
    const out = join(await tempDir(), 'nested', 'client');
    await writeAtomically(out, files({ 'src/a.ts': 'a' }));
    expect(await readFile(join(out, 'src', 'a.ts'), 'utf8')).toBe('a');
  });
});

describe('write: drift', () => {
  it('names changed, missing and stale files', async () => {
    const out = await tempDir();
    await writeAtomically(out, files({ 'src/a.ts': 'a', 'src/b.ts': 'b', 'src/c.ts': 'c' }));
    await writeFile(join(out, 'CHANGELOG.md'), 'not owned, not drift');
    expect(await findDrift(out, files({ 'src/a.ts': 'a', 'src/b.ts': 'B', 'src/d.ts': 'd' }))).toEqual([
      'src/b.ts (changed)',
      'src/c.ts (stale)',
      'src/d.ts (missing)',
    ]);
    expect(await findDrift(out, files({ 'src/a.ts': 'a', 'src/b.ts': 'b', 'src/c.ts': 'c' }))).toEqual([]);
  });
});
