import { StructureKind, type ImportDeclarationStructure } from 'ts-morph';

/** Collects imports as a file is built, then prints them sorted so output order never drifts. */
export class ImportSet {
  private readonly values = new Map<string, Set<string>>();
  private readonly types = new Map<string, Set<string>>();

  value(module: string, name: string): this {
    add(this.values, module, name);
    return this;
  }

  type(module: string, name: string): this {
    add(this.types, module, name);
    return this;
  }

  structures(): ImportDeclarationStructure[] {
    const modules = [...new Set([...this.values.keys(), ...this.types.keys()])].sort();
    return modules.flatMap((moduleSpecifier) => {
      const out: ImportDeclarationStructure[] = [];
      const values = [...(this.values.get(moduleSpecifier) ?? [])].sort();
      const types = [...(this.types.get(moduleSpecifier) ?? [])].filter((t) => !values.includes(t)).sort();
      if (values.length > 0) out.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier, namedImports: values });
      if (types.length > 0) out.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier, isTypeOnly: true, namedImports: types });
      return out;
    });
  }
}

function add(map: Map<string, Set<string>>, module: string, name: string): void {
  const set = map.get(module) ?? new Set<string>();
  set.add(name);
  map.set(module, set);
}
