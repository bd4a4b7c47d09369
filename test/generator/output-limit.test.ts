import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../generator/cli.js';
import { GeneratorError } from '../../generator/errors.js';
import { generate } from '../../generator/pipeline.js';
import { writeAtomically } from '../../generator/write.js';
import { tempDir } from '../helpers/ir.js';
import { generatedFiles, labelOf } from './write-fixture.js';

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Widget API', version: '1.0.0' },
  paths: { '/widgets': { get: { operationId: 'listWidgets', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } } } } } },
};

async function specDir(): Promise<{ root: string; spec: string }> {
  const root = await tempDir('output-limit-');
  const spec = join(root, 'openapi.json');
  await writeFile(spec, JSON.stringify(SPEC));
  return { root, spec };
}

afterEach(() => vi.restoreAllMocks());

describe('write: the output size limit', () => {
  it('refuses files whose total exceeds the limit and writes nothing', async () => {
    const root = await tempDir('output-limit-');
    const out = join(root, 'generated');
    await writeAtomically(out, generatedFiles('v1'));
    const big = generatedFiles('v2');
    big.set('src/huge.ts', 'x'.repeat(5000));
    const error = await writeAtomically(out, big, { maxBytes: 4096 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as Error).message).toMatch(/exceeds the 4096-byte limit.*--max-output-bytes/);
    expect(await labelOf(out)).toBe('v1');
    expect(await readdir(join(out, 'src'))).not.toContain('huge.ts');
    expect(await readdir(root)).toEqual(['generated']);
  });

  it('generate stops before writing anything when the package would exceed --max-output-bytes', async () => {
    const { root, spec } = await specDir();
    const out = join(root, 'client');
    await expect(generate({ spec, out, format: false, maxOutputBytes: 1000 })).rejects.toThrow(/generated output .*exceeds the 1000-byte limit/);
    expect(await readdir(root)).toEqual(['openapi.json']);
    // The default limit lets an ordinary package through.
    await generate({ spec, out, format: false });
    expect(await readFile(join(out, 'codegen.lock.json'), 'utf8')).toContain('"title": "Widget API"');
  }, 120_000);

  it('the CLI takes --max-output-bytes and rejects a value that is not a positive whole number', async () => {
    const { root, spec } = await specDir();
    const out = join(root, 'client');
    await mkdir(out);
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(['generate', '--spec', spec, '--out', out, '--max-output-bytes', '1000'])).toBe(2);
    expect(stderr).toMatch(/exceeds the 1000-byte limit/);
    expect(await readdir(out)).toEqual([]);
    stderr = '';
    expect(await main(['generate', '--spec', spec, '--out', out, '--max-output-bytes', '12MB'])).toBe(2);
    expect(stderr).toMatch(/--max-output-bytes must be a positive whole number of bytes/);
  }, 120_000);
});
