import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../generator/emit/types.js';

/**
 * When a schema's name clashes with a name types.ts already uses (`Record` here), emitTypes runs
 * openapi-typescript a second time. Its discriminator scan writes each mapped schema's tag enum
 * into the document it is given; the second run must not write it again (a doubled `allOf`
 * member, printed as a second `& { kind: "cat" }`).
 */
const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Clash', version: '1' },
  paths: {},
  components: {
    schemas: {
      Record: { type: 'object', properties: { id: { type: 'string' } } },
      Empty: { type: 'object' },
      Pet: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string' } },
        discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } },
      },
      Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: { purrs: { type: 'boolean' } } }] },
    },
  },
};

describe('a second openapi-typescript run after a name clash', () => {
  it('writes each discriminator enum once', async () => {
    const names = new Map(Object.keys(SPEC.components.schemas).map((name) => [name, name]));
    const emitted = await emitTypes(structuredClone(SPEC) as unknown as Record<string, unknown>, names);
    expect(emitted.named.has('Record')).toBe(false); // the clash made it run twice
    expect(emitted.named.has('Cat')).toBe(true);
    expect(emitted.text.match(/discriminator enum property added by openapi-typescript/g)?.length).toBe(1);
  });
});
