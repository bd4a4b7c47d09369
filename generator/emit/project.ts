import { printStructure, type SourceFileStructure, StructureKind, type StatementStructures } from 'ts-morph';

/**
 * Prints ts-morph structures straight to text with ts-morph's structure printer. No Project and
 * no SourceFile: creating one re-parsed every printed file with the TypeScript compiler only for us
 * to read its text back, which was half of the emit stage on GitHub's spec (~1.5 s of ~3 s).
 */
export class Printer {
  print(header: string, statements: (StatementStructures | string)[]): string {
    const structure: SourceFileStructure = { kind: StructureKind.SourceFile, statements };
    return `// ${header}\n${printStructure(structure, { indentNumberOfSpaces: 2, useSingleQuote: true })}`;
  }
}
