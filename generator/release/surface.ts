/**
 * The public surface of a generated package: what `src/index.ts` exports, each export's declared
 * signature, and the public members of its classes, including the resources reachable through
 * the client's properties (`NotAi.sessions.list`). Two packages are loaded into ONE TypeScript
 * program so one checker can compare their types structurally (surface-diff.ts).
 *
 * The runtime (`src/runtime/`) is copied verbatim into every package, and its classes have
 * private members, which make two copies of a class unrelated types. When both packages carry
 * the same runtime (the same files, byte for byte below the generated-file header: the normal
 * case, `generated/` being regenerated with the generator), the old package's imports of it are
 * resolved to the new package's copy, so both sides share one `APIPromise`, one `ApiClient`, and
 * their types compare by their arguments. Otherwise types spelled the same on both sides are
 * taken as the same (surface-diff.ts), which covers the runtime's own names.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export type ExportKind = 'class' | 'function' | 'interface' | 'type' | 'variable' | 'enum' | 'namespace';

export interface SurfaceParameter {
  name: string;
  optional: boolean;
  rest: boolean;
  /** The declared type, as written. */
  text: string;
  type: ts.Type;
}

export interface SurfaceSignature {
  typeParameters: number;
  parameters: SurfaceParameter[];
  returnText: string;
  returnType: ts.Type;
  /** `<T>(id: string, options?: RequestOptions): APIPromise<T>` */
  text: string;
}

export interface SurfaceMember {
  /** `NotAi.sessions.list`: the export, the properties leading to the member, its name. */
  path: string;
  kind: 'constructor' | 'method' | 'property';
  /** `static `, `readonly ` or nothing. */
  modifiers: string;
  /** What follows the path, one entry per overload: `(params?: ListSessionsParams): PagePromise<…>`, `: Sessions`. */
  lines: string[];
  /** Lines as rendered: `NotAi.sessions.list(params?: ListSessionsParams): PagePromise<…>`. */
  text: string;
  /** Methods and constructors. */
  signatures: SurfaceSignature[];
  /** Properties: the declared type. */
  type?: ts.Type;
  typeText?: string;
  /** A property holding an instance of one of the package's classes (a resource): its members follow it. */
  resource: boolean;
  /** What a rename keeps: the signature without the name, or a resource's member lines. */
  shape: string;
}

export interface SurfaceExport {
  name: string;
  kind: ExportKind;
  /** One line per declaration: `function getPet(client: ApiClient, id: string): APIPromise<GetPetResponse>`. */
  text: string;
  /** The text with the export's own name left out, for telling a rename. */
  shape: string;
  /** Functions: their call signatures. */
  signatures: SurfaceSignature[];
  /** Classes: public members, own and reachable through resource properties (flat, by path). */
  members: SurfaceMember[];
  /** Classes whose instances are reached through another export's property (their members are listed there). */
  reachedVia?: string;
  /** Types and variables: the declared type. */
  type: ts.Type;
  generic: boolean;
  /** The declaration behind the export (aliases followed): the same object in both packages when they share it. */
  symbol: ts.Symbol;
}

export interface Surface {
  /** The package directory. */
  dir: string;
  /** Sorted by name. */
  exports: SurfaceExport[];
}

export interface SurfacePair {
  old: Surface;
  new: Surface;
  checker: ts.TypeChecker;
  /** Whether the old package's runtime was resolved to the new one's (identical copies). */
  sharedRuntime: boolean;
}

/** One surface on its own (for `renderSurface`). */
export function loadSurface(dir: string): Surface {
  const root = resolve(dir);
  const program = createProgram([entryOf(root)], optionsFor(root), undefined);
  return surfaceOf(program, root, [root]);
}

/** Both packages in one program, so their types can be compared (see the module comment). */
export function loadSurfaces(oldDir: string, newDir: string): SurfacePair {
  const oldRoot = resolve(oldDir);
  const newRoot = resolve(newDir);
  const sharedRuntime = sameFiles(join(oldRoot, 'src', 'runtime'), join(newRoot, 'src', 'runtime'));
  const redirect = sharedRuntime ? { from: join(oldRoot, 'src', 'runtime'), to: join(newRoot, 'src', 'runtime') } : undefined;
  const program = createProgram([entryOf(oldRoot), entryOf(newRoot)], optionsFor(newRoot), redirect);
  return { old: surfaceOf(program, oldRoot, [oldRoot, newRoot]), new: surfaceOf(program, newRoot, [newRoot]), checker: program.getTypeChecker(), sharedRuntime };
}

/**
 * The surface as a stable text report, one line per export and per member with its declared
 * signature (api-extractor's `.api.md`, in short): diffable in review.
 */
export function renderSurface(surface: Surface): string {
  const lines: string[] = [];
  for (const e of surface.exports) {
    lines.push(e.reachedVia !== undefined ? `${e.text} // members under ${e.reachedVia}` : e.text);
    if (e.reachedVia === undefined) for (const m of e.members) for (const line of m.text.split('\n')) lines.push(`  ${line}`);
  }
  return `${lines.join('\n')}\n`;
}

// ── the program ──────────────────────────────────────────────────────────────────────────────

function entryOf(root: string): string {
  return join(root, 'src', 'index.ts');
}

/** The generated package's own compiler options (its tsconfig), made check-only. */
function optionsFor(root: string): ts.CompilerOptions {
  const defaults: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    types: [],
  };
  const file = join(root, 'tsconfig.json');
  const read = ts.readConfigFile(file, ts.sys.readFile);
  const parsed = read.error ? undefined : ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  const { declaration: _d, outDir: _o, rootDir: _r, sourceMap: _s, ...options } = parsed?.options ?? defaults;
  return { ...options, noEmit: true, skipLibCheck: true };
}

function createProgram(roots: string[], options: ts.CompilerOptions, redirect: { from: string; to: string } | undefined): ts.Program {
  const host = ts.createCompilerHost(options, true);
  if (redirect) {
    host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, sourceFile) =>
      literals.map((literal) => {
        const resolved = ts.resolveModuleName(literal.text, containingFile, opts, host, undefined, redirected, ts.getModeForUsageLocation(sourceFile, literal, opts));
        const file = resolved.resolvedModule?.resolvedFileName;
        if (!resolved.resolvedModule || file === undefined || !isWithin(resolve(file), redirect.from)) return resolved;
        return { ...resolved, resolvedModule: { ...resolved.resolvedModule, resolvedFileName: join(redirect.to, relative(redirect.from, resolve(file))) } };
      });
  }
  return ts.createProgram({ rootNames: roots, options, host });
}

function isWithin(file: string, dir: string): boolean {
  return file.startsWith(`${dir}${sep}`);
}

/** The generated-file header names the spec version; what follows it is the copied runtime. */
const HEADER = /^\/\/ Generated from [^\n]*\n/;

/** Same file names and contents (the header line aside), recursively. */
function sameFiles(a: string, b: string): boolean {
  const list = (dir: string): string[] => {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  };
  const names = list(a);
  if (names.length === 0 || names.join('\0') !== list(b).join('\0')) return false;
  return names.every((name) => {
    const x = join(a, name);
    const y = join(b, name);
    if (statSync(x).isDirectory()) return statSync(y).isDirectory() && sameFiles(x, y);
    return statSync(y).isFile() && readFileSync(x, 'utf8').replace(HEADER, '') === readFileSync(y, 'utf8').replace(HEADER, '');
  });
}

// ── reading a surface ────────────────────────────────────────────────────────────────────────

const printer = ts.createPrinter({ removeComments: true, omitTrailingSemicolon: true });

/** A node as one line of code, comments left out. */
function print(node: ts.Node): string {
  return printer
    .printNode(ts.EmitHint.Unspecified, node, node.getSourceFile())
    .replace(/\s+/g, ' ')
    .replace(/([{(<[]) /g, '$1')
    .replace(/ ([})\]>])/g, '$1')
    .replace(/;([}])/g, '$1')
    .trim();
}

class Reader {
  readonly #checker: ts.TypeChecker;
  /** Directories whose declarations count as the package's (the old package's runtime may live in the new one). */
  readonly #roots: string[];
  /** Class declarations exported from the entry: their members are listed under them, not under subclasses. */
  readonly #exportedClasses = new Set<ts.Symbol>();

  constructor(checker: ts.TypeChecker, roots: string[]) {
    this.#checker = checker;
    this.#roots = roots;
  }

  read(moduleSymbol: ts.Symbol, dir: string): Surface {
    const checker = this.#checker;
    const entries = checker
      .getExportsOfModule(moduleSymbol)
      .map((symbol) => ({ name: symbol.getName(), target: symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol }))
      .filter(({ target }) => (target.declarations?.length ?? 0) > 0)
      .sort((a, b) => compareText(a.name, b.name));
    for (const { target } of entries) if (target.flags & ts.SymbolFlags.Class) this.#exportedClasses.add(target);
    const exports = entries.map(({ name, target }) => this.#export(name, target));
    // A class whose instances a property leads to is listed there (`NotAi.sessions.list`).
    const reached = new Map<ts.Symbol, string>();
    for (const e of exports) for (const m of e.members) if (m.resource && m.type?.getSymbol()) reached.set(m.type.getSymbol()!, m.path);
    for (const e of exports) {
      const via = reached.get(e.symbol);
      if (e.kind === 'class' && via !== undefined && !via.startsWith(`${e.name}.`)) e.reachedVia = via;
    }
    return { dir, exports };
  }

  #export(name: string, symbol: ts.Symbol): SurfaceExport {
    const checker = this.#checker;
    const kind = kindOf(symbol);
    const declarations = symbol.declarations ?? [];
    const base = { name, kind, signatures: [] as SurfaceSignature[], members: [] as SurfaceMember[], symbol };
    switch (kind) {
      case 'function': {
        const signatures = checker.getSignaturesOfType(checker.getTypeOfSymbol(symbol), ts.SignatureKind.Call).map((s) => this.#signature(s));
        const lines = signatures.map((s) => `function ${name}${s.text}`);
        return { ...base, text: lines.join('\n'), shape: signatures.map((s) => s.text).join('\n'), signatures, type: checker.getTypeOfSymbol(symbol), generic: signatures.some((s) => s.typeParameters > 0) };
      }
      case 'class': {
        const declaration = declarations.find(ts.isClassDeclaration);
        const typeParameters = declaration?.typeParameters ? `<${declaration.typeParameters.map(print).join(', ')}>` : '';
        const heritage = declaration?.heritageClauses?.map((h) => ` ${print(h)}`).join('') ?? '';
        const members = this.#members(symbol, name, new Set([symbol]));
        return {
          ...base,
          text: `class ${name}${typeParameters}${heritage}`,
          shape: [`class ∎${typeParameters}${heritage}`, ...members.map((m) => relativeText(m, name))].join('\n'),
          members,
          type: checker.getDeclaredTypeOfSymbol(symbol),
          generic: typeParameters !== '',
        };
      }
      case 'variable': {
        const declaration = declarations.find(ts.isVariableDeclaration);
        const type = checker.getTypeOfSymbol(symbol);
        const typeText = declaration?.type ? print(declaration.type) : checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
        return { ...base, text: `const ${name}: ${typeText}`, shape: typeText, type, generic: false };
      }
      default: {
        // Interfaces, type aliases, enums, namespaces: their declarations, printed without comments.
        const texts = declarations.map((d) => print(d).replace(/^(?:export )?(?:declare )?/, ''));
        const own = declarations.map((d) => (ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isEnumDeclaration(d) || ts.isModuleDeclaration(d) ? d.name.getText() : name))[0] ?? name;
        const renamed = own === name ? texts : texts.map((t) => t.replace(new RegExp(`\\b${escapeRegExp(own)}\\b`), name));
        const generic = declarations.some((d) => (ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d)) && (d.typeParameters?.length ?? 0) > 0);
        const type = kind === 'enum' || kind === 'namespace' ? checker.getTypeOfSymbol(symbol) : checker.getDeclaredTypeOfSymbol(symbol);
        return { ...base, text: [...new Set(renamed)].join('\n'), shape: renamed.map((t) => t.replace(new RegExp(`\\b${escapeRegExp(name)}\\b`), '∎')).join('\n'), type, generic };
      }
    }
  }

  /** Public members of a class: constructor, statics, instance members, and what its resource properties lead to. */
  #members(classSymbol: ts.Symbol, path: string, seen: Set<ts.Symbol>): SurfaceMember[] {
    const checker = this.#checker;
    const out: SurfaceMember[] = [];
    const staticType = checker.getTypeOfSymbol(classSymbol);
    const constructors = checker.getSignaturesOfType(staticType, ts.SignatureKind.Construct).filter((s) => this.#isOwn(s.getDeclaration()));
    if (constructors.length > 0) {
      const signatures = constructors.map((s) => this.#signature(s, true));
      out.push(memberOf({ path: `${path}.constructor`, kind: 'constructor', modifiers: '', lines: signatures.map((s) => s.text), signatures, resource: false }));
    }
    const instance = checker.getDeclaredTypeOfSymbol(classSymbol);
    const groups: [ts.Symbol[], boolean][] = [
      [checker.getPropertiesOfType(staticType).filter((p) => p.getName() !== 'prototype'), true],
      [checker.getPropertiesOfType(instance), false],
    ];
    for (const [properties, isStatic] of groups) {
      const members = properties.filter((p) => this.#isPublicOwnMember(p, classSymbol)).sort((a, b) => compareText(checker.symbolToString(a), checker.symbolToString(b)));
      for (const member of members) out.push(...this.#member(member, memberPath(path, checker.symbolToString(member)), isStatic, seen));
    }
    return out;
  }

  #member(member: ts.Symbol, path: string, isStatic: boolean, seen: Set<ts.Symbol>): SurfaceMember[] {
    const checker = this.#checker;
    const declaration = member.declarations?.[0];
    const type = checker.getTypeOfSymbol(member);
    const prefix = isStatic ? 'static ' : '';
    if (member.flags & ts.SymbolFlags.Method) {
      const signatures = checker.getSignaturesOfType(type, ts.SignatureKind.Call).map((s) => this.#signature(s));
      return [memberOf({ path, kind: 'method', modifiers: prefix, lines: signatures.map((s) => s.text), signatures, resource: false })];
    }
    const declared = declaration && (ts.isPropertyDeclaration(declaration) || ts.isGetAccessorDeclaration(declaration)) ? declaration.type : undefined;
    const typeText = declared ? print(declared) : checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
    const readonly = declaration && (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Readonly || ts.isGetAccessorDeclaration(declaration)) ? 'readonly ' : '';
    const optional = member.flags & ts.SymbolFlags.Optional ? '?' : '';
    const property = { path, kind: 'property' as const, modifiers: `${prefix}${readonly}`, lines: [`${optional}: ${typeText}`], type, typeText, signatures: [] };
    const target = type.getSymbol();
    const resource = !isStatic && target !== undefined && (target.flags & ts.SymbolFlags.Class) !== 0 && this.#isOwn(target.declarations?.[0]) && !seen.has(target) && seen.size < 4;
    if (!resource) return [memberOf({ ...property, resource: false })];
    const inner = this.#members(target, path, new Set([...seen, target])).filter((m) => m.kind !== 'constructor');
    return [{ ...memberOf({ ...property, resource: true }), shape: inner.map((m) => relativeText(m, path)).join('\n') }, ...inner];
  }

  #isPublicOwnMember(member: ts.Symbol, classSymbol: ts.Symbol): boolean {
    const declaration = member.declarations?.[0];
    if (!declaration || !this.#isOwn(declaration)) return false;
    const name = ts.getNameOfDeclaration(declaration);
    if (name && ts.isPrivateIdentifier(name)) return false;
    if (ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return false;
    // Inherited from another exported class: listed under that one.
    const owner = declaration.parent && ts.isClassLike(declaration.parent) && declaration.parent.name ? this.#checker.getSymbolAtLocation(declaration.parent.name) : undefined;
    return owner === undefined || owner === classSymbol || !this.#exportedClasses.has(owner);
  }

  /** Declared in the package (not in a lib or a dependency). */
  #isOwn(node: ts.Node | undefined): boolean {
    const file = node?.getSourceFile().fileName;
    return file !== undefined && this.#roots.some((root) => isWithin(resolve(file), root));
  }

  #signature(signature: ts.Signature, construct = false): SurfaceSignature {
    const checker = this.#checker;
    const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
    const typeParameters = declaration?.typeParameters ?? [];
    const parameters = signature.getParameters().map((p): SurfaceParameter => {
      const node = p.declarations?.find(ts.isParameter);
      const type = node?.type ? checker.getTypeFromTypeNode(node.type) : checker.getTypeOfSymbol(p);
      return {
        name: p.getName(),
        optional: node ? checker.isOptionalParameter(node) : false,
        rest: node?.dotDotDotToken !== undefined,
        text: node?.type ? print(node.type) : checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation),
        type,
      };
    });
    const returnType = signature.getReturnType();
    const returnText = declaration?.type ? print(declaration.type) : checker.typeToString(returnType, undefined, ts.TypeFormatFlags.NoTruncation);
    const tp = typeParameters.length > 0 ? `<${typeParameters.map(print).join(', ')}>` : '';
    const params = parameters.map((p) => `${p.rest ? '...' : ''}${p.name}${p.optional && !p.rest ? '?' : ''}: ${p.text}`).join(', ');
    return { typeParameters: typeParameters.length, parameters, returnText, returnType, text: construct ? `${tp}(${params})` : `${tp}(${params}): ${returnText}` };
  }
}

/** `NotAi.sessions`, `APIPromise[Symbol.species]`. */
function memberPath(owner: string, name: string): string {
  return name.startsWith('[') ? `${owner}${name}` : `${owner}.${name}`;
}

function memberOf(m: Omit<SurfaceMember, 'text' | 'shape'>): SurfaceMember {
  return { ...m, text: m.lines.map((line) => `${m.modifiers}${m.path}${line}`).join('\n'), shape: m.lines.join('\n') };
}

/** A member's lines with its path relative to `base` (`NotAi.sessions.list(…)` → `.sessions.list(…)`). */
function relativeText(m: SurfaceMember, base: string): string {
  return m.lines.map((line) => `${m.modifiers}${m.path.slice(base.length)}${line}`).join('\n');
}

function surfaceOf(program: ts.Program, root: string, roots: string[]): Surface {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entryOf(root));
  const moduleSymbol = file ? checker.getSymbolAtLocation(file) : undefined;
  if (!moduleSymbol) throw new Error(`${entryOf(root)}: not a module the TypeScript program could read`);
  return new Reader(checker, roots).read(moduleSymbol, root);
}

function kindOf(symbol: ts.Symbol): ExportKind {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  if (f & ts.SymbolFlags.Variable) return 'variable';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  return 'namespace';
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
