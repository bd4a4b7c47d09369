/**
 * File and text downloads that the API hands out from another origin (a signed storage URL, a
 * CDN, GitHub's archive host): followed without any credential. Two real node:http servers on
 * loopback, "api" and "cdn", so the origins really differ (their ports do).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../templates/runtime/core.js';
import { APIConnectionError, InvalidResponseError } from '../../templates/runtime/errors.js';
import type { ApiSettings } from '../../templates/runtime/settings.js';
import { getSpec, settings, VALID_KEY } from './fixtures.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface Host {
  server: Server;
  origin: string;
  seen: { method: string | undefined; url: string | undefined; headers: IncomingHttpHeaders }[];
  handle: Handler;
}

async function host(): Promise<Host> {
  const handle: Handler = (_req, res) => res.writeHead(500).end();
  const entry = { seen: [], handle } as unknown as Host;
  entry.server = createServer((req, res) => {
    entry.seen.push({ method: req.method, url: req.url, headers: req.headers });
    entry.handle(req, res);
  });
  await new Promise<void>((resolve) => entry.server.listen(0, '127.0.0.1', resolve));
  entry.origin = `http://127.0.0.1:${(entry.server.address() as AddressInfo).port}`;
  return entry;
}

let api: Host;
let cdn: Host;
const BYTES = Uint8Array.from([0, 255, 1, 128, 37]);

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  [api, cdn] = [await host(), await host()];
});
afterAll(async () => {
  for (const h of [api, cdn]) await new Promise<void>((resolve) => h.server.close(() => resolve()));
  nock.enableNetConnect();
});
beforeEach(() => {
  for (const h of [api, cdn]) h.seen.length = 0;
  cdn.handle = (_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(BYTES);
});

const toCdn = (status: number): Handler => (_req, res) => res.writeHead(status, { location: `${cdn.origin}/files/report.bin?sig=abc` }).end();
const querySettings: ApiSettings = { ...settings, auth: { default: 'q', headers: { q: { query: 'api_key' } } } };

describe('a redirect to another origin', () => {
  it.each([301, 302, 303, 307, 308])('%i from a file download is followed with no credential, and gives the bytes', async (status) => {
    api.handle = toCdn(status);
    const client = new ApiClient({ apiKey: VALID_KEY, baseUrl: api.origin, headers: { 'x-tenant': 'acme' } }, settings);
    const { data, response } = await client.request<Blob>(getSpec('/v1/export', { responseType: 'blob' })).withResponse();
    expect(new Uint8Array(await data.arrayBuffer())).toEqual(BYTES);
    expect(response.url).toBe(`${cdn.origin}/files/report.bin?sig=abc`);
    expect(api.seen[0]?.headers.authorization).toBe(`Bearer ${VALID_KEY}`);
    expect(cdn.seen).toHaveLength(1);
    const sent = cdn.seen[0]!;
    expect(sent.url).toBe('/files/report.bin?sig=abc');
    // Only what identifies nobody: no key, no client-wide header (it may carry a tenant or a token).
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.headers['x-tenant']).toBeUndefined();
    expect(sent.headers['user-agent']).toBe('example-client/3.2.1');
  });

  it('a key that travels in the query is not appended at the other origin, nor on later hops back', async () => {
    api.handle = (req, res) => {
      if (req.url?.startsWith('/v1/export')) toCdn(302)(req, res);
      else res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(BYTES);
    };
    cdn.handle = (_req, res) => res.writeHead(302, { location: `${api.origin}/v1/blob-store/1` }).end();
    const client = new ApiClient({ apiKey: VALID_KEY, baseUrl: api.origin }, querySettings);
    const data = await client.request<Blob>(getSpec('/v1/export', { responseType: 'blob' }));
    expect(data.size).toBe(BYTES.length);
    expect(api.seen.map((r) => r.url)).toEqual([`/v1/export?api_key=${VALID_KEY}`, '/v1/blob-store/1']);
    expect(cdn.seen.map((r) => r.url)).toEqual(['/files/report.bin?sig=abc']);
  });

  it('text answers (a CSV export) are downloads too', async () => {
    api.handle = toCdn(302);
    cdn.handle = (_req, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end('a,b\n1,2\n');
    const client = new ApiClient({ apiKey: VALID_KEY, baseUrl: api.origin }, settings);
    await expect(client.request<string>(getSpec('/v1/export.csv', { responseType: 'text' }))).resolves.toBe('a,b\n1,2\n');
    expect(cdn.seen[0]?.headers.authorization).toBeUndefined();
  });

  it("an error from the other host is an InvalidResponseError naming that host, not the API's AuthenticationError", async () => {
    api.handle = toCdn(302);
    cdn.handle = (_req, res) => res.writeHead(401, { 'content-type': 'application/xml' }).end('<Error><Code>ExpiredToken</Code></Error>');
    const client = new ApiClient({ apiKey: VALID_KEY, baseUrl: api.origin, maxRetries: 0 }, settings);
    const error = await client.request(getSpec('/v1/export', { responseType: 'blob' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(401);
    expect((error as Error).message).toBe(`The download the API redirected to, at ${cdn.origin}, answered HTTP 401.`);
  });

  it('a connection failure at the other host names that host', async () => {
    const closed = await host();
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    api.handle = (_req, res) => res.writeHead(302, { location: `${closed.origin}/f` }).end();
    const client = new ApiClient({ apiKey: VALID_KEY, baseUrl: api.origin, maxRetries: 0 }, settings);
    const error = await client.request(getSpec('/v1/export', { responseType: 'blob' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain(`talking to ${closed.origin}`);
  });

  it('a range request stays a range request at the other host', async () => {
    api.handle = toCdn(302);
    cdn.handle = (_req, res) => res.writeHead(206, { 'content-type': 'application/octet-stream' }).end(BYTES.subarray(0, 2));
    const client = new ApiClient({ apiKey: VALID_KEY, baseUrl: api.origin }, settings);
    const data = await client.request<Blob>(getSpec('/v1/export', { responseType: 'blob' }), { headers: { range: 'bytes=0-1' } });
    expect(data.size).toBe(2);
    expect(cdn.seen[0]?.headers.range).toBe('bytes=0-1');
    expect(cdn.seen[0]?.headers.accept).toBe('*/*');
  });

  it('is refused for a JSON answer, which no API hands out from another host', async () => {
    api.handle = toCdn(302);
    const client = new ApiClient({ apiKey: VALID_KEY, baseUrl: api.origin, maxRetries: 0 }, settings);
    const error = await client.request(getSpec('/v1/x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain(`to another origin, ${cdn.origin}: the API key is only ever sent to ${api.origin}.`);
    expect(cdn.seen).toEqual([]);
  });

  it('is refused when it would carry a body there (307 after a POST)', async () => {
    api.handle = toCdn(307);
    const client = new ApiClient({ apiKey: VALID_KEY, baseUrl: api.origin, maxRetries: 0 }, settings);
    const error = await client.request(getSpec('/v1/render', { method: 'POST', body: { page: 1 }, responseType: 'blob' })).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`to another origin, ${cdn.origin}: it would re-send a POST body there.`);
    expect(cdn.seen).toEqual([]);
  });
});
