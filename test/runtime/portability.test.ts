/**
 * Static guards on templates/runtime: the generator copies these files verbatim into packages
 * that must run in browsers and workers, with zero dependencies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../templates/runtime');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.ts'))
  .sort();
const source = (name: string): string => readFileSync(join(dir, name), 'utf8');
/** Source without comments, so prose may mention `process.env`. */
const code = (name: string): string =>
  source(name)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('runtime sources', () => {
  it('the contract files exist', () => {
    for (const name of ['settings.ts', 'options.ts', 'core.ts', 'paths.ts', 'query.ts', 'errors.ts', 'api-promise.ts', 'pagination.ts', 'retry.ts', 'transport.ts', 'logger.ts']) {
      expect(files).toContain(name);
    }
  });

  it.each(files)('%s imports only sibling files, with .js extensions', (name) => {
    const specifiers = [...source(name).matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2]);
    for (const specifier of specifiers) expect(specifier).toMatch(/^\.\/[a-z-]+\.js$/);
  });

  it.each(files)('%s uses no Node-only globals and no escape hatches', (name) => {
    const text = code(name);
    expect(text).not.toMatch(/\bprocess\./); // only via globalThis in env.ts
    expect(text).not.toMatch(/\brequire\(|\bBuffer\b|__dirname/);
    expect(text).not.toMatch(/@ts-ignore|@ts-expect-error|@ts-nocheck/);
    expect(text).not.toMatch(/:\s*any\b|<any>|as any\b/);
  });

  it.each(files)('%s stays small (< 250 lines)', (name) => {
    expect(source(name).split('\n').length).toBeLessThan(250);
  });

  it('the bundled runtime loads and runs in a bare browser-like realm (no process, require, Buffer)', async () => {
    const bundle = await build({
      entryPoints: [join(dir, 'index.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'runtime',
      platform: 'neutral',
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]?.text ?? '';
    const sent: { url: string; headers: Record<string, string> }[] = [];
    const fakeFetch = async (url: string, init: { headers: Record<string, string> }): Promise<Response> => {
      sent.push({ url, headers: init.headers });
      return new Response('{"ok":true}', { status: 200 });
    };
    // Web-platform globals only, plus `document` so the runtime sees a browser page.
    const realm = createContext({
      URL, URLSearchParams, Headers, Response, AbortController, AbortSignal, TextEncoder, TextDecoder, console,
      setTimeout, clearTimeout, fetch: fakeFetch, document: {},
    });
    runInContext(`${code}\nglobalThis.runtime = runtime;`, realm);
    expect(runInContext('typeof process + typeof require + typeof Buffer', realm)).toBe('undefinedundefinedundefined');
    const result: unknown = await runInContext(
      `new runtime.ApiClient({ apiKey: 'tk_${'a'.repeat(18)}' }, {
        packageName: 'p', packageVersion: '1', clientName: 'C', servers: { us: 'https://h.test' }, defaultServer: 'us',
        apiKey: { envVars: ['SOME_KEY'], pattern: '^tk_' },
        auth: { headers: { bearer: { header: 'authorization', prefix: 'Bearer ' } }, default: 'bearer' },
        responseHeaders: {}, logEnvVar: 'SOME_LOG',
      }).request({ method: 'GET', path: '/v1/x', operationId: 'x' })`,
      realm,
    );
    expect(result).toEqual({ ok: true });
    expect(sent[0]?.url).toBe('https://h.test/v1/x');
    expect(sent[0]?.headers['user-agent']).toBeUndefined(); // browsers forbid it
    expect(sent[0]?.headers['authorization']).toBe(`Bearer tk_${'a'.repeat(18)}`);
  });
});
