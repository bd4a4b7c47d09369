import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchCommand } from '../../generator/commands/fetch.js';
import { canonicalJson } from '../../generator/schema/json.js';
import { compareVersions } from '../../generator/spec-store/versions.js';
import { frozenSpec, frozenSpecDir } from '../helpers/pinned.js';
const HOST = 'https://api.isnotai.com';
const PATH = '/openapi/v3.json';
const noSleep = async (): Promise<void> => {};
const fixedNow = () => new Date('2026-11-28T00:00:00.000Z');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await fetchCommand(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) }, { sleep: noSleep, now: fixedNow });
  return { code, out, err };
}

async function tree(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) result[join(entry.parentPath, entry.name).slice(dir.length)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return result;
}

let pinned: Record<string, unknown>;
let specDir: string;
beforeAll(async () => {
  nock.disableNetConnect();
  // The frozen 1.0.17.0 spec directory: a release of the live spec/ changes nothing here.
  pinned = await frozenSpec();
});
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  specDir = await frozenSpecDir();
});
afterEach(() => nock.cleanAll());

const withVersion = (version: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ ...pinned, info: { ...(pinned.info as object), version }, ...extra });

describe('fetch: pins a new version', () => {
  it('writes <version>/openapi.json canonicalised and updates the lock', async () => {
    const next = withVersion('1.0.18.0');
    // Served with keys in a different order and compact: the pin must still be canonical.
    nock(HOST).get(PATH).reply(200, JSON.stringify({ paths: next.paths, openapi: next.openapi, ...next }), { etag: '"v18"', 'content-type': 'application/json' });
    const result = await run(['--out', specDir]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Pinned 1\.0\.18\.0/);
    const text = await readFile(join(specDir, '1.0.18.0', 'openapi.json'), 'utf8');
    expect(text).toBe(canonicalJson(next));
    const lock = JSON.parse(await readFile(join(specDir, 'spec.lock.json'), 'utf8')) as { current: string; versions: Record<string, Record<string, unknown>> };
    expect(lock.current).toBe('1.0.18.0');
    expect(lock.versions['1.0.18.0']).toMatchObject({ etag: '"v18"', fetchedAt: '2026-11-28T00:00:00.000Z', source: `${HOST}${PATH}`, file: '1.0.18.0/openapi.json' });
    expect(lock.versions['1.0.17.0']).toBeDefined();
    expect((await readdir(specDir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('uses the EU server for --region eu', async () => {
    const scope = nock('https://api-eu.isnotai.com').get(PATH).reply(200, withVersion('1.0.18.0'));
    expect((await run(['--out', specDir, '--region', 'eu'])).code).toBe(0);
    expect(scope.isDone()).toBe(true);
  });

  it('retries a 503 and a dropped connection, then succeeds', async () => {
    nock(HOST).get(PATH).reply(503, 'busy').get(PATH).replyWithError('socket hang up').get(PATH).reply(200, withVersion('1.0.18.0'));
    expect((await run(['--out', specDir])).code).toBe(0);
  });

  it('pins changed content under an unchanged version as <version>+sha.<hash>', async () => {
    const changed = withVersion('1.0.17.0', { externalDocs: { url: 'https://example.test/changed' } });
    nock(HOST).get(PATH).reply(200, changed);
    const result = await run(['--out', specDir]);
    expect(result.code).toBe(0);
    const lock = JSON.parse(await readFile(join(specDir, 'spec.lock.json'), 'utf8')) as { current: string };
    expect(lock.current).toMatch(/^1\.0\.17\.0\+sha\.[0-9a-f]{8}$/);
  });
});

describe('fetch: writes nothing when unchanged or wrong', () => {
  it('reports an unchanged document', async () => {
    const before = await tree(specDir);
    nock(HOST).get(PATH).reply(200, JSON.stringify(pinned));
    const result = await run(['--out', specDir]);
    expect([result.code, result.out]).toEqual([0, 'Spec unchanged (1.0.17.0); nothing written.\n']);
    expect(await tree(specDir)).toEqual(before);
  });

  it.each([
    ['a 404', () => nock(HOST).get(PATH).reply(404, 'nope'), /HTTP 404/],
    ['a 500 storm', () => nock(HOST).get(PATH).times(4).reply(500, 'down'), /HTTP 500/],
    ['an HTML page', () => nock(HOST).get(PATH).reply(200, '<!DOCTYPE html><html><body>Sign in</body></html>', { 'content-type': 'text/html' }), /HTML page/],
    ['truncated JSON', () => nock(HOST).get(PATH).reply(200, JSON.stringify(pinned).slice(0, 5000)), /not valid JSON/],
    ['an empty body', () => nock(HOST).get(PATH).reply(200, ''), /empty/],
    ['an invalid spec', () => nock(HOST).get(PATH).reply(200, { ...withVersion('1.0.18.0'), paths: { '/a': { get: { responses: 7 } } } }), /Invalid spec.*#\/paths\/~1a\/get\/responses/],
    ['a version that goes backwards', () => nock(HOST).get(PATH).reply(200, withVersion('1.0.16.9')), /went backwards: 1\.0\.16\.9 is older than the pinned 1\.0\.17\.0/],
    ['no info.version', () => nock(HOST).get(PATH).reply(200, { ...pinned, info: { title: 'x' } }), /info/],
  ])('%s is a clear error and leaves spec/ untouched', async (_label, setup, message) => {
    const before = await tree(specDir);
    setup();
    const result = await run(['--out', specDir, '--retries', '3']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(await tree(specDir)).toEqual(before);
  });

  it('sends If-None-Match with the pinned ETag and accepts 304', async () => {
    nock(HOST).get(PATH).reply(200, withVersion('1.0.18.0'), { etag: 'W/"abc"' });
    expect((await run(['--out', specDir])).code).toBe(0);
    const before = await tree(specDir);
    nock(HOST, { reqheaders: { 'if-none-match': 'W/"abc"' } }).get(PATH).reply(304);
    const result = await run(['--out', specDir]);
    expect([result.code, result.out]).toEqual([0, 'Spec unchanged (1.0.18.0); nothing written.\n']);
    expect(await tree(specDir)).toEqual(before);
  });
});

describe('version order', () => {
  it.each([
    ['1.0.17.0', '1.0.18', -1],
    ['1.0.17.0', '1.0.17', 0],
    ['1.10.0', '1.9.9', 1],
    ['2.0.0-beta', '2.0.0-alpha', 1],
  ])('compareVersions(%s, %s) = %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});
