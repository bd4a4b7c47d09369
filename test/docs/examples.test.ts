import { spawn } from 'node:child_process';
import { appendFile, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import ts from 'typescript';
import { checkProgram } from '../helpers/ts-program.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIG_SESSION_EVENT_COUNT, BIG_SESSION_ID, BOT_THRESHOLD, FIXTURES } from '../contract-server/fixtures.js';
import { TEST_KEYS } from '../contract-server/keys.js';
import { startContractServer, type ContractServer } from '../contract-server/server.js';
import { FIXTURE_EPOCH_MS } from '../contract-server/time.js';
import { tempDir } from '../helpers/ir.js';
import { GENERATED, ROOT, strictOptions } from './code-blocks.js';

/**
 * Every script in examples/ runs as a user would run it (a child process, through tsx at least once,
 * configured only by NOTAI_API_KEY and NOTAI_BASE_URL) against the contract server, and type-checks strictly.
 */
const EXAMPLES = join(ROOT, 'examples');
let server: ContractServer;
beforeAll(async () => {
  server = await startContractServer({ region: 'us' });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Each script bundled once by esbuild (the transform tsx applies, with the client's modules
 * resolved at build time): a plain `node` start costs about a fifth of the CPU of tsx's loader, and
 * a script runs up to five times here (issue #20). The first test of each script runs it through
 * tsx, as examples/README.md tells a user to.
 */
const bundled = new Map<string, Promise<string>>();
function bundledExample(script: string): Promise<string> {
  let file = bundled.get(script);
  if (!file) {
    file = tempDir('example-bundle-').then((dir) => {
      const outfile = join(dir, script.replace(/\.ts$/, '.mjs'));
      buildSync({ entryPoints: [join(EXAMPLES, script)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
      return outfile;
    });
    bundled.set(script, file);
  }
  return file;
}

/**
 * `node --import tsx examples/<script> …args` (`viaTsx`), else the same script bundled, with a clean
 * environment plus the given variables.
 */
async function runExample(script: string, args: string[], env: Record<string, string> = {}, { viaTsx = false } = {}): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NOTAI_|ISNOTAI_)/.test(k)));
  const entry = viaTsx ? ['--import', 'tsx', join(EXAMPLES, script)] : [await bundledExample(script)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: ROOT,
      env: { ...clean, NOTAI_API_KEY: TEST_KEYS.us.pro, NOTAI_BASE_URL: server.url, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l.length > 0);

describe('examples/list-bot-sessions.ts', () => {
  it('lists exactly the bot sessions since --since, newest first, as TSV', async () => {
    const since = new Date(FIXTURE_EPOCH_MS - 24 * 60 * 60 * 1000).toISOString();
    const expected = FIXTURES.sessions
      .filter((s) => (s.session.botScore ?? 0) >= BOT_THRESHOLD && s.createdAtMs >= Date.parse(since))
      .map((s) => s.session.id);
    expect(expected.length).toBeGreaterThan(0);
    const run = await runExample('list-bot-sessions.ts', ['--since', since], {}, { viaTsx: true });
    expect(run.code, run.stderr).toBe(0);
    const rows = lines(run.stdout).map((l) => l.split('\t'));
    expect(rows.map((r) => r[0])).toEqual(expected);
    expect(rows.every((r) => r.length === 4 && Number(r[1]) >= BOT_THRESHOLD)).toBe(true);
    expect(run.stderr).toContain(`${expected.length} bot sessions since ${since}`);
    const query = server.requests.find((r) => r.path === '/v1/sessions')!.query;
    expect(query).toMatchObject({ botOnly: 'true', startDate: since });
  });

  it('defaults to the last 24 hours of the wall clock', async () => {
    const run = await runExample('list-bot-sessions.ts', []);
    expect(run.code, run.stderr).toBe(0);
    const startDate = server.requests.find((r) => r.path === '/v1/sessions')!.query.startDate!;
    expect(Math.abs(Date.now() - 24 * 60 * 60 * 1000 - Date.parse(startDate))).toBeLessThan(60_000);
  });

  it('fails with one line and exit code 1 on a malformed key, without echoing it', async () => {
    const run = await runExample('list-bot-sessions.ts', [], { NOTAI_API_KEY: 'aik_v1_not-a-real-key' });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^list-bot-sessions: .*NOTAI_API_KEY.*malformed/);
    expect(run.stderr).not.toContain('not-a-real-key');
    expect(server.requests).toEqual([]);
  });

  it('reports an API error with its stable code', async () => {
    const run = await runExample('list-bot-sessions.ts', [], { NOTAI_API_KEY: TEST_KEYS.eu.pro });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\[INVALID_API_KEY\]$/m);
  });
});

describe('examples/export-events.ts', () => {
  const exported = async (file: string): Promise<{ eventId: string }[]> => lines(await readFile(file, 'utf8')).map((l) => JSON.parse(l) as { eventId: string });

  it('exports every event of a session to NDJSON', async () => {
    const out = join(await tempDir('export-'), 'events.ndjson');
    const run = await runExample('export-events.ts', [BIG_SESSION_ID, '--out', out], {}, { viaTsx: true });
    expect(run.code, run.stderr).toBe(0);
    const events = await exported(out);
    expect(events).toHaveLength(BIG_SESSION_EVENT_COUNT);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(BIG_SESSION_EVENT_COUNT);
    expect(run.stderr).toContain(`exported ${BIG_SESSION_EVENT_COUNT} events`);
    expect(await readdir(join(out, '..'))).toEqual(['events.ndjson']);
  });

  it('resumes from its checkpoint after an interruption, dropping a half-written page', async () => {
    const dir = await tempDir('export-');
    const out = join(dir, 'events.ndjson');
    const first = await runExample('export-events.ts', [BIG_SESSION_ID, '--out', out, '--max-pages', '3']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('run again to resume');
    expect(await exported(out)).toHaveLength(300);
    const checkpoint = JSON.parse(await readFile(`${out}.checkpoint.json`, 'utf8')) as { cursor: string; bytes: number; events: number };
    expect(checkpoint).toMatchObject({ sessionId: BIG_SESSION_ID, events: 300, bytes: (await stat(out)).size });

    // A crash mid-page leaves a torn line behind; the resumed run must drop it.
    await appendFile(out, '{"eventId":"torn');
    server.reset();
    const second = await runExample('export-events.ts', [BIG_SESSION_ID, '--out', out]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('resuming after 300 events');
    // The resumed walk started at the saved cursor: no page was fetched twice.
    expect(server.requests[0]!.query.cursor).toBe(checkpoint.cursor);
    const events = await exported(out);
    expect(events).toHaveLength(BIG_SESSION_EVENT_COUNT);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(BIG_SESSION_EVENT_COUNT);
    expect(await readdir(dir)).toEqual(['events.ndjson']);
  });

  it('refuses a checkpoint of another session', async () => {
    const out = join(await tempDir('export-'), 'events.ndjson');
    expect((await runExample('export-events.ts', [BIG_SESSION_ID, '--out', out, '--max-pages', '1'])).code).toBe(0);
    const other = FIXTURES.sessions.find((s) => s.session.id !== BIG_SESSION_ID)!.session.id;
    const run = await runExample('export-events.ts', [other, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`belongs to session ${BIG_SESSION_ID}`);
  });
});

describe('examples/watch-usage.ts', () => {
  it('prints one line per poll with totals and changes', async () => {
    const run = await runExample('watch-usage.ts', ['--interval', '0.05', '--count', '3'], {}, { viaTsx: true });
    expect(run.code, run.stderr).toBe(0);
    const polls = lines(run.stdout);
    expect(polls).toHaveLength(3);
    expect(polls[0]).toMatch(/tier=pro ApiCalls=\d+ Events=\d+/);
    expect(polls[2]).toMatch(/ApiCalls=\d+ \(\+0\)/);
  });

  it('keeps watching through an outage that outlasts the retries', async () => {
    server.faults.status(503, { count: 3, pathPrefix: '/v1/usage' }); // the first poll's 3 attempts
    const run = await runExample('watch-usage.ts', ['--interval', '0.05', '--count', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^poll 1 failed: /m);
    expect(lines(run.stdout)).toHaveLength(1);
  });

  it('stops with exit code 1 on a request that will not fix itself', async () => {
    const run = await runExample('watch-usage.ts', ['--count', '3', '--metric', 'Nope']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\[VALIDATION_ERROR\]$/m);
    expect(server.requests).toHaveLength(1);
  });
});

describe('examples type-check', () => {
  it('strictly, with Node types, 0 errors', async () => {
    const files = (await readdir(EXAMPLES)).filter((f) => f.endsWith('.ts')).map((f) => join(EXAMPLES, f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const options = strictOptions(GENERATED, { types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] });
    const program = checkProgram(files, options);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(errors).toEqual([]);
  });
});
