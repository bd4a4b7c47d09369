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

  it('leaves out servers that cannot be a base URL, and says why', () => {
    const doc = servers(
      { url: '/api/v3' },
      { url: 'https://{region}.example.test' },
      { url: 'https://{region}.example.test', variables: { region: { enum: ['us'] } } },
      { url: 'ftp://files.example.test' },
      { url: 'https://api.example.test', description: 'Production' },
    );
    // The only usable one is named as if it were alone.
    expect(resolveServers(doc, config(), undefined)).toEqual([{ name: 'default', url: 'https://api.example.test', description: 'Production' }]);
    expect(serverWarnings(doc)).toEqual([
      'Server "/api/v3" (#/servers/0) is left out of the regions: it is not an absolute URL (a URL relative to where the spec is served).',
      'Server "https://{region}.example.test" (#/servers/1) is left out of the regions: a variable in it has no default.',
      'Server "https://{region}.example.test" (#/servers/2) is left out of the regions: a variable in it has no default.',
      'Server "ftp://files.example.test" (#/servers/3) is left out of the regions: its scheme is ftp, not http(s).',
    ]);
  });

  it('warns about plain http away from loopback, and about a spec with no servers', () => {
    expect(serverWarnings(servers({ url: 'http://api.example.test/v1' }, { url: 'http://127.0.0.1:8080' }, { url: 'http://localhost' }))).toEqual([
      'Server "http://api.example.test/v1" (#/servers/0) is plain http: the client refuses it unless given an https baseUrl.',
    ]);
    expect(serverWarnings({})).toEqual(['The spec names no servers: the client needs a baseUrl from its users.']);
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
      'Config region "main" names server "/relative", which cannot be a base URL: it is not an absolute URL (a URL relative to where the spec is served)',
    );
  });
});
