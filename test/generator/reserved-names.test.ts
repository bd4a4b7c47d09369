import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import nock from 'nock';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { namesOf, readNamesLock } from '../../generator/ir/names-lock.js';
import { safeIdentifier } from '../../generator/ir/naming.js';
import { generate } from '../../generator/pipeline.js';
import { compileSnippets, tsBlocks } from '../docs/code-blocks.js';
import { irOf, json, specWith, tempDir } from '../helpers/ir.js';
import { checkProgram } from '../helpers/ts-program.js';

/**
 * Names JavaScript gives meaning to (`then` makes a thenable, Object.prototype's members, `toJSON`,
 * `prototype`) never become a generated function, method, client property or type: the module
 * namespace of a package with an exported `then` is a thenable, so `await import()` of it fails.
 */
const MEANINGFUL = ['then', 'constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'toJSON', 'hasOwnProperty', 'toLocaleString'];

const thing = { type: 'object', properties: { id: { type: 'string' } } };
const ok = (schema: unknown = thing) => ({ '200': json(schema) });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('names JavaScript gives meaning to: the IR', () => {
  it.each(MEANINGFUL)('safeIdentifier(%j) gets the reserved-word suffix', (name) => {
    expect(safeIdentifier(name)).toBe(name === '__proto__' ? '__proto___' : `${name}_`);
  });

  it('as operationIds and tags: functions, resource properties and methods are renamed, types keep their names', async () => {
    const paths: Record<string, unknown> = Object.fromEntries(MEANINGFUL.map((name) => [`/${name}`, { get: { operationId: name, tags: [name], responses: ok() } }]));
    // A path segment after the resource names the method: `things.then()` would make the resource thenable.
    paths['/things/then'] = { get: { operationId: 'thingsThen', responses: ok() } };
    paths['/things/{id}/toString'] = { get: { operationId: 'thingToString', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok() } };
    const ir = await irOf(specWith(paths));
    const names = ir.operations.map((op) => [op.operationId, op.functionName, `${op.resource}.${op.resourceMethod}`, op.typeName]);
    expect(names).toEqual([
      ['then', 'then_', 'then_.get', 'Then'],
      ['constructor', 'constructor_', 'constructor_.get', 'Constructor'],
      ['__proto__', 'proto', 'proto.get', 'Proto'],
      ['prototype', 'prototype_', 'prototype_.get', 'Prototype'],
      ['toString', 'toString_', 'toString_.get', 'ToString'],
      ['valueOf', 'valueOf_', 'valueOf_.get', 'ValueOf'],
      ['toJSON', 'toJSON_', 'toJson.get', 'ToJSON'],
      ['hasOwnProperty', 'hasOwnProperty_', 'hasOwnProperty_.get', 'HasOwnProperty'],
      ['toLocaleString', 'toLocaleString_', 'toLocaleString_.get', 'ToLocaleString'],
      ['thingsThen', 'thingsThen', 'things.then_', 'ThingsThen'],
      ['thingToString', 'thingToString', 'things.toString_', 'ThingToString'],
    ]);
  });

  it('a lock recorded by an older generator keeps every name except one JavaScript gives meaning to', async () => {
    const spec = specWith({ '/then': { get: { operationId: 'then', responses: ok() } }, '/pets/{id}': { get: { operationId: 'getPet', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok() } } });
    const first = await irOf(spec);
    const lock = namesOf(first);
    // What the generator before this rule wrote: `then` everywhere.
    lock.operations['GET /then'] = { function: 'then', types: 'Then', resource: 'then', method: 'get' };
    lock.resources = { then: { className: 'ThenRecorded' }, pets: { className: 'PetsRecorded' } };
    lock.operations['GET /pets/{id}'] = { function: 'fetchPet', types: 'FetchPet', resource: 'pets', method: 'fetch' };
    const second = await irOf(spec, {}, readNamesLock(JSON.parse(JSON.stringify({ names: lock }))));
    expect(second.operations.map((op) => `${op.functionName} ${op.resource}.${op.resourceMethod}`)).toEqual(['then_ then_.get', 'fetchPet pets.fetch']);
    expect(second.resources.map((r) => r.className)).toEqual(['Then', 'PetsRecorded']);
  });

  it('a schema named __proto__ keeps its recorded alias (the lock entry is a key, not a prototype)', async () => {
    // Built with fromEntries: `{ __proto__: … }` in an object literal would set a prototype instead.
    const withSchemas = (...names: string[]) => specWith({}, { components: { schemas: Object.fromEntries(names.map((n) => [n, thing])) } });
    const first = await irOf(withSchemas('__proto__'));
    expect(first.schemaAliases.map((s) => [s.schemaName, s.name])).toEqual([['__proto__', 'Proto']]);
    const lock = readNamesLock(JSON.parse(JSON.stringify({ names: namesOf(first) })));
    // The release adds `Proto` first: without the recorded alias it would take `Proto`, renaming the old type.
    const second = await irOf(withSchemas('Proto', '__proto__'), {}, lock);
    expect(second.schemaAliases.map((s) => [s.schemaName, s.name])).toEqual([['Proto', 'Proto2'], ['__proto__', 'Proto']]);
  });
});

/** Every file of the package under its own strict tsconfig. */
function diagnostics(dir: string): string[] {
  const config = ts.readConfigFile(join(dir, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  const program = checkProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** The spec's schema names and operationIds are the names JavaScript reads off any object. */
const SCHEMAS = ['then', 'constructor', '__proto__', 'prototype', 'toString'];
const BASE = 'https://api.weird.test';

function weirdSpec(): string {
  const paths: Record<string, unknown> = {
    '/then': { get: { operationId: 'then', tags: ['then'], responses: ok(ref('then')) } },
    '/constructor/{toString}': { get: { operationId: 'constructor', tags: ['constructor'], parameters: [{ name: 'toString', in: 'path', required: true, schema: { type: 'string' } }], responses: ok(ref('constructor')) } },
    '/__proto__': { post: { operationId: '__proto__', tags: ['__proto__'], requestBody: { required: true, content: { 'application/json': { schema: ref('__proto__') } } }, responses: ok(ref('prototype')) } },
    '/prototype': { get: { operationId: 'prototype', tags: ['prototype'], responses: ok(ref('toString')) } },
    '/toString': { get: { operationId: 'toString', tags: ['toString'], responses: ok() } },
    '/valueOf': { delete: { operationId: 'valueOf', tags: ['valueOf'], responses: { '204': { description: 'gone' } } } },
    // Query and header parameters together: the query becomes an object literal in the generated code.
    '/search': {
      get: {
        operationId: 'search',
        tags: ['search'],
        parameters: [
          { name: '__proto__', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'constructor', in: 'query', schema: { type: 'string' } },
          { name: 'x-trace', in: 'header', schema: { type: 'string' } },
        ],
        responses: ok(),
      },
    },
    '/filter': { get: { operationId: 'filter', tags: ['filter'], parameters: [{ name: '__proto__', in: 'query', schema: { type: 'string' } }, { name: 'x-trace', in: 'header', schema: { type: 'string' } }], responses: ok() } },
  };
  const schemas = Object.fromEntries(SCHEMAS.map((name) => [name, thing]));
  // fromEntries makes `__proto__` a key (an object literal would set the prototype instead).
  return JSON.stringify(specWith(paths, { info: { title: 'Weird API', version: '1.0.0' }, servers: [{ url: BASE }], components: { schemas } }));
}

describe('a generated package whose spec uses those names', () => {
  let out: string;
  let api: Record<string, unknown>;

  beforeAll(async () => {
    const dir = await tempDir('reserved-names-');
    const spec = weirdSpec();
    expect(JSON.parse(spec).components.schemas).toHaveProperty(['__proto__']);
    await writeFile(join(dir, 'openapi.json'), spec);
    out = join(dir, 'client');
    await generate({ spec: join(dir, 'openapi.json'), out, format: false });
    // The package as a consumer gets it: compiled JavaScript, imported dynamically.
    await build({ entryPoints: [join(out, 'src', 'index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: join(dir, 'dist', 'index.mjs'), logLevel: 'silent' });
    api = (await import(pathToFileURL(join(dir, 'dist', 'index.mjs')).href)) as Record<string, unknown>;
    nock.disableNetConnect();
  }, 120_000);

  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('type-checks under its own strict tsconfig', () => {
    expect(diagnostics(out)).toEqual([]);
  }, 60_000);

  it('await import() resolves to the module namespace: nothing exported is called then', () => {
    expect(Object.prototype.toString.call(api)).toBe('[object Module]');
    expect(Object.keys(api).filter((k) => MEANINGFUL.includes(k))).toEqual([]);
    expect(Object.keys(api)).toEqual(expect.arrayContaining(['then_', 'constructor_', 'proto', 'prototype_', 'toString_', 'valueOf_', 'Weird']));
  });

  it('the client and its resources are no thenables and still print as objects', () => {
    const Weird = api.Weird as new (options: Record<string, unknown>) => Record<string, unknown>;
    const client = new Weird({ baseUrl: BASE });
    for (const name of MEANINGFUL) expect(Object.hasOwn(client, name)).toBe(false);
    expect(String(client)).toBe('[object Object]');
    expect(Object.keys(client)).toEqual(expect.arrayContaining(['then_', 'constructor_', 'proto', 'prototype_', 'toString_', 'valueOf_']));
  });

  it('the renamed operations call the API', async () => {
    type Call = (...args: unknown[]) => Promise<unknown>;
    const Weird = api.Weird as new (options: Record<string, unknown>) => Record<string, Record<string, Call>>;
    const client = new Weird({ baseUrl: BASE });
    const scope = nock(BASE)
      .get('/then').reply(200, { id: 't' })
      .get('/constructor/a%20b').reply(200, { id: 'c' })
      .post('/__proto__', { id: 'body' }).reply(200, { id: 'p' })
      .get('/prototype').reply(200, { id: 'pt' })
      .get('/toString').reply(200, { id: 's' })
      .delete('/valueOf').reply(204);
    expect(await client.then_!.get!()).toEqual({ id: 't' });
    expect(await (api.constructor_ as Call)(client, 'a b')).toEqual({ id: 'c' });
    expect(await client.proto!.create!({ id: 'body' })).toEqual({ id: 'p' });
    expect(await client.prototype_!.get!()).toEqual({ id: 'pt' });
    expect(await client.toString_!.get!()).toEqual({ id: 's' });
    expect(await client.valueOf_!.deleteAll!()).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });

  it('a query parameter named __proto__ is sent as a key, and not sent when not given', async () => {
    type Call = (params?: object, options?: object) => Promise<unknown>;
    const Weird = api.Weird as new (options: Record<string, unknown>) => Record<string, Record<string, Call>>;
    const client = new Weird({ baseUrl: BASE });
    const seen: string[] = [];
    nock(BASE)
      .get(/.*/)
      .times(3)
      .reply(200, function reply(uri) {
        seen.push(`${uri} ${String(this.req.headers['x-trace'] ?? '-')}`);
        return { id: 'x' };
      });
    // A computed key: `{ __proto__: … }` in an object literal would set the prototype instead.
    await client.search!.get!({ ['__proto__']: 'p', constructor: 'c' }, { headers: {} });
    await client.filter!.get!({ ['x-trace']: 't' });
    await client.filter!.get!({ ['__proto__']: 'q' });
    expect(seen).toEqual(['/search?__proto__=p&constructor=c -', '/filter t', '/filter?__proto__=q -']);
  });

  it('README examples with those parameters compile against the package', async () => {
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/[{,]\s*"?__proto__"?\s*:/);
    const blocks = tsBlocks(readme, 'README.md');
    expect(blocks.length).toBeGreaterThan(5);
    expect(compileSnippets(blocks, { name: 'weird-client', dir: out })).toEqual([]);
  }, 60_000);
});
