import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { typeCheck } from '../corpus/corpus.js';
import { specWith, tempDir } from '../helpers/ir.js';

/**
 * `required` beside `allOf: [$ref → a nullable schema]` (Plaid's errors): openapi-typescript prints
 * `WithRequired<Base | null, K>`, whose `K extends keyof T` is `never`; the generated types must
 * still compile, with the keys required and null still allowed.
 */
describe('required keys over a nullable allOf base', () => {
  it('type-checks, and the keys are required on the object', async () => {
    const dir = await tempDir('nullable-allof-');
    const file = join(dir, 'openapi.json');
    const spec = specWith(
      { '/errors/{id}': { get: { operationId: 'getError', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Cause' } } } } } } } },
      {
        openapi: '3.0.3',
        components: {
          schemas: {
            Base: { type: 'object', nullable: true, properties: { code: { type: 'string' }, note: { type: 'string' } } },
            Cause: { required: ['code'], allOf: [{ $ref: '#/components/schemas/Base' }] },
          },
        },
      },
    );
    await writeFile(file, JSON.stringify(spec));
    const out = join(dir, 'client');
    await generate({ spec: file, out, format: false });
    expect(await readFile(join(out, 'src', 'types.ts'), 'utf8')).toContain('type WithRequired<T, K extends keyof NonNullable<T>>');
    await writeFile(
      join(out, 'src', 'uses.ts'),
      [
        "import type { components } from './types.js';",
        "export const ok: components['schemas']['Cause'] = { code: 'E1' };",
        'export const empty: components[\'schemas\'][\'Cause\'] = null;',
        "// @ts-expect-error code is required",
        "export const missing: components['schemas']['Cause'] = { note: 'n' };",
        "export * from './index.js';",
        '',
      ].join('\n'),
    );
    const index = join(out, 'src', 'index.ts');
    await writeFile(index, `${await readFile(index, 'utf8')}export * from './uses.js';\n`);
    expect(typeCheck([out])).toEqual([]);
  });
});
