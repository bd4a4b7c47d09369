import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RESERVED_EXPORTS } from '../../generator/ir/build.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Names the generated package's index re-exports from its runtime folder. */
function runtimeExports(): string[] {
  const file = join(ROOT, 'generated', 'src', 'index.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!statement.moduleSpecifier.text.startsWith('./runtime/')) continue;
    if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.push((element.propertyName ?? element.name).text);
    }
  }
  return names;
}

describe('reserved export names', () => {
  it('cover every runtime name the package exports, so a schema cannot take one', () => {
    const exported = runtimeExports();
    expect(exported.length).toBeGreaterThan(10);
    // The client's own error alias (NotAiError) is reserved from the config, not this list.
    expect(exported.filter((name) => !RESERVED_EXPORTS.includes(name))).toEqual([]);
  });
});
