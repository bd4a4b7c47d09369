import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSchema } from './schema-check.js';
import type { SchemaDocument } from './schema-check.js';
import { DEFAULT_SPEC_PATH } from './server.js';
import { FIXTURES } from './fixtures.js';

const doc: SchemaDocument = {
  components: {
    schemas: {
      Item: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string' },
          count: { type: 'integer', format: 'int32' },
          big: { type: 'integer', format: 'int64' },
          at: { type: 'string', format: 'date-time' },
          note: { type: ['string', 'null'] },
          legacy: { type: 'string', nullable: true },
          kind: { type: 'string', enum: ['a', 'b'] },
          tags: { type: 'array', items: { type: 'string' } },
          map: { type: 'object', additionalProperties: { type: 'integer', format: 'int64' } },
          free: { type: 'object', additionalProperties: true },
          ratio: { type: 'number', format: 'double' },
        },
      },
    },
  },
};
const item = { $ref: '#/components/schemas/Item' };

describe('schema-check', () => {
  it('accepts a conforming value', () => {
    const value = {
      id: 'x', count: 5, big: 2 ** 40, at: '2026-06-22T12:00:00.0000000+00:00', note: null, legacy: null, kind: 'a',
      tags: ['t'], map: { a: 1 }, free: { anything: [1] }, ratio: 1,
    };
    expect(checkSchema(value, item, doc, { strictProperties: true })).toEqual([]);
  });

  it.each([
    ['missing required', {}, 'missing required property "id"'],
    ['wrong type', { id: 1 }, '/id: expected string'],
    ['null not allowed', { id: null }, '/id: expected string'],
    ['int32 overflow', { id: 'x', count: 2 ** 31 }, 'not an int32'],
    ['integer expected', { id: 'x', count: 1.5 }, '/count: expected integer'],
    ['int64 unsafe', { id: 'x', big: 2 ** 60 }, 'not an int64'],
    ['bad date-time', { id: 'x', at: '2026-06-22 12:00' }, 'not an RFC 3339 date-time'],
    ['enum', { id: 'x', kind: 'c' }, 'not in enum'],
    ['items', { id: 'x', tags: [1] }, '/tags/0: expected string'],
    ['additionalProperties schema', { id: 'x', map: { a: 'one' } }, '/map/a: expected integer'],
    ['undeclared property (strict)', { id: 'x', extra: true }, 'undeclared property "extra"'],
  ])('reports %s', (_label, value, message) => {
    const errors = checkSchema(value, item, doc, { strictProperties: true });
    expect(errors.join('\n')).toContain(message);
  });

  it('ignores undeclared properties when not strict, and reports unsupported keywords', () => {
    expect(checkSchema({ id: 'x', extra: 1 }, item, doc)).toEqual([]);
    expect(checkSchema('abc', { type: 'string', not: { const: 'b' } }, doc)).toEqual([': unsupported keyword "not"']);
    expect(checkSchema('abc', { type: 'string', format: 'color' }, doc)).toEqual([': unsupported format (format color)']);
    expect(checkSchema('abc', { type: 'string', not: {}, format: 'color' }, doc, { ignoreUnsupported: true })).toEqual([]);
    expect(() => checkSchema({}, { $ref: '#/components/schemas/Nope' }, doc)).toThrow(/dangling/);
  });

  it.each([
    ['pattern', 'aik_v1_x', { type: 'string', pattern: '^aik_v1_[a-z]{2}$' }, 'does not match'],
    ['minLength', 'ab', { type: 'string', minLength: 3 }, 'shorter than minLength'],
    ['maxLength (code points)', 'abcd', { type: 'string', maxLength: 3 }, 'longer than maxLength'],
    ['exclusiveMinimum (3.1)', 0, { type: 'integer', exclusiveMinimum: 0 }, '<= exclusiveMinimum'],
    ['exclusiveMaximum (3.0)', 5, { type: 'integer', maximum: 5, exclusiveMaximum: true }, '> maximum'],
    ['multipleOf', 0.3, { type: 'number', multipleOf: 0.2 }, 'not a multiple of 0.2'],
    ['uniqueItems', [1, 1], { type: 'array', uniqueItems: true }, 'not unique'],
    ['uuid', 'nope', { type: 'string', format: 'uuid' }, 'not a UUID'],
    ['email', 'user@', { type: 'string', format: 'email' }, 'not an email'],
    ['uri', '/relative', { type: 'string', format: 'uri' }, 'not a URI'],
    ['ipv4', '256.0.0.1', { type: 'string', format: 'ipv4' }, 'not an IPv4'],
    ['time', '12:00', { type: 'string', format: 'time' }, 'not a time'],
  ])('reports %s', (_label, value, schema, message) => {
    expect(checkSchema(value, schema, doc).join('\n')).toContain(message);
  });

  it('accepts values within the string, number and format keywords', () => {
    const cases: Array<[unknown, Record<string, unknown>]> = [
      ['aik_v1_ab', { type: 'string', pattern: '^aik_v1_[a-z]{2}$' }],
      ['abc', { type: 'string', minLength: 3, maxLength: 3 }],
      [1, { type: 'integer', exclusiveMinimum: 0, maximum: 5, exclusiveMaximum: true }],
      [0.4, { type: 'number', multipleOf: 0.2 }],
      ['00000000-0000-4000-8000-000000000000', { type: 'string', format: 'uuid' }],
      ['user@example.com', { type: 'string', format: 'email' }],
      ['https://example.com/', { type: 'string', format: 'uri' }],
      ['/relative', { type: 'string', format: 'uri-reference' }],
      ['2001:db8::1', { type: 'string', format: 'ipv6' }],
      ['12:00:00Z', { type: 'string', format: 'time' }],
      ['c3RyaW5n', { type: 'string', format: 'byte' }],
    ];
    for (const [value, schema] of cases) expect(checkSchema(value, schema, doc), JSON.stringify(schema)).toEqual([]);
  });

  it('resolves any local $ref, and in strict mode counts properties declared by allOf members and $ref siblings', () => {
    const composed = {
      components: {
        schemas: {
          Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
          Note: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { text: { type: 'string' } } }] },
          Open: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true },
        },
      },
    };
    const strict = { strictProperties: true };
    const note = { $ref: '#/components/schemas/Note' };
    expect(checkSchema({ id: 'n', text: 't' }, note, composed, strict)).toEqual([]);
    expect(checkSchema({ id: 'n', text: 't', extra: 1 }, note, composed, strict)).toEqual([': undeclared property "extra"']);
    expect(checkSchema({ text: 't' }, note, composed, strict)).toEqual([': missing required property "id"']);
    expect(checkSchema({ nested: { id: 'n', x: 1 } }, { type: 'object', properties: { nested: note } }, composed, strict)).toEqual([
      '/nested: undeclared property "x"',
    ]);
    const withOpen = { allOf: [{ $ref: '#/components/schemas/Base' }, { $ref: '#/components/schemas/Open' }] };
    expect(checkSchema({ id: 'n', anything: 1 }, withOpen, composed, strict)).toEqual([]);
    expect(checkSchema('x', { $ref: '#/components/schemas/Base/properties/id' }, composed)).toEqual([]);
  });

  it.skipIf(!existsSync(DEFAULT_SPEC_PATH))('catches a broken session against the real spec', () => {
    const spec = JSON.parse(readFileSync(DEFAULT_SPEC_PATH, 'utf8')) as SchemaDocument;
    const ref = { $ref: '#/components/schemas/SessionResponse' };
    const session = FIXTURES.sessions[0]?.session;
    expect(checkSchema({ data: session }, ref, spec, { strictProperties: true })).toEqual([]);
    expect(checkSchema({ data: { ...session, botScore: '0.5' } }, ref, spec).length).toBeGreaterThan(0);
    expect(checkSchema({ data: { ...session, secret: 1 } }, ref, spec, { strictProperties: true }).length).toBeGreaterThan(0);
  });
});
