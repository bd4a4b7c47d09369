import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareForTypes } from '../../generator/ir/types-document.js';
import { generate } from '../../generator/pipeline.js';
import { typeCheck } from '../corpus/corpus.js';
import { specWith, tempDir } from '../helpers/ir.js';

/**
 * `$ref`s to a schema nested inside another component (Codat's `#/components/schemas/X/definitions/Y`,
 * `#/components/parameters/P/schema`): openapi-typescript prints them as indexed types that do not
 * compile, so they are hoisted into components/schemas first.
 */
describe('refs to schemas nested in components', () => {
  const spec = specWith(
    {
      '/boxes/{id}': {
        get: {
          operationId: 'getBox',
          parameters: [{ $ref: '#/components/parameters/BoxId' }, { name: 'like', in: 'query', schema: { $ref: '#/components/parameters/BoxId/schema' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Box' } } } } },
        },
      },
    },
    {
      components: {
        parameters: { BoxId: { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^b_' } } },
        schemas: {
          Box: {
            type: 'object',
            definitions: { Line: { type: 'object', properties: { text: { type: 'string' }, next: { $ref: '#/components/schemas/Box/definitions/Line' } } } },
            properties: { lines: { type: 'array', items: { $ref: '#/components/schemas/Box/definitions/Line' } }, size: { type: 'integer' } },
          },
          Wrapper: { type: 'object', properties: { size: { $ref: '#/components/schemas/Box/properties/size' } } },
        },
      },
    },
  );

  it('hoists them (a copy, recursion kept) and leaves the input untouched', () => {
    const before = JSON.stringify(spec);
    const prepared = prepareForTypes(spec) as { components: { schemas: Record<string, unknown> } };
    expect(JSON.stringify(spec)).toBe(before);
    expect(Object.keys(prepared.components.schemas)).toEqual(['Box', 'Wrapper', 'BoxIdSchema', 'BoxDefinitionsLine', 'BoxPropertiesSize']);
    expect(prepared.components.schemas.BoxDefinitionsLine).toMatchObject({ properties: { next: { $ref: '#/components/schemas/BoxDefinitionsLine' } } });
  });

  it('generates a client that type-checks', async () => {
    const dir = await tempDir('nested-refs-');
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(spec));
    await generate({ spec: file, out: join(dir, 'client'), format: false });
    expect(await readFile(join(dir, 'client', 'src', 'types.ts'), 'utf8')).toContain('BoxDefinitionsLine');
    expect(typeCheck([join(dir, 'client')])).toEqual([]);
  });
});
