import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { escapePointerSegment, GeneratorError } from '../../generator/errors.js';
import { MAX_DEPTH } from '../../generator/load/depth.js';
import { loadSpec } from '../../generator/load/index.js';
import { generate } from '../../generator/pipeline.js';
import { specWith, tempDir } from '../helpers/ir.js';

/**
 * A document nested thousands deep used to overflow the stack in recursive code (the loader's
 * ref check, Redocly, openapi-typescript, the YAML composer) and surface as "unexpected error (a
 * bug…)". The load stage now measures the depth iteratively and refuses a document past
 * MAX_DEPTH, naming the first container past it; a document at the limit still generates.
 */

// Built as text: JSON.stringify itself recurses, so 10,000 levels cannot go through it.
const LEAF = '{"type":"object","properties":{"leaf":{"type":"array","items":{"type":"string"}}}}';
/** `levels` nested schemas under `properties/a`, ending in an array property `leaf`. */
const nestedSchema = (levels: number): string => `${'{"type":"object","properties":{"a":'.repeat(levels)}${LEAF}${'}}'.repeat(levels)}`;
/** `levels` nested plain objects `{ a: { a: … } }`. */
const nestedObject = (levels: number): string => `${'{"a":'.repeat(levels)}{"end":true}${'}'.repeat(levels)}`;
/** The spec as JSON text, with `deep` (JSON text) in place of the string "DEEP". */
const withDeep = (spec: Record<string, unknown>, deep: string): string => JSON.stringify(spec).replace('"DEEP"', () => deep);

const op = { get: { operationId: 'deep', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Deep' } } } } } } };

/** The pointer of the first container deeper than MAX_DEPTH along `segments` (the nesting's path). */
const firstPastLimit = (segments: string[]): string => `#/${segments.slice(0, MAX_DEPTH + 1).map(escapePointerSegment).join('/')}`;
const schemaPath = (levels: number): string[] => ['components', 'schemas', 'Deep', ...Array.from({ length: levels }, () => ['properties', 'a']).flat()];

async function write(name: string, text: string): Promise<string> {
  const file = join(await tempDir('deep-'), name);
  await writeFile(file, text);
  return file;
}

async function refusal(file: string): Promise<GeneratorError> {
  const error = await loadSpec(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

describe('deep nesting: refused at load, naming the first node past the limit', () => {
  it('a schema whose properties nest 10,000 deep', async () => {
    const file = await write('openapi.json', withDeep(specWith({ '/d': op }, { components: { schemas: { Deep: 'DEEP' } } }), nestedSchema(10_000)));
    const error = await refusal(file);
    expect(error.pointer).toBe(firstPastLimit(schemaPath(10_000)));
    expect(error.message).toContain(`more than ${MAX_DEPTH} levels deep`);
  });

  it.each([
    ['an x- extension', specWith({ '/d': { get: { operationId: 'd', 'x-deep': 'DEEP', responses: { '200': { description: 'ok' } } } } }), ['paths', '/d', 'get', 'x-deep']],
    ['an example', specWith({ '/d': op }, { components: { schemas: { Deep: { type: 'object', example: 'DEEP' } } } }), ['components', 'schemas', 'Deep', 'example']],
  ])('a plain object nested 10,000 deep under %s', async (_label, spec, prefix) => {
    const file = await write('openapi.json', withDeep(spec, nestedObject(10_000)));
    const error = await refusal(file);
    expect(error.pointer).toBe(firstPastLimit([...prefix, ...Array.from({ length: 10_000 }, () => 'a')]));
  });

  // Block style indents every level, so 10,000 levels would be 50 MB of spaces; 3,000 already
  // overflowed the YAML composer.
  it.each([
    ['block style', 3_000, (n: number) => `openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-deep:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`],
    ['flow style', 10_000, (n: number) => `openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-deep: ${'{"a": '.repeat(n)}1${'}'.repeat(n)}\n`],
  ])('YAML in %s nested %i deep (the YAML parser itself recurses)', async (_label, levels, yaml) => {
    const error = await refusal(await write('openapi.yaml', yaml(levels)));
    expect(error.pointer).toBe(firstPastLimit(['x-deep', ...Array.from({ length: levels }, () => 'a')]));
    expect(error.message).toContain(`more than ${MAX_DEPTH} levels deep`);
  });

  it('the CLI exits 2 with that one error, not "unexpected error (a bug…)"', async () => {
    const file = await write('openapi.json', withDeep(specWith({ '/d': op }, { components: { schemas: { Deep: 'DEEP' } } }), nestedSchema(10_000)));
    let stderr = '';
    const code = await main(['generate', '--spec', file, '--out', join(await tempDir('deep-out-'), 'client')], { stdout: () => undefined, stderr: (text) => void (stderr += text) });
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/unexpected error/);
    expect(stderr).toContain(`levels deep, deeper than the generator supports (at ${file}${firstPastLimit(schemaPath(10_000))})`);
  });
});

describe('deep nesting: a spec at the limit still generates completely', () => {
  // The deepest container sits exactly at MAX_DEPTH: Deep is at depth 3, each level adds 2,
  // and the leaf's `items` schema three more (properties, leaf, items).
  const levels = (MAX_DEPTH - 3 - 3) / 2;

  it.each([
    ['an unclosed quote in a flow key', 'openapi: 3.1.0\ninfo: {"title: x}\npaths: {}\n'],
    ['a block scalar indicator in a flow key', 'openapi: 3.1.0\ninfo: {|x: 1}\npaths: {}\n'],
  ])('YAML with %s is the parser\'s one error, not a crash of the depth check', async (_label, text) => {
    const error = await refusal(await write('bad.yaml', text));
    expect(error.message).toMatch(/not valid YAML/);
  });

  it('the nesting used here reaches the limit exactly', () => {
    expect(Number.isInteger(levels)).toBe(true);
    expect(3 + 2 * levels + 3).toBe(MAX_DEPTH);
  });

  it('JSON: every level reaches types.ts, with an example nested as deep', async () => {
    const deep = JSON.parse(nestedSchema(levels)) as Record<string, unknown>;
    // Deep/example is at depth 4: the example's innermost object lands on the limit too.
    const spec = specWith({ '/d': op }, { components: { schemas: { Deep: { ...deep, example: JSON.parse(nestedObject(MAX_DEPTH - 4)) as unknown } } } });
    const dir = await tempDir('deep-gen-');
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(spec));
    const result = await generate({ spec: file, out: join(dir, 'client') });
    expect(result.ir.operations.map((o) => o.operationId)).toEqual(['deep']);
    const types = await readFile(join(dir, 'client', 'src', 'types.ts'), 'utf8');
    expect(types.match(/\ba\?: \{/g)?.length).toBe(levels);
    expect(types).toContain('leaf?: string[]');
  }, 240_000);

  it('YAML at the limit parses and generates too', async () => {
    const spec = specWith({ '/d': op }, { components: { schemas: { Deep: JSON.parse(nestedSchema(levels)) as unknown } } });
    // JSON is YAML; written without a leading brace so the YAML parser reads it.
    const dir = await tempDir('deep-gen-');
    const file = join(dir, 'openapi.yaml');
    await writeFile(file, `openapi: 3.1.0\n${Object.entries(spec).filter(([k]) => k !== 'openapi').map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n`);
    const result = await generate({ spec: file, out: join(dir, 'client'), format: false });
    expect(result.files.get('src/types.ts')?.match(/\ba\?: \{/g)?.length).toBe(levels);
    expect(result.files.get('src/types.ts')).toContain('leaf?: string[]');
  }, 240_000);
});
