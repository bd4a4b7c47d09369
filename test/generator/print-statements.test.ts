import { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { printStatements } from '../../generator/emit/types.js';

const f = ts.factory;

/** Statements as openapi-typescript makes them: synthesized, with JSDoc as synthetic comments. */
function statements(): ts.Node[] {
  const member = (name: string, type: ts.TypeNode, doc?: string): ts.PropertySignature => {
    const node = f.createPropertySignature(undefined, name, undefined, type);
    return doc === undefined ? node : ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, `* ${doc} `, true);
  };
  const paths = f.createInterfaceDeclaration([f.createModifier(ts.SyntaxKind.ExportKeyword)], 'paths', undefined, undefined, [
    member('/users', f.createTypeLiteralNode([member('get', f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), 'List users – “all” of them')])),
  ]);
  const documented = ts.addSyntheticLeadingComment(paths, ts.SyntaxKind.MultiLineCommentTrivia, '* Every path ', true);
  const alias = f.createTypeAliasDeclaration([f.createModifier(ts.SyntaxKind.ExportKeyword)], 'User', undefined, f.createTypeLiteralNode([member('id', f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword))]));
  const never = f.createTypeAliasDeclaration([f.createModifier(ts.SyntaxKind.ExportKeyword)], '$defs', undefined, f.createTypeReferenceNode('Record', [f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), f.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword)]));
  return [documented, alias, never];
}

describe('printStatements', () => {
  it('prints what astToString prints for all the statements at once', () => {
    expect(printStatements(statements())).toBe(astToString(statements()));
  });

  it('lets go of each statement once printed (the tree shrinks as the text grows)', () => {
    const list = statements();
    printStatements(list);
    expect(list).toEqual([]);
  });
});
