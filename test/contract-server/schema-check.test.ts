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
    expect(checkSchema('abc', { type: 'string', pattern: '^a' }, doc)).toEqual([': unsupported keyword "pattern"']);
    expect(() => checkSchema({}, { $ref: '#/components/schemas/Nope' }, doc)).toThrow(/dangling/);
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
