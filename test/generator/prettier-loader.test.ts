import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { PRETTIER } from '../../generator/format/index.js';
import { FormatPool } from '../../generator/format/pool.js';
import { loadPrettier } from '../../generator/format/prettier-loader.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const WORKER = join(ROOT, 'generator', 'format', 'worker.mjs');

/** Real inputs, slightly disarranged so that prettier has work to do. */
function samples(): { text: string; parser: string }[] {
  const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
  const core = read('templates/runtime/core.ts').replaceAll('  ', '   ').replaceAll("'", '"');
  return [
    { text: core, parser: 'babel-ts' },
    { text: core, parser: 'typescript' },
    { text: read('generated/src/resources/sessions.ts').replaceAll(';\n', '\n'), parser: 'babel-ts' },
    { text: JSON.stringify(JSON.parse(read('generated/package.json'))), parser: 'json' },
    { text: read('generated/README.md').replaceAll('| --- |', '|-|'), parser: 'markdown' },
  ];
}

async function cacheFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('prettier-') && name.endsWith('.bin'));
}

describe('loadPrettier', () => {
  it('prints what prettier prints, for TypeScript (babel-ts and typescript), JSON and Markdown', async () => {
    const prettier = loadPrettier(undefined);
    for (const { text, parser } of samples()) {
      expect(await prettier.format(text, { ...PRETTIER, parser }), `${parser}: ${text.slice(0, 40)}`).toBe(await format(text, { ...PRETTIER, parser }));
    }
  });

  it('formats TypeScript that babel-ts rejects with the typescript parser, and reports real syntax errors', async () => {
    const prettier = loadPrettier(undefined);
    // A labelled type alias: valid TypeScript, rejected by babel-ts.
    const labelled = 'label:   type A = 1;\n';
    await expect(format(labelled, { ...PRETTIER, parser: 'babel-ts' })).rejects.toThrow();
    expect(await prettier.format(labelled, { ...PRETTIER, parser: 'babel-ts' })).toBe(await format(labelled, { ...PRETTIER, parser: 'typescript' }));
    await expect(prettier.format('const = ;\n', { ...PRETTIER, parser: 'babel-ts' })).rejects.toHaveProperty('loc');
  });

  it('only costs speed when the cache directory cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prettier-code-cache-'));
    const blocked = join(dir, 'a-file');
    await writeFile(blocked, '');
    const prettier = loadPrettier(join(blocked, 'cache'));
    expect(await prettier.format('const d=4\n', { ...PRETTIER, parser: 'babel-ts' })).toBe('const d = 4;\n');
    expect(() => prettier.saveCodeCache()).not.toThrow();
  });
});

describe('FormatPool code cache', () => {
  // Each pool starts its own worker, a fresh V8 isolate: within one isolate V8 answers a repeated
  // compile from memory and never looks at the cached data.
  async function runPool(dir: string, text: string): Promise<string> {
    const pool = new FormatPool({ file: WORKER, maxWorkers: 1, secondWorkerBytes: 1_000_000, codeCacheDir: dir });
    const job = pool.format(text, { ...PRETTIER, parser: 'babel-ts' });
    const flushed = pool.flush(); // asked before the job is done: answered after it
    const formatted = await job;
    await flushed;
    return formatted;
  }

  it('is written by a worker when flushed, reused by the next one, and replaced when damaged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pool-code-cache-'));
    await writeFile(join(dir, 'prettier-0.0.1-old.bin'), 'from another version');
    expect(await runPool(dir, 'export   const  a = 1\n')).toBe('export const a = 1;\n');
    const [file] = await cacheFiles(dir);
    expect(await cacheFiles(dir)).toEqual([file]); // the other version's cache is gone
    const cache = join(dir, file!);
    const written = await stat(cache);
    expect(written.size).toBeGreaterThan(100_000);

    // Accepted by V8 in the next worker: nothing written again.
    expect(await runPool(dir, 'let  b = 2')).toBe('let b = 2;\n');
    expect((await stat(cache)).mtimeMs).toBe(written.mtimeMs);

    // Damaged (right name, wrong bytes): rejected, the output is still right, and it is rewritten.
    await writeFile(cache, Buffer.alloc(4096, 7));
    expect(await runPool(dir, 'let  c = 3')).toBe('let c = 3;\n');
    expect((await stat(cache)).size).toBeGreaterThan(100_000);
  });

  it('keeps taking jobs after a flush', async () => {
    const pool = new FormatPool({ file: WORKER, maxWorkers: 1, secondWorkerBytes: 1_000_000 });
    expect(await pool.format('let  d = 4', { ...PRETTIER, parser: 'babel-ts' })).toBe('let d = 4;\n');
    await pool.flush();
    expect(await pool.format('let  e = 5', { ...PRETTIER, parser: 'babel-ts' })).toBe('let e = 5;\n');
  });
});
