import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { specWith, tempDir } from '../helpers/ir.js';

/**
 * A spec that declares no security anywhere (many public APIs, and many specs that simply leave
 * it out): the generated client must be usable without a key, and send one only if given.
 */
describe('a spec without security: the key is optional', () => {
  const ok = { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } };
  let out: string;
  let server: Server;
  let baseUrl: string;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    const dir = await tempDir('optional-key-');
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(specWith({ '/things': { get: { operationId: 'listThings', tags: ['things'], ...ok } } })));
    out = join(dir, 'client');
    await generate({ spec: file, out, format: false });
    server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('settings mark the key optional; no operation withholds it', async () => {
    expect(await readFile(join(out, 'src', 'settings.ts'), 'utf8')).toMatch(/"?optional"?: ?true/);
    expect(await readFile(join(out, 'src', 'resources', 'things.ts'), 'utf8')).not.toContain('auth: false');
  });

  it('the README says so', async () => {
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme).toContain('No operation of this API requires a key, so the client can be built without one; it then sends no credentials.');
    expect(readme).toContain('// optional key from');
    expect(readme).not.toContain('A missing key throws');
  });

  it('the generated client runs without a key, and sends one when given', async () => {
    const { Test } = (await import(pathToFileURL(join(out, 'src', 'index.ts')).href)) as {
      Test: new (options: Record<string, unknown>) => { things: { list(): Promise<unknown> } };
    };
    await expect(new Test({ baseUrl }).things.list()).resolves.toEqual({ ok: true });
    await new Test({ baseUrl, apiKey: 'k_0123456789' }).things.list();
    expect(seen.map((h) => h.authorization ?? null)).toEqual([null, 'Bearer k_0123456789']);
  });
});
