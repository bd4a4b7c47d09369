import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { scaled } from '../helpers/slowdown.js';
import { generate } from '../../generator/pipeline.js';
import type { ApiIR, OperationIR } from '../../generator/ir/types.js';
import { cursorPage, irOf, json, specWith, tempDir } from '../helpers/ir.js';
import { namesOf } from '../../generator/ir/names-lock.js';
import { GENERATED_DIR, pinnedIR } from '../helpers/pinned.js';
import { checkProgram, describeDiagnostics } from '../helpers/ts-program.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The generated package's program, from its own tsconfig: its index, or every file under src when
 * `allFiles` (a test's `uses.ts` included). One program serves both the strict diagnostics and the
 * method walk of a package, so each package is type-checked once (issue #20: a program is seconds).
 */
function programOf(packageDir: string, allFiles = false): ts.Program {
  const config = ts.readConfigFile(join(packageDir, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, packageDir);
  const rootNames = allFiles ? parsed.fileNames : [join(packageDir, 'src', 'index.ts')];
  return checkProgram(rootNames, parsed.options);
}

/** The pinned client's program, built once for the tests that read it. */
let pinnedProgram: ts.Program | undefined;
const pinned = (): ts.Program => (pinnedProgram ??= programOf(GENERATED_DIR));

/**
 * What a user sees in hover and in the `.d.ts`: every resource method's return type as the
 * compiler prints it (typeToString), by `Class.method`.
 */
function methodTypes(program: ts.Program): Map<string, { returns: string; params: string[] }> {
  const out = new Map<string, { returns: string; params: string[] }>();
  forEachMethod(program, (key, signature, checker) => {
    const print = (type: ts.Type) => checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
    out.set(key, { returns: print(signature.getReturnType()), params: signature.getParameters().map((p) => print(checker.getTypeOfSymbol(p))) });
  });
  return out;
}

/** The members of each resource method's `params` type (`name`, `name?` when optional), sorted, by `Class.method`. */
function paramsMembers(program: ts.Program): Map<string, string[]> {
  const out = new Map<string, string[]>();
  forEachMethod(program, (key, signature, checker) => {
    const params = signature.getParameters().find((p) => p.name === 'params');
    if (params === undefined) return;
    const type = checker.getNonNullableType(checker.getTypeOfSymbol(params));
    out.set(key, checker.getPropertiesOfType(type).map((p) => `${p.name}${p.flags & ts.SymbolFlags.Optional ? '?' : ''}`).sort());
  });
  return out;
}

/** Calls `visit` with each resource class method's signature of the generated package, keyed `Class.method`. */
function forEachMethod(program: ts.Program, visit: (key: string, signature: ts.Signature, checker: ts.TypeChecker) => void): void {
  const checker = program.getTypeChecker();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.includes('/src/resources/')) continue;
    file.forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        visit(`${node.name.text}.${member.name.text}`, checker.getSignatureFromDeclaration(member)!, checker);
      }
    });
  }
}

/** Every parameter and result of the client that prints as an expanded shape, as `Class.method: type`. */
function expanded(types: ReadonlyMap<string, { returns: string; params: string[] }>): string[] {
  return [...types].flatMap(([method, t]) => [t.returns, ...t.params].filter((s) => s.includes('{')).map((s) => `${method}: ${s}`));
}

/**
 * A spec file with only the paths of `keep` (a sample: GitHub's whole client takes a minute to
 * generate and check) and the components they reach.
 */
function subsetOf(file: string, dir: string, keep: (path: string, item: Record<string, unknown>) => boolean): string {
  const document = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, unknown>>; components: Record<string, Record<string, unknown>> };
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
  const paths = Object.fromEntries(Object.entries(document.paths).filter(([path, item]) => keep(path, item)));
  visit(paths);
  const out = join(dir, 'openapi.json');
  writeFileSync(out, JSON.stringify({ ...document, paths, components, webhooks: undefined }));
  return out;
}

describe('named types in declarations and hover', () => {
  it('the Not AI client: every result prints as its model and every parameter as its alias, never as an expanded object', async () => {
    const ir = await pinnedIR();
    const types = methodTypes(pinned());
    const byMethod = new Map<string, OperationIR>(ir.resources.flatMap((r) => r.operations.map((op) => [`${r.className}.${op.resourceMethod}`, op] as const)));
    expect([...types.keys()].sort()).toEqual([...byMethod.keys()].sort());
    for (const [method, { returns, params }] of types) {
      const op = byMethod.get(method)!;
      expect(returns, method).not.toContain('{');
      for (const param of params) expect(param, method).not.toContain('{');
      // The model the IR names it by (unwrapped from the envelope where there is one) comes first.
      if (op.success?.model) expect(returns, method).toMatch(new RegExp(`^(API|Page|Envelope)Promise<${op.success.model}[,>]`));
    }
    // The example, spelled out.
    expect(types.get('Sessions.details')?.returns).toBe('EnvelopePromise<SessionDetails, SessionDetailsResponse>');
    expect(types.get('Sessions.get')?.returns).toBe('EnvelopePromise<PublicSession, SessionResponse>');
    expect(types.get('Sessions.list')?.params).toEqual(['ListSessionsParams | undefined', 'PageRequestOptions | undefined']);
  });

  it('the Not AI client: each parameter alias still holds the operation parameters, optional where the spec says so', async () => {
    const ir = await pinnedIR();
    const members = paramsMembers(pinned());
    const withParams = ir.resources.flatMap((r) => r.operations.filter((op) => op.names.params !== undefined).map((op) => [`${r.className}.${op.resourceMethod}`, op] as const));
    expect(withParams.length).toBeGreaterThan(0);
    for (const [method, op] of withParams) {
      const auth = new Set((op.authParams ?? []).map((p) => `${p.in} ${p.name}`));
      const expected = op.namedParams.filter((p) => !auth.has(`${p.in} ${p.name}`)).map((p) => `${p.name}${p.required ? '' : '?'}`);
      expect(members.get(method), method).toEqual(expected.sort());
    }
  });

  it('a foreign spec (Petstore): results, bodies and parameters print as named types', async () => {
    const dir = await tempDir('named-types-');
    const out = join(dir, 'client');
    await generate({ spec: join(ROOT, 'node_modules', '@readme', 'oas-examples', '3.0', 'json', 'petstore.json'), out, format: false });
    const types = methodTypes(programOf(out));
    expect([...types.values()].map((t) => t.returns)).toContain('APIPromise<Pet>');
    // Inline schemas (getInventory's map, an inline body or parameter list) are named too.
    expect(expanded(types)).toEqual([]);
    expect(types.get('Store.inventory')?.returns).toBe('APIPromise<GetInventoryResponse>');
    expect(types.get('PetResource.create')?.params[0]).toBe('AddPetBody');
    expect([...types.values()].map((t) => t.returns)).toEqual(expect.arrayContaining(['APIPromise<Pet[]>', 'APIPromise<Order>', 'APIPromise<User>', 'APIPromise<ApiResponse>']));
  });
});

/**
 * A name is given by re-declaring the alias in a form that keeps its kind of type: the module's
 * `Named$` mapped type for one object, `T[number][]` for an array, `T | never` for a union. An array body/result must
 * stay an array, an untyped (`{}`) body `unknown`, a nullable result nullable.
 */
describe('bodies and results that are not one object keep their type', () => {
  it('an array body/result, an untyped body and a nullable result type-check as before, and print their names', async () => {
    const dir = await tempDir('named-shapes-');
    const file = join(dir, 'openapi.json');
    const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
    const item = { type: 'object', properties: { a: { type: 'string' } } };
    const spec = specWith({
      '/lists': { post: { operationId: 'createList', tags: ['lists'], requestBody: json({ type: 'array', items: item }), responses: { '200': { description: 'ok', ...json({ type: 'array', items: item }) } } } },
      '/anything': { post: { operationId: 'putAnything', tags: ['lists'], requestBody: json({}), responses: { '200': { description: 'ok', ...json({ type: ['object', 'null'], properties: { a: { type: 'string' } } }) } } } },
      '/maps': { post: { operationId: 'putMap', tags: ['lists'], requestBody: json({ type: 'object', additionalProperties: { type: 'string' } }), responses: { '204': { description: 'none' } } } },
      // openapi-typescript makes an anyOf a union with the object (`{…} | unknown`: unknown), where
      // a oneOf of such constraints is an intersection (`{…} & (unknown | unknown)`: the object).
      '/either': { post: { operationId: 'putEither', tags: ['lists'], requestBody: json({ type: 'object', properties: { a: { type: 'string' } }, anyOf: [{ required: ['a'] }, { required: ['b'] }] }), responses: { '204': { description: 'none' } } } },
      '/one': { post: { operationId: 'putOne', tags: ['lists'], requestBody: json({ type: 'object', properties: { a: { type: 'string' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] }), responses: { '204': { description: 'none' } } } },
      // Named properties beside an index signature (in the object itself, or from an allOf member):
      // `keyof` is `string | number` there, so `Named$` would keep only the index.
      '/widgets': {
        post: {
          operationId: 'putWidget',
          tags: ['widgets'],
          requestBody: json({ type: 'object', required: ['name'], properties: { name: { type: 'string' }, size: { type: 'integer' } }, additionalProperties: true }),
          responses: { '200': { description: 'ok', ...json({ allOf: [{ type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, { type: 'object', additionalProperties: { type: 'string' } }] }) } },
        },
      },
    });
    writeFileSync(file, JSON.stringify(spec));
    const out = join(dir, 'client');
    await generate({ spec: file, out, format: false });
    const source = ['lists', 'anything', 'maps', 'either', 'one', 'widgets'].map((name) => readFileSync(join(out, 'src', 'resources', `${name}.ts`), 'utf8')).join('\n');
    for (const alias of ['CreateListBody', 'CreateListResponse', 'PutAnythingBody', 'PutAnythingResponse', 'PutEitherBody']) expect(source, alias).not.toMatch(new RegExp(`type ${alias} = Named\\$<`));
    for (const alias of ['PutMapBody', 'PutWidgetBody', 'PutWidgetResponse']) expect(source, alias).toMatch(new RegExp(`type ${alias} = \\{\\s*\\[K in keyof `));
    expect(source).toMatch(/type PutOneBody = Named\$</);
    expect(source).toMatch(/type CreateListResponse = [^;]*\[number\]\[\];/);
    expect(source).toMatch(/type PutAnythingResponse = [^;]* \| never;/);
    writeFileSync(
      join(out, 'src', 'uses.ts'),
      [
        "import { Test, createList, putAnything, putMap, putOne, putWidget } from './index.js';",
        'declare const client: Test;',
        "export const length: Promise<number> = createList(client, [{ a: 'x' }]).then((list) => list.length);",
        'export const nullable: Promise<string | undefined> = putAnything(client, 42).then((r) => (r === null ? undefined : r.a));',
        "void putMap(client, { k: 'v' });",
        "void putOne(client, { a: 'x' });",
        "export const id: Promise<string> = putWidget(client, { name: 'w', size: 1, extra: true }).then((w) => w.id);",
        '// @ts-expect-error `name` is required',
        'void putWidget(client, { size: 1 });',
        '// @ts-expect-error `size` is a number',
        "void putWidget(client, { name: 'w', size: 'big' });",
        '',
      ].join('\n'),
    );
    const program = programOf(out, true);
    expect(describeDiagnostics(ts.getPreEmitDiagnostics(program))).toEqual([]);
    const types = methodTypes(program);
    expect(types.get('Maps.create')?.params[0]).toBe('PutMapBody | undefined');
    expect(types.get('Widgets.create')?.params[0]).toBe('PutWidgetBody | undefined');
    expect(types.get('Widgets.create')?.returns).toBe('APIPromise<PutWidgetResponse>');
    expect(types.get('Lists.create')?.returns).toBe('APIPromise<CreateListResponse>');
    expect(types.get('Anything.create')?.returns).toBe('APIPromise<PutAnythingResponse>');
    expect(expanded(types)).toEqual([]);
  }, scaled(180_000));
});

describe('inline shapes an operation alias cannot hold itself', () => {
  const inline = { type: 'object', required: ['id'], properties: { id: { type: 'string' }, size: { type: 'integer' } } };
  const other = { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } };
  const ok = (schema: unknown) => ({ responses: { '200': json(schema) } });
  const cursorParams = [
    { name: 'cursor', in: 'query', schema: { type: 'string' } },
    { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
  ];
  const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
  const spec = (extra: Record<string, unknown> = {}, schemas: Record<string, unknown> = {}) =>
    specWith(
      {
        '/widgets/{id}': { get: { operationId: 'getWidget', tags: ['widgets'], parameters: id, ...ok({ type: 'object', required: ['data'], properties: { data: inline } }) } },
        '/gadgets/{id}': { get: { operationId: 'getGadget', tags: ['gadgets'], parameters: id, ...ok({ type: 'object', required: ['data'], properties: { data: { type: 'array', items: inline } } }) } },
        '/things/{id}': { get: { operationId: 'getThing', tags: ['things'], parameters: id, ...ok({ type: 'object', required: ['data'], properties: { data: { oneOf: [inline, other] } } }) } },
        '/widgets': { get: { operationId: 'listWidgets', tags: ['widgets'], parameters: cursorParams, ...ok(cursorPage(inline)) } },
        '/shapes': { get: { operationId: 'listShapes', tags: ['shapes'], ...ok({ oneOf: [inline, other] }) } },
        ...extra,
      },
      { components: { schemas } },
    );

  it('an inline object, array or union inside an envelope, a page of inline items and a union result print as names, and type-check', async () => {
    const dir = await tempDir('named-inline-');
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(spec()));
    const out = join(dir, 'client');
    await generate({ spec: file, out, format: false });
    writeFileSync(
      join(out, 'src', 'uses.ts'),
      [
        "import type { Test, GetWidgetResult, ListWidgetsItem, GetThingResult } from './index.js';",
        'declare const client: Test;',
        "export const size: Promise<number | undefined> = client.widgets.get('w').then((w: GetWidgetResult) => w.size);",
        "export const sizes: Promise<(number | undefined)[]> = client.gadgets.get('g').then((list) => list.map((g) => g.size));",
        "export const kind: Promise<string> = client.things.get('t').then((t: GetThingResult) => ('kind' in t ? t.kind : t.id));",
        "export const shape: Promise<string> = client.shapes.list().then((s) => ('kind' in s ? s.kind : s.id));",
        'export async function ids(): Promise<string[]> {',
        '  const out: string[] = [];',
        '  for await (const w of client.widgets.list()) out.push((w satisfies ListWidgetsItem).id);',
        '  return out;',
        '}',
        '',
      ].join('\n'),
    );
    const program = programOf(out, true);
    expect(describeDiagnostics(ts.getPreEmitDiagnostics(program))).toEqual([]);
    const types = methodTypes(program);
    expect(expanded(types)).toEqual([]);
    expect(types.get('Widgets.get')?.returns).toBe('EnvelopePromise<GetWidgetResult, GetWidgetResponse>');
    expect(types.get('Gadgets.get')?.returns).toBe('EnvelopePromise<GetGadgetResult, GetGadgetResponse>');
    expect(types.get('Things.get')?.returns).toBe('EnvelopePromise<GetThingResult, GetThingResponse>');
    expect(types.get('Widgets.list')?.returns).toMatch(/^PagePromise<ListWidgetsResponse, ListWidgetsItem[,>]/);
    expect(types.get('Shapes.list')?.returns).toBe('APIPromise<ListShapesResponse>');
  }, scaled(180_000));

  it('`…Result` is reserved with the other aliases: a schema of that name added later gives way, and an older lock keeps its names', async () => {
    const first = await irOf(spec());
    const widget = (ir: ApiIR) => ir.operations.find((op) => op.operationId === 'getWidget')!;
    expect(widget(first).resultTypeName).toBe('GetWidgetResult');
    // The next release adds an operation and a schema named like the inline result: the lock keeps it.
    const next = await irOf(spec({ '/extra': { get: { operationId: 'getWidgetResult', tags: ['extra'], ...ok({ $ref: '#/components/schemas/GetWidgetResult' }) } } }, { GetWidgetResult: other }), {}, namesOf(first));
    expect(widget(next).typeName).toBe('GetWidget');
    expect(widget(next).resultTypeName).toBe('GetWidgetResult');
    expect(next.schemaAliases.find((a) => a.schemaName === 'GetWidgetResult')?.name).not.toBe('GetWidgetResult');
    // A lock written before `…Result` existed, with the schema already named so: the operation
    // keeps its recorded names and simply has no `…Result` (its result prints as before).
    const older = await irOf(spec({}, { GetWidgetResult: other }), {}, { ...namesOf(first), schemas: { GetWidgetResult: 'GetWidgetResult' } });
    expect(widget(older).typeName).toBe('GetWidget');
    expect(widget(older).resultTypeName).toBeUndefined();
    expect(older.schemaAliases.find((a) => a.schemaName === 'GetWidgetResult')?.name).toBe('GetWidgetResult');
    // Without a lock, a new operation's prefix avoids a schema's name the way it avoids `…Response`.
    const fresh = await irOf(spec({}, { GetWidgetResult: other }));
    expect(widget(fresh).typeName).toBe('GetWidgetOperation');
    expect(widget(fresh).resultTypeName).toBe('GetWidgetOperationResult');
  });
});

describe('named components over allOf chains', () => {
  it('Figma (traits composed with allOf, recursive nodes) still type-checks strictly, and no method prints an expanded shape', async () => {
    const dir = await tempDir('named-figma-');
    const out = join(dir, 'client');
    await generate({ spec: join(ROOT, 'node_modules', '@figma', 'rest-api-spec', 'openapi', 'openapi.yaml'), out, format: false });
    expect(readFileSync(join(out, 'src', 'types.ts'), 'utf8')).toMatch(/^export type FrameTraits = /m);
    const program = programOf(out);
    expect(describeDiagnostics(ts.getPreEmitDiagnostics(program))).toEqual([]);
    const types = methodTypes(program);
    expect(types.size).toBeGreaterThan(40);
    expect(expanded(types)).toEqual([]);
  }, scaled(240_000));
});

describe('GitHub: inline bodies and results (a sample of its operations)', () => {
  it('no method prints an expanded shape: pages of inline items, arrays, oneOf bodies, nullable bodies, allOf results', async () => {
    const dir = await tempDir('named-github-');
    // Every sixth path that has an operation with an inline (non-$ref) JSON body or result, and
    // the paths of the shapes named below: ~100 methods, where a whole GitHub client takes a minute.
    const inline = (item: Record<string, unknown>): boolean => /"schema":\{"(?!\$ref")/.test(JSON.stringify(Object.values(item).map((op) => [(op as { requestBody?: unknown }).requestBody, (op as { responses?: unknown }).responses])));
    const named = ['/app/installations', '/app-manifests/{code}/conversions', '/orgs/{org}/attestations/repositories', '/repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts', '/orgs/{org}/campaigns', '/repos/{owner}/{repo}/actions/jobs/{job_id}/rerun'];
    let seen = 0;
    const spec = subsetOf(join(ROOT, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json'), dir, (path, item) => named.includes(path) || (inline(item) && seen++ % 6 === 0));
    const out = join(dir, 'client');
    await generate({ spec, out, format: false });
    const program = programOf(out);
    const types = methodTypes(program);
    expect(types.size).toBeGreaterThan(80);
    expect(expanded(types)).toEqual([]);
    // A page of inline items (a Link-paged array body), an array of inline objects, a oneOf of one
    // object, an allOf of a nullable component and an object.
    expect(types.get('Apps.listInstallations')?.returns).toBe('PagePromise<AppsListInstallationsResponse, AppsListInstallationsItem, LinkPage<AppsListInstallationsResponse, AppsListInstallationsItem>>');
    expect(types.get('Orgs.listAttestationRepositories')?.returns).toBe('APIPromise<OrgsListAttestationRepositoriesResponse>');
    expect(types.get('Repos.setStatusCheckContexts')?.params[3]).toBe('ReposSetStatusCheckContextsBody | undefined');
    expect(types.get('Apps.createFromManifest')?.returns).toBe('APIPromise<AppsCreateFromManifestResponse>');
    expect(describeDiagnostics(ts.getPreEmitDiagnostics(program))).toEqual([]);
  }, scaled(240_000));
});

describe('recursive unions (a 3.1 oneOf of scalars, an object and an array of itself, type: null beside it)', () => {
  it('the generated client type-checks strictly (it failed with TS2502)', async () => {
    const dir = await tempDir('recursive-union-');
    const out = join(dir, 'client');
    await generate({ spec: join(ROOT, 'test', 'fixtures', 'recursive-union', 'openapi.json'), out, format: false });
    const program = programOf(out);
    expect(describeDiagnostics(ts.getPreEmitDiagnostics(program))).toEqual([]);
    expect(readFileSync(join(out, 'src', 'types.ts'), 'utf8')).toMatch(/^export type JsonValue = /m);
    expect([...methodTypes(program).values()].map((t) => t.returns)).toContain('APIPromise<Document>');
    // `type: "null"` beside the oneOf is one more member, not `null & (…)`, which is `never`.
    const jsonValue = /^export type JsonValue =([\s\S]*?);\n(?=export )/m.exec(readFileSync(join(out, 'src', 'types.ts'), 'utf8'))?.[1] ?? '';
    expect(jsonValue).toMatch(/\|\s*null\b/);
    expect(jsonValue).not.toMatch(/null\s*&/);
  });
});
