import { describe, expect, it } from 'vitest';
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
      'Server "/api/v3" (#/servers/0) is left out of the regions: Invalid baseUrl "/api/v3": not an absolute URL.',
      'Server "https://{region}.example.test" (#/servers/1) is left out of the regions: a variable in it has no default.',
      'Server "https://{region}.example.test" (#/servers/2) is left out of the regions: a variable in it has no default.',
      'Server "ftp://files.example.test" (#/servers/3) is left out of the regions: Invalid baseUrl "ftp://files.example.test": only https:// (or http:// on loopback) is supported.',
      'Server "http://api.example.test/v1" (#/servers/4) is left out of the regions: Refusing plain http baseUrl "http://api.example.test/v1": the API key would be sent unencrypted. Use https:// (http is allowed only for localhost, 127.0.0.0/8 and ::1).',
      'Server "https://api.example.test/v1?x=1" (#/servers/5) is left out of the regions: Invalid baseUrl "https://api.example.test/v1?x=1": it must not contain a query string or fragment.',
    ]);
    // With the config choosing regions, servers it leaves out are not news.
    expect(serverWarnings(doc, config({ prod: 'Production' }))).toEqual([]);
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
