import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorClassFor } from '../../generator/ir/error-classes.js';
import type { OperationIR } from '../../generator/ir/types.js';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { pinnedGeneration } from '../helpers/shared-generation.js';
import { tempDir } from '../helpers/ir.js';
import { scaled } from '../helpers/slowdown.js';
import { GENERATED } from './code-blocks.js';

/**
 * What an editor shows on hover is documentation too: every generated function, method and type
 * alias carries the spec's words (summary, description, parameters with bounds and defaults,
 * thrown errors, deprecation, the HTTP route).
 */
interface Doc {
  text: string;
  tags: { name: string; text: string }[];
}

/** The last JSDoc block of a declaration, as written: text before the first tag, then each tag. */
function docOf(node: ts.Node): Doc | undefined {
  const jsDoc = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).at(-1);
  if (!jsDoc) return undefined;
  const body = jsDoc
    .getText()
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n');
  const [text = '', ...tagTexts] = body.split(/\n(?=@)/);
  return {
    text: text.trim(),
    tags: tagTexts.map((raw) => {
      const m = /^@(\w+)\s*([\s\S]*)$/.exec(raw.trim())!;
      if (m[1] === 'param') {
        const [, name = '', rest = ''] = /^(\S+)\s*-?\s*([\s\S]*)$/.exec(m[2]!) ?? [];
        return { name: `param ${name}`, text: rest.trim() };
      }
      return { name: m[1]!, text: m[2]!.trim() };
    }),
  };
}

async function declarations(dir: string, file: string): Promise<Map<string, ts.Node>> {
  const source = ts.createSourceFile(file, await readFile(join(dir, 'src', file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const found = new Map<string, ts.Node>();
  const visit = (node: ts.Node, prefix = ''): void => {
    if (ts.isFunctionDeclaration(node) && node.name) found.set(node.name.text, node);
    if (ts.isTypeAliasDeclaration(node)) found.set(node.name.text, node);
    if (ts.isClassDeclaration(node) && node.name) {
      found.set(node.name.text, node);
      for (const member of node.members) if (ts.isMethodDeclaration(member) && ts.isIdentifier(member.name)) found.set(`${node.name.text}.${member.name.text}`, member);
    }
    ts.forEachChild(node, (child) => visit(child, prefix));
  };
  visit(source);
  return found;
}

/**
 * The standalone function's JSDoc: summary, deprecation and route, and a link to the method that
 * carries the whole text (printed once, not on both). Nothing else: no `@param` (the signature
 * says `client: ApiClient`; the rest is the method's) and one line of prose beside the summary,
 * since these bytes repeat on every operation of an API.
 */
function standaloneProblems(op: OperationIR, doc: Doc | undefined, className: string): string[] {
  if (!doc) return ['no JSDoc'];
  const out: string[] = [];
  const tag = (name: string) => doc.tags.find((t) => t.name === name);
  if (op.summary && !doc.text.startsWith(op.summary)) out.push('summary');
  if (!doc.text.includes(`{@link ${className}.${op.resourceMethod} |`)) out.push('link to the method');
  if (op.description && op.description.length > 40 && doc.text.includes(op.description)) out.push('description printed twice');
  if (doc.tags.some((t) => t.name.startsWith('param'))) out.push('a @param (the method documents them)');
  const prose = (op.summary ? doc.text.slice(op.summary.length) : doc.text).trim();
  if (prose.includes('\n')) out.push('more than one line beside the summary');
  if (doc.tags.some((t) => t.name !== 'see' && t.name !== 'deprecated')) out.push('a tag other than @see and @deprecated');
  if (op.deprecated !== Boolean(tag('deprecated'))) out.push('@deprecated');
  if (tag('see')?.text !== `${op.method.toUpperCase()} ${op.path}`) out.push('@see');
  return out;
}

/** The checks every operation's method must pass; returns what is missing. */
function problems(op: OperationIR, doc: Doc | undefined): string[] {
  if (!doc) return ['no JSDoc'];
  const out: string[] = [];
  const tag = (name: string) => doc.tags.find((t) => t.name === name);
  if (op.summary && !doc.text.startsWith(op.summary)) out.push('summary');
  if (op.description && !doc.text.replace(/\s+/g, ' ').includes(op.description.replace(/\s+/g, ' '))) out.push('description');
  for (const p of op.pathParams) {
    const t = tag(`param ${p.identifier}`);
    if (!t) out.push(`@param ${p.identifier}`);
    else if (p.description && !t.text.includes(p.description.split('\n')[0]!)) out.push(`@param ${p.identifier} description`);
  }
  // Query and header parameters: one list item each under `@param params`.
  const listed = tag('param params')?.text.split('\n') ?? [];
  for (const p of op.namedParams) {
    const line = listed.find((l) => l.startsWith(`- \`${p.name}\`: `));
    const t = line === undefined ? undefined : { text: line };
    if (!t) {
      out.push(`@param params: ${p.name}`);
      continue;
    }
    const s = p.schema;
    if (s.minimum !== undefined && s.maximum !== undefined && !t.text.includes(`${s.minimum}–${s.maximum}`)) out.push(`bounds of ${p.name}`);
    if (s.default !== undefined && !t.text.includes(`default ${JSON.stringify(s.default)}`)) out.push(`default of ${p.name}`);
    if (p.deprecated && !t.text.includes('Deprecated.')) out.push(`deprecation of ${p.name}`);
  }
  const throws = doc.tags.filter((t) => t.name === 'throws').map((t) => t.text);
  for (const status of new Set(op.errors.map((e) => e.status).filter((s) => s !== 'default'))) {
    if (!throws.some((t) => t.includes(`{@link ${errorClassFor(status)}} ${status}`))) out.push(`@throws ${status}`);
  }
  if (op.paging && !tag('returns')) out.push('@returns (paginated)');
  if (op.deprecated !== Boolean(tag('deprecated'))) out.push('@deprecated');
  if (tag('see')?.text !== `${op.method.toUpperCase()} ${op.path}`) out.push('@see');
  return out;
}

async function checkPackage(dir: string, result: GenerateResult): Promise<string[]> {
  const failures: string[] = [];
  for (const resource of result.ir.resources) {
    const decls = await declarations(dir, `resources/${resource.fileName}.ts`);
    for (const op of resource.operations) {
      for (const p of standaloneProblems(op, docOf(decls.get(op.functionName)!), resource.className)) failures.push(`${op.functionName}: ${p}`);
      for (const p of problems(op, docOf(decls.get(`${resource.className}.${op.resourceMethod}`)!))) failures.push(`${resource.className}.${op.resourceMethod}: ${p}`);
    }
    for (const [name, node] of decls) {
      if ((ts.isTypeAliasDeclaration(node) || ts.isClassDeclaration(node)) && !docOf(node)?.text) failures.push(`${name}: no JSDoc`);
    }
  }
  for (const [name, node] of await declarations(dir, 'models.ts')) if (!docOf(node)?.text && result.ir.schemaAliases.find((a) => a.name === name)?.description) failures.push(`${name}: no JSDoc`);
  return failures;
}

describe('JSDoc of the generated client', () => {
  let fresh: GenerateResult;
  beforeAll(async () => {
    fresh = await pinnedGeneration();
  }, scaled(60_000));

  it('every function and method of the pinned spec carries summary, params with bounds and defaults, throws and route', async () => {
    expect(await checkPackage(GENERATED, fresh)).toEqual([]);
  });

  it('the client class carries an example', async () => {
    const decls = await declarations(GENERATED, 'client.ts');
    expect(docOf(decls.get(fresh.ir.clientClassName)!)?.text).toMatch(/```ts[\s\S]*new \w+\(/);
  });

  it('deprecated operations and parameters say so, on the function and on the method', async () => {
    const dir = await tempDir('jsdoc-');
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Legacy Things', version: '1.0.0' },
      servers: [{ url: 'https://things.example' }],
      paths: {
        '/things/{id}': {
          get: {
            operationId: 'getThing',
            summary: 'Get a thing',
            description: 'Prefer getThingV2.',
            deprecated: true,
            parameters: [
              { name: 'id', in: 'path', required: true, description: 'Thing id.', schema: { type: 'string' } },
              { name: 'verbose', in: 'query', deprecated: true, description: 'Ignored.', schema: { type: 'boolean', default: false } },
              { name: 'depth', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 5, default: 1 } },
            ],
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } }, '404': { description: 'Missing' }, '503': { description: 'Down' } },
          },
        },
      },
    };
    await writeFile(join(dir, 'spec.json'), JSON.stringify(spec));
    const out = join(dir, 'client');
    const result = await generate({ spec: join(dir, 'spec.json'), out });
    expect(result.ir.operations[0]!.deprecated).toBe(true);
    expect(await checkPackage(out, result)).toEqual([]);
  });
});
