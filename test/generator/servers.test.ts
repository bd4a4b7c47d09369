import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { pinSpec } from '../../generator/spec-store/store.js';
import { specWith, tempDir } from '../helpers/ir.js';
import { resolveConfig } from '../../generator/config.js';
import { GeneratorError } from '../../generator/errors.js';
import { resolveServers, serverWarnings } from '../../generator/ir/servers.js';

const config = (regions: Record<string, string> = {}) => resolveConfig({ data: { regions } }, { title: 'T' });
const servers = (...list: unknown[]) => ({ servers: list });

describe('servers → regions', () => {
  it('fills URL variables with their defaults and keeps the template beside the result', () => {
    const doc = servers(
      {
        url: 'https://{tenant}.example.test:{port}/{base}/',
        variables: { tenant: { default: 'demo' }, port: { default: '443', enum: ['443', '8443'] }, base: { default: 'v2' } },
      },
      { url: '{scheme}://api.example.test', variables: { scheme: { default: 'https', enum: ['https', 'http'] } } },
    );
    expect(resolveServers(doc, config(), undefined)).toEqual([
      {
        name: 'server0',
        url: 'https://demo.example.test:443/v2',
        template: 'https://{tenant}.example.test:{port}/{base}/',
        variables: [
          { name: 'tenant', default: 'demo' },
          { name: 'port', default: '443', enum: ['443', '8443'] },
          { name: 'base', default: 'v2' },
        ],
      },
      { name: 'server1', url: 'https://api.example.test', template: '{scheme}://api.example.test', variables: [{ name: 'scheme', default: 'https', enum: ['https', 'http'] }] },
    ]);
  });

  it('leaves out servers the client would refuse as a base URL, and says why in its words', () => {
    const doc = servers(
      { url: '/api/v3' },
      { url: 'https://{region}.example.test' },
      { url: 'https://{region}.example.test', variables: { region: { enum: ['us'] } } },
      { url: 'ftp://files.example.test' },
      { url: 'http://api.example.test/v1' },
      { url: 'https://api.example.test/v1?x=1' },
      { url: 'https://api.example.test', description: 'Production' },
      { url: 'http://127.0.0.1:8080' },
    );
    // Named by their place in the spec's list, so later releases do not rename them.
    expect(resolveServers(doc, config(), undefined)).toEqual([
      { name: 'server6', url: 'https://api.example.test', description: 'Production' },
      { name: 'server7', url: 'http://127.0.0.1:8080' },
    ]);
    expect(serverWarnings(doc, config())).toEqual([
      'Server "/api/v3" (#/servers/0) is left out of the regions: Invalid baseUrl "/api/v3": not an absolute URL (relative to where the spec is served: generate from its URL, or from a spec pinned with `fetch`, to resolve it).',
      'Server "https://{region}.example.test" (#/servers/1) is left out of the regions: a variable in it has no default.',
      'Server "https://{region}.example.test" (#/servers/2) is left out of the regions: a variable in it has no default.',
      'Server "ftp://files.example.test" (#/servers/3) is left out of the regions: Invalid baseUrl "ftp://files.example.test": only https:// (or http:// on loopback) is supported.',
      'Server "http://api.example.test/v1" (#/servers/4) is left out of the regions: Refusing plain http baseUrl "http://api.example.test/v1": the API key would be sent unencrypted. Use https:// (http is allowed only for localhost, 127.0.0.0/8 and ::1).',
      'Server "https://api.example.test/v1?x=1" (#/servers/5) is left out of the regions: Invalid baseUrl "https://api.example.test/v1?x=1": it must not contain a query string or fragment.',
    ]);
    // With the config choosing regions, servers it leaves out are not news.
    expect(serverWarnings(doc, config({ prod: 'Production' }))).toEqual([]);
  });

  it('a lone server whose host is an enum variable: one region per value, the default first', () => {
    const doc = servers({
      url: 'https://{region}.api.example.test:{port}/{version}',
      description: 'Regional',
      variables: { region: { default: 'eu', enum: ['us', 'eu', 'ap-south-1'] }, port: { default: '443', enum: ['443', '8443'] }, version: { default: 'v1', enum: ['v1', 'v2'] } },
    });
    const hostOf = { template: 'https://{region}.api.example.test:{port}/{version}', variable: 'region' };
    expect(resolveServers(doc, config(), undefined)).toEqual([
      { name: 'eu', url: 'https://eu.api.example.test:443/v1', description: 'Regional', hostOf },
      { name: 'us', url: 'https://us.api.example.test:443/v1', description: 'Regional', hostOf },
      { name: 'ap-south-1', url: 'https://ap-south-1.api.example.test:443/v1', description: 'Regional', hostOf },
    ]);
    expect(serverWarnings(doc, config())).toEqual([]);
    // Config regions can name one value's URL (and then they are the config's regions, not the values).
    expect(resolveServers(doc, config({ europe: 'https://eu.api.example.test:443/v1' }), undefined)).toEqual([
      { name: 'europe', url: 'https://eu.api.example.test:443/v1', description: 'Regional' },
    ]);
    // Host names are case-insensitive: one region per host.
    const cased = servers({ url: 'https://{r}.example.test', variables: { r: { default: 'eu', enum: ['EU', 'eu', 'us'] } } });
    expect(resolveServers(cased, config(), undefined).map((r) => r.name)).toEqual(['eu', 'us']);
  });

  it('the generated client types the values as its regions, and its README says where they come from', async () => {
    const dir = await tempDir('host-regions-');
    const file = join(dir, 'openapi.json');
    const ok = { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } };
    const spec = specWith({ '/a': { get: { operationId: 'a', ...ok } } }, { servers: [{ url: 'https://{region}.api.example.test', variables: { region: { default: 'us', enum: ['us', 'eu'] } } }] });
    await writeFile(file, JSON.stringify(spec));
    await generate({ spec: file, out: join(dir, 'client'), format: false });
    expect(await readFile(join(dir, 'client', 'src', 'client.ts'), 'utf8')).toContain(`export type TestRegion = "us" | "eu";`);
    expect(await readFile(join(dir, 'client', 'README.md'), 'utf8')).toContain(
      "The regions are the values of `{region}` in the spec's URL template `https://{region}.api.example.test`. For other values, pass the whole URL as `baseUrl`.",
    );
  });

  it('another variable without a default leaves the server out, with the usual warning', () => {
    const doc = servers({ url: 'https://{region}.example.test/{version}', variables: { region: { default: 'us', enum: ['us', 'eu'] } } });
    expect(resolveServers(doc, config(), undefined)).toEqual([]);
    expect(serverWarnings(doc, config())[0]).toBe('Server "https://{region}.example.test/{version}" (#/servers/0) is left out of the regions: a variable in it has no default.');
  });

  it('values that cannot be a base URL are left out with a warning naming the value', () => {
    const doc = servers({ url: 'http://{host}:8080', variables: { host: { default: 'localhost', enum: ['localhost', 'staging.example.test'] } } });
    expect(resolveServers(doc, config(), undefined).map((r) => [r.name, r.url])).toEqual([['localhost', 'http://localhost:8080']]);
    expect(serverWarnings(doc, config())).toEqual([
      expect.stringMatching(/^Server "http:\/\/\{host\}:8080" \(#\/servers\/0\) with host = "staging\.example\.test" is left out of the regions: Refusing plain http baseUrl/),
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a port', { url: 'https://api.example.test:{port}', variables: { port: { default: '443', enum: ['443', '8443'] } } }],
    ['a scheme', { url: '{scheme}://api.example.test', variables: { scheme: { default: 'https', enum: ['https', 'http'] } } }],
    ['a base path', { url: 'https://api.example.test/{v}', variables: { v: { default: 'v1', enum: ['v1', 'v2'] } } }],
    ['two host variables', { url: 'https://{a}.{b}.example.test', variables: { a: { default: 'x', enum: ['x', 'y'] }, b: { default: 'p', enum: ['p', 'q'] } } }],
    ['values that are not names', { url: 'https://{h}.example.test', variables: { h: { default: 'a', enum: ['a', 'b c'] } } }],
    ['one value', { url: 'https://{h}.example.test', variables: { h: { default: 'a', enum: ['a'] } } }],
    ['a default that is not a name', { url: 'https://x{h}.example.test', variables: { h: { default: '', enum: ['us', 'eu'] } } }],
    ['digits alone', { url: 'https://node{n}.example.test', variables: { n: { default: '1', enum: ['1', '2'] } } }],
    ['a port named with a dot', { url: 'https://api.example.test:{port.num}', variables: { 'port.num': { default: '443', enum: ['443', '8443'] } } }],
  ])('an enum in %s is not a region choice: one default region', (_what, server) => {
    expect(resolveServers(servers(server), config(), undefined).map((r) => r.name)).toEqual(['default']);
  });

  it('a relative server resolves against where the spec is served, when that is known', () => {
    const doc = servers({ url: '/api/v3' }, { url: 'v2/' }, { url: 'https://{env}.example.test', variables: { env: { default: 'api' } } });
    const served = 'https://petstore3.swagger.io/api/v3/openapi.json';
    expect(resolveServers(doc, config(), undefined, served).map((r) => [r.name, r.url])).toEqual([
      ['server0', 'https://petstore3.swagger.io/api/v3'],
      ['server1', 'https://petstore3.swagger.io/api/v3/v2'],
      ['server2', 'https://api.example.test'],
    ]);
    expect(serverWarnings(doc, config(), served)).toEqual([]);
    // Served over plain http away from loopback: resolved, and then refused like any http server.
    expect(serverWarnings(servers({ url: '/v1' }), config(), 'http://api.example.test/spec.json')[0]).toMatch(/^Server "\/v1" \(#\/servers\/0\) is left out of the regions: Refusing plain http baseUrl "http:\/\/api\.example\.test\/v1"/);
  });

  it('a spec pinned with fetch knows where it was served: its relative server becomes the region', async () => {
    const dir = await tempDir('relative-server-');
    const ok = { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } };
    const document = specWith({ '/pets': { get: { operationId: 'listPets', ...ok } } }, { servers: [{ url: '/api/v3' }] });
    await pinSpec({ dir: join(dir, 'spec'), document, source: 'https://petstore3.swagger.io/api/v3/openapi.json', fetchedAt: '2026-12-01T00:00:00.000Z', etag: null });
    const result = await generate({ spec: join(dir, 'spec'), out: join(dir, 'client'), format: false });
    expect(result.ir.servers).toEqual([{ name: 'default', url: 'https://petstore3.swagger.io/api/v3' }]);
    expect(result.warnings.filter((w) => w.includes('servers'))).toEqual([]);
  });

  it('one server, unusable: no regions, and the user is told a baseUrl is needed', () => {
    const doc = servers({ url: 'http://petstore.example.test/v2' });
    expect(resolveServers(doc, config(), undefined)).toEqual([]);
    expect(serverWarnings(doc, config()).at(-1)).toBe('No spec server can be a base URL: the client needs a baseUrl from its users.');
    expect(serverWarnings({}, config())).toEqual(['The spec names no servers: the client needs a baseUrl from its users.']);
    expect(resolveServers({}, config(), undefined)).toEqual([]);
  });

  it('config regions match a server by its filled-in URL, its template or its description', () => {
    const doc = servers(
      { url: 'https://{r}.example.test', variables: { r: { default: 'us' } }, description: 'US' },
      { url: 'https://eu.example.test/' },
      { url: 'https://ap.example.test', description: 'Asia' },
    );
    const regions = resolveServers(doc, config({ a: 'https://us.example.test', b: 'https://{r}.example.test', c: 'https://eu.example.test', d: 'Asia' }), 'cfg.yaml');
    expect(regions.map((r) => [r.name, r.url])).toEqual([
      ['a', 'https://us.example.test'],
      ['b', 'https://us.example.test'],
      ['c', 'https://eu.example.test'],
      ['d', 'https://ap.example.test'],
    ]);
  });

  it('a config region naming a server that cannot be a base URL is a config error', () => {
    const doc = servers({ url: '/relative', description: 'Same host' });
    let caught: unknown;
    try {
      resolveServers(doc, config({ main: 'Same host' }), 'cfg.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GeneratorError);
    expect(String((caught as Error).message)).toBe(
      'Config region "main" names server "/relative", which cannot be a base URL: Invalid baseUrl "/relative": not an absolute URL',
    );
  });
});
