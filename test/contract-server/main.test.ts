import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEC_PATH, startContractServer } from './server.js';
import { TEST_KEYS } from './keys.js';
import { replay } from './determinism-script.js';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

interface Cli {
  readonly url: string;
  readonly stdout: string;
  /** SIGINT; resolves to the exit code. */
  stop(): Promise<number | null>;
}

/** Starts main.ts and waits for its banner. */
async function startCli(args: readonly string[]): Promise<Cli> {
  const child = spawn(TSX, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match?.[1] !== undefined && stdout.includes('Ctrl+C')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => reject(new Error(`exited early (${code}): ${stderr}`)));
  });
  return {
    url,
    stdout,
    stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}

describe('main.ts CLI', () => {
  it('prints the URL and keys, serves its region, matches an in-process server byte for byte, stops on SIGINT', async () => {
    const cli = await startCli(['--port', '0', '--region', 'eu']);
    const { url, stdout } = cli;
    let code: number | null = null;
    try {
      for (const key of Object.values(TEST_KEYS.eu)) expect(stdout).toContain(key);
      const local = await startContractServer({ region: 'eu' });
      try {
        // The banner names what the pinned spec has beyond the hand-written routes (a release adds).
        const fromSpec = local.specFallback().operations;
        expect(stdout).toContain(
          !existsSync(DEFAULT_SPEC_PATH)
            ? `Spec ${DEFAULT_SPEC_PATH}: file not found; only the hand-written routes answer.`
            : fromSpec.length === 0
              ? 'Answered from the spec (x-contract-source: spec): none, every operation has a hand-written route.'
              : ['Answered from the spec (x-contract-source: spec), no hand-written route:', ...fromSpec.map((op) => `  ${op}`)].join('\n'),
        );
        expect(await replay(url, 'eu')).toEqual(await replay(local.url, 'eu'));
      } finally {
        await local.close();
      }
      expect((await fetch(`${url}/v1/stats`, { headers: { authorization: `Bearer ${TEST_KEYS.us.pro}` } })).status).toBe(401);
    } finally {
      code = await cli.stop();
    }
    expect(code).toBe(0);
  });

  it.skipIf(!existsSync(DEFAULT_SPEC_PATH))('--spec serves another spec and names the operations it answers from the spec', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-cli-'));
    const spec = JSON.parse(readFileSync(DEFAULT_SPEC_PATH, 'utf8')) as { paths: Record<string, unknown> };
    spec.paths['/v1/sessions/{sessionId}/notes'] = {
      get: { operationId: 'listSessionNotes', responses: { '200': { description: 'Notes.', content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } } } },
    };
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(spec));
    const cli = await startCli(['--spec', join(dir, 'openapi.json')]);
    try {
      expect(cli.stdout).toContain('Answered from the spec (x-contract-source: spec), no hand-written route:\n  GET /v1/sessions/{sessionId}/notes (listSessionNotes)\n');
      const res = await fetch(`${cli.url}/v1/sessions/s1/notes`, { headers: { authorization: `Bearer ${TEST_KEYS.us.pro}` } });
      expect([res.status, res.headers.get('x-contract-source'), await res.json()]).toEqual([200, 'spec', ['string']]);
    } finally {
      await cli.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
