/**
 * The CLI as `npm ci` installs it: scripts/build-cli.mjs bundles generator/ and its dependencies
 * (with openapi-typescript pointed at ts-morph's TypeScript) and bin/run-bundle.mjs runs it with a
 * V8 code cache. Neither may change a byte of output, so the bundle's output is compared with the
 * sources' on specs that exercise the types printer hard.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheRoot } from '../../generator/cache/checked-entries.js';
import { generate } from '../../generator/pipeline.js';
import { tempDir } from '../helpers/ir.js';
import { FROZEN_SPEC_DIR } from '../helpers/pinned.js';
import { generatedOnce } from '../helpers/shared-generation.js';
import { scaled } from '../helpers/slowdown.js';

const ROOT = join(import.meta.dirname, '..', '..');
// Inside the checkout: the bundle finds templates/ by walking up from its own location.
const OUTDIR = join(ROOT, '.tmp', `bundle-test-${process.pid}`);
const SPECS = {
  // The Not AI spec directory frozen at 1.0.17.0 (lock, config, document), not the live spec/.
  pinned: FROZEN_SPEC_DIR,
  figma: join(ROOT, 'node_modules', '@figma', 'rest-api-spec', 'openapi', 'openapi.yaml'),
  circular: join(ROOT, 'node_modules', '@readme', 'oas-examples', '3.0', 'json', 'circular.json'),
  schemaTypes: join(ROOT, 'node_modules', '@readme', 'oas-examples', '3.1', 'json', 'schema-types.json'),
  // 13 MB, 1,223 operations: the TypeScript alias and the structure printer at scale.
  github: join(ROOT, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json'),
};

let bundle = '';

/**
 * Runs the bundle in a fresh process. Its cache directory (Prettier's output, Redocly's lint) is
 * `cacheDir`, else a fresh one, so it formats and lints for itself instead of reading what the
 * in-process source run cached; `env` may turn caching off.
 */
function runBundled(args: string[], env: Record<string, string> = {}, cacheDir?: string): { status: number | null; stderr: string } {
  const script = `import { runBundle } from ${JSON.stringify(pathToFileURL(join(ROOT, 'bin', 'run-bundle.mjs')).href)};
process.exitCode = await runBundle(${JSON.stringify(bundle)}, ${JSON.stringify(args)});`;
  const formatCache = cacheDir ?? mkdtempSync(join(tmpdir(), 'bundle-format-cache-'));
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NOTAI_CODEGEN_CACHE_DIR: formatCache, ...env },
  });
  return { status: result.status, stderr: result.stderr };
}

function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

const cacheFiles = (): string[] => (existsSync(join(OUTDIR, '.code-cache')) ? readdirSync(join(OUTDIR, '.code-cache')) : []);

beforeAll(async () => {
  const { buildCli } = (await import(pathToFileURL(join(ROOT, 'scripts', 'build-cli.mjs')).href)) as { buildCli: (outdir: string) => Promise<string> };
  mkdirSync(OUTDIR, { recursive: true });
  bundle = await buildCli(OUTDIR);
}, scaled(120_000));

afterAll(() => rmSync(OUTDIR, { recursive: true, force: true }));

describe('bundled CLI', () => {
  it.each(Object.entries(SPECS))('prints the same bytes as the sources for %s', async (name, spec) => {
    const work = await tempDir('bundle-');
    // The corpus test generates the same specs from the sources: one generation per run serves both.
    const fromSources = name === 'pinned' ? await generate({ spec, out: join(work, 'unused') }) : (await generatedOnce(spec)).result;
    const out = join(work, 'client');
    // GitHub is here for the types printer at scale (emit); linting and formatting its 13 MB cost
    // ~19 s of the bundle's ~26 s of CPU and are the same Prettier and Redocly the four other specs
    // run from fresh caches. So it reads the caches the sources' run filled: a file the bundle
    // emits differently misses the cache (keyed by content), is formatted afresh and compared.
    const result = runBundled(['generate', '--spec', spec, '--out', out], {}, name === 'github' ? cacheRoot() : undefined);
    // stderr may hold progress lines for slow stages; an error would also set the exit code.
    expect(result.status, result.stderr).toBe(0);
    const written = readTree(out);
    expect([...written.keys()].sort()).toEqual([...fromSources.files.keys()].sort());
    for (const [path, text] of fromSources.files) expect(written.get(path), path).toBe(text);
  }, scaled(240_000));

  // The code cache is the command's compiled code, whatever the spec: a small one (readme's
  // circular example, a few schemas) runs every path of the cache as the pinned spec did, at
  // about half the CPU per run (issue #20).
  const CACHE_SPEC = SPECS.circular;

  it('saves a code cache per command, reuses it, and can be turned off', async () => {
    rmSync(join(OUTDIR, '.code-cache'), { recursive: true, force: true });
    const work = await tempDir('bundle-cache-');
    // One Prettier/lint cache for these runs (the first fills it): this test is about the V8 code
    // cache, and formatting the same client five times from scratch proved nothing more.
    const formatCache = mkdtempSync(join(tmpdir(), 'bundle-format-cache-'));
    expect(runBundled(['--help'], {}, formatCache).status).toBe(0);
    expect(runBundled(['generate', '--spec', CACHE_SPEC, '--out', join(work, 'a')], { NOTAI_CODEGEN_CACHE: '0' }, formatCache).status).toBe(0);
    expect(cacheFiles().filter((f) => f.endsWith('-generate.bin'))).toEqual([]);
    expect(runBundled(['generate', '--spec', CACHE_SPEC, '--out', join(work, 'b')], {}, formatCache).status).toBe(0);
    const generateCache = cacheFiles().filter((f) => f.endsWith('-generate.bin'));
    expect(generateCache).toHaveLength(1);
    expect(cacheFiles().filter((f) => f.endsWith('-other.bin'))).toHaveLength(1);
    // A run with the cache gives the same output as one without, and reuses the cache (V8 accepts
    // it, so it is not rewritten).
    const file = join(OUTDIR, '.code-cache', generateCache[0]!);
    const written = statSync(file).mtimeMs;
    expect(runBundled(['generate', '--spec', CACHE_SPEC, '--out', join(work, 'c')], {}, formatCache).status).toBe(0);
    expect(readTree(join(work, 'c'))).toEqual(readTree(join(work, 'a')));
    expect(statSync(file).mtimeMs).toBe(written);
    // A corrupt cache is rejected and replaced, never fatal: a short file, and one damaged in the
    // middle (V8 itself checks only the header and used to crash the process on the second).
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'not a code cache');
    expect(runBundled(['generate', '--spec', CACHE_SPEC, '--out', join(work, 'd')], {}, formatCache).status).toBe(0);
    expect(readTree(join(work, 'd'))).toEqual(readTree(join(work, 'a')));
    const good = readFileSync(file);
    expect(good.byteLength).toBeGreaterThan(1_000_000);
    const damaged = Buffer.from(good);
    for (let i = damaged.length >> 1; i < (damaged.length >> 1) + 4096; i += 1) damaged[i] = damaged[i]! ^ 0xff;
    writeFileSync(file, damaged);
    const run = runBundled(['generate', '--spec', CACHE_SPEC, '--out', join(work, 'e')], {}, formatCache);
    expect(run.status, run.stderr).toBe(0);
    expect(readTree(join(work, 'e'))).toEqual(readTree(join(work, 'a')));
    expect(readFileSync(file).equals(damaged)).toBe(false);
  }, scaled(120_000));

  it('keys the code cache by the bundle content, not its size or mtime', async () => {
    const { utimesSync, writeFileSync } = await import('node:fs');
    const source = readFileSync(bundle, 'utf8');
    const { mtime } = statSync(bundle);
    const before = cacheFiles();
    // Same length, same mtime, different code: the recorded hash changes, so the key does.
    const marker = 'notai-codegen: unknown command';
    expect(source).toContain(marker);
    writeFileSync(bundle, source.replace(marker, marker.toUpperCase()));
    const { createHash } = await import('node:crypto');
    writeFileSync(`${bundle}.sha256`, createHash('sha256').update(readFileSync(bundle)).digest('hex'));
    utimesSync(bundle, mtime, mtime);
    try {
      const result = runBundled(['nope']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('NOTAI-CODEGEN: UNKNOWN COMMAND');
      expect(cacheFiles().length).toBeGreaterThan(before.length);
    } finally {
      writeFileSync(bundle, source);
      writeFileSync(`${bundle}.sha256`, createHash('sha256').update(source).digest('hex'));
    }
  }, scaled(60_000));
});
