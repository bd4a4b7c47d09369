import { describe, expect, it } from 'vitest';
import { queryStyleConst } from '../../generator/emit/operation.js';
import { Printer } from '../../generator/emit/project.js';
import { emitResource } from '../../generator/emit/resource.js';
import { requestOf } from '../../generator/ir/request.js';
import { irOf, specWith } from '../helpers/ir.js';

/**
 * A query parameter's OpenAPI style is written once per resource module as a constant and
 * referred to by name, not spelled out on every parameter of every operation. What reaches the
 * runtime is the same object (test/mcp/request-parity.test.ts sends these requests).
 */
const query = (name: string, extra: Record<string, unknown> = {}) => ({ name, in: 'query', schema: { type: 'array', items: { type: 'string' } }, ...extra });
const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } };
const SPEC = specWith({
  '/v1/a': { get: { operationId: 'listA', tags: ['things'], parameters: [query('ids', { explode: false }), query('tags', { explode: false }), query('kinds', { style: 'pipeDelimited', explode: false }), query('plain')], responses: ok } },
  '/v1/b': { get: { operationId: 'listB', tags: ['things'], parameters: [query('ids', { explode: false }), query('filter', { style: 'deepObject', explode: true })], responses: ok } },
});

describe('query styles are module constants', () => {
  it('one declaration per distinct style, each parameter naming the one that equals its style', async () => {
    const ir = await irOf(SPEC);
    const all = new Set<string>();
    for (const resource of ir.resources) {
      const text = emitResource(resource, new Printer(), 'test');
      expect(text).not.toMatch(/\{ ?style: /);
      const declared = new Map([...text.matchAll(/^const (\w+\$) = (.+) as const;$/gm)].map((m) => [m[1]!, m[2]!]));
      const used = new Set<string>();
      for (const op of resource.operations) {
        for (const [key, style] of Object.entries(requestOf(op).queryStyles ?? {})) {
          const name = queryStyleConst(style)!;
          used.add(name);
          expect(text).toContain(`${key}: ${name}`);
          expect(JSON.parse(declared.get(name)!), name).toEqual(style);
        }
      }
      expect([...declared.keys()].sort()).toEqual([...used].sort());
      used.forEach((n) => all.add(n));
    }
    expect(all.size).toBe(3);
  });

  it('a style that is not one of OpenAPI\'s query styles stays written in place, so no two spellings share a constant', () => {
    expect(queryStyleConst({ style: 'x-custom', explode: false })).toBeUndefined();
    // `Form` would be `form$`, and `formExplode` the name of `{ style: 'form', explode: true }`.
    expect(queryStyleConst({ style: 'Form' })).toBeUndefined();
    expect(queryStyleConst({ style: 'formExplode' })).toBeUndefined();
    expect(queryStyleConst({ style: 'form', explode: true })).toBe('formExplode$');
    expect(queryStyleConst({ style: 'pipeDelimited', explode: false })).toBe('pipeDelimitedNoExplode$');
    expect(queryStyleConst({ explode: false })).toBe('noExplode$');
    expect(queryStyleConst({ style: 'form' })).toBe('form$');
  });
});
