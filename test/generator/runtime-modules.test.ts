/**
 * What a generated client's bundle carries: the optional runtime modules (form encoding,
 * idempotency-key generation, cross-origin download redirects, reading file answers as bytes,
 * header parameters, query styles) only when the API has operations that use them, and then
 * wired so those operations still work. Checked by bundling the generated package with esbuild
 * and reading which modules and functions end up in it; no byte counts, which depend on the
 * esbuild version (the bench prints those).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { json, specWith, tempDir } from '../helpers/ir.js';
import { GENERATED_DIR, pinnedIR } from '../helpers/pinned.js';

const KEY = 'k_0123456789';

const plain = specWith({
  '/v1/things': { get: { operationId: 'listThings', responses: { '200': json({ type: 'array', items: { type: 'string' } }) } } },
});
const withAll = specWith({
  '/v1/things': {
    post: {
      operationId: 'createThing',
      parameters: [
        { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } },
        { name: 'X-Tags', in: 'header', schema: { type: 'array', items: { type: 'string' } } },
        { name: 'ids', in: 'query', style: 'pipeDelimited', explode: false, schema: { type: 'array', items: { type: 'string' } } },
      ],
      requestBody: {
        required: true,
        content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } } } },
      },
      responses: { '201': json({ type: 'object', properties: { id: { type: 'string' } } }) },
    },
  },
  '/v1/things/{id}/file': {
    get: {
      operationId: 'downloadThing',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'the file', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } },
    },
  },
});

/** The bundle of a package entry (a file, or `stdin` code): which runtime files it holds and its (unminified) text. */
async function bundleOf(entry: string, stdin?: string): Promise<{ modules: string[]; text: string }> {
  const input = stdin === undefined ? { entryPoints: [entry] } : { stdin: { contents: stdin, resolveDir: entry, loader: 'ts' as const } };
  const result = await build({ ...input, bundle: true, write: false, format: 'esm', platform: 'neutral', metafile: true, logLevel: 'silent' });
  const output = Object.values(result.metafile.outputs)[0]!;
  const modules = Object.keys(output.inputs)
    .filter((path) => output.inputs[path]!.bytesInOutput > 0)
    .map((path) => path.replace(/^.*\/src\/runtime\//, 'runtime/'))
    .filter((path) => path.startsWith('runtime/'));
  return { modules, text: result.outputFiles[0]!.text };
}

const OPTIONAL = ['runtime/form.ts', 'runtime/download-redirect.ts', 'runtime/query-styles.ts'];
const carried = ({ modules, text }: { modules: string[]; text: string }): string[] => [
  ...OPTIONAL.filter((m) => modules.includes(m)),
  ...(/function withIdempotencyKey\b/.test(text) ? ['withIdempotencyKey'] : []),
  ...(/function readBytes\b/.test(text) ? ['readBytes'] : []),
  ...(/function serializeHeaderParams\b/.test(text) ? ['serializeHeaderParams'] : []),
];

const dirs = new Map<string, string>();

beforeAll(async () => {
  for (const [name, spec] of Object.entries({ plain, withAll })) {
    const dir = await tempDir(`runtime-modules-${name}-`);
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
    await generate({ spec: join(dir, 'openapi.json'), out: join(dir, 'client'), format: false });
    dirs.set(name, join(dir, 'client'));
  }
}, 120_000);

describe('optional runtime modules', () => {
  it('are left out of the bundle of a client whose API does not use them', async () => {
    expect(carried(await bundleOf(join(dirs.get('plain')!, 'src', 'index.ts')))).toEqual([]);
  });

  it('are in the bundle of a client whose API uses them', async () => {
    expect(carried(await bundleOf(join(dirs.get('withAll')!, 'src', 'index.ts')))).toEqual([...OPTIONAL, 'withIdempotencyKey', 'readBytes', 'serializeHeaderParams']);
  });

  it('are left out of the Not AI client as far as its spec allows', async () => {
    // What the pinned spec uses, read from its IR (so a spec release that adds a file answer or a
    // styled parameter changes the expectation, not the test).
    const ops = (await pinnedIR()).operations;
    const expected = [
      ...(ops.some((op) => op.requestBody?.mediaType === 'application/x-www-form-urlencoded') ? ['runtime/form.ts'] : []),
      // A file or text answer: a success that is not JSON.
      ...(ops.some((op) => op.success?.mediaType !== undefined && !op.success.isJson) ? ['runtime/download-redirect.ts'] : []),
      // A query parameter that declares its serialisation.
      ...(ops.some((op) => op.namedParams.some((p) => p.in === 'query' && (p.style !== undefined || p.explode !== undefined))) ? ['runtime/query-styles.ts'] : []),
      ...(ops.some((op) => op.idempotency.kind === 'key') ? ['withIdempotencyKey'] : []),
      // A file answer, read as bytes.
      ...(ops.some((op) => op.success?.isBinary === true) ? ['readBytes'] : []),
      ...(ops.some((op) => op.namedParams.some((p) => p.in === 'header')) ? ['serializeHeaderParams'] : []),
    ];
    expect(carried(await bundleOf(join(GENERATED_DIR, 'src', 'index.ts')))).toEqual(expected);
  });

  it('still encode a form body with an idempotency key, header and styled query parameters, and follow a download off the API host without the key', async () => {
    const seen: { url: string; headers: Record<string, string>; body: string | null }[] = [];
    const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const headers = Object.fromEntries(new Headers(init?.headers).entries());
      seen.push({ url: String(url), headers, body: typeof init?.body === 'string' ? init.body : null });
      if (new URL(String(url)).pathname === '/v1/things') return Response.json({ id: 't1' }, { status: 201 });
      if (String(url).startsWith('https://api.example.test/')) return new Response(null, { status: 302, headers: { location: 'https://cdn.example.test/t1.pdf' } });
      return new Response(new Uint8Array([37, 80, 68, 70]), { headers: { 'content-type': 'application/pdf' } });
    };
    const mod = (await import(pathToFileURL(join(dirs.get('withAll')!, 'src', 'index.ts')).href)) as Record<string, unknown>;
    const Client = mod.Test as new (options: object) => object;
    const client = new Client({ apiKey: KEY, fetch, maxRetries: 0 });
    const createThing = mod.createThing as (c: object, body: object, params?: object) => Promise<unknown>;
    const downloadThing = mod.downloadThing as (c: object, id: string) => Promise<Blob>;
    expect(await createThing(client, { name: 'a b', tags: ['x', 'y'] }, { 'X-Tags': ['p', 'q'], ids: ['a', 'b'] })).toEqual({ id: 't1' });
    expect(seen[0]!.body).toBe('name=a+b&tags=x&tags=y');
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[0]!.headers['idempotency-key']).toMatch(/-retry-[0-9a-f-]{36}$/);
    expect(seen[0]!.headers['x-tags']).toBe('p,q');
    const file = await downloadThing(client, 't1');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(seen.map((s) => s.url)).toEqual(['https://api.example.test/v1/things?ids=a%7Cb', 'https://api.example.test/v1/things/t1/file', 'https://cdn.example.test/t1.pdf']);
    expect(seen[1]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[2]!.headers.authorization).toBeUndefined();
  });
});

describe('the client without resources (`<Client>Base`)', () => {
  it('lets one call bundle no resource class, and sends it like the full client', async () => {
    const src = join(dirs.get('plain')!, 'src');
    const { text } = await bundleOf(src, `export { TestBase, listThings } from './index.js';`);
    expect(text).toMatch(/\bfunction listThings\b/);
    expect(text).not.toMatch(/\bThings = class\b/);
    const full = await bundleOf(src, `export { Test, listThings } from './index.js';`);
    expect(full.text).toMatch(/\bThings = class\b/);

    const mod = (await import(pathToFileURL(join(src, 'index.ts')).href)) as Record<string, unknown>;
    const Base = mod.TestBase as new (options: object) => object;
    const listThings = mod.listThings as (c: object) => Promise<unknown>;
    const seen: Record<string, string>[] = [];
    const fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      seen.push(Object.fromEntries(new Headers(init?.headers).entries()));
      return Response.json(['a']);
    };
    expect(await listThings(new Base({ apiKey: KEY, fetch }))).toEqual(['a']);
    expect(seen[0]!.authorization).toBe(`Bearer ${KEY}`);
  });
});
