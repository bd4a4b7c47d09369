import { describe, expect, it } from 'vitest';
import { checkSchema } from './schema-check.js';
import { FORMAT_VALUES, fromPattern, synthesize } from './synth.js';

const doc = {
  components: {
    schemas: {
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' }, kind: { type: 'string', enum: ['a', 'b'] } } },
      Extended: {
        allOf: [
          { $ref: '#/components/schemas/Base' },
          { type: 'object', required: ['at'], properties: { at: { type: 'string', format: 'date-time' }, note: { type: ['string', 'null'] } } },
        ],
      },
      Node: {
        type: 'object',
        required: ['name', 'children'],
        properties: {
          name: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
          parent: { anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/Node' }] },
          next: { $ref: '#/components/schemas/Node' },
        },
      },
      Cat: { type: 'object', required: ['pet'], properties: { pet: { type: 'string' }, meows: { type: 'boolean' } } },
      Dog: { type: 'object', required: ['pet', 'barks'], properties: { pet: { type: 'string' }, barks: { type: 'boolean' } } },
    },
  },
};

/** The synthesised value, after asserting it is strictly valid. */
function valid(schema: unknown): unknown {
  const value = synthesize(schema, doc);
  expect(checkSchema(value, schema, doc, { strictProperties: true }), JSON.stringify(value)).toEqual([]);
  return value;
}

describe('synthesize', () => {
  it.each([
    ['string', { type: 'string' }, 'string'],
    ['integer', { type: 'integer', format: 'int32' }, 0],
    ['boolean (false, so no flag pages forever)', { type: 'boolean' }, false],
    ['null', { type: 'null' }, null],
    ['date-time from the fixture clock', { type: 'string', format: 'date-time' }, '2026-06-22T12:00:00.000Z'],
    ['date', { type: 'string', format: 'date' }, '2026-06-22'],
    ['uuid', { type: 'string', format: 'uuid' }, FORMAT_VALUES.uuid],
    ['email', { type: 'string', format: 'email' }, 'user@example.com'],
    ['uri', { type: 'string', format: 'uri' }, 'https://example.com/'],
    ['enum: first non-null value', { type: ['string', 'null'], enum: [null, 'x', 'y'] }, 'x'],
    ['const', { const: 3 }, 3],
    ['3.1 nullable: the non-null type', { type: ['null', 'integer'] }, 0],
    ['3.0 nullable: the non-null type', { type: 'string', nullable: true }, 'string'],
    ['a valid example', { type: 'string', example: 'hello' }, 'hello'],
    ['an invalid example is skipped for the next', { type: 'integer', example: 'one', examples: [7] }, 7],
    ['default', { type: 'integer', minimum: 1, default: 5 }, 5],
    ['minimum', { type: 'integer', minimum: 5 }, 5],
    ['exclusiveMinimum (3.1)', { type: 'integer', exclusiveMinimum: 0 }, 1],
    ['exclusiveMaximum (3.0)', { type: 'number', maximum: 0, exclusiveMaximum: true }, -1],
    ['maximum below zero', { type: 'integer', maximum: -3 }, -3],
    ['multipleOf above a minimum', { type: 'integer', minimum: 10, multipleOf: 7 }, 14],
    ['fractional bounds', { type: 'number', minimum: 0.25, maximum: 0.5 }, 0.25],
    ['minLength pads', { type: 'string', minLength: 10 }, 'stringxxxx'],
    ['maxLength cuts', { type: 'string', maxLength: 3 }, 'str'],
    ['pattern', { type: 'string', pattern: '^aik_v1_[A-Za-z0-9_-]{40}$' }, `aik_v1_${'A'.repeat(40)}`],
    ['pattern with escapes and groups', { type: 'string', pattern: '^[A-Z]{3}-\\d{4}(?:-(x|y))?$' }, 'AAA-0000'],
    ['pattern that "string" already matches', { type: 'string', pattern: '^[a-z]+$' }, 'string'],
    ['pattern with a negated class and minLength', { type: 'string', pattern: '^[^a-z]+$', minLength: 3 }, 'AAA'],
    ['array: one item', { type: 'array', items: { type: 'integer' } }, [0]],
    ['array: minItems', { type: 'array', minItems: 3, items: { type: 'string', enum: ['q'] } }, ['q', 'q', 'q']],
    ['array: maxItems 0', { type: 'array', maxItems: 0, items: { type: 'string' } }, []],
    ['nested arrays', { type: 'array', items: { type: 'array', items: { type: 'string', format: 'date' } } }, [['2026-06-22']]],
    ['map', { type: 'object', additionalProperties: { type: 'integer', format: 'int64' } }, { key: 0 }],
    ['untyped object', { properties: { a: { type: 'string' } } }, { a: 'string' }],
    ['writeOnly properties are left out unless required', { type: 'object', required: ['p'], properties: { p: { type: 'string', writeOnly: true }, q: { type: 'string', writeOnly: true } } }, { p: 'string' }],
  ])('%s', (_label, schema, expected) => {
    expect(valid(schema)).toEqual(expected);
  });

  it('follows $refs and merges allOf members: required and optional properties of all of them', () => {
    expect(valid({ $ref: '#/components/schemas/Extended' })).toEqual({
      id: FORMAT_VALUES.uuid,
      kind: 'a',
      at: '2026-06-22T12:00:00.000Z',
      note: 'string',
    });
  });

  it('takes the first oneOf/anyOf branch that gives a valid value, non-null branches first, discriminator set', () => {
    expect(valid({ anyOf: [{ type: 'null' }, { type: 'integer' }] })).toBe(0);
    const pets = {
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      discriminator: { propertyName: 'pet', mapping: { dog: '#/components/schemas/Dog' } },
    };
    // Cat's value satisfies Cat only (Dog requires barks); its discriminator value is the schema name.
    expect(synthesize(pets, doc)).toEqual({ pet: 'Cat', meows: false });
    // 0 satisfies both integer branches, so oneOf would fail: the string branch is taken.
    const overlapping = { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'integer', maximum: 10 }, { type: 'string' }] };
    expect(valid(overlapping)).toBe('string');
  });

  it('bounds recursion and stays valid', () => {
    const value = valid({ $ref: '#/components/schemas/Node' });
    // Met again inside itself, Node gets its required properties only, with empty arrays.
    expect(value).toEqual({
      name: 'string',
      children: [{ name: 'string', children: [] }],
      parent: { name: 'string', children: [] },
      next: { name: 'string', children: [] },
    });
  });

  it('is deterministic', () => {
    const schema = { $ref: '#/components/schemas/Node' };
    expect(JSON.stringify(synthesize(schema, doc))).toBe(JSON.stringify(synthesize(schema, doc)));
  });

  it('gives up on patterns it cannot read, and falls back to plain candidates', () => {
    expect(fromPattern('^(?=a)b$')).toBeUndefined();
    expect(fromPattern('(a)\\1')).toBeUndefined();
    expect(fromPattern('^a+b*$', 2)).toBe('aaabb');
    expect(fromPattern('^(?<year>\\d{4})-[01]\\d$')).toBe('0000-00');
    expect(valid({ type: 'string', pattern: '^(?=.*\\d)[a-z0-9]+$' })).toBe('0');
  });
});
