/**
 * CLI: starts the contract server and prints its URL and the test keys; stops on SIGINT/SIGTERM.
 *   tsx test/contract-server/main.ts [--port 0] [--region us|eu] [--last-page-cursor omit|empty|null] [--spec <file>]
 * The first stdout line is "Not AI contract server (<region>) listening on <url>"; the banner also names the
 * operations of the spec that are answered from the spec itself (no hand-written route).
 */

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TEST_KEYS } from './keys.js';
import { startContractServer } from './server.js';
import type { LastPageCursor, Region, Tier } from './types.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    region: { type: 'string', default: 'us' },
    'last-page-cursor': { type: 'string', default: 'omit' },
    spec: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${values.port}`);
const region = values.region;
if (region !== 'us' && region !== 'eu') fail(`--region must be us or eu, got ${region}`);
const lastPageCursor = values['last-page-cursor'];
if (lastPageCursor !== 'omit' && lastPageCursor !== 'empty' && lastPageCursor !== 'null') {
  fail(`--last-page-cursor must be omit, empty or null, got ${lastPageCursor}`);
}

const server = await startContractServer({
  port,
  region: region satisfies Region,
  lastPageCursor: lastPageCursor satisfies LastPageCursor,
  ...(values.spec === undefined ? {} : { specPath: resolve(values.spec) }),
});
const lines = [`Not AI contract server (${region}) listening on ${server.url}`, 'Test keys (region tier key):'];
for (const r of ['us', 'eu'] as const) {
  for (const tier of Object.keys(TEST_KEYS[r]) as Tier[]) {
    lines.push(`  ${r} ${tier.padEnd(10)} ${TEST_KEYS[r][tier]}${r === region ? '' : '   (other region: 401 here)'}`);
  }
}
const fallback = server.specFallback();
if (fallback.problem !== undefined) {
  lines.push(`Spec ${fallback.specPath}: ${fallback.problem}; only the hand-written routes answer.`);
} else if (fallback.operations.length === 0) {
  lines.push('Answered from the spec (x-contract-source: spec): none, every operation has a hand-written route.');
} else {
  lines.push('Answered from the spec (x-contract-source: spec), no hand-written route:');
  for (const operation of fallback.operations) lines.push(`  ${operation}`);
}
lines.push('Send "x-fault: status=503;count=2;id=t1" to inject faults (id= arms them once, so the client\'s retries do not re-arm them; see faults.ts). Ctrl+C stops.');
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    (error: unknown) => fail(`close failed: ${String(error)}`),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
