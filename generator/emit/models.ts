import { StructureKind, type StatementStructures } from 'ts-morph';
import type { ApiIR } from '../ir/types.js';
import { ImportSet } from './imports.js';
import type { Printer } from './project.js';
import { indexType, jsDoc } from './ts.js';

/** `models.ts`: a short name for every component schema (`PublicSession`), aliasing openapi-typescript. */
export function emitModels(ir: ApiIR, printer: Printer, header: string): string {
  const statements: (StatementStructures | string)[] = [];
  if (ir.schemaAliases.length > 0) statements.push(...new ImportSet().type('./types.js', 'components').structures());
  for (const alias of ir.schemaAliases) {
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
