import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authFromSpec } from '../../generator/auth-from-spec.js';
import { resolveConfig } from '../../generator/config.js';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { tempDir } from '../helpers/ir.js';

/** A generation of `spec` (and a config), not written anywhere. */
async function generateResult(spec: unknown, config?: unknown): Promise<GenerateResult> {
  const dir = await tempDir('auth-');
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
  if (config !== undefined) await writeFile(join(dir, 'codegen.config.yaml'), JSON.stringify(config)); // JSON is YAML
  return generate({ spec: join(dir, 'openapi.json'), out: join(dir, 'client'), check: true, ...(config !== undefined ? { config: join(dir, 'codegen.config.yaml') } : {}) });
}

async function generateFiles(spec: unknown, config?: unknown): Promise<Map<string, string>> {
  return (await generateResult(spec, config)).files;
}

const authHeadersFromSpec = (document: Record<string, unknown>): unknown => authFromSpec(document).headers;

const schemes = (securitySchemes: Record<string, unknown>, security?: unknown[]): Record<string, unknown> => ({
  components: { securitySchemes },
  ...(security ? { security } : {}),
});

describe('authHeadersFromSpec', () => {
  it('turns header API keys, bearer, OAuth 2 and OpenID Connect into header forms, in declaration order', () => {
    const bearer = { header: 'authorization', prefix: 'Bearer ' };
    expect(authHeadersFromSpec(schemes({ api_key: { type: 'apiKey', in: 'header', name: 'X-API-Key' }, token: { type: 'http', scheme: 'Bearer' } }))).toEqual({
      api_key: { header: 'x-api-key', prefix: '' },
      token: bearer,
    });
    expect(authHeadersFromSpec(schemes({ oauth: { type: 'oauth2', flows: {} } }))).toEqual({ oauth: bearer });
    expect(authHeadersFromSpec(schemes({ oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id.example/.well-known/openid-configuration' } }))).toEqual({ oidc: bearer });
  });

  it('keeps one form per distinct header, named after the first scheme that sends it', () => {
    expect(
      authHeadersFromSpec(
        schemes({
          oauth: { type: 'oauth2', flows: {} },
          token: { type: 'http', scheme: 'bearer' },
          key: { type: 'apiKey', in: 'header', name: 'X-Key' },
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id.example/' },
          again: { type: 'apiKey', in: 'header', name: 'x-key' },
        }),
      ),
    ).toEqual({ oauth: { header: 'authorization', prefix: 'Bearer ' }, key: { header: 'x-key', prefix: '' } });
  });

  it('puts the schemes of the top-level security requirements first', () => {
    const found = authHeadersFromSpec(
      schemes({ a: { type: 'http', scheme: 'bearer' }, b: { type: 'apiKey', in: 'header', name: 'Api-Token' } }, [{ b: [] }, { a: [] }]),
    );
    expect(Object.keys(found ?? {})).toEqual(['b', 'a']);
  });

  it('skips what cannot carry a key in a header or the query, and gives up when nothing is left', () => {
    expect(
      authHeadersFromSpec(
        schemes({
          basic: { type: 'http', scheme: 'basic' },
          query: { type: 'apiKey', in: 'query', name: 'key word' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'session' },
          nameless: { type: 'apiKey', in: 'header' },
          ref: { $ref: '#/components/securitySchemes/basic' },
        }, [{ missing: [] }, 'not an object']),
      ),
    ).toBeUndefined();
    expect(authHeadersFromSpec({})).toBeUndefined();
    expect(authHeadersFromSpec({ components: { securitySchemes: [] }, security: {} })).toBeUndefined();
  });

  it('says which schemes it skipped and that the Bearer default may never reach the API', () => {
    const { headers, warnings } = authFromSpec(
      schemes({
        basic: { type: 'http', scheme: 'basic' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'session' },
        query: { type: 'apiKey', in: 'query', name: 'key&x' },
        spaced: { type: 'apiKey', in: 'header', name: 'X API Key' },
      }),
    );
    expect(headers).toBeUndefined();
    expect(warnings).toEqual([
      'security scheme "basic" is not offered as an authHeader form: HTTP "basic" authentication takes more than an API key.',
      'security scheme "cookie" is not offered as an authHeader form: its key goes in the cookie, not a header or the query.',
      'security scheme "query" is not offered as an authHeader form: "key&x" is not a query parameter name the client can send.',
      'security scheme "spaced" is not offered as an authHeader form: "X API Key" is not a valid header name.',
      'no security scheme can carry the key in a header or the query, so the client sends `authorization: Bearer <key>`; set auth.headers in the config if the API expects something else.',
    ]);
    expect(authFromSpec({}).warnings).toEqual([]);
  });

  it('a key in the query string is a form of its own (?api_key=)', () => {
    expect(authHeadersFromSpec(schemes({ q: { type: 'apiKey', in: 'query', name: 'api_key' }, h: { type: 'apiKey', in: 'header', name: 'X-Key' } }, [{ q: [] }]))).toEqual({
      q: { query: 'api_key' },
      h: { header: 'x-key', prefix: '' },
    });
  });

  it('reads scheme names that are also Object.prototype members as plain names', () => {
    expect(authHeadersFromSpec(schemes({ toString: { type: 'apiKey', in: 'header', name: 'X-Key' } }, [{ constructor: [] }]))).toEqual({
      toString: { header: 'x-key', prefix: '' },
    });
  });
});

describe('auth forms in a generated client', () => {
  const spec = {
    openapi: '3.0.3',
    info: { title: 'Key Header API', version: '1.0.0' },
    servers: [{ url: 'https://api.example.test' }],
    components: { securitySchemes: { ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } },
    security: [{ ApiKeyAuth: [] }],
    paths: {
      '/things': { get: { operationId: 'listThings', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } } },
    },
  };

  it('sends the key the way the spec says when the config names no header form', async () => {
    const files = await generateFiles(spec);
    const settings = files.get('src/settings.ts') ?? '';
    expect(settings).toContain("default: 'ApiKeyAuth'");
    expect(settings).toContain("ApiKeyAuth: { header: 'x-api-key', prefix: '' }");
    expect(settings).not.toContain('Bearer');
  });

  it('warns about schemes it could not use, unless the config names its own forms', async () => {
    const cookieKey = { ...spec, components: { securitySchemes: { CookieKey: { type: 'apiKey', in: 'cookie', name: 'key' } } }, security: [{ CookieKey: [] }] };
    expect((await generateResult(cookieKey)).warnings.join('\n')).toContain('security scheme "CookieKey" is not offered');
    expect((await generateResult(cookieKey, { auth: { headers: { key: { header: 'x-key' } } } })).warnings).toEqual([]);
  });

  it('a query key becomes a query form, and the README says where the key goes', async () => {
    const queryKey = { ...spec, components: { securitySchemes: { QueryKey: { type: 'apiKey', in: 'query', name: 'api_key' } } }, security: [{ QueryKey: [] }] };
    const files = await generateFiles(queryKey);
    expect(files.get('src/settings.ts')).toContain("QueryKey: { query: 'api_key' }");
    const readme = files.get('README.md') ?? '';
    expect(readme).toContain("(default `'QueryKey'`, which sends `?api_key=<key>`)");
    expect(readme).toContain('A key sent in the query string is part of the URL');
  });

  it('operations without security beside ones that need the key: "key optional" in the table, sent if held', async () => {
    const ok = { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } };
    const mixed = {
      ...spec,
      security: undefined,
      paths: {
        '/things': { get: { operationId: 'listThings', security: [{ ApiKeyAuth: [] }], ...ok } },
        '/status': { get: { operationId: 'getStatus', ...ok } },
        '/ping': { get: { operationId: 'ping', security: [], ...ok } },
      },
    };
    const readme = (await generateFiles(mixed)).get('README.md') ?? '';
    expect(readme).toMatch(/\| `client\.status\.get\(\)` .*\| key optional\s+\|/);
    expect(readme).toMatch(/\| `client\.ping\.get\(\)` .*\| no auth\s+\|/);
    expect(readme).toContain('For `client.status.get()` the key is optional in the spec; the client sends it.');
  });

  it('config query forms: accepted, and checked', () => {
    const config = (form: unknown) => resolveConfig({ data: { auth: { headers: { q: form } } }, file: 'c.yaml' }, { title: 'T' });
    expect(config({ query: 'api_key' }).auth.headers).toEqual({ q: { query: 'api_key' } });
    expect(() => config({ query: 'api_key', header: 'x-key' })).toThrow('give either header (and prefix) or query, not both');
    expect(() => config({ query: 'a b' })).toThrow('"a b" is not a query parameter name the client can send');
  });

  it('explains a config default that the derived forms do not have', async () => {
    await expect(generateResult(spec, { auth: { default: 'bearer' } })).rejects.toThrow(
      `default "bearer" is not one of auth.headers (taken from the spec's securitySchemes: ApiKeyAuth; set auth.headers to name your own)`,
    );
  });

  it('refuses a config header form whose header name no request could carry', () => {
    expect(() => resolveConfig({ data: { auth: { headers: { spaced: { header: 'X API Key' } } } }, file: 'codegen.config.yaml' }, { title: 'T' })).toThrow(
      expect.objectContaining({ message: 'Invalid config: "X API Key" is not a valid HTTP header name', pointer: '#/auth/headers/spaced/header' }),
    );
  });

  it('leaves a config that names its header forms as it is', async () => {
    const files = await generateFiles(spec, { auth: { headers: { bearer: { header: 'authorization', prefix: 'Bearer ' } } } });
    expect(files.get('src/settings.ts')).toContain("bearer: { header: 'authorization', prefix: 'Bearer ' }");
  });
});
