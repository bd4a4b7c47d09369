import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.js';
import { FormatCache } from '../../generator/format/cache.js';
import * as prettier from 'prettier';
import { joinPieces, pieceText, splitPieces } from '../../generator/format/chunks.js';
import { formatFiles, PRETTIER, SPLIT_BYTES } from '../../generator/format/index.js';
import { FormatPool } from '../../generator/format/pool.js';

const UGLY = 'export   const  a = {b:1,\n c:"two"}\n';
const PRETTY = "export const a = { b: 1, c: 'two' };\n";

async function cacheIn(): Promise<{ cache: FormatCache; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'format-cache-'));
  const cache = FormatCache.open(PRETTIER, { NOTAI_CODEGEN_CACHE_DIR: dir });
  if (cache === undefined) throw new Error('cache should be on');
  return { cache, dir };
}

async function entries(dir: string): Promise<string[]> {
  const [version] = (await readdir(join(dir, 'format'))).filter((name) => !name.startsWith('.'));
  return (await readdir(join(dir, 'format', version!))).map((name) => join(dir, 'format', version!, name));
}

describe('formatFiles', () => {
  it('formats TypeScript (types.ts and large files too) and JSON in the workers, Markdown code and tables; copies are left as emitted', async () => {
    const big = Array.from({ length: SPLIT_BYTES / 24 }, (_, i) => `export const  v${i} = "${i}"`).join('\n');
    const files = new Map([
      ['src/a.ts', UGLY],
      ['package.json', '{"name":"x","files":["dist"]}'],
      ['README.md', '# T\n\n* item\n\n| a | b |\n| --- | --- |\n| long cell | x |\n\n```ts\nconst  x = "y"\n```\n'],
      ['src/types.ts', UGLY],
      ['src/runtime/core.ts', UGLY],
      ['src/big.ts', big],
      ['LICENSE', 'as  is'],
    ]);
    const out = await formatFiles(files, { cache: false });
    expect(out.get('src/a.ts')).toBe(PRETTY);
    expect(out.get('package.json')).toBe('{ "name": "x", "files": ["dist"] }\n');
    // Markdown prose is left as emitted (markdown.test.ts proves that equals prettier on the corpus).
    expect(out.get('README.md')).toBe("# T\n\n* item\n\n| a         | b   |\n| --------- | --- |\n| long cell | x   |\n\n```ts\nconst x = 'y';\n```\n");
    expect(out.get('src/types.ts')).toBe(PRETTY);
    expect(out.get('src/big.ts')).toBe(await prettier.format(big, { ...PRETTIER, parser: 'babel-ts' }));
    for (const same of ['src/runtime/core.ts', 'LICENSE']) expect(out.get(same)).toBe(files.get(same));
    expect([...out.keys()]).toEqual([...files.keys()]);
  });

  it('formats a large file in pieces that join to exactly prettier\'s output for the whole', async () => {
    const member = (i: number): string => `    /** Member ${i}: "quoted" */\n    m${i}: {\n        "a-${i}": "x" | "y";\n        b: { c: string };\n    };`;
    const ugly = [
      '// header',
      'import type {  A } from "./a.js";',
      `export interface paths {\n${Array.from({ length: 40 }, (_, i) => member(i)).join('\n')}\n}`,
      '',
      `export class Big {\n  readonly #c: number = 1;\n\n${Array.from({ length: 30 }, (_, i) => `  /** m${i} */\n  m${i}(): number {\n    return this.#c + ${i};\n  }`).join('\n\n')}\n}`,
      'export type U = "a" | "b";',
      '',
    ].join('\n');
    const options = { ...PRETTIER, parser: 'babel-ts' };
    const pieces = splitPieces(ugly, 400)!;
    expect(pieces.length).toBeGreaterThan(5);
    const formatted = await Promise.all(pieces.map((piece) => prettier.format(pieceText(piece), options)));
    expect(joinPieces(pieces, formatted)).toBe(await prettier.format(ugly, options));
  });

  it('formats a large file whole when its pieces cannot be told apart (a template literal at column 0)', async () => {
    const lines = Array.from({ length: SPLIT_BYTES / 24 }, (_, i) => `export const  v${i} = ${i};`);
    lines.splice(1000, 0, 'export const t = `', 'export const fake = 1;', '`;');
    const text = `${lines.join('\n')}\n`;
    const out = await formatFiles(new Map([['src/big.ts', text]]), { cache: false });
    expect(out.get('src/big.ts')).toBe(await prettier.format(text, { ...PRETTIER, parser: 'babel-ts' }));
  });

  it('reports unparsable output as a generator bug naming the file', async () => {
    const error = await formatFiles(new Map([['src/broken.ts', 'export const = ;']]), { cache: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(/^Generated src\/broken\.ts could not be formatted \(a generator bug\)/);
  });

  it('caches by content: a second run reads the cache and gives the same bytes', async () => {
    const { cache, dir } = await cacheIn();
    const first = await formatFiles(new Map([['src/a.ts', UGLY]]), { cache });
    const [entry] = await entries(dir);
    expect(first.get('src/a.ts')).toBe(PRETTY);
    // Prove the second run used the entry: plant a different (self-consistent) text in it.
    const { createHash } = await import('node:crypto');
    const planted = '// from the cache\n';
    await writeFile(entry!, `${createHash('sha256').update(planted).digest('hex')}\n${planted}`);
    expect((await formatFiles(new Map([['src/a.ts', UGLY]]), { cache })).get('src/a.ts')).toBe(planted);
  });

  it('treats a damaged entry as a miss and rewrites it', async () => {
    const { cache, dir } = await cacheIn();
    await formatFiles(new Map([['src/a.ts', UGLY]]), { cache });
    const [entry] = await entries(dir);
    const stored = await readFile(entry!, 'utf8');
    await writeFile(entry!, stored.replace('two', 'tw0'));
    expect((await formatFiles(new Map([['src/a.ts', UGLY]]), { cache })).get('src/a.ts')).toBe(PRETTY);
    expect(await readFile(entry!, 'utf8')).toBe(stored);
  });

  it('is off with NOTAI_CODEGEN_CACHE=0 and keyed by prettier version and options', async () => {
    expect(FormatCache.open(PRETTIER, { NOTAI_CODEGEN_CACHE: '0' })).toBeUndefined();
    const dir = await mkdtemp(join(tmpdir(), 'format-cache-'));
    const a = FormatCache.open(PRETTIER, { NOTAI_CODEGEN_CACHE_DIR: dir });
    const b = FormatCache.open({ ...PRETTIER, printWidth: 80 }, { NOTAI_CODEGEN_CACHE_DIR: dir });
    await a!.set('k', 'one');
    expect(await b!.get('k')).toBeUndefined();
    expect(await a!.get('k')).toBe('one');
    const [versionDir] = (await readdir(join(dir, 'format'))).filter((name) => !name.startsWith('.'));
    const { version } = JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'node_modules', 'prettier', 'package.json'), 'utf8')) as { version: string };
    expect(versionDir).toContain(`prettier-${version}-`);
  });
});

describe('FormatPool', () => {
  const WORKER = join(import.meta.dirname, '..', '..', 'generator', 'format', 'worker.mjs');

  it('adds a second worker only when enough is queued, and both give prettier output', async () => {
    const pool = new FormatPool({ file: WORKER, maxWorkers: 2, secondWorkerBytes: 1_000 });
    const small = await pool.format(UGLY, { ...PRETTIER, parser: 'typescript' });
    expect(small).toBe(PRETTY);
    expect(pool.size).toBe(1);
    const many = Array.from({ length: 100 }, (_, i) => `export   const  v${i} = {b:1,\n c:"two"}\n`);
    const out = await Promise.all(many.map((text) => pool.format(text, { ...PRETTIER, parser: 'typescript' })));
    expect(pool.size).toBe(2);
    out.forEach((text, i) => expect(text).toBe(`export const v${i} = { b: 1, c: 'two' };\n`));
  });

  it('matches each answer to its job when several are in flight, a parse error failing only its own', async () => {
    const pool = new FormatPool({ file: WORKER, maxWorkers: 1, secondWorkerBytes: 1_000_000 });
    const texts = Array.from({ length: 30 }, (_, i) => (i % 7 === 3 ? `const = ${i};` : `let  x${i} = [${'1,'.repeat(i)}]`));
    const results = await Promise.allSettled(texts.map((text) => pool.format(text, { ...PRETTIER, parser: 'babel-ts' })));
    results.forEach((result, i) => {
      if (i % 7 === 3) expect(result).toMatchObject({ status: 'rejected', reason: { syntax: true } });
      else expect(result).toEqual({ status: 'fulfilled', value: `let x${i} = [${Array.from({ length: i }, () => '1').join(', ')}];\n` });
    });
  });

  it('rejects every queued job when its worker cannot start, instead of hanging', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bad-worker-'));
    const file = join(dir, 'worker.mjs');
    await writeFile(file, "throw new Error('prettier is missing');\n");
    const pool = new FormatPool({ file, maxWorkers: 1, secondWorkerBytes: 1_000 });
    const jobs = [1, 2, 3].map((n) => pool.format(`const a${n} = 1;`, { ...PRETTIER, parser: 'typescript' }));
    for (const job of jobs) await expect(job).rejects.toThrow(/prettier is missing/);
  });
});

describe('FormatCache pruning', () => {
  it('deletes entries unused for 30 days and other versions’ directories, at most once a day', async () => {
    const { utimes, mkdir, stat } = await import('node:fs/promises');
    const { existsSync } = await import('node:fs');
    const { cache, dir } = await cacheIn();
    await cache.set('fresh', 'a');
    await cache.set('stale', 'b');
    await cache.set('used', 'c');
    const [versionDir] = (await readdir(join(dir, 'format'))).filter((name) => !name.startsWith('.'));
    const entry = (name: string): string => join(dir, 'format', versionDir!, name);
    const old = new Date(Date.now() - FormatCache.MAX_AGE_MS - 60_000);
    await utimes(entry('stale'), old, old);
    await utimes(entry('used'), old, old);
    expect(await cache.get('used')).toBe('c'); // a hit refreshes the entry
    await mkdir(join(dir, 'format', 'prettier-0.0.0-000000000000'), { recursive: true });
    await cache.pruneIfDue();
    expect(existsSync(entry('fresh'))).toBe(true);
    expect(existsSync(entry('used'))).toBe(true);
    expect(existsSync(entry('stale'))).toBe(false);
    expect(existsSync(join(dir, 'format', 'prettier-0.0.0-000000000000'))).toBe(false);
    // Not due again within a day: a stale entry written now survives the next call.
    await cache.set('later', 'd');
    await utimes(entry('later'), old, old);
    await cache.pruneIfDue();
    expect(existsSync(entry('later'))).toBe(true);
    expect((await stat(join(dir, 'format', '.pruned'))).isFile()).toBe(true);
    await cache.pruneIfDue(Date.now() + FormatCache.PRUNE_EVERY_MS + 1);
    expect(existsSync(entry('later'))).toBe(false);
  });
});
