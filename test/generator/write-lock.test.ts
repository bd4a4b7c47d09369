import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.js';
import { findDrift, writeAtomically } from '../../generator/write.js';
import { tempDir } from '../helpers/ir.js';
import { addUserFiles, exited, expectUserFiles, generatedFiles, labelOf, leftovers, pausedAt, spawnWriter } from './write-fixture.js';

/** A pid that no process has: a child that already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await exited(child);
  return child.pid!;
}

async function seeded(): Promise<{ root: string; out: string }> {
  const root = await tempDir('write-lock-');
  const out = join(root, 'generated');
  await writeAtomically(out, generatedFiles('v0'));
  await addUserFiles(out);
  return { root, out };
}

describe('write: concurrent runs into one --out', () => {
  it('in-process calls never lose a user file and end with one whole version', async () => {
    const { root, out } = await seeded();
    for (let round = 0; round < 4; round += 1) {
      const labels = Array.from({ length: 8 }, (_, i) => `r${round}-${i}`);
      await Promise.all(labels.map((label) => writeAtomically(out, generatedFiles(label), { onWait: () => {} })));
      await expectUserFiles(out);
      expect(labels).toContain(await labelOf(out));
      expect(await findDrift(out, generatedFiles(await labelOf(out)))).toEqual([]);
      expect(await leftovers(root, 'generated')).toEqual([]);
    }
  }, 120_000);

  it('separate processes never lose a user file and end with one whole version', async () => {
    const { root, out } = await seeded();
    const labels = Array.from({ length: 6 }, (_, i) => `p${i}`);
    const results = await Promise.all(labels.map((label) => exited(spawnWriter(out, label, undefined, 15))));
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    await expectUserFiles(out);
    expect(labels).toContain(await labelOf(out));
    expect(await leftovers(root, 'generated')).toEqual([]);
  }, 300_000);
});

describe('write: the output lock', () => {
  it('waits for a run that holds the lock, then fails naming it; a killed holder is taken over', async () => {
    const { root, out } = await seeded();
    const holder = spawnWriter(out, 'held', 'locked');
    await pausedAt(holder, 'locked');
    const waits: string[] = [];
    const error = await writeAtomically(out, generatedFiles('waiter'), { lockWaitMs: 300, onWait: (m) => waits.push(m) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as Error).message).toContain(`pid ${holder.pid} on ${hostname()}`);
    expect((error as Error).message).toMatch(/is being written by another notai-codegen run/);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toContain(`pid ${holder.pid}`);
    expect(await labelOf(out)).toBe('v0');

    holder.kill('SIGKILL');
    await exited(holder);
    await writeAtomically(out, generatedFiles('after'));
    expect(await labelOf(out)).toBe('after');
    await expectUserFiles(out);
    expect(await leftovers(root, 'generated')).toEqual([]);
  }, 120_000);

  it('takes over a lock whose process is dead on this host', async () => {
    const { root, out } = await seeded();
    const pid = await deadPid();
    await writeFile(join(root, '.generated.notai-codegen.lock'), JSON.stringify({ pid, hostname: hostname(), started: new Date().toISOString(), token: 'old' }));
    const waits: string[] = [];
    await writeAtomically(out, generatedFiles('v1'), { lockWaitMs: 60_000, onWait: (m) => waits.push(m) });
    expect(await labelOf(out)).toBe('v1');
    expect(waits).toEqual([]);
    expect(await readdir(root)).toEqual(['generated']);
  }, 60_000);

  it('does not take over a lock held on another host: it fails naming the host and the lock file', async () => {
    const { root, out } = await seeded();
    const lock = join(root, '.generated.notai-codegen.lock');
    await writeFile(lock, JSON.stringify({ pid: 1, hostname: 'build-agent-7', started: '2030-01-01T00:00:00.000Z', token: 'x' }));
    await expect(writeAtomically(out, generatedFiles('v1'), { lockWaitMs: 200, onWait: () => {} })).rejects.toThrow(
      new RegExp(`pid 1 on build-agent-7 since 2030-01-01T00:00:00.000Z.*${lock.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    expect(await labelOf(out)).toBe('v0');
    await expectUserFiles(out);
  }, 60_000);
});
