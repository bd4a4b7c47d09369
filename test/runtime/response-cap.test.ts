/**
 * maxResponseBytes against real node:http servers on loopback: the body is counted while it
 * streams, the download is cancelled as soon as it passes the cap (the server sees the client
 * hang up long before it has sent everything), and the call ends with one request and a
 * ResponseTooLargeError, never a retried connection error.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../templates/runtime/config.js';
import { ApiClient } from '../../templates/runtime/core.js';
import { ClientError, InvalidResponseError, ResponseTooLargeError } from '../../templates/runtime/errors.js';
import type { ClientOptions } from '../../templates/runtime/options.js';
import { getSpec, settings, VALID_KEY } from './fixtures.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Host {
  server: Server;
  origin: string;
  /** Request targets, in arrival order. */
  seen: string[];
  handle: Handler;
}

async function host(): Promise<Host> {
  const state: Host = {
    server: undefined as unknown as Server,
    origin: '',
    seen: [],
    handle: (_req, res) => res.writeHead(500).end('no handler'),
  };
  state.server = createServer((req, res) => {
    state.seen.push(req.url ?? '');
    state.handle(req, res);
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

/** What the server managed to send before the response closed. */
interface Sent {
  bytes: number;
  finished: boolean;
}

const MB = 1024 * 1024;
/** Far more than the client may read under the caps below, and more than loopback socket buffers hold. */
const HUGE = 64 * MB;
const CHUNK = 16 * 1024;

/**
 * Streams `body` (a buffer, or HUGE bytes of filler) in CHUNK-sized writes, honouring
 * backpressure, so the server only gets ahead of the client by what the sockets buffer. Resolves
 * when the response closes: `finished` false means the client hung up first.
 */
function stream(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer | number = HUGE,
): Promise<Sent> {
  const total = typeof body === 'number' ? body : body.length;
  const filler = Buffer.alloc(CHUNK, 'a');
  const piece = (at: number, size: number): Buffer =>
    typeof body === 'number' ? filler.subarray(0, size) : body.subarray(at, at + size);
  return new Promise((resolve) => {
    let bytes = 0;
    res.on('close', () => resolve({ bytes, finished: res.writableFinished }));
    res.writeHead(status, headers);
    const pump = (): void => {
      while (bytes < total) {
        if (res.destroyed) return;
        const size = Math.min(CHUNK, total - bytes);
        const chunk = piece(bytes, size);
        bytes += size;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  });
}

/** Installs a handler that streams and returns a promise of what it sent. */
function streaming(
  target: Host,
  status: number,
  headers: Record<string, string>,
  body?: Buffer | number,
): Promise<Sent> {
  return new Promise((resolve) => {
    target.handle = (_req, res) => {
      stream(res, status, headers, body).then(resolve, () => undefined);
    };
  });
}

let api: Host;
let cdn: Host;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  [api, cdn] = await Promise.all([host(), host()]);
});

afterAll(async () => {
  for (const { server } of [api, cdn]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  nock.enableNetConnect();
});

beforeEach(() => {
  api.seen.length = 0;
  cdn.seen.length = 0;
});

const CAP = 64 * 1024;

function client(options: ClientOptions = {}): ApiClient {
  // Default retries on purpose: an oversized body must not be fetched again.
  return new ApiClient({ apiKey: VALID_KEY, baseUrl: api.origin, maxResponseBytes: CAP, ...options }, settings);
}

async function failure(promise: Promise<unknown>): Promise<ResponseTooLargeError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResponseTooLargeError);
  return error as ResponseTooLargeError;
}

/** A JSON string literal of exactly `size` bytes. */
function jsonOfSize(size: number): Buffer {
  return Buffer.from(`"${'x'.repeat(size - 2)}"`);
}

describe('maxResponseBytes', () => {
  it('stops reading a streamed JSON body past the cap: typed error, one request, the download cancelled', async () => {
    const sent = streaming(api, 200, { 'content-type': 'application/json' });
    const error = await failure(client().request(getSpec('/v1/big')));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toBeInstanceOf(ClientError);
    expect(error.name).toBe('ResponseTooLargeError');
    expect(error.status).toBe(200);
    expect(error.limit).toBe(CAP);
    expect(error.url).toBe(`${api.origin}/v1/big`);
    expect(error.message).toContain(`larger than maxResponseBytes, ${CAP} bytes: reading stopped after`);
    expect(error.toJSON()).toMatchObject({ name: 'ResponseTooLargeError', status: 200, limit: CAP });
    // The client hung up: the server was still sending when its response closed.
    const { bytes, finished } = await sent;
    expect(finished).toBe(false);
    expect(bytes).toBeLessThan(HUGE);
    expect(api.seen).toEqual(['/v1/big']);
  });

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    const sent = streaming(api, 200, { 'content-type': 'application/json', 'content-length': String(HUGE) });
    const error = await failure(client().request(getSpec('/v1/declared')));
    expect(error.message).toContain(`its Content-Length is ${HUGE} bytes`);
    const { bytes, finished } = await sent;
    expect(finished).toBe(false);
    expect(bytes).toBeLessThan(HUGE);
    expect(api.seen).toHaveLength(1);
  });

  it('reads a body of exactly the cap, streamed in many chunks, and refuses one byte more', async () => {
    api.handle = (_req, res) => void stream(res, 200, { 'content-type': 'application/json' }, jsonOfSize(CAP));
    const data = await client().request<string>(getSpec('/v1/exact'));
    expect(data).toHaveLength(CAP - 2);

    const sent = streaming(api, 200, { 'content-type': 'application/json' }, jsonOfSize(CAP + 1));
    const error = await failure(client().request(getSpec('/v1/exact')));
    expect(error.message).toContain(`reading stopped after ${CAP + 1} bytes`);
    await sent;
    expect(api.seen).toHaveLength(2);
  });

  it('reads a body of exactly the cap announced by Content-Length', async () => {
    const body = jsonOfSize(CAP);
    api.handle = (_req, res) =>
      void stream(res, 200, { 'content-type': 'application/json', 'content-length': String(CAP) }, body);
    await expect(client().request<string>(getSpec('/v1/exact'))).resolves.toHaveLength(CAP - 2);
  });

  it('decodes UTF-8 characters split across chunks', async () => {
    const text = 'é€😀'.repeat(5000); // 2-, 3- and 4-byte characters; CHUNK boundaries fall inside them
    const body = Buffer.from(JSON.stringify({ text }));
    expect(body.length).toBeLessThan(CAP);
    api.handle = (_req, res) => void stream(res, 200, { 'content-type': 'application/json' }, body);
    await expect(client().request<{ text: string }>(getSpec('/v1/utf8'))).resolves.toEqual({ text });
  });

  it('caps error bodies too, and does not retry a 5xx whose body is too large', async () => {
    const sent = streaming(api, 503, { 'content-type': 'text/html' });
    const error = await failure(client().request(getSpec('/v1/broken')));
    expect(error.status).toBe(503);
    expect((await sent).finished).toBe(false);
    expect(api.seen).toHaveLength(1);
  });

  it('caps binary downloads (Blob) and passes one just under the cap', async () => {
    const sent = streaming(api, 200, { 'content-type': 'application/octet-stream' });
    await failure(client().request(getSpec('/v1/file', { responseType: 'blob' })));
    expect((await sent).finished).toBe(false);
    expect(api.seen).toHaveLength(1);

    const bytes = Buffer.alloc(CAP - 1, 7);
    api.handle = (_req, res) => void stream(res, 200, { 'content-type': 'application/octet-stream' }, bytes);
    const blob = await client().request<Blob>(getSpec('/v1/file', { responseType: 'blob' }));
    expect(blob.size).toBe(CAP - 1);
    expect(Buffer.from(await blob.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('caps text answers', async () => {
    const sent = streaming(api, 200, { 'content-type': 'text/csv' });
    await failure(client().request(getSpec('/v1/export.csv', { responseType: 'text' })));
    expect((await sent).finished).toBe(false);
  });

  it('caps a download the API redirects to on another host, naming only that origin', async () => {
    api.handle = (_req, res) =>
      res.writeHead(302, { location: `${cdn.origin}/files/report.bin?sig=secret-signature` }).end();
    const sent = streaming(cdn, 200, { 'content-type': 'application/octet-stream' });
    const error = await failure(client().request(getSpec('/v1/export', { responseType: 'blob' })));
    expect(error.url).toBe(cdn.origin);
    expect(error.message).not.toContain('secret-signature');
    expect((await sent).finished).toBe(false);
    expect(api.seen).toHaveLength(1);
    expect(cdn.seen).toHaveLength(1);
  });

  it('masks the key in the URL it reports', async () => {
    const sent = streaming(api, 200, { 'content-type': 'application/json' });
    const error = await failure(client().request(getSpec(`/v1/echo/${VALID_KEY}`)));
    expect(error.url).toBe(`${api.origin}/v1/echo/[redacted]`);
    expect(error.message).not.toContain(VALID_KEY);
    await sent;
  });

  it('is a client option with a 100 MB default, overridable per request', async () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBeLessThanOrEqual(100_000_000);
    expect(new ApiClient({ apiKey: VALID_KEY, baseUrl: api.origin }, settings).maxResponseBytes).toBe(
      DEFAULT_MAX_RESPONSE_BYTES,
    );

    // A per-request cap below the client's
    const sent = streaming(api, 200, { 'content-type': 'application/json' });
    const error = await failure(
      client({ maxResponseBytes: undefined }).request(getSpec('/v1/big'), { maxResponseBytes: 1000 }),
    );
    expect(error.limit).toBe(1000);
    await sent;

    // And above it: Infinity lifts the cap for one call.
    const body = jsonOfSize(CAP * 4);
    api.handle = (_req, res) => void stream(res, 200, { 'content-type': 'application/json' }, body);
    await expect(client().request<string>(getSpec('/v1/big'), { maxResponseBytes: Infinity })).resolves.toHaveLength(
      CAP * 4 - 2,
    );
  });

  it('rejects a cap that is not a positive whole number of bytes, before any request', async () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => client({ maxResponseBytes: bad })).toThrow('maxResponseBytes must be a positive whole number');
      await expect(client().request(getSpec('/v1/x'), { maxResponseBytes: bad })).rejects.toThrow(
        'maxResponseBytes must be a positive whole number',
      );
    }
    expect(api.seen).toEqual([]);
  });
});
