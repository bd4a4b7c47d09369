import ts from 'typescript';

/**
 * Shapes openapi-typescript's syntax tree before it is printed (its own nodes, not its text): the
 * package documents the three root interfaces users index into, and openapi-typescript's
 * `WithRequired` helper is replaced by one that also holds for nullable schemas.
 */

/** What the package exports of openapi-typescript's output, said once (it writes no comment on them). */
const ROOT_DOCS: Readonly<Record<string, string>> = {
  paths: "Every path of the spec with its operations' parameters, request bodies and responses, as openapi-typescript types them; the per-operation types of this package index into it.",
  components: 'The spec\'s reusable components, as openapi-typescript types them: `components["schemas"]["Name"]` is the type of the schema `Name`.',
  operations: 'Every operation of the spec by its operationId, as openapi-typescript types it.',
};

export function shapeTypeNodes(nodes: readonly ts.Node[]): ts.Node[] {
  return nodes.map((node) => {
    if (ts.isInterfaceDeclaration(node) && Object.hasOwn(ROOT_DOCS, node.name.text)) {
      return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, `* ${ROOT_DOCS[node.name.text]} `, true);
    }
    if (ts.isTypeAliasDeclaration(node) && node.name.text === 'WithRequired') return withRequiredNullable(node.modifiers);
    return node;
  });
}

/**
 * openapi-typescript's helper for `required` beside `allOf` constrains `K extends keyof T`, which
 * is `never` when the base schema is nullable (`T | null`): Plaid's `PlaidError` then does not
 * compile. This one is the same type for every non-null `T`; for a nullable one, the object part
 * gets the required keys and `null` stays possible, as the schema allows (`required` ignores
 * non-objects):
 * `type WithRequired<T, K extends keyof NonNullable<T>> = (NonNullable<T> & { [P in K]-?: NonNullable<T>[P] }) | Extract<T, null>;`
 */
function withRequiredNullable(modifiers: ts.NodeArray<ts.ModifierLike> | undefined): ts.TypeAliasDeclaration {
  const f = ts.factory;
  const ref = (name: string, ...args: ts.TypeNode[]): ts.TypeReferenceNode => f.createTypeReferenceNode(name, args.length > 0 ? args : undefined);
  const nonNullT = (): ts.TypeReferenceNode => ref('NonNullable', ref('T'));
  const required = f.createMappedTypeNode(
    undefined,
    f.createTypeParameterDeclaration(undefined, 'P', ref('K')),
    undefined,
    f.createToken(ts.SyntaxKind.MinusToken),
    f.createIndexedAccessTypeNode(nonNullT(), ref('P')),
    undefined,
  );
  const objectPart = f.createParenthesizedType(f.createIntersectionTypeNode([nonNullT(), required]));
  return f.createTypeAliasDeclaration(
    modifiers,
    'WithRequired',
    [
      f.createTypeParameterDeclaration(undefined, 'T'),
      f.createTypeParameterDeclaration(undefined, 'K', f.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, nonNullT())),
    ],
    f.createUnionTypeNode([objectPart, ref('Extract', ref('T'), f.createLiteralTypeNode(f.createNull()))]),
  );
}
