import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveErrorBody } from '../../generator/ir/error-body.js';
import { type JsonObject } from '../../generator/schema/json.js';
import { RefResolver } from '../../generator/schema/resolve.js';
import type { ErrorBodyIR } from '../../generator/ir/types.js';
import { irOf, json, specWith } from '../helpers/ir.js';
import { FROZEN_SPEC_FILE, ROOT } from '../helpers/pinned.js';

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
    // Problem details: the problem type (a URI) is what callers branch on, `detail` the message.
    expect((await irOf(specWithErrors({ type: 'object', properties: { type: str, title: str, status: { type: 'integer' }, detail: str } }))).errorBody).toEqual({
      code: ['type'],
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
  });
});

describe('error codes: string or number, under any of the usual names', () => {
  const int = { type: 'integer', format: 'int32' };

  it('a numeric code is a code (Petstore-expanded: {code: integer, message})', async () => {
    expect((await irOf(specWithErrors({ type: 'object', properties: { code: int } }))).errorBody).toEqual({ code: ['code'] });
    expect((await irOf(specWithErrors({ type: 'object', properties: { error: { type: 'object', properties: { code: int, message: str } } } }))).errorBody).toEqual({
      code: ['error', 'code'],
      message: ['error', 'message'],
    });
  });

  it('error_code and errorCode; a string code before a numeric one', async () => {
    expect((await irOf(specWithErrors({ type: 'object', properties: { error_code: str, message: str } }))).errorBody).toEqual({ code: ['error_code'], message: ['message'] });
    expect((await irOf(specWithErrors({ type: 'object', properties: { errorCode: int, msg: str } }))).errorBody).toEqual({ code: ['errorCode'], message: ['msg'] });
    expect((await irOf(specWithErrors({ type: 'object', properties: { code: int, errorCode: str, message: str } }))).errorBody).toEqual({ code: ['errorCode'], message: ['message'] });
  });

  it('never status, a list item\'s code, or a type that is not a problem type', async () => {
    expect((await irOf(specWithErrors({ type: 'object', properties: { status: str, message: str } }))).errorBody).toEqual({ message: ['message'] });
    const listed = { type: 'object', properties: { message: str, errors: { type: 'array', items: { type: 'object', properties: { code: str } } } } };
    expect((await irOf(specWithErrors(listed))).errorBody).toEqual({ message: ['message'] });
    // Petstore's ApiResponse: `type` beside `code` and `message` is a category, and `code` wins anyway.
    expect((await irOf(specWithErrors({ type: 'object', properties: { type: str, message: str } }))).errorBody).toEqual({ message: ['message'] });
    expect((await irOf(specWithErrors({ type: 'object', properties: { code: int, type: str, message: str } }))).errorBody).toEqual({ code: ['code'], message: ['message'] });
  });

  it('the config\'s errors.codeField overrides the schemas', async () => {
    const spec = specWithErrors({ type: 'object', properties: { code: int, reason: str, message: str } });
    expect((await irOf(spec, { errors: { codeField: 'reason' } })).errorBody).toEqual({ code: ['reason'], message: ['message'] });
    expect((await irOf(specWithErrors({ type: 'object', properties: { status: str } }), { errors: { codeField: 'fault.kind' } })).errorBody).toEqual({ code: ['fault', 'kind'] });
    await expect(irOf(spec, { errors: { codeField: 'a..b' } })).rejects.toThrow(/codeField/);
  });
});

describe('error layouts of real specs', () => {
  const layoutOfFile = (file: string): ErrorBodyIR | undefined => {
    const document = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
    return deriveErrorBody(document, new RefResolver(document, file));
  };

  it.each([
    // No error schema at all: the runtime reads common places (and takes a numeric `code`).
    ['Petstore', 'node_modules/@readme/oas-examples/3.0/json/petstore.json', undefined],
    ['Petstore (expanded)', 'node_modules/@readme/oas-examples/3.0/json/petstore-expanded.json', { code: ['code'], message: ['message'] }],
    // `{message, documentation_url}`; the 422's `errors[].code` are per item, not the error's.
    ['GitHub', 'node_modules/@octokit/openapi/generated/api.github.com.json', { message: ['message'] }],
    ['problem+json', 'test/fixtures/error-bodies/problem-json.json', { code: ['type'], message: ['detail'] }],
    ['Not AI (frozen)', FROZEN_SPEC_FILE, { code: ['error', 'code'], message: ['error', 'message'], details: ['error', 'details'] }],
  ])('%s', (_name, file, expected) => {
    expect(layoutOfFile(resolve(ROOT, file))).toEqual(expected);
  });
});
