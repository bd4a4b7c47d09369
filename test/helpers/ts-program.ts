/**
 * One way for tests to build a TypeScript program that type-checks generated code (issue #20).
 *
 * Two costs every such program paid and none of them needed:
 * - Checking TypeScript's own default library (`lib.dom.d.ts` and the rest) under
 *   `skipLibCheck: false`: about two thirds of a small package's check, the same answer every time.
 *   `skipDefaultLibCheck` skips only those files; every other declaration file and the generated
 *   package's own code are still checked. The one thing it would hide: a file of ours that adds to
 *   the global scope can break a library interface where the compiler reports it only in the
 *   library file (`declare global { interface TypeError { message: number } }`: "Interface
 *   'TypeError' incorrectly extends interface 'Error'", in lib.es5.d.ts). A program with such a
 *   file checks the library after all (mergesIntoGlobalScope).
 * - Parsing the default library again for each program. Its source files are read once per
 *   process and handed to every program, as TypeScript's language service shares them between
 *   projects; in the `shared` vitest project that is once per fork for all files.
 */
import { dirname } from 'node:path';
import ts from 'typescript';

const LIB_DIR = `${dirname(ts.getDefaultLibFilePath({}))}/`;
/** This repository's installed packages (`…/node_modules/typescript/lib/` two levels up): @types/node declares globals by design. */
const NODE_MODULES = `${dirname(dirname(LIB_DIR.slice(0, -1)))}/`;

/** Default-library source files, by file name and the parse settings that shape them. */
const libFiles = new Map<string, ts.SourceFile>();

/** A compiler host that reads the default library from the per-process cache (others as usual). */
export function cachedLibHost(options: ts.CompilerOptions, setParentNodes?: boolean): ts.CompilerHost {
  const host = ts.createCompilerHost(options, setParentNodes);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, settings, onError, shouldCreate) => {
    if (!fileName.startsWith(LIB_DIR)) return read(fileName, settings, onError, shouldCreate);
    const version = typeof settings === 'object' ? `${settings.languageVersion}:${settings.impliedNodeFormat ?? ''}` : String(settings);
    const key = `${fileName}|${version}`;
    let file = libFiles.get(key);
    if (file === undefined) {
      file = read(fileName, settings, onError, shouldCreate);
      if (file !== undefined) libFiles.set(key, file);
    }
    return file;
  };
  return host;
}

/** One line per diagnostic: `file:line message` (no place for options and global diagnostics). */
export function describeDiagnostics(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** `options` for a type-check: no emit unless asked for, the default library checked by nobody. */
export function checkOptions(options: ts.CompilerOptions): ts.CompilerOptions {
  return { noEmit: true, ...options, skipDefaultLibCheck: true };
}

/**
 * A program over `rootNames` for type-checking, with checkOptions(options). `adapt` may override
 * the host's methods (virtual files); the default library still comes from the cache.
 */
export function checkProgram(rootNames: readonly string[], options: ts.CompilerOptions, adapt?: (host: ts.CompilerHost) => void): ts.Program {
  const checked = checkOptions(options);
  const host = cachedLibHost(checked, adapt !== undefined);
  adapt?.(host);
  return withLibraryCheckIfMerged(ts.createProgram({ rootNames, options: checked, host }), options, host);
}

/**
 * `program` again with the caller's own `skipDefaultLibCheck` when one of its files adds to the
 * global scope (mergesIntoGlobalScope); `program` itself otherwise.
 */
export function withLibraryCheckIfMerged(program: ts.Program, options: ts.CompilerOptions, host: ts.CompilerHost): ts.Program {
  if (!mergesIntoGlobalScope(program)) return program;
  const rootNames = program.getRootFileNames();
  return ts.createProgram({ rootNames, options: { ...program.getCompilerOptions(), skipDefaultLibCheck: options.skipDefaultLibCheck }, host, oldProgram: program });
}

/**
 * Whether a file of the program, other than the default library and this repository's installed
 * packages, declares into the global scope: a `declare global` block (also inside a module
 * augmentation), or any declaration at the top of a script. What it declares merges with the
 * library's interfaces, and some clashes are reported only at the library's declaration.
 */
export function mergesIntoGlobalScope(program: ts.Program): boolean {
  return program.getSourceFiles().some((file) => {
    if (file.fileName.startsWith(NODE_MODULES) || program.isSourceFileDefaultLibrary(file)) return false;
    if (!ts.isExternalModule(file)) return file.statements.some((s) => ts.isDeclarationStatement(s) || ts.isVariableStatement(s));
    return file.statements.some(hasGlobalBlock);
  });
}

function hasGlobalBlock(node: ts.Node): boolean {
  if (!ts.isModuleDeclaration(node)) return false;
  if (node.flags & ts.NodeFlags.GlobalAugmentation) return true;
  const body = node.body;
  return body !== undefined && ts.isModuleBlock(body) && body.statements.some(hasGlobalBlock);
}
