/**
 * scripts/linear-operations.mjs patches openapi-typescript's `injectOperationObject` in the bundle
 * so adding n operations is linear. The bundle's output is compared with the sources' on GitHub in
 * bundle.test.ts; this checks the patch itself: it applies to the installed version exactly once,
 * refuses any other text, and leaves the node array as re-creating it would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { HELPER, linearOperations } from '../../scripts/linear-operations.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCE = readFileSync(join(ROOT, 'node_modules', 'openapi-typescript', 'dist', 'transform', 'operation-object.mjs'), 'utf8');

type Append = (operations: { members: ts.NodeArray<ts.TypeElement> }, member: ts.TypeElement) => void;

function member(i: number): ts.PropertySignature {
  const f = ts.factory;
  const type = f.createTypeLiteralNode([f.createPropertySignature([f.createModifier(ts.SyntaxKind.ReadonlyKeyword)], `p${i}`, f.createToken(ts.SyntaxKind.QuestionToken), f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword))]);
  return f.createPropertySignature(undefined, f.createStringLiteral(`op${i}`), undefined, type);
}

describe('linear operations patch', () => {
  it('applies once to the installed openapi-typescript and removes the copy per operation', () => {
    const patched = linearOperations(SOURCE);
    expect(SOURCE).toContain('...operations.members');
    expect(patched).not.toContain('...operations.members');
    expect(patched.match(/__notaiAppendMember\(/g)).toHaveLength(2); // the call and the helper
    expect(patched).toContain('export { transformOperationObject as default, injectOperationObject };');
  });

  it('refuses text it was not written for', () => {
    expect(() => linearOperations(SOURCE.replace('...operations.members,', '...operations.members ,'))).toThrow(/openapi-typescript changed/);
  });

  it('leaves the members and their aggregated transform flags as re-creating the array would', () => {
    const append = new Function('ts', `${HELPER}\nreturn __notaiAppendMember;`)(ts) as Append;
    const f = ts.factory;
    const inPlace = f.createInterfaceDeclaration(undefined, 'operations', undefined, undefined, []);
    let copied = f.createInterfaceDeclaration(undefined, 'operations', undefined, undefined, []);
    const members = Array.from({ length: 40 }, (_, i) => member(i));
    for (const m of members) {
      append(inPlace as unknown as { members: ts.NodeArray<ts.TypeElement> }, m);
      copied = { ...copied, members: f.createNodeArray([...copied.members, m]) } as ts.InterfaceDeclaration;
    }
    expect([...inPlace.members]).toEqual([...copied.members]);
    const flags = (a: ts.NodeArray<ts.TypeElement>) => (a as unknown as { transformFlags: number }).transformFlags;
    expect(flags(inPlace.members)).toBe(flags(copied.members));
    expect(flags(inPlace.members)).not.toBe(0);
    const print = (node: ts.InterfaceDeclaration) => ts.createPrinter().printNode(ts.EmitHint.Unspecified, node, ts.createSourceFile('x.ts', '', ts.ScriptTarget.Latest));
    expect(print(inPlace)).toBe(print(copied));
  });
});
