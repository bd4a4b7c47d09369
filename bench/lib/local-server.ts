/**
 * A tiny node:http server for the client benchmarks, run in its own process (so it has its own
 * core): `GET /v1/sessions/{id}` returns one fixed session; `GET /v1/sessions` serves cursor
 * pages of synthetic sessions in the Not AI envelope `{data, pagination: {nextCursor, hasMore,
 * limit}}`, `pageSize` items at a time (1–1000, default 50) out of `--items` (default 1,000,000).
 *
 * As a script: `node --import tsx bench/lib/local-server.ts [--items N]` prints
 * `listening <port>` and serves on 127.0.0.1 until killed or its stdin closes.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isMain } from './client-key.js';
import { ROOT } from './paths.js';

const SESSION_HEADERS = {
  'content-type': 'application/json',
  'x-isnotai-tier': 'enterprise',
};

function session(i: number): string {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return (
    `{"id":"sess_${i.toString(36).padStart(8, '0')}","createdAt":"2026-06-${day}T10:00:00.000Z",` +
    `"updatedAt":"2026-06-${day}T10:05:00.000Z","status":"${i % 3 === 0 ? 'active' : 'closed'}",` +
    `"botScore":${((i % 100) / 100).toFixed(2)},"detectionFlags":[${i % 7 === 0 ? '"headless"' : ''}],` +
    `"userAgentSummary":"Chrome 126 / macOS / desktop","pageUrl":"https://lms.example.edu/course/${i % 500}",` +
    `"userId":${i % 4 === 0 ? 'null' : `"u_${i % 9973}"`},"userName":null,"userUrl":null}`
  );
}

export const SINGLE_SESSION_BODY = `{"data":${session(42)}}`;

export function serve(totalItems: number): Promise<{ port: number; close(): Promise<void> }> {
  let requestCounter = 0;
  const server = createServer((req, res) => {
    requestCounter += 1;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = { ...SESSION_HEADERS, 'x-request-id': `req_${requestCounter}` };
    if (req.method !== 'GET') {
      res.writeHead(405, headers).end('{"error":{"code":"METHOD_NOT_ALLOWED","message":"GET only"}}');
      return;
    }
    if (url.pathname === '/v1/sessions') {
      const size = Math.min(1000, Math.max(1, Number(url.searchParams.get('pageSize') ?? '50') || 50));
      const cursor = url.searchParams.get('cursor');
      const offset = cursor === null ? 0 : Number.parseInt(cursor.slice(1), 36);
      if (cursor !== null && (!cursor.startsWith('o') || !Number.isFinite(offset))) {
        res.writeHead(400, headers).end('{"error":{"code":"INVALID_CURSOR","message":"bad cursor"}}');
        return;
      }
      const end = Math.min(totalItems, offset + size);
      const items: string[] = [];
      for (let i = offset; i < end; i += 1) items.push(session(i));
      const hasMore = end < totalItems;
      const next = hasMore ? `"o${end.toString(36)}"` : 'null';
      res
        .writeHead(200, headers)
        .end(`{"data":[${items.join(',')}],"pagination":{"nextCursor":${next},"hasMore":${hasMore},"limit":${size}}}`);
      return;
    }
    if (url.pathname.startsWith('/v1/sessions/')) {
      res.writeHead(200, headers).end(SINGLE_SESSION_BODY);
      return;
    }
    res.writeHead(404, headers).end('{"error":{"code":"NOT_FOUND","message":"no such route"}}');
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export interface LocalServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts the server in a child process and resolves once it listens. */
export function startLocalServer(totalItems = 1_000_000): Promise<LocalServer> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--items', String(totalItems)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise<LocalServer>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('local server did not start within 30 s'));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local server exited early (${code ?? 'signal'})`));
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const match = /listening (\d+)/.exec(buffered);
      if (match === null) return;
      clearTimeout(timer);
      resolve({
        baseUrl: `http://127.0.0.1:${match[1] ?? '0'}`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              done();
              return;
            }
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--items');
  const items = flag >= 0 ? Number(process.argv[flag + 1]) : 1_000_000;
  const server = await serve(Number.isFinite(items) && items >= 0 ? items : 1_000_000);
  process.stdout.write(`listening ${server.port}\n`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop); // the parent went away
  process.stdin.resume();
}

if (isMain(import.meta.url)) {
  await main();
}
