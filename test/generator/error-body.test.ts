import { describe, expect, it } from 'vitest';
import { irOf, json, specWith } from '../helpers/ir.js';

const ok = { '200': json({ type: 'object' }) };
const str = { type: 'string' };
/** One GET per error schema given, each answering 400 with it. */
const specWithErrors = (...schemas: unknown[]) =>
  specWith(Object.fromEntries(schemas.map((schema, i) => [`/r${i}`, { get: { operationId: `r${i}`, responses: { ...ok, '400': json(schema) } } }])));

describe("the error body's layout, from the spec's error schemas", () => {
  it('a nested envelope, through $refs: {error:{code,message,details}}', async () => {
    const spec = specWith(
      { '/a': { get: { operationId: 'a', responses: { ...ok, '401': { $ref: '#/components/responses/Unauthorized' } } } } },
      {
        components: {
          responses: { Unauthorized: json({ $ref: '#/components/schemas/Envelope' }) },
          schemas: {
            Envelope: { type: 'object', properties: { error: { $ref: '#/components/schemas/Body' } } },
            Body: { type: 'object', properties: { code: str, message: str, details: { type: 'object', additionalProperties: true } } },
          },
        },
      },
    );
    expect((await irOf(spec)).errorBody).toEqual({ code: ['error', 'code'], message: ['error', 'message'], details: ['error', 'details'] });
  });

  it('flat bodies, problem details and allOf', async () => {
    expect((await irOf(specWithErrors({ type: 'object', properties: { message: str, documentation_url: str } }))).errorBody).toEqual({ message: ['message'] });
    expect((await irOf(specWithErrors({ type: 'object', properties: { type: str, title: str, status: { type: 'integer' }, detail: str } }))).errorBody).toEqual({
      message: ['detail'],
    });
    const composed = { allOf: [{ type: 'object', properties: { code: str } }, { type: 'object', properties: { message: str } }] };
    expect((await irOf(specWithErrors(composed))).errorBody).toEqual({ code: ['code'], message: ['message'] });
  });

  it('nullable strings written as unions, and envelopes written as oneOf', async () => {
    const nullableMessage = { type: 'object', properties: { fault: { type: 'object', properties: { code: str, message: { anyOf: [str, { type: 'null' }] } } } } };
    expect((await irOf(specWithErrors(nullableMessage))).errorBody).toEqual({ code: ['fault', 'code'], message: ['fault', 'message'] });
    const variants = { oneOf: [{ type: 'object', properties: { message: str } }, { type: 'object', properties: { message: str, code: str } }] };
    expect((await irOf(specWithErrors(variants))).errorBody).toEqual({ code: ['code'], message: ['message'] });
  });

  it('the layout most error responses share wins', async () => {
    const flat = { type: 'object', properties: { message: str } };
    const nested = { type: 'object', properties: { error: { type: 'object', properties: { message: str } } } };
    expect((await irOf(specWithErrors(nested, flat, flat))).errorBody).toEqual({ message: ['message'] });
  });

  it('nothing when error schemas name no message or code (or there are none)', async () => {
    expect((await irOf(specWithErrors({ type: 'object', properties: { status: { type: 'integer' } } }))).errorBody).toBeUndefined();
    expect((await irOf(specWith({ '/a': { get: { operationId: 'a', responses: ok } } }))).errorBody).toBeUndefined();
    // A code that is a number is not an error code in the client's sense (`error.code` is a string).
    expect((await irOf(specWithErrors({ type: 'object', properties: { code: { type: 'integer' } } }))).errorBody).toBeUndefined();
  });
});
