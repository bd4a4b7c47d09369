import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.js';
import { loadSpec } from '../../generator/load/index.js';
import { irOf, specWith, tempDir } from '../helpers/ir.js';

async function loadText(text: string, name = 'spec.json') {
  const dir = await tempDir();
  const file = join(dir, name);
  await writeFile(file, text);
  return loadSpec(file);
}

async function failure(text: string, name?: string): Promise<GeneratorError> {
  const error = await loadText(text, name).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

const valid = specWith({ '/a': { get: { operationId: 'a', responses: { '200': { description: 'ok' } } } } });

describe('load: bad input is one GeneratorError naming where', () => {
  it.each([
    ['truncated JSON', '{"openapi": "3.1.0", "info": {', '#', /not valid JSON.*line 1/],
    ['invalid YAML', 'openapi: 3.1.0\ninfo: [unclosed\n', '#', /not valid YAML/],
    ['empty file', '   \n', '#', /empty/],
    ['a JSON array', '[1,2]', '#', /object at the top level/],
    ['Swagger 2', JSON.stringify({ swagger: '2.0', info: { title: 'x', version: '1' }, paths: {} }), '#/swagger', /Swagger 2\.0/],
    ['missing openapi', JSON.stringify({ info: { title: 'x', version: '1' }, paths: {} }), '#/openapi', /Missing `openapi`/],
    ['OpenAPI 4', JSON.stringify({ ...valid, openapi: '4.0.0' }), '#/openapi', /Unsupported OpenAPI version/],
    ['missing paths', JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '1' } }), '#/paths', /no `paths`/],
  ])('%s', async (_label, text, pointer, message) => {
    const error = await failure(text);
    expect(error.pointer).toBe(pointer);
    expect(error.message).toMatch(message);
  });

  it('names the pointer of a dangling $ref', async () => {
    const spec = specWith({
      '/a': { get: { operationId: 'a', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } } } },
    });
    const error = await failure(JSON.stringify(spec));
    expect(error.pointer).toBe('#/paths/~1a/get/responses/200/content/application~1json/schema');
    expect(error.message).toMatch(/resolve|Missing/i);
  });

  it('names the pointer of a structurally wrong value', async () => {
    const spec = specWith({ '/a': { get: { operationId: 'a', responses: 'nope' } } });
    const error = await failure(JSON.stringify(spec));
    expect(error.pointer).toBe('#/paths/~1a/get/responses');
  });

  it('rejects duplicate operationIds', async () => {
    const spec = specWith({
      '/a': { get: { operationId: 'same', responses: { '200': { description: 'ok' } } } },
      '/b': { get: { operationId: 'same', responses: { '200': { description: 'ok' } } } },
    });
    await expect(irOf(spec)).rejects.toMatchObject({ name: 'GeneratorError', pointer: '#/paths/~1b/get/operationId' });
  });

  it('reports a missing file clearly', async () => {
    await expect(loadSpec('/nonexistent/openapi.json')).rejects.toThrow(/file not found/);
  });
});

describe('load: accepted input', () => {
  it('reads YAML as well as JSON', async () => {
    const yaml = 'openapi: 3.1.0\ninfo:\n  title: Y\n  version: "1"\npaths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        "200":\n          description: ok\n';
    const loaded = await loadText(yaml, 'spec.yaml');
    expect(loaded.openapiVersion).toBe('3.1');
    expect(Object.keys(loaded.document.paths as object)).toEqual(['/a']);
  });

  it('bundles $refs across local files (3.0, YAML, recursive schema) into components', async () => {
    const loaded = await loadSpec(join(import.meta.dirname, '..', 'fixtures', 'multi-file', 'openapi.yaml'));
    expect(loaded.openapiVersion).toBe('3.0');
    expect(JSON.stringify(loaded.document)).not.toMatch(/\.yaml/);
    const schemas = (loaded.document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas).sort()).toEqual(['pet', 'pet-page']);
  });

  it('detects pagination through bundled multi-file refs', async () => {
    const loaded = await loadSpec(join(import.meta.dirname, '..', 'fixtures', 'multi-file', 'openapi.yaml'));
    const ir = await irOf(loaded.document);
    expect(ir.operations.map((o) => [o.operationId, o.paging !== undefined])).toEqual([
      ['listPets', true],
      ['getPet', false],
    ]);
  });
});
