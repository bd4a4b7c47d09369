import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitPieces } from '../../generator/format/chunks.js';
import { PRETTIER } from '../../generator/format/index.js';
import { TYPESCRIPT_PARSER } from '../../generator/format/parsers.js';
import { generate } from '../../generator/pipeline.js';
import { specWith, tempDir } from '../helpers/ir.js';

/**
 * Every generated file is formatted, whatever its size: a made-up spec with one resource of many
 * operations (its module well over 64 KB) and long, quoted, nested schemas (a `types.ts` formatted
 * in pieces). Every emitted .ts file must be exactly what prettier prints for it. The copied
 * runtime is formatted at its source (templates-format.test.ts), so it is left out here.
 */
const OPERATIONS = 60;

function largeSpec(): Record<string, unknown> {
  const description = (i: number): string =>
    `Filters item ${i} by a "quoted" value; the server compares it case-insensitively and ignores it when empty. It's long enough to pass the print width.`;
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < OPERATIONS; i += 1) {
    paths[`/widgets/${i}/{id}`] = {
      get: {
        operationId: `getWidget${i}`,
        tags: ['widgets'],
        summary: `Get widget ${i}`,
        description: `${description(i)}\n\nSecond paragraph with \`code\` and a [link](https://example.test/${i}).`,
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: description(i) },
          ...['colour', 'shape', 'size'].map((name) => ({ name: `${name}_${i}`, in: 'query', schema: { type: 'string', enum: [`a "${name}"`, 'b', 'c'] }, description: description(i) })),
        ],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/Widget${i}` } } } },
          '404': { description: 'missing', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    };
  }
  const schemas: Record<string, unknown> = {
    Error: { type: 'object', properties: { code: { type: 'integer' }, message: { type: 'string' } } },
  };
  for (let i = 0; i < OPERATIONS; i += 1) {
    schemas[`Widget${i}`] = {
      type: 'object',
      description: description(i),
      required: ['id'],
      properties: {
        id: { type: 'string', description: description(i) },
        status: { type: 'string', enum: ['active', 'archived', 'deleted', 'pending_review', 'pending_approval', 'scheduled_for_deletion', "it's quoted"] },
        nested: { type: 'object', properties: { depth: { type: 'object', properties: { value: { oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'array', items: { type: 'string' } }] } } } } },
      },
    };
  }
  return specWith(paths, { components: { schemas } });
}

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !join(e.parentPath, e.name).includes(`${join('src', 'runtime')}`))
    .map((e) => join(e.parentPath, e.name));
}

describe('formatting large generated files', () => {
  let out: string;
  const saved = process.env.NOTAI_CODEGEN_CACHE_DIR;

  beforeAll(async () => {
    const dir = await tempDir('format-large-');
    // An empty format cache: every file goes through prettier (and the pieces) in this run.
    process.env.NOTAI_CODEGEN_CACHE_DIR = join(dir, 'cache');
    const spec = join(dir, 'openapi.json');
    await writeFile(spec, JSON.stringify(largeSpec()));
    out = join(dir, 'client');
    await generate({ spec, out });
  }, 120_000);

  afterAll(() => {
    if (saved === undefined) delete process.env.NOTAI_CODEGEN_CACHE_DIR;
    else process.env.NOTAI_CODEGEN_CACHE_DIR = saved;
  });

  it('writes a resource module over 64 KB and a types.ts that splits into pieces', async () => {
    const resource = await readFile(join(out, 'src', 'resources', 'widgets.ts'), 'utf8');
    expect(resource.length).toBeGreaterThan(64 * 1024);
    expect(splitPieces(resource)?.length).toBeGreaterThan(1);
    expect(splitPieces(await readFile(join(out, 'src', 'types.ts'), 'utf8'))?.length).toBeGreaterThan(1);
  });

  it('every .ts file is exactly what prettier prints for it', async () => {
    const files = await tsFiles(out);
    expect(files.length).toBeGreaterThan(5);
    const unformatted: string[] = [];
    for (const file of files) {
      if (!(await prettier.check(await readFile(file, 'utf8'), { ...PRETTIER, parser: TYPESCRIPT_PARSER }))) unformatted.push(file.slice(out.length + 1));
    }
    expect(unformatted).toEqual([]);
  });
});
