import { describe, expect, it } from 'vitest';
import { cursorPage, irOf, json, specWith } from '../helpers/ir.js';

const thing = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
const wrapped = (schema: unknown) => ({ type: 'object', required: ['data'], properties: { data: schema } });
const cursor = { name: 'cursor', in: 'query', schema: { type: 'string' } };
const get = (operationId: string, schema: unknown, parameters: unknown[] = []) => ({ get: { operationId, parameters, responses: { '200': json(schema) } } });

/** operationId → the envelope the IR found for it (null: the body is returned whole). */
async function envelopes(paths: Record<string, unknown>, config: unknown = {}, components: Record<string, unknown> = {}) {
  const ir = await irOf(specWith(paths, { components: { schemas: components } }), config);
  return Object.fromEntries(ir.operations.map((o) => [o.operationId, o.success?.envelope ?? null]));
}

describe('IR: single-object envelopes', () => {
  it('detects { data: X } shared by most single-object responses; a bare object and a page stay whole', async () => {
    expect(
      await envelopes({
        '/things/{id}': get('getThing', wrapped({ $ref: '#/components/schemas/Thing' }), [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]),
        '/stats': get('getStats', wrapped(thing)),
        '/health': get('health', thing),
        '/things': get('listThings', cursorPage(thing), [cursor]),
      }, {}, { Thing: thing }),
    ).toEqual({ getThing: 'data', getStats: 'data', health: null, listThings: null });
  });

  it.each([
    ['one wrapped response is a coincidence, not a convention', { '/a': get('a', wrapped(thing)), '/b': get('b', thing) }],
    ['half is not most', { '/a': get('a', wrapped(thing)), '/b': get('b', wrapped(thing)), '/c': get('c', thing), '/d': get('d', thing) }],
    ['a scalar inside is a field, not a model', { '/a': get('a', wrapped({ type: 'integer' })), '/b': get('b', wrapped({ type: 'string' })) }],
    ['the property must be required', { '/a': get('a', { type: 'object', properties: { data: thing } }), '/b': get('b', { type: 'object', properties: { data: thing } }) }],
    ['a second property means it is not a pure wrapper', { '/a': get('a', { ...wrapped(thing), properties: { data: thing, meta: thing } }), '/b': get('b', { ...wrapped(thing), properties: { data: thing, meta: thing } }) }],
  ])('no envelope when %s', async (_why, paths) => {
    expect(Object.values(await envelopes(paths)).every((e) => e === null)).toBe(true);
  });

  it('the config names one (other fields allowed) or turns detection off', async () => {
    const withMeta = { type: 'object', required: ['result', 'meta'], properties: { result: thing, meta: thing } };
    expect(await envelopes({ '/a': get('a', withMeta), '/b': get('b', thing) }, { envelope: 'result' })).toEqual({ a: 'result', b: null });
    expect(await envelopes({ '/a': get('a', wrapped(thing)), '/b': get('b', wrapped(thing)) }, { envelope: false })).toEqual({ a: null, b: null });
  });

  it('names the model the call resolves to when it is a component schema', async () => {
    const ir = await irOf(
      specWith({ '/a': get('a', wrapped({ $ref: '#/components/schemas/Thing' })), '/b': get('b', wrapped({ $ref: '#/components/schemas/Thing' })), '/c': get('c', { $ref: '#/components/schemas/Thing' }) }, { components: { schemas: { Thing: thing } } }),
      { envelope: false },
    );
    expect(ir.operations.map((o) => [o.operationId, o.success?.model ?? null])).toEqual([['a', null], ['b', null], ['c', 'Thing']]);
  });
});
