import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { typeCheck } from '../corpus/corpus.js';
import { specWith, tempDir } from '../helpers/ir.js';
import { scaled } from '../helpers/slowdown.js';

/**
 * Spec text is data. Every payload below tries to end its string or comment and call
 * INJECTED(); the generated code must compile and contain no INJECTED identifier anywhere in
 * its syntax tree (it may appear inside strings and comments, where it is inert, and as part of
 * a sanitised name such as `op0INJECTED`).
 */
const PAYLOADS = [
  '*/ INJECTED(); /*',
  '`; INJECTED(); `',
  '${INJECTED()}',
  '"); INJECTED(); ("',
  "'); INJECTED(); ('",
  '\nINJECTED();\n// ',
  '\r\nINJECTED();',
  '\u2028INJECTED();\u2029',
  '</script><script>INJECTED()</script>',
  '\\u0022); INJECTED(); //',
  '@param x INJECTED()',
];
const P = (i: number) => PAYLOADS[i % PAYLOADS.length]!;

function hostileSpec(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  PAYLOADS.forEach((p, i) => (properties[`f${i}${p}`] = { type: 'string', description: P(i + 1), example: P(i + 2), enum: [P(i), `ok${i}`], default: P(i + 3) }));
  const schemas: Record<string, unknown> = { Thing: { type: 'object', description: P(4), properties, required: [Object.keys(properties)[0]] } };
  PAYLOADS.forEach((p, i) => (schemas[`S${i}${p}`] = { type: 'object', title: P(i + 5), properties: { [p]: { type: 'integer' } } }));
  const paths: Record<string, unknown> = {};
  PAYLOADS.forEach((p, i) => {
    paths[`/things${i}/{id${i}}`] = {
      get: {
        operationId: `op${i}${p}`,
        summary: P(i + 6),
        description: P(i + 7),
        deprecated: i % 2 === 0,
        parameters: [
          { name: `id${i}`, in: 'path', required: true, description: P(i + 8), schema: { type: 'string', example: P(i) } },
          { name: `q${p}`, in: 'query', description: P(i + 9), schema: { type: 'string', enum: [P(i), 'x'], default: P(i + 1) } },
          { name: `X-H${i}`, in: 'header', description: P(i + 10), schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: P(i), content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' }, example: { a: P(i) } } } },
          '404': { description: P(i + 1) },
        },
      },
    };
  });
  return specWith(paths, { info: { title: `Evil ${P(0)} API`, version: `1.0.0${P(3)}`, description: P(5) }, components: { schemas } });
}

let out: string;
let files: { path: string; text: string }[];
beforeAll(async () => {
  const dir = await tempDir('inject-');
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(hostileSpec()));
  out = join(dir, 'out');
  await generate({ spec: join(dir, 'openapi.json'), out });
  files = [];
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.push({ path: join(entry.parentPath, entry.name), text: await readFile(join(entry.parentPath, entry.name), 'utf8') });
  }
}, scaled(60_000));

describe('code injection through the spec', () => {
  it('generates code that compiles strictly', () => {
    expect(typeCheck([out])).toEqual([]);
  });

  it('has no INJECTED identifier in any generated syntax tree', () => {
    const offenders: string[] = [];
    for (const file of files.filter((f) => f.path.endsWith('.ts') || f.path.endsWith('.mjs'))) {
      const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node) && node.text === 'INJECTED') offenders.push(`${file.path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
    expect(files.some((f) => f.text.includes('INJECTED'))).toBe(true);
  });

  it('keeps JSON files valid and the README free of raw HTML from the spec', () => {
    for (const file of files.filter((f) => f.path.endsWith('.json'))) expect(() => JSON.parse(file.text), file.path).not.toThrow();
    const readme = files.find((f) => f.path.endsWith('README.md'))!.text;
    expect(readme).not.toContain('<script>');
  });
});
