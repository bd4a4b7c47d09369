import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authHeadersFromSpec } from '../../generator/auth-from-spec.js';
import { generate } from '../../generator/pipeline.js';
import { tempDir } from '../helpers/ir.js';

/** The files a generation prints for `spec` (and a config), without writing them. */
async function generateFiles(spec: unknown, config?: unknown): Promise<Map<string, string>> {
  const dir = await tempDir('auth-');
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
  if (config !== undefined) await writeFile(join(dir, 'codegen.config.yaml'), JSON.stringify(config)); // JSON is YAML
  const result = await generate({ spec: join(dir, 'openapi.json'), out: join(dir, 'client'), check: true, ...(config !== undefined ? { config: join(dir, 'codegen.config.yaml') } : {}) });
  return result.files;
}

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

  it('skips what cannot carry a key in a header, and gives up when nothing is left', () => {
    expect(
      authHeadersFromSpec(
        schemes({
          basic: { type: 'http', scheme: 'basic' },
          query: { type: 'apiKey', in: 'query', name: 'key' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'session' },
          nameless: { type: 'apiKey', in: 'header' },
          ref: { $ref: '#/components/securitySchemes/basic' },
        }, [{ missing: [] }, 'not an object']),
      ),
    ).toBeUndefined();
    expect(authHeadersFromSpec({})).toBeUndefined();
    expect(authHeadersFromSpec({ components: { securitySchemes: [] }, security: {} })).toBeUndefined();
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

  it('leaves a config that names its header forms as it is', async () => {
    const files = await generateFiles(spec, { auth: { headers: { bearer: { header: 'authorization', prefix: 'Bearer ' } } } });
    expect(files.get('src/settings.ts')).toContain("bearer: { header: 'authorization', prefix: 'Bearer ' }");
  });
});
