import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../generator/emit/types.js';
import { converterCopy } from '../../generator/ir/converter-copy.js';
import { typesInputOf } from '../../generator/ir/types-document.js';
import { loadSpec } from '../../generator/load/index.js';
import { scaled } from '../helpers/slowdown.js';

/**
 * openapi-typescript writes discriminator enums into the schemas it converts. The types emitter
 * hands it `converterCopy(document)`: the printed types must equal what a whole copy gives, and
 * the document the IR holds must come out of the conversion unchanged.
 */

const EXAMPLES = join(import.meta.dirname, '..', '..', 'node_modules', '@readme', 'oas-examples');
const GITHUB = join(import.meta.dirname, '..', '..', 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');

/** Inheritance through allOf chains, mapping values that are refs to refs, and a oneOf of refs. */
const CHAINS = {
  openapi: '3.0.3',
  info: { title: 'Chains', version: '1' },
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string' } },
        discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/CatAlias', dog: '#/components/schemas/Dog' } },
      },
      CatAlias: { $ref: '#/components/schemas/Cat' },
      Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: { purrs: { type: 'boolean' } } }] },
      Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: { barks: { type: 'boolean' } } }] },
      Puppy: { allOf: [{ $ref: '#/components/schemas/Dog' }, { type: 'object', properties: { age: { type: 'integer' } } }] },
      Shape: {
        oneOf: [{ $ref: '#/components/schemas/Square' }, { $ref: '#/components/schemas/Circle' }],
        discriminator: { propertyName: 'shape' },
      },
      Square: { type: 'object', properties: { side: { type: 'number' } } },
      Circle: { type: 'object', properties: { radius: { type: 'number' } } },
    },
  },
};

async function check(document: Record<string, unknown>): Promise<void> {
  const input = typesInputOf(document);
  expect(input.patchedByConverter).toBe(true);
  const before = JSON.stringify(input.document);
  const whole = await emitTypes(structuredClone(input.document));
  expect(JSON.stringify(input.document)).toBe(before); // the whole copy took the writes
  const copied = await emitTypes(converterCopy(input.document));
  expect(copied.text).toBe(whole.text);
  expect(JSON.stringify(input.document)).toBe(before);
}

describe('converterCopy', () => {
  it('takes every write openapi-typescript makes, for allOf chains, ref-to-ref mappings and oneOf members', async () => {
    // Without a copy the conversion writes into the document: the test would see it.
    const exposed = structuredClone(CHAINS) as unknown as Record<string, unknown>;
    const before = JSON.stringify(exposed);
    await emitTypes(exposed);
    expect(JSON.stringify(exposed)).not.toBe(before);
    await check(structuredClone(CHAINS) as unknown as Record<string, unknown>);
  });

  it('shares what openapi-typescript does not write into', () => {
    const document = structuredClone(CHAINS) as unknown as { components: { schemas: Record<string, unknown> }; paths: unknown };
    const copy = converterCopy(document as unknown as Record<string, unknown>) as unknown as typeof document;
    expect(copy.paths).toBe(document.paths);
    expect(copy.components.schemas.Square).not.toBe(document.components.schemas.Square);
    expect(copy.components.schemas.Cat).not.toBe(document.components.schemas.Cat);
    expect(copy.components.schemas.CatAlias).not.toBe(document.components.schemas.CatAlias);
    // Pet carries the discriminator and Puppy inherits it, but no mapping names them: shared.
    expect(copy.components.schemas.Pet).toBe(document.components.schemas.Pet);
    expect(copy.components.schemas.Puppy).toBe(document.components.schemas.Puppy);
  });

  it('copies the whole document when an object is reachable from two places', () => {
    const square = { type: 'object', properties: { side: { type: 'number' } } };
    const document = structuredClone(CHAINS) as unknown as { components: { schemas: Record<string, unknown> }; paths: unknown };
    document.components.schemas.Square = square;
    document.components.schemas.Tile = square; // a YAML anchor and alias parse to this
    const copy = converterCopy(document as unknown as Record<string, unknown>) as unknown as typeof document;
    expect(copy.paths).not.toBe(document.paths);
    expect(copy.components.schemas.Square).toBe(copy.components.schemas.Tile);
  });

  it.each([
    ['polymorphism', join(EXAMPLES, '3.0', 'json', 'polymorphism.json')],
    ['discriminators', join(EXAMPLES, '3.0', 'json', 'discriminators.json')],
    ['GitHub', GITHUB],
  ])('%s: same types as a whole copy, and the document unchanged', async (_name, file) => {
    await check((await loadSpec(file)).document);
  }, scaled(120_000));
});
