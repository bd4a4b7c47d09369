import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authFromSpec } from '../../generator/auth-from-spec.js';
import { readConfigFile, resolveConfig, type RawConfigInput } from '../../generator/config.js';
import { buildIR } from '../../generator/ir/build.js';
import type { IdempotencyIR } from '../../generator/ir/types.js';
import { loadSpec } from '../../generator/load/index.js';
import { generate } from '../../generator/pipeline.js';
import { typeCheck } from '../corpus/corpus.js';
import { tempDir } from '../helpers/ir.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'idempotency');
const SPEC = join(FIXTURE, 'openapi.yaml');
const CONFIG = join(FIXTURE, 'config.yaml');

async function idempotencyOf(config: RawConfigInput): Promise<Record<string, IdempotencyIR>> {
  const loaded = await loadSpec(SPEC);
  const resolved = resolveConfig(config, { title: 'Payments Fixture', authHeaders: authFromSpec(loaded.document).headers });
  const ir = buildIR({ document: loaded.document, openapiVersion: loaded.openapiVersion, location: loaded.location, config: resolved });
  return Object.fromEntries(ir.operations.map((op) => [op.operationId, op.idempotency]));
}

describe('which operations a retry may resend, from the spec', () => {
  it('reads declared key headers (any case, X- prefixed too), x-idempotent and the method', async () => {
    expect(await idempotencyOf({ data: {} })).toEqual({
      listCharges: { kind: 'idempotent', source: 'method' },
      createCharge: { kind: 'key', header: 'Idempotency-Key', source: 'parameter' },
      createRefund: { kind: 'key', header: 'x-idempotency-key', source: 'parameter' },
      updateCharge: { kind: 'unsafe', source: 'method' },
      deleteCharge: { kind: 'idempotent', source: 'method' },
      searchCharges: { kind: 'idempotent', source: 'spec' },
      transferBalance: { kind: 'unsafe', source: 'spec' },
      sendEvent: { kind: 'unsafe', source: 'method' },
    });
  });

  it('a config-named header goes on every call that is not idempotent; the config can mark one', async () => {
    const ir = await idempotencyOf(await readConfigFile(CONFIG));
    expect(ir.updateCharge).toEqual({ kind: 'key', header: 'Idempotency-Key', source: 'config' });
    expect(ir.transferBalance).toEqual({ kind: 'key', header: 'Idempotency-Key', source: 'config' });
    expect(ir.sendEvent).toEqual({ kind: 'idempotent', source: 'config' });
    expect(ir.createRefund).toEqual({ kind: 'key', header: 'x-idempotency-key', source: 'parameter' });
    expect(ir.listCharges).toEqual({ kind: 'idempotent', source: 'method' });
  });

  it('refuses a config header that is not a header name, and a non-boolean idempotent', () => {
    const resolve = (data: unknown) => () => resolveConfig({ data }, { title: 'T' });
    expect(resolve({ retries: { idempotencyHeader: 'Idempotency Key' } })).toThrow(/not a valid HTTP header name/);
    expect(resolve({ operations: { x: { idempotent: 'yes' } } })).toThrow(/idempotent must be true or false/);
  });
});

describe('the generated client', () => {
  let out: string;
  let keyed: string;
  let server: Server;
  let baseUrl: string;
  const seen: { url: string | undefined; key: string | undefined }[] = [];

  beforeAll(async () => {
    const dir = await tempDir('idempotency-');
    out = join(dir, 'plain');
    keyed = join(dir, 'keyed');
    await generate({ spec: SPEC, out });
    await generate({ spec: SPEC, out: keyed, config: CONFIG });
    // Every POST is answered 503 twice, then 200; the server records the key of each arrival.
    const count = new Map<string, number>();
    server = createServer((req, res) => {
      req.on('data', () => undefined);
      req.on('end', () => {
        seen.push({ url: req.url, key: (req.headers['idempotency-key'] ?? req.headers['x-idempotency-key']) as string | undefined });
        const n = (count.get(req.url ?? '') ?? 0) + 1;
        count.set(req.url ?? '', n);
        res.writeHead(n <= 2 ? 503 : 200, { 'content-type': 'application/json' }).end(n <= 2 ? '{"error":{"message":"busy"}}' : '{"id":"ch_1"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('marks each request with what the runtime cannot tell from its method, and type-checks', async () => {
    const plain = await readFile(join(out, 'src', 'resources', 'charges.ts'), 'utf8');
    expect(plain).toMatch(/operationId: 'createCharge'/);
    expect(plain).toMatch(/idempotency: \{ keyHeader: 'Idempotency-Key' \},\s+operationId: 'createCharge'/);
    expect(plain).toMatch(/idempotency: 'idempotent',\s+operationId: 'searchCharges'/);
    // The runtime's own defaults (GET, DELETE retried; PATCH not) need no mark.
    for (const id of ['listCharges', 'deleteCharge', 'updateCharge']) {
      expect(plain).not.toMatch(new RegExp(`idempotency: [^\\n]+,\\s+operationId: '${id}'`));
    }
    const keyedCharges = await readFile(join(keyed, 'src', 'resources', 'charges.ts'), 'utf8');
    expect(keyedCharges).toMatch(/idempotency: \{ keyHeader: 'Idempotency-Key' \},\s+operationId: 'updateCharge'/);
    // The README says which calls are resent and how, from the same IR.
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme).toMatch(/are not idempotent and take no idempotency key, so once a request may have reached the server it is not sent again/);
    expect(readme).toMatch(/send an idempotency key in the `Idempotency-Key` and `x-idempotency-key` headers: a new random one per call \(`payments-fixture-client-retry-<uuid>`\), the same on every retry/);
    expect(readme).not.toContain('Every attempt resends the same request');
    expect(typeCheck([out, keyed])).toEqual([]);
  }, 120_000);

  it('resends a POST that declares a key with the same key, and one that does not never', async () => {
    // The operation functions by operationId, on the package's own runtime and settings.
    type Call = (client: unknown, body: unknown, params?: unknown, options?: unknown) => Promise<unknown>;
    const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(out, 'src', file)).href)) as T;
    const { ApiClient } = await load<{ ApiClient: new (options: object, settings: unknown) => unknown }>('runtime/core.ts');
    const { API_SETTINGS } = await load<{ API_SETTINGS: unknown }>('settings.ts');
    const { createCharge, sendEvent } = await load<{ createCharge: Call; sendEvent: Call }>('index.ts');
    const client = new ApiClient({ baseUrl, apiKey: 'k' }, API_SETTINGS);
    seen.length = 0;
    await expect(createCharge(client, { amount: 1 })).resolves.toEqual({ id: 'ch_1' });
    expect(seen.map((s) => s.url)).toEqual(['/charges', '/charges', '/charges']);
    expect(new Set(seen.map((s) => s.key)).size).toBe(1);
    expect(seen[0]!.key).toMatch(/^payments-fixture-client-retry-[0-9a-f-]{36}$/);
    seen.length = 0;
    await expect(sendEvent(client, { amount: 1 })).rejects.toMatchObject({ status: 503, retries: 0 });
    expect(seen).toEqual([{ url: '/events', key: undefined }]);
  }, 30_000);
});
