import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { sameClosureFiles } from './same-closure-files.js';
import { cachedLibHost, checkOptions, describeDiagnostics, withLibraryCheckIfMerged } from './ts-program.js';

/**
 * Type-checks many generated clients in one program, checking each distinct module once.
 *
 * Mutants of one base spec generate nearly the same client: most modules differ from another
 * client's only in comments (a mutated description) or not at all. A module's diagnostics follow
 * from its own code and the code of what it imports, transitively; so modules whose import closure
 * has the same code are checked once, and one of them stands for all. "Code" is the syntax tree
 * printed without comments; a file with a syntax error, a `@ts-` directive or a `///` reference is
 * never taken for another. Syntax errors are still reported for every file, and the program's
 * options and global diagnostics once (global ones after the checks: some are found while checking).
 *
 * Before that, a file whose whole closure is byte for byte another's (the runtime every client
 * carries, most modules of two mutants) is not put into the program a second time: imports of it
 * resolve to the first copy (same-closure-files.ts). Parsing, binding and resolving the types of
 * ~40 runtime files per client was most of the program's cost.
 */
export function typeCheckDistinct(packageDirs: string[]): { diagnostics: string[]; files: number; checked: number } {
  const first = packageDirs[0];
  if (!first) return { diagnostics: [], files: 0, checked: 0 };
  const config = ts.readConfigFile(join(first, 'tsconfig.json'), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, first).options;
  const same = sameClosureFiles(packageDirs);
  const onto = (file: string): string => same.canonical.get(file) ?? file;
  const rootNames = [...new Set(packageDirs.map((dir) => onto(join(dir, 'src', 'index.ts'))))];
  const programOptions = checkOptions({ ...options, rootDir: undefined, outDir: undefined });
  const host = cachedLibHost(programOptions);
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), host.getCanonicalFileName, programOptions);
  // TypeScript's own resolution, then a file with an interchangeable earlier copy becomes that copy.
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, containingSourceFile) =>
    literals.map((literal) => {
      const resolution = ts.resolveModuleName(literal.text, containingFile, opts, host, cache, redirected, ts.getModeForUsageLocation(containingSourceFile, literal, opts));
      const resolved = resolution.resolvedModule;
      const copy = resolved && same.canonical.get(resolved.resolvedFileName);
      return copy === undefined || copy === null ? resolution : { ...resolution, resolvedModule: { ...resolved!, resolvedFileName: copy } };
    });
  const program = withLibraryCheckIfMerged(ts.createProgram({ rootNames, options: programOptions, host }), options, host);
  const files = program.getSourceFiles();
  const checked = representatives(program, same.canonical);
  const diagnostics: ts.Diagnostic[] = [...program.getOptionsDiagnostics()];
  for (const file of files) diagnostics.push(...program.getSyntacticDiagnostics(file));
  // A copy left out of the program has its original's syntax errors, at the same places: each copy is reported.
  const copiedErrors: string[] = [];
  for (const [copy, original] of same.canonical) {
    const file = program.getSourceFile(original);
    if (file) for (const line of describeDiagnostics(program.getSyntacticDiagnostics(file))) copiedErrors.push(line.replace(`${original}:`, `${copy}:`));
  }
  const declarations = Boolean(options.declaration || options.composite);
  for (const file of checked) {
    diagnostics.push(...program.getSemanticDiagnostics(file));
    if (declarations) diagnostics.push(...program.getDeclarationDiagnostics(file));
  }
  diagnostics.push(...program.getGlobalDiagnostics());
  return { diagnostics: [...describeDiagnostics(diagnostics), ...copiedErrors], files: same.files, checked: checked.length };
}

/**
 * One source file per distinct import closure (a module augmented by another file reaches that file
 * too), and every file that declares into a scope other files share (a script, `declare global`,
 * `declare module '…'`). Global declarations are the same for every file of the program, so two
 * files with the same closure see the same context; but where a clash between declarations is
 * reported depends on the order of the files, so the declaring files are all checked.
 */
function representatives(program: ts.Program, copies: Map<string, string>): ts.SourceFile[] {
  const files = program.getSourceFiles();
  const byName = new Map(files.map((f) => [f.fileName, f]));
  // An import of a copy left out of the program reaches the file it was resolved to.
  for (const [copy, original] of copies) {
    const file = program.getSourceFile(original);
    if (file) byName.set(copy, file);
  }
  const code = new Map<ts.SourceFile, string>();
  const imports = new Map<ts.SourceFile, ts.SourceFile[] | undefined>();
  // Byte-identical texts (the runtime, in every client) are printed once.
  const byText = new Map<string, string>();
  for (const file of files) {
    const text = createHash('sha256').update(file.text).digest('hex');
    const known = byText.get(text);
    if (known?.startsWith('unique:') === false) code.set(file, known);
    else {
      code.set(file, codeHash(file, program));
      byText.set(text, code.get(file)!);
    }
    imports.set(file, resolvedImports(file, byName));
  }
  // A module augmented by `declare module './x.js'` has the augmenting file as part of its content:
  // the runtime, one copy per client, is augmented by each client's own error codes.
  for (const file of files) {
    for (const name of augmentedModules(file)) {
      const target = resolveRelative(file, name, byName);
      const list = target && imports.get(target);
      if (list) list.push(file);
      else if (target) imports.set(target, undefined);
    }
  }
  const seen = new Set<string>();
  const out: ts.SourceFile[] = [];
  for (const file of files) {
    if (!ts.isExternalModule(file) || augments(file)) {
      out.push(file);
      continue;
    }
    const key = closureKey(file, code, imports);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(file);
  }
  return out;
}

/** `declare global` or `declare module './x.js'`: declarations merged with those of other files. */
function augments(file: ts.SourceFile): boolean {
  return file.statements.some((s) => ts.isModuleDeclaration(s) && (Boolean(s.flags & ts.NodeFlags.GlobalAugmentation) || ts.isStringLiteral(s.name)));
}

/**
 * The file's name within its package (the part after `src/`, or the real path outside one), its code
 * and the code of every file it reaches. A file with an import that does not resolve to a file of
 * the program keys on its full path: it is never taken for another.
 */
function closureKey(file: ts.SourceFile, code: Map<ts.SourceFile, string>, imports: Map<ts.SourceFile, ts.SourceFile[] | undefined>): string {
  const reached = new Set<ts.SourceFile>([file]);
  const stack = [file];
  while (stack.length > 0) {
    const next = imports.get(stack.pop()!);
    if (next === undefined) return `unresolved:${file.fileName}`;
    for (const f of next) {
      if (reached.has(f)) continue;
      reached.add(f);
      stack.push(f);
    }
  }
  const hash = createHash('sha256');
  for (const f of [...reached].map((f) => `${packagePath(f.fileName)}\0${code.get(f)}`).sort()) hash.update(`${f}\n`);
  return `${packagePath(file.fileName)}\0${hash.digest('hex')}`;
}

/** `…/<client>/src/x/y.ts` → `src/x/y.ts`; files shared by all clients (runtime, libs) keep their path. */
function packagePath(fileName: string): string {
  const i = fileName.lastIndexOf('/src/');
  return i < 0 || fileName.includes('/node_modules/') ? fileName : fileName.slice(i + 1);
}

/** The program's files a file imports (relative specifiers); undefined when one does not resolve. */
function resolvedImports(file: ts.SourceFile, byName: Map<string, ts.SourceFile>): ts.SourceFile[] | undefined {
  if (file.isDeclarationFile && file.fileName.includes('/node_modules/')) return [];
  const info = ts.preProcessFile(file.text, true, true);
  if (info.referencedFiles.length > 0 || info.typeReferenceDirectives.length > 0) return undefined;
  const out: ts.SourceFile[] = [];
  for (const { fileName: spec } of info.importedFiles) {
    if (!spec.startsWith('.')) {
      // A package or node: builtin is the same for every client; only relative imports differ.
      continue;
    }
    const target = resolveRelative(file, spec, byName);
    if (!target) return undefined;
    out.push(target);
  }
  return out;
}

function resolveRelative(file: ts.SourceFile, spec: string, byName: Map<string, ts.SourceFile>): ts.SourceFile | undefined {
  const base = resolve(dirname(file.fileName), spec);
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.d.ts')];
  return candidates.map((c) => byName.get(c) ?? byName.get(realPath(c))).find((f) => f !== undefined);
}

/** The relative module names a file augments (`declare module './x.js' { … }`). */
function augmentedModules(file: ts.SourceFile): string[] {
  return file.statements.filter((s): s is ts.ModuleDeclaration => ts.isModuleDeclaration(s) && ts.isStringLiteral(s.name) && s.name.text.startsWith('.')).map((s) => (s.name as ts.StringLiteral).text);
}

/** The program may name a file reached through a symlink by its real path. */
function realPath(path: string): string {
  return existsSync(path) ? (ts.sys.realpath?.(path) ?? path) : path;
}

const printer = ts.createPrinter({ removeComments: true });

/**
 * The file's code: its syntax tree printed without comments. A file with a syntax error, or with a
 * comment the compiler reads (`@ts-` directives), has no code to share: its key is its full path.
 */
function codeHash(file: ts.SourceFile, program: ts.Program): string {
  if (/@ts-/.test(file.text) || program.getSyntacticDiagnostics(file).length > 0) return `unique:${file.fileName}`;
  return createHash('sha256').update(printer.printFile(file)).digest('hex');
}
