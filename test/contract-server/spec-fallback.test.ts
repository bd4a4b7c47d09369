/**
 * The spec fallback: operations of the served spec without a hand-written route are answered from the spec,
 * schema-valid, deterministic, authenticated like the others and marked x-contract-source: spec.
 */

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, replay } from './determinism-script.js';
import { TEST_KEYS } from './keys.js';
import { checkSchema } from './schema-check.js';
import type { SchemaDocument } from './schema-check.js';
import type { ContractServer } from './server.js';
import { DEFAULT_SPEC_PATH, startContractServer } from './server.js';
import { FORMAT_VALUES } from './synth.js';
import { call, errorOf, useServer } from './test-helpers.js';

type Json = Record<string, unknown>;
interface Spec extends SchemaDocument {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, unknown>; headers?: Record<string, { schema?: unknown }> };
}

const hasSpec = existsSync(DEFAULT_SPEC_PATH);
const pinned = (): Spec => JSON.parse(readFileSync(DEFAULT_SPEC_PATH, 'utf8')) as Spec;
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown, extra: Json = {}): Json => ({ content: { 'application/json': { schema, ...extra } } });
const tierHeader = { 'x-isnotai-tier': { $ref: '#/components/headers/XIsnotaiTier' } };
const errors = { '400': json(ref('ErrorEnvelope')), '401': json(ref('ErrorEnvelope')) };
const sessionId = { name: 'sessionId', in: 'path', required: true, schema: { type: 'string' } };

const NOTE_EXAMPLE = {
  data: { id: '6f1c2a9e-8d1b-4c57-9a3e-0b2d4e6f8a10', kind: 'flag', createdAt: '2026-06-01T08:00:00Z', editedAt: null, tags: [['bot', 'ok']] },
};

/** The pinned spec plus the operations a later release might add. */
function augmented(): Spec {
  const spec = pinned();
  const schemas = spec.components.schemas;
  schemas.NoteBase = {
    type: 'object',
    required: ['id', 'kind'],
    properties: { id: { type: 'string', format: 'uuid' }, kind: { type: 'string', enum: ['comment', 'flag'] } },
  };
  schemas.Note = {
    description: 'A reviewer note on a session.',
    allOf: [
      ref('NoteBase'),
      {
        type: 'object',
        required: ['createdAt', 'editedAt', 'tags'],
        properties: {
          createdAt: { type: 'string', format: 'date-time' },
          editedAt: { type: ['string', 'null'], format: 'date-time' },
          tags: { type: 'array', items: { type: 'array', items: { type: 'string', minLength: 2 } } },
          author: { anyOf: [{ type: 'null' }, ref('PublicUser')] },
          score: { type: 'number', minimum: 0.5, maximum: 1 },
        },
      },
    ],
  };
  schemas.NoteListResponse = { type: 'object', required: ['data', 'pagination'], properties: { data: { type: 'array', items: ref('Note') }, pagination: ref('Pagination') } };
  schemas.NoteResponse = { type: 'object', required: ['data'], properties: { data: ref('Note') } };
  schemas.Report = {
    type: 'object',
    required: ['from', 'rows'],
    properties: { from: { type: 'string', format: 'date' }, rows: { type: 'array', items: { type: 'integer' } } },
  };
  const listSessions = spec.paths['/v1/sessions']?.get as { parameters: Json[] } | undefined;
  const pageSize = listSessions?.parameters.find((p) => p.name === 'pageSize');
  spec.paths['/v1/sessions/{sessionId}/notes'] = {
    get: {
      operationId: 'listSessionNotes',
      parameters: [
        sessionId,
        pageSize,
        { name: 'cursor', in: 'query', schema: { type: 'string' } },
        { name: 'kind', in: 'query', schema: { type: 'string', enum: ['comment', 'flag'] } },
        { name: 'since', in: 'query', schema: { type: 'string', format: 'date-time' } },
      ],
      responses: { '200': { description: 'Notes.', headers: tierHeader, ...json(ref('NoteListResponse')) }, ...errors },
    },
    post: {
      operationId: 'createSessionNote',
      parameters: [sessionId],
      responses: { '202': json(ref('ErrorEnvelope')), '201': { description: 'Created.', headers: tierHeader, ...json(ref('NoteResponse')) }, ...errors },
    },
  };
  spec.paths['/v1/sessions/{sessionId}/notes/{noteId}'] = {
    get: {
      operationId: 'getSessionNote',
      parameters: [sessionId, { name: 'noteId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { '200': { description: 'A note.', ...json(ref('NoteResponse'), { example: NOTE_EXAMPLE }) }, ...errors },
    },
  };
  spec.paths['/v1/reports'] = {
    get: {
      operationId: 'getReport',
      parameters: [
        { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10 } },
      ],
      responses: {
        '200': {
          description: 'A report.',
          ...json(ref('Report'), {
            examples: { broken: { value: { rows: [1] } }, good: { value: { from: '2026-06-01', rows: [3, 4] } } },
          }),
        },
        ...errors,
      },
    },
  };
  spec.paths['/v1/sessions/summary'] = {
    get: { operationId: 'getSessionSummary', responses: { '200': json({ type: 'object', properties: { total: { type: 'integer', minimum: 1 } } }) } },
  };
  // An enum value the hand-written analytics route does not know.
  const period = (spec.paths['/v1/analytics']?.get as { parameters: { name: string; schema: { enum: string[] } }[] }).parameters.find((p) => p.name === 'period');
  period?.schema.enum.push('365d');
  spec.paths['/v1/status'] = {
    get: { operationId: 'getStatus', security: [], responses: { '200': json({ type: 'object', required: ['up'], properties: { up: { type: 'boolean' } } }) } },
  };
  return spec;
}

const ADDED = [
  'GET /v1/reports (getReport)',
  'GET /v1/sessions/{sessionId}/notes (listSessionNotes)',
  'POST /v1/sessions/{sessionId}/notes (createSessionNote)',
  'GET /v1/sessions/{sessionId}/notes/{noteId} (getSessionNote)',
  'GET /v1/sessions/summary (getSessionSummary)',
  'GET /v1/status (getStatus)',
];

const dir = mkdtempSync(join(tmpdir(), 'contract-spec-'));
const specPath = join(dir, 'openapi.json');
const spec = hasSpec ? augmented() : undefined;
if (spec !== undefined) writeFileSync(specPath, JSON.stringify(spec));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Asserts a strictly valid body against `schema` and returns it. */
function validBody(body: unknown, schema: unknown): unknown {
  expect(checkSchema(body, schema, spec as Spec, { strictProperties: true }), JSON.stringify(body)).toEqual([]);
  return body;
}

describe.skipIf(!hasSpec)('spec fallback: operations a new spec adds', () => {
  const server = useServer({ specPath });

  it('lists exactly the operations without a hand-written route', async () => {
    // Those added here, and any the pinned spec has gained since the routes were written.
    const plain = await startContractServer();
    const pinnedOnly = plain.specFallback().operations;
    await plain.close();
    const parts = (label: string) => label.split(' ') as [string, string];
    const expected = [...new Set([...ADDED, ...pinnedOnly.filter((op) => !ADDED.some((a) => a.split(' (')[0] === op.split(' (')[0]))])].sort(
      (a, b) => parts(a)[1].localeCompare(parts(b)[1]) || parts(a)[0].localeCompare(parts(b)[0]),
    );
    expect(server().specFallback()).toEqual({ specPath, operations: expected, problem: undefined });
  });

  it('answers a cursor list as one last page, schema-valid, with the standard headers and x-contract-source', async () => {
    const reply = await call(server(), '/v1/sessions/ses_any/notes');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(reply.headers.get('x-contract-source')).toBe('spec');
    expect(reply.headers.get('x-isnotai-tier')).toBe('pro');
    expect(reply.headers.get('x-request-id')).toBe('req_us_000001');
    expect(reply.headers.get('access-control-expose-headers')).toContain('x-contract-source');
    validBody(reply.body, ref('NoteListResponse'));
    expect(reply.body).toEqual({
      data: [
        {
          id: FORMAT_VALUES.uuid,
          kind: 'comment',
          createdAt: '2026-06-22T12:00:00.000Z',
          editedAt: '2026-06-22T12:00:00.000Z',
          tags: [['string']],
          author: expect.objectContaining({ userId: 'string', firstSeen: '2026-06-22T12:00:00.000Z', sparkline: [0] }) as unknown,
          score: 0.5,
        },
      ],
      pagination: { hasMore: false, limit: 50 },
    });
    expect(server().requests.map((r) => r.source)).toEqual(['spec']);
  });

  it('pages like the hand-written lists: pageSize clamped to the tier, validated, repeat-cursor faults', async () => {
    const page = async (query: string, key: string = TEST_KEYS.us.pro): Promise<unknown> =>
      (await call(server(), `/v1/sessions/ses_any/notes${query}`, { key })).body;
    expect(await page('?pageSize=500')).toMatchObject({ pagination: { hasMore: false, limit: 100 } });
    expect(await page('?pageSize=500', TEST_KEYS.us.free)).toMatchObject({ pagination: { limit: 50 } });
    expect(await page('?pageSize=7&cursor=anything')).toMatchObject({ pagination: { hasMore: false, limit: 7 } });
    server().faults.repeatCursor();
    expect(await page('?cursor=c1')).toMatchObject({ pagination: { nextCursor: 'c1', hasMore: true } });
    expect(await page('?cursor=c1')).toMatchObject({ pagination: { hasMore: false } });
  });

  it.each([
    ['/v1/sessions/ses_any/notes?pageSize=0', 'pageSize'],
    ['/v1/sessions/ses_any/notes?pageSize=ten', 'pageSize'],
    ['/v1/sessions/ses_any/notes?kind=memo', 'kind'],
    ['/v1/sessions/ses_any/notes?since=yesterday', 'since'],
    ['/v1/sessions/ses_any/notes/not-a-uuid', 'noteId'],
    ['/v1/reports', 'from'],
    ['/v1/reports?from=', 'from'],
    ['/v1/reports?from=June', 'from'],
    ['/v1/reports?from=2026-06-01&limit=abc', 'limit'],
    ['/v1/reports?from=2026-06-01&limit=11', 'limit'],
    ['/v1/reports?from=2026-06-01&limit=1.5', 'limit'],
  ])('%s -> 400 VALIDATION_ERROR for %s', async (path, field) => {
    const reply = await call(server(), path);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: { code: 'VALIDATION_ERROR', message: expect.any(String) as unknown, details: { field } } });
    expect(reply.headers.get('x-contract-source')).toBe('spec');
    expect(reply.headers.get('x-isnotai-tier')).toBe('pro');
  });

  it('serves the media example, else the first valid entry of examples', async () => {
    const note = await call(server(), `/v1/sessions/ses_any/notes/${NOTE_EXAMPLE.data.id}`);
    expect(note.body).toEqual(NOTE_EXAMPLE);
    const report = await call(server(), '/v1/reports?from=2026-06-01&limit=10');
    expect(report.body).toEqual({ from: '2026-06-01', rows: [3, 4] }); // 'broken' lacks the required from
  });

  it('answers other methods from their lowest 2xx response; a method the path lacks is 405', async () => {
    const created = await call(server(), '/v1/sessions/ses_any/notes', { method: 'POST' });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-contract-source')).toBe('spec');
    validBody(created.body, ref('NoteResponse'));
    const deleted = await call(server(), '/v1/sessions/ses_any/notes', { method: 'DELETE' });
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    expect(errorOf(deleted).code).toBe('METHOD_NOT_ALLOWED');
    const preflight = await fetch(`${server().url}/v1/sessions/ses_any/notes`, { method: 'OPTIONS' });
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS, POST');
    const head = await call(server(), '/v1/sessions/ses_any/notes', { method: 'HEAD' });
    expect([head.status, head.text, head.headers.get('x-contract-source')]).toEqual([200, '', 'spec']);
  });

  it('requires the API key as the spec says, and answers 401 like every route', async () => {
    for (const path of ['/v1/sessions/ses_any/notes', '/v1/reports?from=2026-06-01']) {
      const reply = await call(server(), path, { key: null });
      expect(reply.status).toBe(401);
      expect(errorOf(reply).code).toBe('INVALID_API_KEY');
      expect(reply.headers.get('x-isnotai-tier')).toBeNull();
      expect(reply.headers.get('x-contract-source')).toBe('spec');
    }
    expect((await call(server(), '/v1/reports?from=2026-06-01', { key: TEST_KEYS.eu.pro })).status).toBe(401);
    const open = await call(server(), '/v1/status', { key: null });
    expect([open.status, open.body, open.headers.get('x-isnotai-tier')]).toEqual([200, { up: false }, null]);
  });

  it('answers a literal path that a hand-written template would also match', async () => {
    const summary = await call(server(), '/v1/sessions/summary');
    expect([summary.status, summary.body, summary.headers.get('x-contract-source')]).toEqual([200, { total: 1 }, 'spec']);
    const session = await call(server(), '/v1/sessions/ses_doesnotexist');
    expect([session.status, errorOf(session).code, session.headers.get('x-contract-source')]).toEqual([404, 'NOT_FOUND', null]);
  });

  it('takes faults like every route', async () => {
    const reply = await call(server(), '/v1/reports?from=2026-06-01', { headers: { 'x-fault': 'status=503' } });
    expect([reply.status, errorOf(reply).code, reply.headers.get('x-contract-source')]).toEqual([503, 'SERVICE_UNAVAILABLE', 'spec']);
  });

  it('answers from the spec a value the spec added that a hand-written route rejects; other bad values stay 400', async () => {
    const added = await call(server(), '/v1/analytics?period=365d');
    expect(added.status).toBe(200);
    expect(added.headers.get('x-contract-source')).toBe('spec');
    const analytics = spec!.paths['/v1/analytics']!.get as { responses: Record<string, { content: Record<string, { schema: unknown }> }> };
    validBody(added.body, analytics.responses['200']!.content['application/json']!.schema);
    const known = await call(server(), '/v1/analytics?period=7d');
    expect([known.status, known.headers.get('x-contract-source')]).toEqual([200, null]);
    const wrong = await call(server(), '/v1/analytics?period=forever');
    expect([wrong.status, errorOf(wrong).code, wrong.headers.get('x-contract-source')]).toEqual([400, 'VALIDATION_ERROR', null]);
  });

  it('keeps 404 in the error envelope for what the spec does not have', async () => {
    for (const path of ['/v1/nope', '/v1/sessions/a/notes/b/c', '/nowhere']) {
      const reply = await call(server(), path);
      expect(reply.status, path).toBe(404);
      expect(errorOf(reply).code).toBe('NOT_FOUND');
      expect(reply.headers.get('x-contract-source')).toBeNull();
    }
  });

  it('leaves the hand-written routes byte for byte as they were, without the header', async () => {
    const plain = await startContractServer();
    try {
      const withFallback = await replay(server().url, 'us');
      server().reset();
      expect(withFallback).toEqual(await replay(plain.url, 'us'));
      expect(withFallback.flatMap((c) => c.headers.filter(([name]) => name === 'x-contract-source'))).toEqual([]);
      // The pinned spec answers from itself at most what the augmented one does.
      const augmented = server().specFallback().operations.map((op) => op.split(' (')[0]);
      expect(plain.specFallback().operations.filter((op) => !augmented.includes(op.split(' (')[0]))).toEqual([]);
    } finally {
      await plain.close();
    }
    await call(server(), '/v1/stats');
    expect(server().requests.map((r) => r.source)).toEqual(['handwritten']);
  });

  it('answers the same bytes from two servers', async () => {
    const other = await startContractServer({ specPath });
    const paths = [
      '/v1/sessions/ses_any/notes?pageSize=3',
      `/v1/sessions/ses_any/notes/${NOTE_EXAMPLE.data.id}`,
      '/v1/reports?from=2026-06-01',
      '/v1/reports',
      '/v1/status',
    ];
    try {
      server().reset();
      for (const path of paths) {
        expect(await capture(other.url, path, 'us', 'pro'), path).toEqual(await capture(server().url, path, 'us', 'pro'));
      }
    } finally {
      await other.close();
    }
  });
});

describe.skipIf(!hasSpec)('spec fallback: the served file', () => {
  it('is re-read when it appears or changes, like /openapi/v3.json', async () => {
    const later = join(dir, 'later.json');
    const server = await startContractServer({ specPath: later });
    try {
      expect(server.specFallback()).toMatchObject({ operations: [], problem: 'file not found' });
      expect((await call(server, '/v1/status')).status).toBe(404);
      writeFileSync(later, JSON.stringify(augmented()));
      expect((await call(server, '/v1/status')).status).toBe(200);
      writeFileSync(later, '{ not json');
      expect(server.specFallback().problem).toMatch(/^not JSON/);
      expect((await call(server, '/v1/status')).status).toBe(404);
      expect((await call(server, '/v1/stats')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

/** Every operation of the pinned spec answered by the fallback (hand-written routes off): the synthesiser on a real spec. */
describe.skipIf(!hasSpec)('spec fallback: every operation of the pinned spec', () => {
  const doc = hasSpec ? pinned() : ({ paths: {}, components: { schemas: {} } } as Spec);
  let server: ContractServer;
  beforeAll(async () => {
    server = await startContractServer({ handwritten: false });
  });
  afterAll(() => server.close());

  const operations = Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ template, method: method.toUpperCase(), op })),
  );

  it('lists them all', () => {
    expect(server.specFallback().operations).toHaveLength(operations.length);
  });

  it.each(operations.map((o) => [`${o.method} ${o.template}`, o] as const))('%s', async (_label, { template, method, op }) => {
    const secured = !(Array.isArray(op.security) && op.security.length === 0);
    const path = template.replace(/\{[^}]+\}/g, 'id_1');
    const reply = await call(server, path, { method, key: secured ? TEST_KEYS.us.enterprise : null });
    const responses = op.responses as Record<string, { content?: Record<string, { schema?: unknown }>; headers?: Record<string, { $ref?: string }> }>;
    const status = Object.keys(responses).filter((s) => /^2\d\d$/.test(s)).sort()[0] ?? '';
    expect(reply.status).toBe(Number(status));
    const response = responses[status];
    const [mediaType, media] = Object.entries(response?.content ?? {})[0] ?? [];
    expect(reply.headers.get('content-type')?.split(';')[0]).toBe(mediaType);
    validBody(reply.body, media?.schema);
    expect(reply.headers.get('x-contract-source')).toBe('spec');
    expect(reply.headers.get('x-isnotai-tier')).toBe(secured ? 'enterprise' : null);
    for (const name of Object.keys(response?.headers ?? {})) expect(reply.headers.get(name), name).not.toBeNull();
    if (secured) expect((await call(server, path, { method, key: null })).status).toBe(401);
  });
});
