import { StructureKind, type StatementStructures } from 'ts-morph';
import type { ApiIR } from '../ir/types.js';
import { ImportSet } from './imports.js';
import type { Printer } from './project.js';
import { indexType, jsDoc } from './ts.js';

/**
 * `models.ts`: a short name for every component schema (`PublicSession`). Names types.ts declares
 * itself (`named`, see named-types.ts) are re-exported, so the model a method returns and the one
 * users import are one declaration (one hover, one documentation page); the rest alias
 * openapi-typescript's `components`.
 */
export function emitModels(ir: ApiIR, printer: Printer, header: string, named: ReadonlySet<string> = new Set()): string {
  const statements: (StatementStructures | string)[] = [];
  const reexported = ir.schemaAliases.filter((alias) => named.has(alias.name)).map((alias) => alias.name);
  const aliased = ir.schemaAliases.filter((alias) => !named.has(alias.name));
  if (reexported.length > 0) statements.push(`export type { ${reexported.join(', ')} } from './types.js';`);
  if (aliased.length > 0) statements.push(...new ImportSet().type('./types.js', 'components').structures());
  for (const alias of aliased) {
    statements.push({
      kind: StructureKind.TypeAlias,
      name: alias.name,
      isExported: true,
      type: indexType('components', 'schemas', alias.schemaName),
      docs: jsDoc({ summary: alias.description, tags: alias.deprecated ? [['deprecated']] : [] }),
    });
  }
  if (statements.length === 0) statements.push('export {};');
  return printer.print(header, statements);
}
