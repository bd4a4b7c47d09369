import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
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

  it('formats with exactly the parser asked for, and reports syntax errors with their location', async () => {
    const prettier = loadPrettier(undefined);
    // A labelled type alias: valid TypeScript that babel-ts rejects (parsers.ts decides what then).
    await expect(prettier.format('label:   type A = 1;\n', { ...PRETTIER, parser: 'babel-ts' })).rejects.toHaveProperty('loc');
    expect(await prettier.format('label:   type A = 1;\n', { ...PRETTIER, parser: 'typescript' })).toBe('label: type A = 1;\n');
    await expect(prettier.format('const = ;\n', { ...PRETTIER, parser: 'babel-ts' })).rejects.toHaveProperty('loc');
  });

  it('hands text that may embed another language to prettier itself, which has every plugin', async () => {
    const prettier = loadPrettier(undefined);
    for (const text of ['const q = gql`query { a   b }`;\n', 'const s = css`a{color:red}`;\n', 'const h = /* HTML */ `<p>hi</p>`;\n']) {
      expect(await prettier.format(text, { ...PRETTIER, parser: 'babel-ts' })).toBe(await format(text, { ...PRETTIER, parser: 'babel-ts' }));
    }
    expect(await format('const q = gql`query { a   b }`;\n', { ...PRETTIER, parser: 'babel-ts' })).toContain('query {\n');
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
    await writeFile(join(dir, 'prettier-0.0.1-other-node.bin'), 'another Node version shares this directory');
    expect(await runPool(dir, 'export   const  a = 1\n')).toBe('export const a = 1;\n');
    const file = (await cacheFiles(dir)).find((name) => !name.includes('other-node'));
    expect(file).toBeDefined();
    expect(await cacheFiles(dir)).toHaveLength(2); // the other one is left alone
    const cache = join(dir, file!);
    const written = await stat(cache);
    expect(written.size).toBeGreaterThan(100_000);

    // Accepted by V8 in the next worker: nothing written again.
    expect(await runPool(dir, 'let  b = 2')).toBe('let b = 2;\n');
    expect((await stat(cache)).mtimeMs).toBe(written.mtimeMs);

    // Damaged (right name, wrong bytes): rejected, the output is still right, and it is rewritten.
    await writeFile(cache, Buffer.alloc(4096, 7));
    expect(await runPool(dir, 'let  c = 3')).toBe('let c = 3;\n');
    const good = await readFile(cache);
    expect(good.length).toBeGreaterThan(100_000);

    // Damaged in the middle, behind an intact header: V8 checks only the header, and compiling
    // with such data crashed the whole process. The checksum turns it into a miss.
    const damaged = Buffer.from(good);
    for (let i = damaged.length >> 1; i < (damaged.length >> 1) + 4096; i += 1) damaged[i] = damaged[i]! ^ 0xff;
    await writeFile(cache, damaged);
    expect(await runPool(dir, 'let  d = 4')).toBe('let d = 4;\n');
    expect((await readFile(cache)).equals(damaged)).toBe(false);
  });

  it('keeps taking jobs after a flush', async () => {
    const pool = new FormatPool({ file: WORKER, maxWorkers: 1, secondWorkerBytes: 1_000_000 });
    expect(await pool.format('let  d = 4', { ...PRETTIER, parser: 'babel-ts' })).toBe('let d = 4;\n');
    await pool.flush();
    expect(await pool.format('let  e = 5', { ...PRETTIER, parser: 'babel-ts' })).toBe('let e = 5;\n');
  });
});
