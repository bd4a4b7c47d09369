import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../generator/cli.js';
import { findDrift } from '../../generator/write.js';
import { tempDir } from '../helpers/ir.js';
import { pinnedLock, pinnedSpec, pinnedVersion, ROOT, specOperations } from '../helpers/pinned.js';

/** Runs the CLI in-process and captures what it prints. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

async function snapshotDir(dir: string): Promise<Map<string, string>> {
  const { readdir } = await import('node:fs/promises');
  const map = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = join(entry.parentPath, entry.name);
      map.set(full.slice(dir.length), await readFile(full, 'utf8'));
    }
  }
  return map;
}

describe('CLI', () => {
  let work: string;
  beforeEach(async () => {
    work = await tempDir('cli-');
    await cp(join(ROOT, 'spec'), join(work, 'spec'), { recursive: true });
    await cp(join(ROOT, 'generated'), join(work, 'generated'), { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('/dist') });
    await cp(join(ROOT, 'generated-mcp'), join(work, 'generated-mcp'), { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('/dist') });
  });
  afterEach(() => vi.restoreAllMocks());

  it('--check passes on a fresh generation and names stale files otherwise', async () => {
    const out = join(work, 'generated');
    expect((await run(['generate', '--spec', join(work, 'spec'), '--out', out, '--check'])).code).toBe(0);
    await writeFile(join(out, 'src', 'client.ts'), '// edited by hand\n');
    const stale = await run(['generate', '--spec', join(work, 'spec'), '--out', out, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('src/client.ts (changed)');
    expect(stale.stderr).toContain('Regenerate it (the same command without --check)');
    expect(await readFile(join(out, 'src', 'client.ts'), 'utf8')).toBe('// edited by hand\n');
  });

  it('a broken spec exits 2 with one line naming the pointer, and leaves generated/ and spec/ untouched', async () => {
    const out = join(work, 'generated');
    // The document the lock names as current, whatever version that is.
    const specFile = join(work, 'spec', pinnedLock().versions[pinnedVersion()]!.file);
    const spec = JSON.parse(await readFile(specFile, 'utf8')) as { paths: Record<string, { get: { responses: unknown } }> };
    spec.paths['/v1/sessions']!.get.responses = 42;
    await writeFile(specFile, JSON.stringify(spec));
    const beforeOut = await snapshotDir(out);
    const beforeSpec = await snapshotDir(join(work, 'spec'));

    const result = await run(['generate', '--spec', join(work, 'spec'), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('#/paths/~1v1~1sessions/get/responses');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshotDir(out)).toEqual(beforeOut);
    expect(await snapshotDir(join(work, 'spec'))).toEqual(beforeSpec);
  });

  it('an output directory it cannot write is an ordinary exit-2 message, not "a bug"', async () => {
    const blocked = join(work, 'a-file');
    await writeFile(blocked, 'not a directory');
    const result = await run(['generate', '--spec', join(work, 'spec'), '--out', join(blocked, 'client')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^notai-codegen: cannot write the output: E[A-Z]+: /);
    expect(result.stderr).not.toContain('a bug');
  });

  it('--verbose prints stage timings', async () => {
    const result = await run(['generate', '--spec', join(work, 'spec'), '--out', join(work, 'generated'), '--check', '--verbose']);
    expect(result.code).toBe(0);
    for (const stage of ['load', 'ir', 'emit', 'format', 'check']) expect(result.stderr).toMatch(new RegExp(`${stage}\\s+\\d+ ms`));
  });

  it('spec warnings: a count without --verbose, each one with it; none for the pinned spec', async () => {
    const pinned = await run(['generate', '--spec', join(work, 'spec'), '--out', join(work, 'generated'), '--check']);
    expect(pinned.stderr).not.toMatch(/warning/);
    const file = join(work, 'serverless.json');
    await writeFile(file, JSON.stringify({ openapi: '3.1.0', info: { title: 'Serverless', version: '1.0.0' }, paths: {} }));
    const quiet = await run(['generate', '--spec', file, '--out', join(work, 'serverless')]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toContain('1 warning about the spec: run with --verbose to see it.\n');
    const loud = await run(['generate', '--spec', file, '--out', join(work, 'serverless'), '--verbose']);
    expect(loud.stderr).toContain('warning: The spec names no servers: the client needs a baseUrl from its users.\n');
  });

  it('generates into a new directory that then passes --check', async () => {
    const out = join(work, 'fresh');
    const result = await run(['generate', '--spec', join(work, 'spec'), '--out', out]);
    expect(result.code).toBe(0);
    const spec = pinnedSpec();
    const operations = specOperations(spec).length;
    expect(result.stdout).toContain(`from ${(spec.info as { title: string }).title} ${pinnedVersion()} (${operations} operations, `);
    expect(result.stdout).toContain(`../generated-mcp: ${operations} MCP tools, `);
    expect(await findDrift(join(work, 'generated'), new Map([...(await snapshotDir(out))].map(([k, v]) => [k.replace(/^\//, ''), v])))).toEqual([]);
  });

  it.each([
    [[], 2, /Usage/],
    [['--help'], 0, /Usage/],
    [['bogus'], 2, /unknown command/],
    [['generate'], 2, /needs --spec and --out/],
    [['generate', '--nope'], 2, /Unknown option/],
    [['generate', '--help'], 0, /--check/],
  ])('usage errors: %j exits %i', async (args, code, message) => {
    const result = await run(args);
    expect(result.code).toBe(code);
    expect(result.stdout + result.stderr).toMatch(message);
  });
});
