import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { specWith, tempDir } from '../helpers/ir.js';

/**
 * A spec whose operations take different credentials (Petstore's OAuth for pets and `api_key` for
 * the store; a key + token pair in the query, as Trello takes them): one generated client, given a
 * credential per form, must send each operation the one it accepts.
 */
describe('operations that take different credentials', () => {
  const ok = { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } };
  const get = (operationId: string, tag: string, security?: unknown): Record<string, unknown> => ({
    get: { operationId, tags: [tag], ...(security === undefined ? {} : { security }), ...ok },
  });
  let out: string;
  let server: Server;
  let baseUrl: string;
  const seen: { path: string; authorization: string | null; apiKey: string | null }[] = [];

  beforeAll(async () => {
    const dir = await tempDir('credentials-');
    const file = join(dir, 'openapi.json');
    const spec = specWith(
      {
        '/pets': get('listPets', 'pets'),
        '/store/inventory': get('getInventory', 'store', [{ api_key: [] }]),
        '/pets/count': get('countPets', 'pets', [{ api_key: [] }, { petstore_auth: [] }]),
        '/boards': get('listBoards', 'boards', [{ appKey: [], appToken: [] }]),
        '/health': get('getHealth', 'health', []),
      },
      {
        security: [{ petstore_auth: [] }],
        components: {
          securitySchemes: {
            petstore_auth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://auth.example.test/authorize', scopes: {} } } },
            api_key: { type: 'apiKey', in: 'header', name: 'api_key' },
            appKey: { type: 'apiKey', in: 'query', name: 'key' },
            appToken: { type: 'apiKey', in: 'query', name: 'token' },
          },
        },
      },
    );
    await writeFile(file, JSON.stringify(spec));
    out = join(dir, 'client');
    await generate({ spec: file, out, format: false });
    server = createServer((req, res) => {
      const header = (name: string): string | null => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : null);
      seen.push({ path: req.url ?? '', authorization: header('authorization'), apiKey: header('api_key') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  type Client = Record<string, Record<string, () => Promise<unknown>>>;
  const load = async (): Promise<new (options: Record<string, unknown>) => Client> =>
    ((await import(pathToFileURL(join(out, 'src', 'index.ts')).href)) as { Test: new (options: Record<string, unknown>) => Client }).Test;

  it('the settings carry the API-wide list, and only operations that differ carry their own', async () => {
    const settings = await readFile(join(out, 'src', 'settings.ts'), 'utf8');
    // Unformatted output (format: false) is JSON-like.
    expect(settings).toContain(`"security":[["petstore_auth"]]`);
    expect(await readFile(join(out, 'src', 'resources', 'store.ts'), 'utf8')).toContain(`security: [["api_key"]]`);
    expect(await readFile(join(out, 'src', 'resources', 'boards.ts'), 'utf8')).toContain(`security: [["appKey","appToken"]]`);
    const pets = await readFile(join(out, 'src', 'resources', 'pets.ts'), 'utf8');
    expect(pets.match(/security:/g)).toHaveLength(1); // countPets only; listPets takes the API-wide list
    expect(await readFile(join(out, 'src', 'resources', 'health.ts'), 'utf8')).not.toContain('security');
  });

  it('a client with one credential per form sends each operation the one it accepts', async () => {
    const Test = await load();
    const client = new Test({ baseUrl, credentials: { petstore_auth: 'oauth-token-1', api_key: 'store-key-1', appKey: 'k1', appToken: 't1' } });
    seen.length = 0;
    for (const [resource, method] of [['pets', 'list'], ['store', 'inventory'], ['pets', 'count'], ['boards', 'list'], ['health', 'get']] as const) {
      await expect(client[resource]?.[method]?.()).resolves.toEqual({ ok: true });
    }
    expect(seen).toEqual([
      { path: '/pets', authorization: 'Bearer oauth-token-1', apiKey: null },
      { path: '/store/inventory', authorization: null, apiKey: 'store-key-1' },
      { path: '/pets/count', authorization: null, apiKey: 'store-key-1' }, // the spec lists api_key first
      { path: '/boards?key=k1&token=t1', authorization: null, apiKey: null },
      { path: '/health', authorization: null, apiKey: null },
    ]);
  });

  it('apiKey alone still goes everywhere, in its authHeader form where accepted, as configured elsewhere', async () => {
    const Test = await load();
    const client = new Test({ baseUrl, apiKey: 'only-key-1' });
    seen.length = 0;
    await client.pets?.count?.(); // accepts petstore_auth too: the key's own (default) form
    await client.store?.inventory?.(); // accepts api_key only, which the client has no key for
    expect(seen.map(({ authorization, apiKey }) => [authorization, apiKey])).toEqual([
      ['Bearer only-key-1', null],
      ['Bearer only-key-1', null],
    ]);
  });

  it('the README explains credentials and says what each operation takes', async () => {
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme).toContain('Operations of this API take different credentials. Pass one per auth form in `credentials`');
    expect(readme).toContain('Neither `apiKey` nor `credentials` throws `TestError` from the constructor.');
    expect(readme).toContain('To call only such operations, without a key, build the client with `apiKey: null`');
    expect(readme).toContain(`credentials: { petstore_auth: 'YOUR_PETSTORE_AUTH', api_key: 'YOUR_API_KEY', appKey: 'YOUR_APP_KEY', appToken: 'YOUR_APP_TOKEN' }`);
    expect(readme).toContain("- `'appKey'` + `'appToken'`: `client.boards.list()`");
    expect(readme).toContain("- `'api_key'` or `'petstore_auth'`: `client.pets.count()`");
    expect(readme).toMatch(/\| `client\.store\.inventory\(\)` .*\| takes `'api_key'` \|/);
  });
});
