import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { typeCheck } from '../corpus/corpus.js';
import { specWith, tempDir } from '../helpers/ir.js';

const BYTES = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28]);

/** File downloads: bodies that are bytes must reach the caller as bytes, typed as Blob. */
describe('binary success bodies', () => {
  const content = (type: string, schema: unknown) => ({ responses: { '200': { description: 'ok', content: { [type]: { schema } } } } });
  const spec = specWith({
    '/files/{id}/content': {
      get: {
        operationId: 'downloadFile',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        ...content('application/octet-stream', { type: 'string', format: 'binary' }),
      },
    },
    '/report': { get: { operationId: 'getReport', ...content('application/pdf', { type: 'string' }) } },
    '/export': { get: { operationId: 'getExport', ...content('text/csv', { type: 'string', format: 'binary' }) } },
    '/note': { get: { operationId: 'getNote', ...content('text/plain', { type: 'string' }) } },
    // springdoc's default: the media type says nothing, the schema says bytes.
    '/attachment': { get: { operationId: 'getAttachment', ...content('*/*', { type: 'string', format: 'binary' }) } },
    // GitHub's tarballs and logs: no 2xx at all, a 302 to storage. A POST's 303 is not a file.
    '/archive': { get: { operationId: 'getArchive', responses: { '302': { description: 'Redirect to the archive' }, '404': { description: 'none' } } } },
    '/jobs': { post: { operationId: 'createJob', responses: { '303': { description: 'See the job' } } } },
  });
  const accepts: (string | undefined)[] = [];
  let out: string;
  let result: GenerateResult;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    const dir = await tempDir('binary-');
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(spec));
    out = join(dir, 'client');
    result = await generate({ spec: file, out });
    server = createServer((req, res) => {
      accepts.push(req.headers.accept);
      if (req.url === '/note') res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('héllo');
      else if (req.url === '/archive') res.writeHead(302, { location: '/report' }).end();
      else res.writeHead(200, { 'content-type': 'application/pdf' }).end(BYTES);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('binary media types and format: binary schemas are binary; text stays text', () => {
    const binary = Object.fromEntries(result.ir.operations.map((o) => [o.operationId, o.success?.isBinary === true]));
    expect(binary).toEqual({ downloadFile: true, getReport: true, getExport: true, getNote: false, getAttachment: true, getArchive: true, createJob: false });
    expect(result.ir.operations.find((o) => o.operationId === 'getAttachment')?.success?.isJson).toBe(false);
  });

  it('the generated functions resolve to Blob (or string for text), and the package type-checks', async () => {
    const files = await readFile(join(out, 'src', 'resources', 'files.ts'), 'utf8');
    expect(files).toContain("responseType: 'blob'");
    expect(files).toMatch(/export type DownloadFileResponse = Blob;/);
    expect(await readFile(join(out, 'src', 'resources', 'note.ts'), 'utf8')).toMatch(/export type GetNoteResponse = string;/);
    expect(typeCheck([out])).toEqual([]);
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme).toMatch(/`client\.files\.content\(\)`, `client\.report\.get\(\)`, `client\.export_\.get\(\)`, `client\.attachment\.get\(\)` and `client\.archive\.get\(\)` answer with a file: the data is a `Blob`/);
    expect(readme).toContain('The spec gives `client.archive.get()` no success response, only a redirect: the client follows it and the data is the file at its target.');
  });

  it('a download arrives byte for byte', async () => {
    type Client = { files: { content(id: string): Promise<Blob> }; note: { get(): Promise<string> }; archive: { get(): Promise<Blob> } };
    const { Test } = (await import(pathToFileURL(join(out, 'src', 'index.ts')).href)) as { Test: new (o: object) => Client };
    const client = new Test({ baseUrl });
    const blob = await client.files.content('f1');
    expect(blob.type).toBe('application/pdf');
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(BYTES);
    await expect(client.note.get()).resolves.toBe('héllo');
    // Each asks for its own media type, not the client's default application/json.
    expect(accepts).toEqual(['application/octet-stream', 'text/plain']);
    // A redirect-only download is followed, and its target's bytes are the data.
    const archive = await client.archive.get();
    expect(Buffer.from(await archive.arrayBuffer())).toEqual(BYTES);
  });
});
