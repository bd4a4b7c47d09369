import ts from 'typescript';

/**
 * Names for openapi-typescript's component schemas. It types `components.schemas.PublicSession` as
 * an anonymous object inside the `components` interface, so every alias of it (models.ts's
 * `PublicSession`, a method's result) shows in hover and `.d.ts` as the expanded object. Each
 * component schema becomes a top-level `export type PublicSession = …` in types.ts instead, with
 * `components.schemas.PublicSession` and every `$ref` to it pointing at that name: the type is the
 * same, and now carries a name TypeScript prints. Referring to a named alias (not through the
 * `components` interface) also lets recursive schemas (a JSON value that holds arrays of itself)
 * type-check: an alias may recurse through arrays and objects, an interface property's indexed
 * access may not (TS2502).
 */
export class SchemaNames {
  /** Schema name → the top-level alias it gets in types.ts. */
  readonly #names: Map<string, string>;
  readonly #hoisted = new Map<string, ts.TypeNode>();
  /** The schema's JSDoc (description, `@deprecated`), which moves to its alias with the type. */
  readonly #docs = new Map<string, ts.SynthesizedComment[]>();
  /** References this class created (any other reference to such a name is a clash). */
  readonly #created = new Set<ts.Node>();

  constructor(names: ReadonlyMap<string, string>) {
    this.#names = new Map(names);
  }

  /**
   * openapi-typescript's `postTransform` hook, called for every schema: a `$ref` to a named
   * component becomes its name. (The component itself is renamed afterwards, in `hoist`: the hook
   * cannot tell a component from the members of its `allOf`, which get the same path.)
   */
  postTransform = (type: ts.TypeNode): ts.TypeNode | undefined => {
    const target = referencedSchema(type);
    const referenced = target === undefined ? undefined : this.#names.get(target);
    return referenced === undefined ? undefined : this.#reference(referenced);
  };

  /** `components.schemas.X: { … }` becomes `X: X`, the `{ … }` kept for `declarations()`. */
  hoist(nodes: readonly ts.Node[]): ts.Node[] {
    const f = ts.factory;
    return nodes.map((node) => {
      if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'components') return node;
      const members = node.members.map((section) => {
        if (!ts.isPropertySignature(section) || nameOf(section) !== 'schemas' || !section.type || !ts.isTypeLiteralNode(section.type)) return section;
        const schemas = section.type.members.map((member) => {
          const name = ts.isPropertySignature(member) && member.type ? this.#names.get(nameOf(member) ?? '') : undefined;
          if (name === undefined || !ts.isPropertySignature(member) || !member.type) return member;
          this.#hoisted.set(name, member.type);
          const docs = ts.getSyntheticLeadingComments(member);
          if (docs !== undefined) this.#docs.set(name, docs);
          return f.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, this.#reference(name));
        });
        return f.updatePropertySignature(section, section.modifiers, section.name, section.questionToken, f.updateTypeLiteralNode(section.type, f.createNodeArray(schemas)));
      });
      return f.updateInterfaceDeclaration(node, node.modifiers, node.name, node.typeParameters, node.heritageClauses, members);
    });
  }

  #reference(name: string): ts.TypeNode {
    const node = ts.factory.createTypeReferenceNode(name);
    this.#created.add(node);
    return node;
  }

  /**
   * Names that would shadow something types.ts already uses (a schema called `Record`, `Omit`,
   * `components`, or a helper's type parameter): generation runs again without hoisting them.
   */
  clashes(nodes: readonly ts.Node[]): Set<string> {
    const hoisted = new Set(this.#hoisted.keys());
    const clashes = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && !this.#created.has(node) && hoisted.has(node.typeName.text)) clashes.add(node.typeName.text);
      if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && hoisted.has(node.name.text)) clashes.add(node.name.text);
      if (ts.isTypeParameterDeclaration(node) && hoisted.has(node.name.text)) clashes.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    for (const node of [...nodes, ...this.#hoisted.values()]) visit(node);
    return clashes;
  }

  /** The `export type Name = …` declarations, in the order of the spec's schemas. */
  declarations(): ts.TypeAliasDeclaration[] {
    const exported = [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)];
    return [...this.#names.values()].flatMap((name) => {
      const type = this.#hoisted.get(name);
      if (type === undefined) return [];
      const alias = ts.factory.createTypeAliasDeclaration(exported, name, undefined, type);
      const docs = this.#docs.get(name);
      return [docs === undefined ? alias : ts.setSyntheticLeadingComments(alias, docs)];
    });
  }

  /** The names declared by `declarations()`: models.ts re-exports these rather than aliasing them. */
  named(): ReadonlySet<string> {
    return new Set(this.#hoisted.keys());
  }
}

function nameOf(member: ts.PropertySignature): string | undefined {
  return ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
}

/** The schema name of openapi-typescript's `components["schemas"]["Name"]` (a `$ref`). */
function referencedSchema(type: ts.TypeNode): string | undefined {
  if (!ts.isIndexedAccessTypeNode(type) || !ts.isIndexedAccessTypeNode(type.objectType)) return undefined;
  const root = type.objectType.objectType;
  const section = literalText(type.objectType.indexType);
  if (!ts.isTypeReferenceNode(root) || !ts.isIdentifier(root.typeName) || root.typeName.text !== 'components' || section !== 'schemas') return undefined;
  return literalText(type.indexType);
}

function literalText(node: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? node.literal.text : undefined;
}
