/**
 * Against a real node:http server on loopback, with real timers: the failure modes nock cannot
 * fake faithfully (a socket reset mid-body, a truncated chunked body) as Node's own fetch
 * reports them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APIConnectionError } from '../../templates/runtime/errors.js';
import { getSpec, makeClient } from './fixtures.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
const handlers: Handler[] = [];
const seen: { url: string | undefined; authorization: string | undefined }[] = [];

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  server = createServer((req, res) => {
    seen.push({ url: req.url, authorization: req.headers.authorization });
    const handler = handlers.shift();
    if (handler === undefined) {
      res.writeHead(500).end('no handler');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  nock.enableNetConnect();
});

const resetMidBody: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
  res.write('{"data":[1,2');
  setImmediate(() => res.socket?.destroy());
};

const truncatedChunked: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' }); // chunked
  res.write('{"data":[1,2');
  setImmediate(() => res.socket?.destroy());
};

const ok: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'x-example-tier': 'pro' }).end('{"data":[1,2,3]}');
};

describe('real loopback server', () => {
  it('plain http on loopback works end to end, with the auth header', async () => {
    handlers.push(ok);
    seen.length = 0;
    const { data, tier } = await makeClient({ baseUrl }).request(getSpec('/v1/x', { query: { a: 'b c' } })).withResponse();
    expect(data).toEqual({ data: [1, 2, 3] });
    expect(tier).toBe('pro');
    expect(seen[0]?.url).toBe('/v1/x?a=b+c');
    expect(seen[0]?.authorization).toMatch(/^Bearer tk_/);
  });

  it.each([
    ['a reset mid-body (content-length)', resetMidBody],
    ['a truncated chunked body', truncatedChunked],
  ])('%s is an APIConnectionError', async (_label, handler) => {
    handlers.push(handler);
    const error = await makeClient({ baseUrl, maxRetries: 0 })
      .request(getSpec('/v1/x'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError).retries).toBe(0);
  });

  it('a reset mid-body is retried and the retry succeeds', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1); // shortest backoff: 375 ms of real time
    try {
      handlers.push(resetMidBody, ok);
      seen.length = 0;
      await expect(makeClient({ baseUrl, maxRetries: 1 }).request(getSpec('/v1/x'))).resolves.toEqual({ data: [1, 2, 3] });
      expect(seen).toHaveLength(2);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

// The runtime hands fetch a timer-aborted signal whenever an attempt has a timer, the default
// 60 s timeout included (transport.ts: there is no separate path for it); these use short ones.
describe('a server that never answers', () => {
  it.each([
    ['a client-wide timeout', { timeout: 150 }, {}],
    ['a per-call timeout', {}, { timeout: 150 }],
    ['a deadline', { deadline: 150 }, {}],
  ])('with %s, the timed-out attempt closes its connection at once', async (_label, clientOptions, callOptions) => {
    let closed = false;
    let opened = 0;
    handlers.push((req) => {
      opened += 1;
      req.socket.once('close', () => (closed = true)); // never responds
    });
    const started = Date.now();
    const error = await makeClient({ baseUrl, maxRetries: 0, ...clientOptions })
      .request(getSpec('/v1/hang'), callOptions)
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('APITimeoutError');
    expect(Date.now() - started).toBeLessThan(5_000);
    // Not left to the server or to undici's 300 s headers timeout: the client aborts the request.
    await vi.waitFor(() => expect(closed).toBe(true), { timeout: 2_000, interval: 20 });
    expect(opened).toBe(1);
  });
});
