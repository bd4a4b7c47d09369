import { createServer, type Server } from 'node:http';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { fetchCommand } from '../../generator/commands/fetch.js';
import { GeneratorError } from '../../generator/errors.js';
import { loadSpec } from '../../generator/load/index.js';
import { urlUnderPrefix } from '../../generator/load/ref-policy.js';
import { generate } from '../../generator/pipeline.js';
import { specWith, tempDir } from '../helpers/ir.js';

/**
 * `$ref`s resolve only inside the spec's own folder tree (a URL spec: its origin and directory);
 * remote refs elsewhere need --allow-remote-refs, and a refusal names the ref and its pointer
 * before anything it names is read or fetched.
 */

const SECRET = 'TOP-SECRET-7f3a';
const secretSchema = `type: object\ndescription: ${SECRET}\nproperties:\n  id: { type: string }\n`;

/** A 127.0.0.1 server that records every request path and answers from a table. */
interface Host {
  url: string;
  requests: string[];
  routes: Map<string, { status?: number; headers?: Record<string, string>; body?: string }>;
  server: Server;
}

async function host(): Promise<Host> {
  const requests: string[] = [];
  const routes: Host['routes'] = new Map();
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const route = routes.get(req.url ?? '');
    res.writeHead(route?.status ?? (route ? 200 : 404), route?.headers ?? { 'content-type': 'application/yaml' });
    res.end(route?.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, routes, server };
}

/** A spec whose one response schema is `ref`, plus any extra top-level members. */
function specRefering(ref: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return specWith({ '/a': { get: { operationId: 'a', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } } } } } }, extra);
}
const SCHEMA_POINTER = '#/paths/~1a/get/responses/200/content/application~1json/schema';

async function refusal(run: Promise<unknown>): Promise<GeneratorError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

/** <tmp>/secret.yaml outside, <tmp>/api/openapi.json (the spec) and <tmp>/api/schemas/ inside. */
async function layout(spec: Record<string, unknown>): Promise<{ root: string; file: string }> {
  const root = await tempDir('refs-');
  await mkdir(join(root, 'api', 'schemas'), { recursive: true });
  await writeFile(join(root, 'secret.yaml'), secretSchema);
  await writeFile(join(root, 'api', 'schemas', 'pet.yaml'), 'type: object\nproperties:\n  name: { type: string }\n');
  const file = join(root, 'api', 'openapi.json');
  await writeFile(file, JSON.stringify(spec));
  return { root, file };
}

let web: Host;
let other: Host;
beforeAll(async () => {
  [web, other] = await Promise.all([host(), host()]);
});
afterAll(async () => {
  await Promise.all([web, other].map((h) => new Promise((resolve) => h.server.close(resolve))));
});

describe('$refs of a local spec stay in its folder', () => {
  it('still bundles refs into its own subfolders', async () => {
    const { file } = await layout(specRefering('./schemas/pet.yaml'));
    const loaded = await loadSpec(file);
    expect(JSON.stringify(loaded.document)).toContain('"name"');
  });

  it.each([
    ['a relative ref out of the folder', '../secret.yaml'],
    ['an absolute path', '<root>/secret.yaml'],
    ['a ref with a fragment', '../secret.yaml#/properties'],
  ])('refuses %s, naming the ref and its pointer', async (_label, written) => {
    const dir = await tempDir('refs-');
    const ref = written.replace('<root>', dir);
    const { file } = await layout(specRefering(ref));
    const error = await refusal(loadSpec(file));
    expect(error.pointer).toBe(SCHEMA_POINTER);
    expect(error.file).toBe(file);
    expect(error.message).toContain(`$ref "${ref}"`);
    expect(error.message).toMatch(/outside the spec's folder/);
  });

  it('refuses a symlink inside the folder that points out of it (real paths are compared)', async () => {
    const { root, file } = await layout(specRefering('./schemas/link.yaml'));
    await symlink(join(root, 'secret.yaml'), join(root, 'api', 'schemas', 'link.yaml'));
    const error = await refusal(loadSpec(file));
    expect(error.pointer).toBe(SCHEMA_POINTER);
    expect(error.message).toMatch(/really .*secret\.yaml/);
  });

  it('refuses refs Redocly would follow outside schemas: extensions, examples, externalValue, mapping', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [specWith({}, { 'x-data': { nested: { $ref: '../secret.yaml' } } }), '#/x-data/nested'],
      [specWith({}, { components: { examples: { leak: { externalValue: '../secret.yaml' } } } }), '#/components/examples/leak/externalValue'],
      [specWith({}, { components: { schemas: { Pet: { type: 'object', discriminator: { propertyName: 'kind', mapping: { cat: '../secret.yaml' } } } } } }), '#/components/schemas/Pet/discriminator/mapping/cat'],
    ];
    for (const [spec, pointer] of cases) {
      const { file } = await layout(spec);
      const error = await refusal(loadSpec(file));
      expect(error.pointer, pointer).toBe(pointer);
      expect(error.message).toContain('"../secret.yaml"');
    }
  });

  it('refuses a ref out of the folder made by a file inside it, naming that file and pointer', async () => {
    const { root, file } = await layout(specRefering('./schemas/wrapper.yaml'));
    await writeFile(join(root, 'api', 'schemas', 'wrapper.yaml'), 'type: object\nproperties:\n  inner:\n    $ref: ../../secret.yaml\n');
    const error = await refusal(loadSpec(file));
    expect(error.file).toBe(join(root, 'api', 'schemas', 'wrapper.yaml'));
    expect(error.pointer).toBe('#/properties/inner');
    expect(error.message).toContain('"../../secret.yaml"');
  });

  it('keeps the outside file out of the generated client', async () => {
    const { root, file } = await layout(specRefering('../secret.yaml'));
    const out = join(root, 'out');
    await refusal(generate({ spec: file, out, format: false }));
    await expect(readFile(join(out, 'src', 'types.ts'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('remote $refs need --allow-remote-refs', () => {
  it('a local spec fetches nothing by default: the ref is refused before any request', async () => {
    web.routes.set('/schemas/pet.yaml', { body: secretSchema });
    const before = web.requests.length;
    const { file } = await layout(specRefering(`${web.url}/schemas/pet.yaml`));
    const error = await refusal(loadSpec(file));
    expect(error.pointer).toBe(SCHEMA_POINTER);
    expect(error.message).toMatch(/remote ref.*--allow-remote-refs/);
    expect(web.requests.length).toBe(before);
  });

  it('fetches refs under an allowed prefix, and only those', async () => {
    web.routes.set('/schemas/pet.yaml', { body: secretSchema });
    const { file } = await layout(specRefering(`${web.url}/schemas/pet.yaml`));
    const loaded = await loadSpec(file, { allowRemoteRefs: [`${web.url}/schemas`] });
    expect(JSON.stringify(loaded.document)).toContain(SECRET);

    const before = web.requests.length;
    const outside = await layout(specRefering(`${web.url}/schemas-private/pet.yaml`));
    const error = await refusal(loadSpec(outside.file, { allowRemoteRefs: [`${web.url}/schemas`] }));
    expect(error.message).toMatch(/under none of the --allow-remote-refs prefixes/);
    expect(web.requests.length).toBe(before);
  });

  it('does not follow a redirect out of the allowed prefix', async () => {
    web.routes.set('/schemas/moved.yaml', { status: 302, headers: { location: `${other.url}/internal/secret.yaml` } });
    other.routes.set('/internal/secret.yaml', { body: secretSchema });
    const { file } = await layout(specRefering(`${web.url}/schemas/moved.yaml`));
    const error = await refusal(loadSpec(file, { allowRemoteRefs: [`${web.url}/schemas/`] }));
    expect(error.pointer).toBe(SCHEMA_POINTER);
    expect(error.message).toContain(`redirects to ${other.url}/internal/secret.yaml`);
    expect(other.requests).toEqual([]);
  });

  it('compares parsed origins and path segments, not string prefixes', () => {
    const under = (target: string, prefix: string) => urlUnderPrefix(new URL(target), new URL(prefix));
    expect(under('https://a.com/x.yaml', 'https://a.com')).toBe(true);
    expect(under('https://a.com.evil/x.yaml', 'https://a.com')).toBe(false);
    expect(under('https://a.com:8443/x.yaml', 'https://a.com')).toBe(false);
    expect(under('http://a.com/x.yaml', 'https://a.com')).toBe(false);
    expect(under('https://a.com@evil.com/x.yaml', 'https://a.com')).toBe(false);
    expect(under('https://a.com/specs/x.yaml', 'https://a.com/specs')).toBe(true);
    expect(under('https://a.com/specs-old/x.yaml', 'https://a.com/specs')).toBe(false);
    expect(under('https://a.com/specs/../secret.yaml', 'https://a.com/specs/')).toBe(false);
    expect(under('https://A.COM:443/specs/x.yaml', 'https://a.com/specs/')).toBe(true);
  });
});

describe('a URL spec: its folder tree is its origin and directory', () => {
  it('bundles relative refs under its directory, and refuses refs to other hosts or above it without a request', async () => {
    web.routes.set('/api/schemas/pet.yaml', { body: 'type: object\nproperties:\n  name: { type: string }\n' });
    web.routes.set('/api/openapi.json', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(specRefering('./schemas/pet.yaml')) });
    const loaded = await loadSpec(`${web.url}/api/openapi.json`);
    expect(JSON.stringify(loaded.document)).toContain('"name"');

    for (const ref of [`${other.url}/internal/secret.yaml`, '../private/secret.yaml', '/private/secret.yaml']) {
      web.routes.set('/api/openapi.json', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(specRefering(ref)) });
      const before = web.requests.length;
      const error = await refusal(loadSpec(`${web.url}/api/openapi.json`));
      expect(error.pointer, ref).toBe(SCHEMA_POINTER);
      expect(error.message).toContain(`$ref "${ref}"`);
      expect(web.requests.length, ref).toBe(before + 1); // the spec itself, nothing else
    }
    expect(other.requests.filter((r) => r.startsWith('/internal/secret.yaml')).length).toBe(0);
  });
});

describe('the CLI flag', () => {
  const capture = () => {
    const text = { stdout: '', stderr: '' };
    return { text, io: { stdout: (t: string) => void (text.stdout += t), stderr: (t: string) => void (text.stderr += t) } };
  };

  it('generate --allow-remote-refs (repeatable) lets a local spec use remote refs under it', async () => {
    web.routes.set('/shared/pet.yaml', { body: secretSchema });
    const { root, file } = await layout(specRefering(`${web.url}/shared/pet.yaml`));
    const refused = capture();
    expect(await main(['generate', '--spec', file, '--out', join(root, 'out')], refused.io)).toBe(2);
    expect(refused.text.stderr).toContain(`(at ${file}${SCHEMA_POINTER})`);
    const allowed = capture();
    const args = ['generate', '--spec', file, '--out', join(root, 'out'), '--allow-remote-refs', 'https://example.test/', '--allow-remote-refs', `${web.url}/shared/`];
    expect(await main(args, allowed.io), allowed.text.stderr).toBe(0);
    expect(await readFile(join(root, 'out', 'src', 'types.ts'), 'utf8')).toContain(SECRET);
  }, 120_000);

  it('refuses a prefix that is not an http(s) URL, and documents the flag', async () => {
    const { root, file } = await layout(specRefering('./schemas/pet.yaml'));
    const bad = capture();
    expect(await main(['generate', '--spec', file, '--out', join(root, 'out'), '--allow-remote-refs', 'file:///etc'], bad.io)).toBe(2);
    expect(bad.text.stderr).toMatch(/--allow-remote-refs needs an http\(s\) URL prefix/);
    for (const command of ['generate', 'fetch']) {
      const help = capture();
      await main([command, '--help'], help.io);
      expect(help.text.stdout, command).toContain('--allow-remote-refs <url-prefix>');
    }
  });

  it('fetch validates with the same confinement: a ref to another host is refused without a request', async () => {
    web.routes.set('/pub/openapi.json', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(specRefering(`${other.url}/internal/secret.yaml`)) });
    const before = other.requests.length;
    const out = join(await tempDir('refs-fetch-'), 'spec');
    const result = capture();
    expect(await fetchCommand(['--url', `${web.url}/pub/openapi.json`, '--out', out, '--retries', '0'], result.io)).toBe(2);
    expect(result.text.stderr).toContain(`$ref "${other.url}/internal/secret.yaml" refused`);
    expect(other.requests.length).toBe(before);
  });
});
