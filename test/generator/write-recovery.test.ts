import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../generator/write.js';
import { tempDir } from '../helpers/ir.js';
import { addUserFiles, exited, expectUserFiles, generatedFiles, labelOf, leftovers, pausedAt, spawnWriter } from './write-fixture.js';

async function seeded(): Promise<{ root: string; out: string }> {
  const root = await tempDir('write-recovery-');
  const out = join(root, 'generated');
  await writeAtomically(out, generatedFiles('v1'));
  await addUserFiles(out);
  return { root, out };
}

describe('write: a run killed mid-write', () => {
  // staged: the new files are written aside, nothing committed; journaled: the commit is recorded,
  // nothing applied; applying: part of the new files are in place.
  for (const phase of ['staged', 'journaled', 'applying'] as const) {
    it(`killed at "${phase}": user files stay in place, and the next run recovers and cleans up`, async () => {
      const { root, out } = await seeded();
      const child = spawnWriter(out, 'v2', phase);
      await pausedAt(child, phase);
      child.kill('SIGKILL');
      await exited(child);

      // Never moved, so in place even before any recovery.
      await expectUserFiles(out);
      if (phase === 'staged') expect(await labelOf(out)).toBe('v1');

      await writeAtomically(out, generatedFiles('v3'));
      await expectUserFiles(out);
      expect(await labelOf(out)).toBe('v3');
      expect(await leftovers(root, 'generated')).toEqual([]);
    }, 120_000);
  }

  it('a killed first write into a new directory is rolled back, and the directory can be written again', async () => {
    const root = await tempDir('write-recovery-');
    const out = join(root, 'fresh');
    const child = spawnWriter(out, 'v1', 'staged');
    await pausedAt(child, 'staged');
    child.kill('SIGKILL');
    await exited(child);
    await writeAtomically(out, generatedFiles('v2'));
    expect(await labelOf(out)).toBe('v2');
    expect(await leftovers(root, 'fresh')).toEqual([]);
  }, 120_000);
});

describe('write: leftovers of the earlier staging-and-swap design', () => {
  // What a run of the previous writer killed mid-swap left: user entries moved into a hidden
  // `.generated.staging-<pid>-<hex>` sibling (and the previous output in `.generated.old-…`).
  const DEAD = '999999999';

  it('restores user files stranded in .staging-* and removes it', async () => {
    const { root, out } = await seeded();
    const staging = join(root, `.generated.staging-${DEAD}-0123abcd`);
    await mkdir(staging);
    for (const entry of ['CHANGELOG.md', 'dist', 'extra']) await rename(join(out, entry), join(staging, entry));
    await writeFile(join(staging, 'README.md'), 'half-written');

    await writeAtomically(out, generatedFiles('v2'));
    await expectUserFiles(out);
    expect(await labelOf(out)).toBe('v2');
    expect(await readdir(root)).toEqual(['generated']);
  });

  it('restores the previous output from .old-* when the swap stopped between its renames', async () => {
    const { root, out } = await seeded();
    const old = join(root, `.generated.old-${DEAD}-0123abcd`);
    const staging = join(root, `.generated.staging-${DEAD}-0123abcd`);
    await rename(out, old);
    await mkdir(staging);
    for (const entry of ['CHANGELOG.md', 'dist', 'extra']) await rename(join(old, entry), join(staging, entry));

    await writeAtomically(out, generatedFiles('v2'));
    await expectUserFiles(out);
    expect(await labelOf(out)).toBe('v2');
    expect(await readdir(root)).toEqual(['generated']);
  });

  it('leaves the siblings of a run that is still alive alone', async () => {
    const { root, out } = await seeded();
    const staging = join(root, `.generated.staging-${process.pid}-0123abcd`);
    await mkdir(staging);
    await writeFile(join(staging, 'note.txt'), 'in use');
    await writeAtomically(out, generatedFiles('v2'));
    expect(await readFile(join(staging, 'note.txt'), 'utf8')).toBe('in use');
  });
});
