import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../generator/emit/types.js';
import { json, specWith } from '../helpers/ir.js';

/** types.ts is shaped on openapi-typescript's syntax tree (emit/types-shape.ts), never on its printed text. */
describe('types.ts shaping', () => {
  const base = { type: 'object', nullable: true, properties: { id: { type: 'string' }, note: { type: 'string' } } };
  const spec = specWith(
    { '/things': { get: { operationId: 'listThings', responses: { '200': json({ allOf: [{ $ref: '#/components/schemas/Base' }], required: ['id'] }) } } } },
    { openapi: '3.0.3', components: { schemas: { Base: base } } },
  );

  it('documents the three root interfaces users index into', async () => {
    const { text } = await emitTypes(spec);
    for (const root of ['paths', 'components', 'operations']) expect(text).toMatch(new RegExp(`/\\*\\* [^\\n]+ \\*/\\nexport interface ${root} \\{`));
  });

  it('declares WithRequired so that a nullable base keeps null and gains the required keys', async () => {
    const { text } = await emitTypes(spec);
    expect(text).toContain('type WithRequired<T, K extends keyof NonNullable<T>> = (NonNullable<T> & {');
    expect(text).toContain('}) | Extract<T, null>;');
    expect(text).not.toContain('K extends keyof T>');
  });
});
