import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../generator/diff/index.js';
import { BODY, brief, doc, getThings, object, OP, query } from './helpers.js';

type Expected = { level: string; kind: string; operation?: string; pointer: string };
interface Case {
  name: string;
  old: Record<string, unknown>;
  new: Record<string, unknown>;
  expected: Expected[];
  verdict?: 'major' | 'minor' | 'patch';
}

const str = { type: 'string' };
const PARAMS = '#/paths/~1things/get/parameters';
const pageSize = (schema: Record<string, unknown>, more: Record<string, unknown> = {}): unknown[] => [query('pageSize', { type: 'integer', ...schema }, more)];
const statusEnum = (values: string[]): unknown => object({ status: { type: 'string', enum: values } });
const comp = (schemas: Record<string, unknown>): Record<string, unknown> => ({ components: { schemas } });
const ref = (name: string): Record<string, unknown> => ({ $ref: `#/components/schemas/${name}` });

const cases: Case[] = [
  // ── one concept, two spellings: no change ──────────────────────────────────────────────
  {
    name: '3.0 nullable and 3.1 type arrays are the same thing',
    old: doc(
      getThings(
        object({
          a: { type: 'string', nullable: true },
          b: { allOf: [{ $ref: '#/components/schemas/Owner' }], nullable: true },
          c: { type: 'string', enum: ['x', 'y'], nullable: true },
          d: { type: 'integer', maximum: 10, exclusiveMaximum: true },
        }),
      ),
      comp({ Owner: object({ id: str }) }),
      '3.0',
    ),
    new: doc(
      getThings(
        object({
          a: { type: ['string', 'null'] },
          b: { anyOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'null' }] },
          c: { type: ['string', 'null'], enum: ['x', 'y', null] },
          d: { type: 'integer', exclusiveMaximum: 10 },
        }),
      ),
      comp({ Owner: object({ id: str }) }),
    ),
    expected: [],
    verdict: 'patch',
  },
  {
    name: 'an inline schema moved into an existing component is no change',
    old: doc(getThings(object({ owner: object({ id: str, name: str }, ['id']) })), comp({ Owner: object({ id: str, name: str }, ['id']) })),
    new: doc(getThings(object({ owner: { $ref: '#/components/schemas/Owner' } })), comp({ Owner: object({ id: str, name: str }, ['id']) })),
    expected: [],
  },
  {
    name: 'a new component only adds its exported model type',
    old: doc(getThings(object({ owner: object({ id: str }) }))),
    new: doc(getThings(object({ owner: { $ref: '#/components/schemas/Owner' } })), comp({ Owner: object({ id: str }) })),
    expected: [{ level: 'non-breaking', kind: 'component-schema-added', pointer: '#/components/schemas/Owner' }],
    verdict: 'minor',
  },
  {
    name: 'allOf composition flattens to the same object',
    old: doc(getThings(object({ id: str, name: str }, ['id']))),
    new: doc(getThings({ allOf: [object({ id: str }, ['id']), object({ name: str })] })),
    expected: [],
  },
  {
    name: 'a recursive schema terminates and reports its change once',
    old: doc(getThings({ $ref: '#/components/schemas/Node' }), comp({ Node: object({ name: str, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } }) })),
    new: doc(getThings({ $ref: '#/components/schemas/Node' }), comp({ Node: object({ name: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } }) })),
    expected: [{ level: 'breaking', kind: 'response-property-type-changed', operation: OP, pointer: '#/components/schemas/Node/properties/name' }],
  },
  {
    name: 'mutually recursive schemas terminate',
    old: doc(getThings({ $ref: '#/components/schemas/A' }), comp({ A: object({ b: { $ref: '#/components/schemas/B' } }), B: object({ a: { $ref: '#/components/schemas/A' } }) })),
    new: doc(getThings({ $ref: '#/components/schemas/A' }), comp({ A: object({ b: { $ref: '#/components/schemas/B' } }), B: object({ a: { $ref: '#/components/schemas/A' }, extra: str }) })),
    expected: [{ level: 'non-breaking', kind: 'response-property-added', operation: OP, pointer: '#/components/schemas/B/properties/extra' }],
  },

  // ── response fields ────────────────────────────────────────────────────────────────────
  {
    name: 'response field removed',
    old: doc(getThings(object({ id: str, name: str }))),
    new: doc(getThings(object({ id: str }))),
    expected: [{ level: 'breaking', kind: 'response-property-removed', operation: OP, pointer: `${BODY}/properties/name` }],
    verdict: 'major',
  },
  {
    name: 'response field added',
    old: doc(getThings(object({ id: str }))),
    new: doc(getThings(object({ id: str, name: str }))),
    expected: [{ level: 'non-breaking', kind: 'response-property-added', operation: OP, pointer: `${BODY}/properties/name` }],
    verdict: 'minor',
  },
  {
    name: 'response field made optional',
    old: doc(getThings(object({ id: str }, ['id']))),
    new: doc(getThings(object({ id: str }))),
    expected: [{ level: 'breaking', kind: 'response-property-became-optional', operation: OP, pointer: `${BODY}/properties/id` }],
  },
  {
    name: 'response field made required',
    old: doc(getThings(object({ id: str }))),
    new: doc(getThings(object({ id: str }, ['id']))),
    expected: [{ level: 'non-breaking', kind: 'response-property-became-required', operation: OP, pointer: `${BODY}/properties/id` }],
  },
  {
    name: 'response field made nullable (3.1 spelling)',
    old: doc(getThings(object({ id: str }))),
    new: doc(getThings(object({ id: { type: ['string', 'null'] } }))),
    expected: [{ level: 'breaking', kind: 'response-property-became-nullable', operation: OP, pointer: `${BODY}/properties/id` }],
  },
  {
    name: 'response $ref field made nullable with the anyOf idiom',
    old: doc(getThings(object({ owner: { $ref: '#/components/schemas/Owner' } })), comp({ Owner: object({ id: str }) })),
    new: doc(getThings(object({ owner: { anyOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'null' }] } })), comp({ Owner: object({ id: str }) })),
    expected: [{ level: 'breaking', kind: 'response-property-became-nullable', operation: OP, pointer: `${BODY}/properties/owner` }],
  },
  {
    name: 'response field type changed',
    old: doc(getThings(object({ count: { type: 'integer' } }))),
    new: doc(getThings(object({ count: str }))),
    expected: [{ level: 'breaking', kind: 'response-property-type-changed', operation: OP, pointer: `${BODY}/properties/count` }],
  },
  {
    name: 'response field narrowed from number to integer',
    old: doc(getThings(object({ count: { type: 'number' } }))),
    new: doc(getThings(object({ count: { type: 'integer' } }))),
    expected: [{ level: 'non-breaking', kind: 'response-property-type-narrowed', operation: OP, pointer: `${BODY}/properties/count` }],
  },
  {
    name: 'response field format changed (the TypeScript type is still string)',
    old: doc(getThings(object({ at: { type: 'string', format: 'date-time' } }))),
    new: doc(getThings(object({ at: { type: 'string', format: 'date' } }))),
    expected: [{ level: 'warning', kind: 'response-property-format-changed', operation: OP, pointer: `${BODY}/properties/at` }],
  },
  {
    name: 'response enum value added is a warning',
    old: doc(getThings(statusEnum(['a', 'b']))),
    new: doc(getThings(statusEnum(['a', 'b', 'c']))),
    expected: [{ level: 'warning', kind: 'response-property-enum-value-added', operation: OP, pointer: `${BODY}/properties/status` }],
    verdict: 'minor',
  },
  {
    name: 'response enum value removed is breaking',
    old: doc(getThings(statusEnum(['a', 'b']))),
    new: doc(getThings(statusEnum(['a']))),
    expected: [{ level: 'breaking', kind: 'response-property-enum-value-removed', operation: OP, pointer: `${BODY}/properties/status` }],
  },
  {
    name: 'response property newly deprecated',
    old: doc(getThings(object({ id: str }))),
    new: doc(getThings(object({ id: { type: 'string', deprecated: true } }))),
    expected: [{ level: 'warning', kind: 'response-property-deprecated', operation: OP, pointer: `${BODY}/properties/id` }],
  },
  {
    name: 'a writeOnly property is not part of the response',
    old: doc(getThings(object({ id: str }))),
    new: doc(getThings(object({ id: str, secret: { type: 'string', writeOnly: true } }))),
    expected: [],
  },
  {
    name: 'response header removed, and one made optional',
    old: doc(getThings(str, { responses: { '200': { description: 'ok', headers: { 'X-Tier': { required: true, schema: str }, 'X-Old': { schema: str } } } } })),
    new: doc(getThings(str, { responses: { '200': { description: 'ok', headers: { 'x-tier': { schema: str } } } } })),
    expected: [
      { level: 'breaking', kind: 'response-header-removed', operation: OP, pointer: '#/paths/~1things/get/responses/200/headers/X-Old' },
      { level: 'breaking', kind: 'response-header-became-optional', operation: OP, pointer: '#/paths/~1things/get/responses/200/headers/x-tier' },
    ],
  },

  // ── request parameters ─────────────────────────────────────────────────────────────────
  {
    name: 'optional request parameter added',
    old: doc(getThings(str)),
    new: doc(getThings(str, { parameters: [query('q', str)] })),
    expected: [{ level: 'non-breaking', kind: 'request-parameter-added', operation: OP, pointer: `${PARAMS}/0` }],
    verdict: 'minor',
  },
  {
    name: 'required request parameter added',
    old: doc(getThings(str)),
    new: doc(getThings(str, { parameters: [query('q', str, { required: true })] })),
    expected: [{ level: 'breaking', kind: 'new-required-request-parameter', operation: OP, pointer: `${PARAMS}/0` }],
  },
  {
    name: 'request parameter made required',
    old: doc(getThings(str, { parameters: [query('q', str)] })),
    new: doc(getThings(str, { parameters: [query('q', str, { required: true })] })),
    expected: [{ level: 'breaking', kind: 'request-parameter-became-required', operation: OP, pointer: `${PARAMS}/0` }],
  },
  {
    name: 'request parameter removed (reported in the old spec)',
    old: doc(getThings(str, { parameters: [query('a', str), query('q', str)] })),
    new: doc(getThings(str, { parameters: [query('a', str)] })),
    expected: [{ level: 'breaking', kind: 'request-parameter-removed', operation: OP, pointer: `${PARAMS}/1` }],
  },
  {
    name: 'request parameter deprecated',
    old: doc(getThings(str, { parameters: [query('q', str)] })),
    new: doc(getThings(str, { parameters: [query('q', str, { deprecated: true })] })),
    expected: [{ level: 'warning', kind: 'request-parameter-deprecated', operation: OP, pointer: `${PARAMS}/0` }],
  },
  {
    name: 'request parameter bounds tightened',
    old: doc(getThings(str, { parameters: pageSize({ minimum: 1, maximum: 100 }) })),
    new: doc(getThings(str, { parameters: pageSize({ minimum: 5, maximum: 50 }) })),
    expected: [
      { level: 'breaking', kind: 'request-parameter-max-decreased', operation: OP, pointer: `${PARAMS}/0/schema` },
      { level: 'breaking', kind: 'request-parameter-min-increased', operation: OP, pointer: `${PARAMS}/0/schema` },
    ],
  },
  {
    name: 'request parameter bounds loosened or removed',
    old: doc(getThings(str, { parameters: pageSize({ minimum: 1, maximum: 100 }) })),
    new: doc(getThings(str, { parameters: pageSize({ maximum: 500 }) })),
    expected: [
      { level: 'non-breaking', kind: 'request-parameter-max-increased', operation: OP, pointer: `${PARAMS}/0/schema` },
      { level: 'non-breaking', kind: 'request-parameter-min-removed', operation: OP, pointer: `${PARAMS}/0/schema` },
    ],
  },
  {
    name: 'request parameter bound added, and maxLength tightened',
    old: doc(getThings(str, { parameters: [query('n', { type: 'integer' }), query('s', { type: 'string', maxLength: 10 })] })),
    new: doc(getThings(str, { parameters: [query('n', { type: 'integer', maximum: 9 }), query('s', { type: 'string', maxLength: 5 })] })),
    expected: [
      { level: 'breaking', kind: 'request-parameter-max-added', operation: OP, pointer: `${PARAMS}/0/schema` },
      { level: 'breaking', kind: 'request-parameter-max-length-decreased', operation: OP, pointer: `${PARAMS}/1/schema` },
    ],
  },
  {
    name: 'request enum value removed is breaking, added is not',
    old: doc(getThings(str, { parameters: [query('sort', { type: 'string', enum: ['asc', 'desc'] })] })),
    new: doc(getThings(str, { parameters: [query('sort', { type: 'string', enum: ['asc', 'random'] })] })),
    expected: [
      { level: 'non-breaking', kind: 'request-parameter-enum-value-added', operation: OP, pointer: `${PARAMS}/0/schema` },
      { level: 'breaking', kind: 'request-parameter-enum-value-removed', operation: OP, pointer: `${PARAMS}/0/schema` },
    ],
  },
  {
    name: 'request parameter widened from integer to number',
    old: doc(getThings(str, { parameters: [query('n', { type: 'integer' })] })),
    new: doc(getThings(str, { parameters: [query('n', { type: 'number' })] })),
    expected: [{ level: 'non-breaking', kind: 'request-parameter-type-widened', operation: OP, pointer: `${PARAMS}/0/schema` }],
  },
  {
    name: 'request parameter format changed (the TypeScript type is still string)',
    old: doc(getThings(str, { parameters: [query('since', { type: 'string', format: 'date-time' })] })),
    new: doc(getThings(str, { parameters: [query('since', { type: 'string', format: 'date' })] })),
    expected: [{ level: 'warning', kind: 'request-parameter-format-changed', operation: OP, pointer: `${PARAMS}/0/schema` }],
  },
  {
    name: 'a path parameter rename is the same operation',
    old: doc({ '/things/{id}': { get: { operationId: 'getThing', parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '200': { description: 'ok' } } } } }),
    new: doc({ '/things/{thingId}': { get: { operationId: 'getThing', parameters: [{ name: 'thingId', in: 'path', required: true, schema: str }], responses: { '200': { description: 'ok' } } } } }),
    expected: [{ level: 'non-breaking', kind: 'path-parameter-renamed', operation: 'GET /things/{thingId}', pointer: '#/paths/~1things~1{thingId}/get/parameters/0' }],
  },
  {
    name: 'a parameter moved into components/parameters is no change',
    old: doc(getThings(str, { parameters: [query('q', str)] })),
    new: doc(getThings(str, { parameters: [{ $ref: '#/components/parameters/Q' }] }), { components: { parameters: { Q: query('q', str) } } }),
    expected: [],
  },

  // ── request bodies (the mirror of responses) ───────────────────────────────────────────
  {
    name: 'request body: new required property breaks, new optional does not, removed breaks',
    old: doc({ '/things': { post: { operationId: 'createThing', requestBody: { content: { 'application/json': { schema: object({ a: str, gone: str }) } } }, responses: { '201': { description: 'ok' } } } } }),
    new: doc({
      '/things': {
        post: { operationId: 'createThing', requestBody: { content: { 'application/json': { schema: object({ a: str, b: str, c: str, id: { type: 'string', readOnly: true } }, ['b', 'id']) } } }, responses: { '201': { description: 'ok' } } },
      },
    }),
    expected: [
      { level: 'non-breaking', kind: 'request-property-added', operation: 'POST /things', pointer: '#/paths/~1things/post/requestBody/content/application~1json/schema/properties/c' },
      { level: 'breaking', kind: 'request-property-removed', operation: 'POST /things', pointer: '#/paths/~1things/post/requestBody/content/application~1json/schema/properties/gone' },
      { level: 'breaking', kind: 'new-required-request-property', operation: 'POST /things', pointer: '#/paths/~1things/post/requestBody/content/application~1json/schema/properties/b' },
    ].sort((x, y) => (x.pointer < y.pointer ? -1 : 1)),
  },
  {
    name: 'request body property made nullable is fine, made required is not',
    old: doc({ '/things': { post: { requestBody: { content: { 'application/json': { schema: object({ a: str, b: str }) } } }, responses: { '201': { description: 'ok' } } } } }),
    new: doc({ '/things': { post: { requestBody: { content: { 'application/json': { schema: object({ a: { type: ['string', 'null'] }, b: str }, ['b']) } } }, responses: { '201': { description: 'ok' } } } } }),
    expected: [
      { level: 'non-breaking', kind: 'request-property-became-nullable', operation: 'POST /things', pointer: '#/paths/~1things/post/requestBody/content/application~1json/schema/properties/a' },
      { level: 'breaking', kind: 'request-property-became-required', operation: 'POST /things', pointer: '#/paths/~1things/post/requestBody/content/application~1json/schema/properties/b' },
    ],
  },

  // ── operations, statuses, servers, security ────────────────────────────────────────────
  {
    name: 'operation added',
    old: doc(getThings(str)),
    new: doc({ ...getThings(str), '/other': { get: { responses: { '200': { description: 'ok' } } } } }),
    expected: [{ level: 'non-breaking', kind: 'operation-added', operation: 'GET /other', pointer: '#/paths/~1other/get' }],
    verdict: 'minor',
  },
  {
    name: 'operation removed (reported in the old spec)',
    old: doc({ ...getThings(str), '/other': { get: { responses: { '200': { description: 'ok' } } } } }),
    new: doc(getThings(str)),
    expected: [{ level: 'breaking', kind: 'operation-removed', operation: 'GET /other', pointer: '#/paths/~1other/get' }],
  },
  {
    name: 'operation deprecated',
    old: doc(getThings(str)),
    new: doc(getThings(str, { op: { deprecated: true } })),
    expected: [{ level: 'warning', kind: 'operation-deprecated', operation: OP, pointer: '#/paths/~1things/get' }],
    verdict: 'minor',
  },
  {
    name: 'operationId changed renames the generated function',
    old: doc(getThings(str)),
    new: doc(getThings(str, { op: { operationId: 'getThings' } })),
    expected: [{ level: 'breaking', kind: 'operation-id-changed', operation: OP, pointer: '#/paths/~1things/get' }],
  },
  {
    name: 'error status added',
    old: doc(getThings(str)),
    new: doc(getThings(str, { responses: { '404': { description: 'not found' } } })),
    expected: [{ level: 'non-breaking', kind: 'response-error-status-added', operation: OP, pointer: '#/paths/~1things/get/responses/404' }],
    verdict: 'minor',
  },
  {
    name: 'success status removed',
    old: doc(getThings(str, { responses: { '202': { description: 'later' } } })),
    new: doc(getThings(str)),
    expected: [{ level: 'breaking', kind: 'response-success-status-removed', operation: OP, pointer: '#/paths/~1things/get/responses/202' }],
  },
  {
    name: 'server removed',
    old: doc(getThings(str), { servers: [{ url: 'https://us.example.test' }, { url: 'https://eu.example.test' }] }),
    new: doc(getThings(str), { servers: [{ url: 'https://us.example.test/' }] }),
    expected: [{ level: 'breaking', kind: 'server-removed', pointer: '#/servers/1' }],
  },
  {
    name: 'security scheme removed',
    old: doc(getThings(str), { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'x-api-key' } } } }),
    new: doc(getThings(str), { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } }),
    expected: [{ level: 'breaking', kind: 'security-scheme-removed', pointer: '#/components/securitySchemes/key' }],
  },
  {
    name: 'security requirement alternative removed',
    old: doc(getThings(str), { security: [{ bearer: [] }, { key: [] }] }),
    new: doc(getThings(str), { security: [{ bearer: [] }] }),
    expected: [{ level: 'breaking', kind: 'security-requirement-removed', operation: OP, pointer: '#/security/1' }],
  },

  // ── more request / response shapes ─────────────────────────────────────────────────────
  {
    name: 'a required request body added breaks; its removal too',
    old: doc({ '/a': { post: { responses: { '204': { description: 'ok' } } } }, '/b': { post: { requestBody: { content: { 'application/json': { schema: str } } }, responses: { '204': { description: 'ok' } } } } }),
    new: doc({ '/a': { post: { requestBody: { required: true, content: { 'application/json': { schema: str } } }, responses: { '204': { description: 'ok' } } } }, '/b': { post: { responses: { '204': { description: 'ok' } } } } }),
    expected: [
      { level: 'breaking', kind: 'new-required-request-body', operation: 'POST /a', pointer: '#/paths/~1a/post/requestBody' },
      { level: 'breaking', kind: 'request-body-removed', operation: 'POST /b', pointer: '#/paths/~1b/post/requestBody' },
    ],
  },
  {
    name: 'a readOnly property is not part of the request',
    old: doc({ '/a': { post: { requestBody: { content: { 'application/json': { schema: object({ name: str }) } } }, responses: { '204': { description: 'ok' } } } } }),
    new: doc({ '/a': { post: { requestBody: { content: { 'application/json': { schema: object({ name: str, id: { type: 'string', readOnly: true } }, ['id']) } } }, responses: { '204': { description: 'ok' } } } } }),
    expected: [],
  },
  {
    name: 'a request default changed is a warning',
    old: doc(getThings(str, { parameters: [query('order', { type: 'string', default: 'asc' })] })),
    new: doc(getThings(str, { parameters: [query('order', { type: 'string', default: 'desc' })] })),
    expected: [{ level: 'warning', kind: 'request-parameter-default-changed', operation: OP, pointer: `${PARAMS}/0/schema` }],
  },
  {
    name: 'header parameters match ignoring case; path-item parameters are inherited',
    old: { ...doc({ '/things': { parameters: [{ name: 'X-Trace', in: 'header', schema: str }], get: { operationId: 'listThings', responses: { '200': { description: 'ok' } } } } }) },
    new: doc({ '/things': { get: { operationId: 'listThings', parameters: [{ name: 'x-trace', in: 'header', schema: str }], responses: { '200': { description: 'ok' } } } } }),
    expected: [],
  },
  {
    name: 'response union gains a member (warning) and loses one (breaking)',
    old: doc(getThings({ oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] }), comp({ Cat: object({ meow: str }), Dog: object({ bark: str }), Fox: object({ say: str }) })),
    new: doc(getThings({ oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Fox' }] }), comp({ Cat: object({ meow: str }), Dog: object({ bark: str }), Fox: object({ say: str }) })),
    expected: [
      { level: 'warning', kind: 'response-body-union-branch-added', operation: OP, pointer: `${BODY}/oneOf/1` },
      { level: 'breaking', kind: 'response-body-union-branch-removed', operation: OP, pointer: `${BODY}/oneOf/1` },
    ],
  },
  {
    name: 'response body type changed at the root; 2xx matches 2XX',
    old: doc(getThings(object({ id: str }), { responses: { '4xx': { description: 'client error' } } })),
    new: doc(getThings({ type: 'array', items: object({ id: str }) }, { responses: { '4XX': { description: 'client error' } } })),
    expected: [{ level: 'breaking', kind: 'response-body-type-changed', operation: OP, pointer: BODY }],
  },
  {
    name: 'response media type removed',
    old: doc({ '/things': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: str }, 'text/csv': { schema: str } } } } } } }),
    new: doc({ '/things': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: str } } } } } } }),
    expected: [{ level: 'breaking', kind: 'response-media-type-removed', operation: OP, pointer: '#/paths/~1things/get/responses/200/content/text~1csv' }],
  },
  {
    name: 'anonymous access removed when security becomes required',
    old: doc(getThings(str), { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } }),
    new: doc(getThings(str), { security: [{ bearer: [] }], components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } }),
    expected: [
      { level: 'breaking', kind: 'security-requirement-removed', operation: OP, pointer: '#/paths/~1things/get' },
      { level: 'non-breaking', kind: 'security-requirement-added', operation: OP, pointer: '#/security/0' },
    ],
  },
  {
    name: 'security scheme changed how credentials are sent',
    old: doc(getThings(str), { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-api-key' } } } }),
    new: doc(getThings(str), { components: { securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'api_key' } } } }),
    expected: [{ level: 'breaking', kind: 'security-scheme-changed', pointer: '#/components/securitySchemes/key' }],
  },
  {
    name: 'component schema removed breaks its exported model type',
    old: doc(getThings(str), comp({ Legacy: object({ id: str }) })),
    new: doc(getThings(str), comp({})),
    expected: [{ level: 'breaking', kind: 'component-schema-removed', pointer: '#/components/schemas/Legacy' }],
  },

  // ── documentation ──────────────────────────────────────────────────────────────────────
  {
    name: 'description-only changes are docs',
    old: doc(getThings(object({ id: { type: 'string', description: 'Old.' } }), { op: { summary: 'List' } })),
    new: doc(getThings(object({ id: { type: 'string', description: 'New.', examples: ['t_1'] } }), { op: { summary: 'List things' } })),
    expected: [
      { level: 'non-breaking', kind: 'docs-summary-changed', operation: OP, pointer: '#/paths/~1things/get' },
      { level: 'non-breaking', kind: 'docs-description-changed', operation: OP, pointer: `${BODY}/properties/id` },
      { level: 'non-breaking', kind: 'docs-example-changed', operation: OP, pointer: `${BODY}/properties/id` },
    ],
    verdict: 'patch',
  },

  // ── found on real spec pairs ───────────────────────────────────────────────────────────
  {
    name: 'a removed request body property breaks object literals that still set it',
    old: doc({ '/things': { post: { operationId: 'createThing', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } } }, responses: { '204': { description: 'ok' } } } } }, comp({ NewThing: object({ name: str, legacy: str }) })),
    new: doc({ '/things': { post: { operationId: 'createThing', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } } }, responses: { '204': { description: 'ok' } } } } }, comp({ NewThing: object({ name: str }) })),
    expected: [{ level: 'breaking', kind: 'request-property-removed', operation: 'POST /things', pointer: '#/components/schemas/NewThing/properties/legacy' }],
    verdict: 'major',
  },
  {
    name: 'format changes that leave the TypeScript type alone are warnings or less; a type change still breaks',
    old: doc(
      getThings(object({ count: { type: 'integer', format: 'int32' }, at: str, id: str }), { parameters: [query('limit', { type: 'integer' }), query('since', str)] }),
    ),
    new: doc(
      getThings(object({ count: { type: 'integer', format: 'int64' }, at: { type: 'string', format: 'date-time' }, id: { type: 'integer' } }), {
        parameters: [query('limit', { type: 'integer', format: 'int32' }), query('since', { type: 'string', format: 'date-time' })],
      }),
    ),
    expected: [
      { level: 'warning', kind: 'request-parameter-format-added', operation: OP, pointer: `${PARAMS}/0/schema` },
      { level: 'warning', kind: 'request-parameter-format-added', operation: OP, pointer: `${PARAMS}/1/schema` },
      { level: 'non-breaking', kind: 'response-property-format-added', operation: OP, pointer: `${BODY}/properties/at` },
      { level: 'warning', kind: 'response-property-format-changed', operation: OP, pointer: `${BODY}/properties/count` },
      { level: 'breaking', kind: 'response-property-type-changed', operation: OP, pointer: `${BODY}/properties/id` },
    ],
    verdict: 'major',
  },
  {
    name: 'properties moved into every oneOf branch (through a shared allOf base, or one per branch) were not removed',
    old: doc(getThings(ref('Paint')), comp({ Paint: object({ type: { type: 'string', enum: ['SOLID', 'GRADIENT'] }, visible: { type: 'boolean' }, opacity: { type: 'number' }, blendMode: str, color: str }, ['type']) })),
    new: doc(
      getThings(ref('Paint')),
      comp({
        Paint: { oneOf: [ref('SolidPaint'), ref('GradientPaint')] },
        BasePaint: object({ visible: { type: 'boolean' }, opacity: { type: 'number' }, blendMode: str }),
        SolidPaint: { allOf: [ref('BasePaint'), object({ type: { type: 'string', enum: ['SOLID'] }, color: str }, ['type'])] },
        GradientPaint: { allOf: [ref('BasePaint'), object({ type: { type: 'string', enum: ['GRADIENT'] }, stops: { type: 'array', items: str } }, ['type'])] },
      }),
    ),
    expected: [
      { level: 'non-breaking', kind: 'component-schema-added', pointer: '#/components/schemas/BasePaint' },
      { level: 'non-breaking', kind: 'component-schema-added', pointer: '#/components/schemas/GradientPaint' },
      { level: 'non-breaking', kind: 'component-schema-added', pointer: '#/components/schemas/SolidPaint' },
      // Only in one branch: reading it from the union no longer compiles.
      { level: 'breaking', kind: 'response-property-removed', operation: OP, pointer: '#/components/schemas/Paint/properties/color' },
    ],
  },
  {
    name: 'a property in every branch keeps its changes, required-ness and enum (the union of the branches)',
    old: doc(getThings(object({ id: str, kind: { type: 'string', enum: ['a', 'b'] }, size: { type: 'integer' } }, ['id', 'kind']))),
    new: doc(
      getThings({
        anyOf: [
          object({ id: str, kind: { type: 'string', enum: ['a'] }, size: { type: 'integer' } }, ['id', 'kind']),
          object({ id: str, kind: { type: 'string', enum: ['b', 'c'] }, size: str }, ['kind']),
        ],
      }),
    ),
    expected: [
      { level: 'breaking', kind: 'response-property-became-optional', operation: OP, pointer: `${BODY}/anyOf/0/properties/id` },
      { level: 'warning', kind: 'response-property-enum-value-added', operation: OP, pointer: `${BODY}/anyOf/0/properties/kind` },
      { level: 'breaking', kind: 'response-property-type-changed', operation: OP, pointer: `${BODY}/anyOf/0/properties/size` },
    ],
  },
  {
    name: 'request properties moved into allOf members, or out of every branch, were not removed',
    old: doc({
      '/a': { post: { requestBody: { content: { 'application/json': { schema: object({ name: str, note: str }, ['name']) } } }, responses: { '204': { description: 'ok' } } } },
      '/b': { post: { requestBody: { content: { 'application/json': { schema: { oneOf: [object({ id: str, x: str }), object({ id: str, y: str })] } } } }, responses: { '204': { description: 'ok' } } } },
    }),
    new: doc({
      '/a': { post: { requestBody: { content: { 'application/json': { schema: { allOf: [object({ name: str }, ['name']), object({ note: str })] } } } }, responses: { '204': { description: 'ok' } } } },
      '/b': { post: { requestBody: { content: { 'application/json': { schema: object({ id: str, x: str, y: str }) } } }, responses: { '204': { description: 'ok' } } } },
    }),
    // `id` was in every branch, so it stays; `x` and `y` were in one branch each, so the merged object gains them.
    expected: [
      { level: 'non-breaking', kind: 'request-property-added', operation: 'POST /b', pointer: '#/paths/~1b/post/requestBody/content/application~1json/schema/properties/x' },
      { level: 'non-breaking', kind: 'request-property-added', operation: 'POST /b', pointer: '#/paths/~1b/post/requestBody/content/application~1json/schema/properties/y' },
    ],
  },
  {
    name: 'OAuth scopes that grew on a requirement are a warning, not a requirement removed; fewer scopes are fine',
    old: doc({
      '/a': { get: { security: [{ oauth: ['read:pets'] }, { key: [] }], responses: { '204': { description: 'ok' } } } },
      '/b': { get: { security: [{ oauth: ['read:pets', 'write:pets'] }], responses: { '204': { description: 'ok' } } } },
    }),
    new: doc({
      '/a': { get: { security: [{ oauth: ['read:pets', 'write:pets'] }, { key: [] }], responses: { '204': { description: 'ok' } } } },
      '/b': { get: { security: [{ oauth: ['read:pets'] }], responses: { '204': { description: 'ok' } } } },
    }),
    expected: [
      { level: 'warning', kind: 'security-requirement-scopes-added', operation: 'GET /a', pointer: '#/paths/~1a/get/security/0' },
      { level: 'non-breaking', kind: 'security-requirement-scopes-removed', operation: 'GET /b', pointer: '#/paths/~1b/get/security/0' },
    ],
    verdict: 'minor',
  },
  {
    name: 'a media type removed from an error response is rated like removing that error; from a success it breaks',
    old: doc(getThings(str, { responses: { '404': { description: 'no', content: { 'application/json': { schema: str }, 'text/html': { schema: str } } }, default: { description: 'err', content: { 'application/problem+json': { schema: str } } } } })),
    new: doc(getThings(str, { responses: { '404': { description: 'no', content: { 'application/json': { schema: str } } }, default: { description: 'err' } } })),
    expected: [
      { level: 'non-breaking', kind: 'response-error-media-type-removed', operation: OP, pointer: '#/paths/~1things/get/responses/404/content/text~1html' },
      { level: 'non-breaking', kind: 'response-error-media-type-removed', operation: OP, pointer: '#/paths/~1things/get/responses/default/content/application~1problem+json' },
    ],
    verdict: 'minor',
  },
];

describe('diffSpecs rules', () => {
  it.each(cases)('$name', (c) => {
    const report = diffSpecs(c.old, c.new);
    expect(brief(report.changes)).toEqual(c.expected);
    if (c.verdict) expect(report.verdict).toBe(c.verdict);
  });
});

describe('diffSpecs messages', () => {
  const messages = (o: Record<string, unknown>, n: Record<string, unknown>): string[] => diffSpecs(o, n).changes.map((c) => c.message);

  it('a format change says what it risks', () => {
    const int = (format?: string): Record<string, unknown> => ({ type: 'integer', ...(format ? { format } : {}) });
    expect(
      messages(
        doc(getThings(object({ a: int('int32'), b: { type: 'string', format: 'date-time' }, c: int('int64') }), { parameters: [query('n', int()), query('m', int('int64'))] })),
        doc(getThings(object({ a: int('int64'), b: str, c: int('int32') }), { parameters: [query('n', int('int32')), query('m', int('int32'))] })),
      ),
    ).toEqual([
      'Query parameter `n` now has format `int32`: the server may reject values outside the `int32` range',
      'Query parameter `m` format changed from `int64` to `int32`: the server may reject values outside the `int32` range',
      'Response property `a` in the 200 response format changed from `int32` to `int64`: values beyond 2^53 lose precision in JavaScript numbers',
      'Response property `b` in the 200 response no longer has format `date-time`: values may no longer be `date-time`: code that relies on that form may fail',
      'Response property `c` in the 200 response format changed from `int64` to `int32`',
    ]);
  });
});

describe('diffSpecs messages name the schema where the change happened', () => {
  // GitHub's shape: branch-restriction-policy.teams[] → team, whose parent → nullable-team-simple.
  const nts = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 'object', nullable: true, properties: { id: { type: 'integer' }, slug: str }, ...extra });
  const github = (team: unknown, ntsSchema: unknown = nts(), items: unknown = ref('team')): Record<string, unknown> =>
    doc(getThings(ref('branch-restriction-policy')), comp({ 'branch-restriction-policy': object({ teams: { type: 'array', items } }), team, 'nullable-team-simple': ntsSchema }), '3.0');
  const parentRef = object({ parent: ref('nullable-team-simple') });
  const changes = (o: Record<string, unknown>, n: Record<string, unknown>): [string, string][] => diffSpecs(o, n).changes.map((c) => [c.pointer, c.message]);

  it.each([
    {
      name: 'a property that now refers to another schema is named itself, not the schema it refers to',
      old: github(object({ parent: { type: 'string', nullable: true } })),
      new: github(parentRef),
      expected: [['#/components/schemas/team/properties/parent', 'Response property `team.parent` type changed from `string` to `object`']],
    },
    {
      name: 'a change inside the referenced schema is named after it, once, not after every property that refers to it',
      old: github(parentRef),
      new: github(parentRef, nts({ nullable: false, description: 'A team.' })),
      expected: [
        ['#/components/schemas/nullable-team-simple', 'Response schema `nullable-team-simple`: description added'],
        ['#/components/schemas/nullable-team-simple', 'Response schema `nullable-team-simple` became non-nullable'],
      ],
    },
    {
      name: 'a nested change is named after the innermost component holding it, with the old name when it moved',
      old: github(object({ parent: str }), nts(), object({ parent: str })),
      new: github(object({ parent: { type: 'integer' } })),
      expected: [['#/components/schemas/team/properties/parent', 'Response property `team.parent` (was `branch-restriction-policy.teams[].parent`) type changed from `string` to `integer`']],
    },
    {
      name: 'deep inside: nullable-team-simple.id, whichever outer schema led there',
      old: github(parentRef),
      new: github(parentRef, { ...nts(), properties: { id: str, slug: str } }),
      expected: [['#/components/schemas/nullable-team-simple/properties/id', 'Response property `nullable-team-simple.id` type changed from `integer` to `string`']],
    },
  ])('$name', (c) => {
    expect(changes(c.old, c.new)).toEqual(c.expected);
  });

  it('a component reached as a body root reads the same from every operation (no status or parameter in it)', () => {
    const ops = (schema: Record<string, unknown>): Record<string, unknown> =>
      doc(
        {
          '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('Pet') } } } } } },
          '/b': { post: { responses: { '201': { description: 'ok', content: { 'application/json': { schema: ref('Pet') } } } } } },
        },
        comp({ Pet: schema }),
      );
    expect(diffSpecs(ops(object({ id: str })), ops({ type: 'array', items: str })).changes.map((c) => c.message)).toEqual([
      'Response schema `Pet` type changed from `object` to `array` (affects 2 operations: `GET /a`, `POST /b`)',
    ]);
  });
});

describe('diffSpecs messages (security)', () => {
  it('names the scopes a requirement now needs', () => {
    const report = diffSpecs(doc(getThings(str), { security: [{ oauth: ['a'] }] }), doc(getThings(str), { security: [{ oauth: ['a', 'b', 'c'] }] }));
    expect(report.changes.map((c) => c.message)).toEqual(["Security requirement `oauth` now also needs scopes `b`, `c`: the client's token may need them"]);
  });
});

describe('diffSpecs attribution', () => {
  const shared = comp({ Item: object({ id: str, name: str }) });
  const twoOps = (item: Record<string, unknown>): Record<string, unknown> => ({
    '/a': { get: { operationId: 'a', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } } } } },
    '/b': { get: { operationId: 'b', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: item } } } } } } },
  });

  it('a change to a shared component is one change naming every operation it affects', () => {
    const changed = comp({ Item: object({ id: str }) });
    const report = diffSpecs(doc(twoOps({ $ref: '#/components/schemas/Item' }), shared), doc(twoOps({ $ref: '#/components/schemas/Item' }), changed));
    expect(report.changes).toEqual([
      {
        level: 'breaking',
        kind: 'response-property-removed',
        pointer: '#/components/schemas/Item/properties/name',
        side: 'old',
        message: 'Response property `Item.name` was removed (affects 2 operations: `GET /a`, `GET /b`)',
      },
    ]);
  });

  it('pointers name the new spec, or the old one for removals', () => {
    const report = diffSpecs(doc(getThings(object({ id: str, name: str }))), doc(getThings(object({ id: { type: 'integer' } }))));
    expect(report.changes.map((c) => [c.kind, c.side])).toEqual([
      ['response-property-type-changed', 'new'],
      ['response-property-removed', 'old'],
    ]);
  });

  it('is deterministic and does not mutate its inputs', () => {
    const a = doc(getThings(object({ id: str, name: str })), shared);
    const b = doc(twoOps({ type: 'string' }), comp({}));
    const before = JSON.stringify([a, b]);
    const first = diffSpecs(a, b);
    expect(diffSpecs(structuredClone(a), structuredClone(b))).toEqual(first);
    expect(JSON.stringify([a, b])).toBe(before);
    expect(first.verdict).toBe('major');
  });
});
