import { IndentationText, Project, QuoteKind, type SourceFileStructure, StructureKind, type StatementStructures } from 'ts-morph';

/**
 * One in-memory ts-morph project with no type checking: structures are only printed. Creating it
 * once per run and never asking for diagnostics keeps the compiler's checker out of the hot path.
 */
export class Printer {
  private readonly project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    skipFileDependencyResolution: true,
    manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces, useTrailingCommas: true },
  });
  private count = 0;

  print(header: string, statements: (StatementStructures | string)[]): string {
    const structure: SourceFileStructure = { kind: StructureKind.SourceFile, statements };
    const file = this.project.createSourceFile(`/f${this.count++}.ts`, structure);
    const text = file.getFullText();
    this.project.removeSourceFile(file);
    return `// ${header}\n${text}`;
  }
}
