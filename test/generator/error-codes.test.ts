import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiIR } from '../../generator/ir/types.js';
import { generate } from '../../generator/pipeline.js';
import { tempDir } from '../helpers/ir.js';
import { FROZEN_SPEC_DIR, ROOT } from '../helpers/pinned.js';

/**
 * Error responses fed to clients generated from real specs (and a problem+json fixture): what a
 * caller reads from `error.code` and `error.message`. Generated unformatted (format does not
 * change behaviour) into a temporary directory and imported from there.
 */
const BASE_URL = 'https://errors.example.test';
const KEY = 'test-key-0123456789abcdef';

type Method = (...args: unknown[]) => Promise<unknown>;
type Client = Record<string, Record<string, Method>>;

interface Generated {
  ir: ApiIR;
  out: string;
}

async function generateFrom(spec: string, name: string): Promise<Generated> {
  const out = join(await tempDir(`error-codes-${name}-`), 'client');
  const { ir } = await generate({ spec, out, format: false });
  return { ir, out };
}

/** A spec file with only `keep`'s paths and the components they reach: GitHub's whole client is large to generate. */
async function subsetOf(file: string, keep: string[]): Promise<string> {
  const document = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, unknown>; components: Record<string, Record<string, unknown>> };
  const components: Record<string, Record<string, unknown>> = {};
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const ref = (value as { $ref?: unknown }).$ref;
      const match = typeof ref === 'string' ? /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref) : null;
      if (match !== null && components[match[1]!]?.[match[2]!] === undefined) {
        const target = document.components[match[1]!]![match[2]!];
        (components[match[1]!] ??= {})[match[2]!] = target;
        visit(target);
      }
      Object.values(value).forEach(visit);
    }
  };
  const paths = Object.fromEntries(keep.map((path) => [path, document.paths[path]]));
  visit(paths);
  const out = join(await tempDir('error-codes-subset-'), 'openapi.json');
  await writeFile(out, JSON.stringify({ ...document, paths, components: { ...components, securitySchemes: document.components.securitySchemes } }));
  return out;
}

/** Calls `operationId` on a client built from `generated`, against BASE_URL; the error it throws. */
async function errorOf(generated: Generated, operationId: string, args: unknown[], apiKey = KEY): Promise<{ code?: unknown; message?: unknown; status?: unknown }> {
  const { ir, out } = generated;
  const resource = ir.resources.find((r) => r.operations.some((op) => op.operationId === operationId))!;
  const op = resource.operations.find((o) => o.operationId === operationId)!;
  const module = (await import(pathToFileURL(join(out, 'src', 'index.ts')).href)) as Record<string, new (options: Record<string, unknown>) => Client>;
  const client = new module[ir.clientClassName]!({ apiKey, baseUrl: BASE_URL, maxRetries: 0 });
  const error = await client[resource.property]![op.resourceMethod]!(...args).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as { code?: unknown; message?: unknown; status?: unknown };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('error codes read by generated clients', () => {
  it('Petstore: `{code: 1, type, message}` (no error schema) gives code "1"', async () => {
    const petstore = await generateFrom(resolve(ROOT, 'node_modules/@readme/oas-examples/3.0/json/petstore.json'), 'petstore');
    nock(BASE_URL).get('/pet/7').reply(404, { code: 1, type: 'error', message: 'Pet not found' });
    const error = await errorOf(petstore, 'getPetById', [7]);
    expect([error.status, error.code, error.message]).toEqual([404, '1', 'Pet not found']);
  }, 60_000);

  it('Petstore (expanded): the schema\'s `code: integer` is the code', async () => {
    const expanded = await generateFrom(resolve(ROOT, 'node_modules/@readme/oas-examples/3.0/json/petstore-expanded.json'), 'petstore-expanded');
    nock(BASE_URL).get('/pets/7').reply(404, { code: 404, message: 'no pet 7' });
    const error = await errorOf(expanded, 'find pet by id', [7]);
    expect([error.status, error.code, error.message]).toEqual([404, '404', 'no pet 7']);
  }, 60_000);

  it('GitHub: the message; no code, not even a 422 item\'s', async () => {
    const file = await subsetOf(resolve(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'), ['/repos/{owner}/{repo}', '/repos/{owner}/{repo}/issues']);
    const github = await generateFrom(file, 'github');
    nock(BASE_URL).get('/repos/o/r').reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    const notFound = await errorOf(github, 'repos/get', ['o', 'r']);
    expect([notFound.status, notFound.code, notFound.message]).toEqual([404, undefined, 'Not Found']);
    nock(BASE_URL)
      .post('/repos/o/r/issues')
      .reply(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }], documentation_url: 'https://docs.github.com/rest' });
    const invalid = await errorOf(github, 'issues/create', ['o', 'r', { title: '' }]);
    expect([invalid.status, invalid.code, invalid.message]).toEqual([422, undefined, 'Validation Failed']);
  }, 60_000);

  it('problem+json: the problem type is the code, `detail` the message; about:blank is no code', async () => {
    const problems = await generateFrom(resolve(ROOT, 'test/fixtures/error-bodies/problem-json.json'), 'problem-json');
    const type = 'https://widgets.example.test/problems/in-use';
    nock(BASE_URL).delete('/widgets/w1').reply(409, { type, title: 'Widget in use', status: 409, detail: 'w1 is on order 12' }, { 'content-type': 'application/problem+json' });
    const conflict = await errorOf(problems, 'deleteWidget', ['w1']);
    expect([conflict.status, conflict.code, conflict.message]).toEqual([409, type, 'w1 is on order 12']);
    nock(BASE_URL).get('/widgets/w2').reply(404, { type: 'about:blank', title: 'Not Found', status: 404 }, { 'content-type': 'application/problem+json' });
    const missing = await errorOf(problems, 'getWidget', ['w2']);
    expect([missing.status, missing.code, missing.message]).toEqual([404, undefined, 'Not Found']);
  }, 60_000);

  it('Not AI (frozen spec): `{error: {code, message}}` as before', async () => {
    const notai = await generateFrom(FROZEN_SPEC_DIR, 'notai');
    expect(notai.ir.errorBody).toEqual({ code: ['error', 'code'], message: ['error', 'message'], details: ['error', 'details'] });
    nock(BASE_URL).get('/v1/sessions/s1').reply(404, { error: { code: 'NOT_FOUND', message: 'No session s1' } });
    // The frozen config's key format: `aik_v1_` and 40 base64url characters.
    const error = await errorOf(notai, 'getSession', ['s1'], `aik_v1_${'A'.repeat(40)}`);
    expect([error.status, error.code, error.message]).toEqual([404, 'NOT_FOUND', 'No session s1']);
  }, 60_000);
});
