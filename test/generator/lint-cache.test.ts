import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.js';
import { loadSpec } from '../../generator/load/index.js';
import { LintCache } from '../../generator/load/lint-cache.js';
import { readSource } from '../../generator/load/read-source.js';
import { sha256Of } from '../../generator/spec-store/store.js';
import { specWith, tempDir } from '../helpers/ir.js';

/** A spec with one lenient problem (a warning) and, with `bad`, a path whose parameter is never declared. */
function specText(bad: boolean): string {
  const paths: Record<string, unknown> = {
    '/a': {
      get: {
        operationId: 'a',
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } },
      },
    },
  };
  if (bad) paths['/b/{id}'] = { get: { operationId: 'b', responses: { '200': { description: 'ok' } } } };
  // `nullable` without `type`: a struct error inside a schema, which the loader reports as a warning.
  return JSON.stringify(specWith(paths, { openapi: '3.0.3', components: { schemas: { A: { nullable: true } } } }));
}

async function setup(text: string, extraFiles: Record<string, string> = {}) {
  const dir = await tempDir();
  const file = join(dir, 'spec.json');
  await writeFile(file, text);
  for (const [name, content] of Object.entries(extraFiles)) await writeFile(join(dir, name), content);
  const cacheDir = join(dir, 'cache');
  const cache = LintCache.open({ NOTAI_CODEGEN_CACHE_DIR: cacheDir });
  if (cache === undefined) throw new Error('cache should be on');
  return { file, cache, cacheDir };
}

/** Every entry file under the cache directory (the prune marker aside). */
async function entries(cacheDir: string): Promise<string[]> {
  const found = await readdir(cacheDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return found.filter((e) => e.isFile() && e.name !== '.pruned').map((e) => join(e.parentPath, e.name));
}

async function failure(run: Promise<unknown>): Promise<GeneratorError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

describe('lint cache: a re-run of an unchanged self-contained spec reuses the lint result', () => {
  it('gives the same warnings from the cache, and the cache is what answers', async () => {
    const { file, cache, cacheDir } = await setup(specText(false));
    const first = await loadSpec(file, { lintCache: cache });
    expect(first.warnings.some((w) => /nullable/.test(w))).toBe(true);
    const [entry, ...more] = await entries(cacheDir);
    expect(more).toEqual([]);
    const second = await loadSpec(file, { lintCache: cache });
    expect(second.warnings).toEqual(first.warnings);
    expect(second.document).toEqual(first.document);
    // An entry with a valid checksum but other problems is believed: proof the lint was skipped.
    const stored = JSON.parse((await readFile(entry!, 'utf8')).split('\n').slice(1).join('\n')) as { message: string }[];
    const changed = JSON.stringify(stored.map((p) => ({ ...p, message: `cached: ${p.message}` })));
    await writeFile(entry!, `${sha256Of(changed)}\n${changed}`);
    const third = await loadSpec(file, { lintCache: cache });
    expect(third.warnings).toEqual(first.warnings.map((w) => `cached: ${w}`));
  });

  it('reproduces errors with the same message and pointer, and --skip-invalid warnings', async () => {
    const { file, cache, cacheDir } = await setup(specText(true));
    const fresh = await failure(loadSpec(file, { lintCache: false }));
    expect(fresh.pointer).toMatch(/^#\/paths\/~1b~1\{id\}/);
    const first = await failure(loadSpec(file, { lintCache: cache }));
    expect(await entries(cacheDir)).toHaveLength(1);
    const cached = await failure(loadSpec(file, { lintCache: cache }));
    for (const error of [first, cached]) {
      expect(error.message).toBe(fresh.message);
      expect(error.pointer).toBe(fresh.pointer);
      expect(error.file).toBe(fresh.file);
    }
    const skipped = await loadSpec(file, { lintCache: false, skipInvalid: true });
    const skippedCached = await loadSpec(file, { lintCache: cache, skipInvalid: true });
    expect(skippedCached.warnings).toEqual(skipped.warnings);
    expect(skippedCached.document).toEqual(skipped.document);
  });

  it('treats a damaged entry as a miss and lints again', async () => {
    const { file, cache, cacheDir } = await setup(specText(false));
    const first = await loadSpec(file, { lintCache: cache });
    const [entry] = await entries(cacheDir);
    await writeFile(entry!, `${'0'.repeat(64)}\n[{"ruleId":"struct","severity":"error","message":"x","pointer":"#/paths","file":"f"}]`);
    expect((await loadSpec(file, { lintCache: cache })).warnings).toEqual(first.warnings);
    // The miss wrote a good entry back.
    expect(await cache.read(LintCache.key(file, sha256Of(await readFile(file, 'utf8'))))).toBeDefined();
  });

  it('never caches a spec with refs to other documents', async () => {
    const spec = JSON.parse(specText(false)) as { components: { schemas: Record<string, unknown> } };
    spec.components.schemas.A = { $ref: './a.json' };
    const { file, cache, cacheDir } = await setup(JSON.stringify(spec), { 'a.json': JSON.stringify({ type: 'object' }) });
    await loadSpec(file, { lintCache: cache });
    expect(await entries(cacheDir)).toEqual([]);
  });

  it('is off with NOTAI_CODEGEN_CACHE=0 and keyed by the spec text and location', () => {
    expect(LintCache.open({ NOTAI_CODEGEN_CACHE: '0' })).toBeUndefined();
    expect(LintCache.key('/a/spec.json', sha256Of('{}'))).not.toBe(LintCache.key('/b/spec.json', sha256Of('{}')));
    expect(LintCache.key('/a/spec.json', sha256Of('{}'))).not.toBe(LintCache.key('/a/spec.json', sha256Of('{ }')));
  });
});

describe('the spec text hash read from its bytes', () => {
  it.each([
    ['ASCII', Buffer.from('{"a": 1}')],
    ['non-ASCII UTF-8', Buffer.from('{"a": "héllo ✓ 😀"}')],
    ['a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 1}')])],
    ['invalid UTF-8 (decoded with replacement characters)', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xc3, 0x22, 0x7d])],
  ])('equals sha256 of the decoded text: %s', async (_label, bytes) => {
    const dir = await tempDir();
    const file = join(dir, 'spec.json');
    await writeFile(file, bytes);
    const read = await readSource(file);
    expect(read.text).toBe(await readFile(file, 'utf8'));
    expect(read.sha256).toBe(sha256Of(read.text));
  });
});
