/**
 * The benchmark (bench/, `npm run bench`) is too slow for `npm test`; its smoke mode runs every
 * module once on small inputs so none of it can rot. This asserts that the table prints and that
 * the markdown has every section with numeric figures, not that the targets pass.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaled } from '../helpers/slowdown.js';
import { parseStages } from '../../bench/gen.js';
import { consumerCalls } from '../../bench/typecheck.js';
import { defaultRssMethod, timedSpawn } from '../../bench/lib/spawn.js';
import { median, pairedRatios, summarize } from '../../bench/lib/stats.js';
import { parseArgs } from '../../bench/run.js';
import { pinnedIR } from '../helpers/pinned.js';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The body of one "## Title" section of the markdown (up to the next "## "). */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const next = markdown.indexOf('\n## ', start + 4);
  return markdown.slice(start, next < 0 ? undefined : next);
}

/** A figure the report prints: 1.23 s, 45 ms, 12.5 µs, 3.4 MiB, 1.04×, 950/s, or a bare byte count cell. */
const FIGURE = /\d[\d,]*(\.\d+)? ?(s|ms|µs|B|KiB|MiB|GiB|×|\/s)(?![a-z])|\| \d[\d,]* \|/;

describe('bench smoke mode', () => {
  it('prints the table and writes a markdown report with every section', { timeout: scaled(240_000) }, async () => {
    const out = join(work, 'results.md');
    const run = spawnSync('npx', ['tsx', 'bench/run.ts', '--smoke', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: scaled(230_000),
    });
    expect(run.stderr).not.toMatch(/section failed|failed:.*Error/);
    expect(run.status, run.stderr).toBe(0);
    for (const heading of [
      '== Generation ==',
      '== Client: per-request overhead ==',
      '== Client: auto-pagination ==',
      '== Bundle size ==',
      '== Type-check of a consumer ==',
      '== Targets ==',
    ]) {
      expect(run.stdout).toContain(heading);
    }
    expect(run.stdout).toMatch(/notai-codegen generate, re-run \(caches warm\) +\d/);

    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Benchmark results \(smoke run/);
    expect(md).toContain('`npx tsx bench/run.ts --smoke`');
    expect(section(md, 'Machine')).toMatch(/\| cores \| \d+ \|/);
    expect(section(md, 'Versions')).toMatch(/\| openapi-typescript \| \d+\.\d+\.\d+ \|/);
    for (const title of [
      'Generation',
      'Client: per-request overhead',
      'Client: auto-pagination',
      'Bundle size',
      'Type-check of a consumer',
    ]) {
      const body = section(md, title);
      expect(body, title).not.toBe('');
      expect(body, title).not.toContain('This section failed');
      expect(body, title).toMatch(/\n\| --- \|/);
      expect(body, title).toMatch(FIGURE);
    }
    expect(section(md, 'Generation')).toMatch(/\| notai-codegen generate, re-run \(caches warm\) \| \d[\d.]* m?s \|/);
    expect(section(md, 'Generation')).toMatch(/\| notai-codegen generate, new spec \(code cache only\) \| \d[\d.]* m?s \|/);
    expect(section(md, 'Generation')).toMatch(/\| notai-codegen generate, cold \(no caches\) \| \d[\d.]* m?s \|/);
    expect(section(md, 'Generation')).toMatch(/\| openapi-typescript \(types only\) \| \d[\d.]* m?s \| \d+\.\d+× \|/);
    // The formatting cost, measured apart: bytes formatted, then CPU with an empty and a filled cache.
    expect(section(md, 'Generation')).toMatch(/\| Not AI [^|]*\| [\d.]+ KiB in \d+ files \| \d[\d.]* m?s CPU, \d[\d.]* m?s wall \| \d[\d.]* m?s CPU \|/);
    expect(section(md, 'Client: per-request overhead')).toMatch(/\| sequential \| generated client \| [\d.]+ µs \|/);
    expect(section(md, 'Client: auto-pagination')).toMatch(/\| 10,000 \| generated client \| [\d,]+\/s \|/);
    expect(section(md, 'Bundle size')).toMatch(/\| whole client .* \| [\d,]+ \| [\d,]+ \| [\d,]+ \| [\d,]+ \|/);
    // The consumer calls the methods it was written for; an operation added since is listed as missing.
    const methods = (await pinnedIR()).operations.map((o) => `${o.resource}.${o.resourceMethod}`);
    const called = consumerCalls(readFileSync(join(ROOT, 'bench', 'consumer', 'consumer.ts'), 'utf8')).filter((m) => methods.includes(m));
    expect(section(md, 'Type-check of a consumer')).toContain(`calls ${called.length} of the client's ${methods.length} methods`);
    const targets = section(md, 'Targets');
    for (const name of [
      'ours, re-run (caches warm) ÷ openapi-typescript',
      'ours, new spec (code cache only) ÷ openapi-typescript',
      'ours, cold (no caches) ÷ openapi-typescript',
      'client overhead, sequential',
      'client overhead, 64 concurrent',
      'pagination: live heap',
      'bundle: whole client',
    ]) {
      expect(targets).toMatch(new RegExp(`\\| [^|]*${name.replace(/[()]/g, '\\$&')}[^|]*\\| [^|]+ \\| [^|]*\\d[^|]* \\| \\*\\*(PASS|MISS)\\*\\* \\|`));
    }
  });
});

describe('bench helpers', () => {
  it('summarises with medians and same-round ratios', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(summarize([5, 1, 9])).toEqual({ n: 3, median: 5, min: 1, max: 9 });
    expect(pairedRatios([2, 6, 5], [1, 3])).toEqual([2, 2]);
  });

  it('reads CPU time with either method (GNU time, /proc stat)', async () => {
    // ~300 ms of busy work: CPU time is a count of work done, so the bound holds under any load.
    const busy = 'const end = process.cpuUsage().user + 300_000; while (process.cpuUsage().user < end) {} setTimeout(() => {}, 100);';
    for (const rssMethod of ['gnu-time', 'proc-vmhwm'] as const) {
      if (rssMethod === 'gnu-time' && (await defaultRssMethod()) !== 'gnu-time') continue;
      const result = await timedSpawn(process.execPath, ['-e', busy], { rssMethod, timeoutMs: 60_000 });
      expect(result.exitCode, rssMethod).toBe(0);
      expect(result.cpuMs ?? 0, rssMethod).toBeGreaterThanOrEqual(250);
    }
  });

  it('reads peak RSS from /proc when GNU time is not used', async () => {
    const result = await timedSpawn(
      process.execPath,
      ['-e', 'const b = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => console.log(b[5]), 200);'],
      { rssMethod: 'proc-vmhwm', timeoutMs: 20_000 },
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toBe('1');
    expect(result.peakRssBytes ?? 0).toBeGreaterThan(64 * 1024 * 1024);
  });

  it('parses the flags and the generator stage timings', () => {
    expect(parseArgs(['--smoke']).runs).toBe(1);
    expect(parseArgs(['--only', 'gen,bundle', '--runs', '3', '--graph'])).toMatchObject({
      only: ['gen', 'bundle'],
      runs: 3,
      graph: true,
    });
    expect(() => parseArgs(['--only', 'nope'])).toThrow(/unknown --only/);
    // A partial run never replaces the committed full report.
    expect(parseArgs([]).out).toBe(join(ROOT, 'bench', 'results.md'));
    expect(parseArgs(['--only', 'gen,client,bundle,typecheck']).out).toBe(join(ROOT, 'bench', 'results.md'));
    expect(parseArgs(['--only', 'bundle']).out).toBe(join(tmpdir(), 'notai-bench-bundle.md'));
    expect(parseArgs(['--only', 'bundle', '--out', 'x.md']).out).toBe(join(process.cwd(), 'x.md'));
    expect(parseStages('  load        54 ms\n  ir           9 ms\nwarning: x\n')).toBe('load 54 ms, ir 9 ms');
    expect(consumerCalls('client.sessions.get(id); client.users.list(); client.sessions.get(x)')).toEqual([
      'sessions.get',
      'users.list',
    ]);
  });
});
