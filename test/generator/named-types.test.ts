import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import type { OperationIR } from '../../generator/ir/types.js';
import { typeCheck } from '../corpus/corpus.js';
import { specWith, tempDir } from '../helpers/ir.js';
import { GENERATED_DIR, pinnedIR } from '../helpers/pinned.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * What a user sees in hover and in the `.d.ts`: every resource method's return type as the
 * compiler prints it (typeToString), by `Class.method`.
 */
function methodTypes(packageDir: string): Map<string, { returns: string; params: string[] }> {
  const config = ts.readConfigFile(join(packageDir, 'tsconfig.json'), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, packageDir).options;
  const program = ts.createProgram({ rootNames: [join(packageDir, 'src', 'index.ts')], options: { ...options, noEmit: true } });
  const checker = program.getTypeChecker();
  const out = new Map<string, { returns: string; params: string[] }>();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.includes('/src/resources/')) continue;
    file.forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        const signature = checker.getSignatureFromDeclaration(member)!;
        const print = (type: ts.Type) => checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
        out.set(`${node.name.text}.${member.name.text}`, {
          returns: print(signature.getReturnType()),
          params: signature.getParameters().map((p) => print(checker.getTypeOfSymbol(p))),
        });
      }
    });
  }
  return out;
}

describe('named types in declarations and hover', () => {
  it('the Not AI client: every result prints as its model and every parameter as its alias, never as an expanded object', async () => {
    const ir = await pinnedIR();
    const types = methodTypes(GENERATED_DIR);
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

  it('a foreign spec (Petstore): results, bodies and parameters print as named types', async () => {
    const dir = await tempDir('named-types-');
    const out = join(dir, 'client');
    await generate({ spec: join(ROOT, 'node_modules', '@readme', 'oas-examples', '3.0', 'json', 'petstore.json'), out, format: false });
    const types = methodTypes(out);
    expect([...types.values()].map((t) => t.returns)).toContain('APIPromise<Pet>');
    // Inline schemas (getInventory's map, an inline body or parameter list) are named too.
    const expanded = [...types].flatMap(([method, t]) => [t.returns, ...t.params].filter((s) => s.includes('{')).map((s) => `${method}: ${s}`));
    expect(expanded).toEqual([]);
    expect(types.get('Store.inventory')?.returns).toBe('APIPromise<GetInventoryResponse>');
    expect(types.get('PetResource.create')?.params[0]).toBe('AddPetBody');
    expect([...types.values()].map((t) => t.returns)).toEqual(expect.arrayContaining(['APIPromise<Pet[]>', 'APIPromise<Order>', 'APIPromise<User>', 'APIPromise<ApiResponse>']));
  });
});

/**
 * A name is given by re-declaring the alias as a mapped type, which only an object type survives:
 * an array body or result must stay an array, an untyped (`{}`) body `unknown`, a nullable result
 * nullable. Those keep their plain alias.
 */
describe('bodies and results that are not one object keep their type', () => {
  it('an array body/result, an untyped body and a nullable result type-check as before', async () => {
    const dir = await tempDir('named-shapes-');
    const file = join(dir, 'openapi.json');
    const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
    const item = { type: 'object', properties: { a: { type: 'string' } } };
    const spec = specWith({
      '/lists': { post: { operationId: 'createList', tags: ['lists'], requestBody: json({ type: 'array', items: item }), responses: { '200': { description: 'ok', ...json({ type: 'array', items: item }) } } } },
      '/anything': { post: { operationId: 'putAnything', tags: ['lists'], requestBody: json({}), responses: { '200': { description: 'ok', ...json({ type: ['object', 'null'], properties: { a: { type: 'string' } } }) } } } },
      '/maps': { post: { operationId: 'putMap', tags: ['lists'], requestBody: json({ type: 'object', additionalProperties: { type: 'string' } }), responses: { '204': { description: 'none' } } } },
    });
    writeFileSync(file, JSON.stringify(spec));
    const out = join(dir, 'client');
    await generate({ spec: file, out, format: false });
    const source = ['lists', 'anything', 'maps'].map((name) => readFileSync(join(out, 'src', 'resources', `${name}.ts`), 'utf8')).join('\n');
    for (const alias of ['CreateListBody', 'CreateListResponse', 'PutAnythingBody', 'PutAnythingResponse']) expect(source, alias).not.toMatch(new RegExp(`type ${alias} = \\{ \\[K in keyof`));
    expect(source).toMatch(/type PutMapBody = \{ \[K in keyof /);
    writeFileSync(
      join(out, 'src', 'uses.ts'),
      [
        "import { Test, createList, putAnything, putMap } from './index.js';",
        'declare const client: Test;',
        "export const length: Promise<number> = createList(client, [{ a: 'x' }]).then((list) => list.length);",
        'export const nullable: Promise<string | undefined> = putAnything(client, 42).then((r) => (r === null ? undefined : r.a));',
        "void putMap(client, { k: 'v' });",
        '',
      ].join('\n'),
    );
    const config = ts.readConfigFile(join(out, 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, out);
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    expect(methodTypes(out).get('Maps.create')?.params[0]).toBe('PutMapBody | undefined');
  }, 60_000);
});

describe('named components over allOf chains', () => {
  it('Figma (traits composed with allOf, recursive nodes) still type-checks strictly', async () => {
    const dir = await tempDir('named-figma-');
    const out = join(dir, 'client');
    await generate({ spec: join(ROOT, 'node_modules', '@figma', 'rest-api-spec', 'openapi', 'openapi.yaml'), out, format: false });
    expect(readFileSync(join(out, 'src', 'types.ts'), 'utf8')).toMatch(/^export type FrameTraits = /m);
    expect(typeCheck([out])).toEqual([]);
  }, 240_000);
});

describe('recursive unions (a 3.1 oneOf of scalars, an object and an array of itself, type: null beside it)', () => {
  it('the generated client type-checks strictly (it failed with TS2502)', async () => {
    const dir = await tempDir('recursive-union-');
    const out = join(dir, 'client');
    await generate({ spec: join(ROOT, 'test', 'fixtures', 'recursive-union', 'openapi.json'), out, format: false });
    expect(typeCheck([out])).toEqual([]);
    expect(readFileSync(join(out, 'src', 'types.ts'), 'utf8')).toMatch(/^export type JsonValue = /m);
    expect([...methodTypes(out).values()].map((t) => t.returns)).toContain('APIPromise<Document>');
    // `type: "null"` beside the oneOf is one more member, not `null & (…)`, which is `never`.
    const jsonValue = /^export type JsonValue =([\s\S]*?);\n(?=export )/m.exec(readFileSync(join(out, 'src', 'types.ts'), 'utf8'))?.[1] ?? '';
    expect(jsonValue).toMatch(/\|\s*null\b/);
    expect(jsonValue).not.toMatch(/null\s*&/);
  });
});
