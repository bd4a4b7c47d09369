/**
 * One way for tests to build a TypeScript program that type-checks generated code (issue #20).
 *
 * Two costs every such program paid and none of them needed:
 * - Checking TypeScript's own default library (`lib.dom.d.ts` and the rest) under
 *   `skipLibCheck: false`: about two thirds of a small package's check, the same answer every time.
 *   `skipDefaultLibCheck` skips only those files; every other declaration file, the generated
 *   package's own code and any clash between it and the library are still checked (a clash is
 *   reported at the generated declaration too).
 * - Parsing the default library again for each program. Its source files are read once per
 *   process and handed to every program, as TypeScript's language service shares them between
 *   projects; in the `shared` vitest project that is once per fork for all files.
 */
import { dirname } from 'node:path';
import ts from 'typescript';

const LIB_DIR = `${dirname(ts.getDefaultLibFilePath({}))}/`;

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
  return ts.createProgram({ rootNames, options: checked, host });
}
