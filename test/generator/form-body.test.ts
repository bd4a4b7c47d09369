import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { typeCheck } from '../corpus/corpus.js';
import { specWith, tempDir } from '../helpers/ir.js';

/** `application/x-www-form-urlencoded` bodies are typed objects the client encodes (Petstore's updatePetWithForm). */
describe('form request bodies', () => {
  const spec = specWith({
    '/pets/{id}': {
      post: {
        operationId: 'updatePetWithForm',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        requestBody: {
          content: {
            'application/x-www-form-urlencoded': {
              schema: { type: 'object', properties: { name: { type: 'string' }, status: { type: 'string' } }, required: ['name'] },
            },
          },
        },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  });
  let out: string;
  let server: Server;
  let baseUrl: string;
  const seen: { type: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    const dir = await tempDir('form-');
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(spec));
    out = join(dir, 'client');
    await generate({ spec: file, out });
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ type: req.headers['content-type'], body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('the body is typed from the schema, not BodyInit, and the package type-checks', async () => {
    const source = await readFile(join(out, 'src', 'resources', 'pets.ts'), 'utf8');
    expect(source).toContain("bodyType: 'form'");
    expect(source).not.toMatch(/UpdatePetWithFormBody = BodyInit/);
    expect(typeCheck([out])).toEqual([]);
  });

  it('an object of fields goes out form-encoded', async () => {
    type Client = { pets: { create(id: number, body: Record<string, unknown>): Promise<unknown> } };
    const { Test } = (await import(pathToFileURL(join(out, 'src', 'index.ts')).href)) as { Test: new (o: object) => Client };
    const client = new Test({ baseUrl });
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(client.pets)).filter((m) => m !== 'constructor');
    const call = (client.pets as unknown as Record<string, (id: number, body: object) => Promise<unknown>>)[methods[0]!]!;
    await call.call(client.pets, 7, { name: 'Rex', status: 'sold' });
    expect(seen).toEqual([{ type: 'application/x-www-form-urlencoded', body: 'name=Rex&status=sold' }]);
  });
});
