import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startContractServer } from './server.js';
import { TEST_KEYS } from './keys.js';
import { replay } from './determinism-script.js';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('main.ts CLI', () => {
  it('prints the URL and keys, serves its region, matches an in-process server byte for byte, stops on SIGINT', async () => {
    const child = spawn(TSX, [MAIN, '--port', '0', '--region', 'eu'], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    try {
      for (const key of Object.values(TEST_KEYS.eu)) expect(stdout).toContain(key);
      const local = await startContractServer({ region: 'eu' });
      try {
        expect(await replay(url, 'eu')).toEqual(await replay(local.url, 'eu'));
      } finally {
        await local.close();
      }
      expect((await fetch(`${url}/v1/stats`, { headers: { authorization: `Bearer ${TEST_KEYS.us.pro}` } })).status).toBe(401);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
