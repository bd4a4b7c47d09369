import { createServer, type Server } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiffCommand } from '../../generator/diff/index.js';

/**
 * `diff` loads both specs with the same ref confinement as `generate`: a remote `$ref` is refused
 * (exit 2, no request) unless `--allow-remote-refs` names a prefix it lies under.
 */

let server: Server;
let base: string;
const requests: string[] = [];
/** The shared schema the two specs point at; the new spec adds an enum value to `kind`. */
const SCHEMAS: Record<string, string> = {
  '/shared/pet-old.yaml': 'type: object\nrequired: [kind]\nproperties:\n  kind: { type: string, enum: [cat, dog] }\n',
  '/shared/pet-new.yaml': 'type: object\nrequired: [kind]\nproperties:\n  kind: { type: string, enum: [cat, dog, bird] }\n',
};

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = SCHEMAS[req.url ?? ''];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/yaml' });
    res.end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function specFile(dir: string, name: string, ref: string): Promise<string> {
  const spec = {
    openapi: '3.0.3',
    info: { title: 'Pets', version: name },
    paths: {
      '/pets/{id}': {
        get: {
          operationId: 'getPet',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } } },
        },
      },
    },
  };
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(spec));
  return file;
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runDiffCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('diff --allow-remote-refs', () => {
  it('refuses remote refs by default, without a request, and naming the flag', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diff-remote-'));
    const oldFile = await specFile(dir, 'old', `${base}/shared/pet-old.yaml`);
    const newFile = await specFile(dir, 'new', `${base}/shared/pet-new.yaml`);
    const before = requests.length;
    const refused = await run([oldFile, newFile]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/remote ref.*--allow-remote-refs/);
    expect(requests.length).toBe(before);
  });

  it('loads both specs with refs under an allowed prefix and diffs what the refs name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diff-remote-'));
    const oldFile = await specFile(dir, 'old', `${base}/shared/pet-old.yaml`);
    const newFile = await specFile(dir, 'new', `${base}/shared/pet-new.yaml`);
    const allowed = await run([oldFile, newFile, '--format', 'json', '--allow-remote-refs', 'https://example.test/', '--allow-remote-refs', `${base}/shared/`]);
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    const report = JSON.parse(allowed.stdout) as { changes: { level: string; message: string }[] };
    expect(report.changes.some((c) => c.level === 'warning' && c.message.includes('bird'))).toBe(true);
    expect(requests).toEqual(expect.arrayContaining(['/shared/pet-old.yaml', '/shared/pet-new.yaml']));
  });

  it('documents the flag in its help', async () => {
    expect((await run(['--help'])).stdout).toContain('--allow-remote-refs <url-prefix>');
  });
});
