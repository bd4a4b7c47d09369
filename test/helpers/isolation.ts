/**
 * Which test files must run isolated (a fresh process each) and which may share a process with the
 * files before them (vitest's `isolate: false`), for vitest.config.ts (issue #20).
 *
 * Isolation costs a process start and a fresh import of the generator, ts-morph and TypeScript for
 * every file: about a second of CPU each, over 150 files. A file may skip it only if it leaves
 * nothing behind for the next file in its process: no module mocks, no spies or stubbed globals, no
 * fake timers, no nock interceptors, no changed environment variables, working directory or process
 * listeners. A file is isolated when it, or a test-local module it imports (transitively), uses one
 * of the APIs that change such state (`STATEFUL`), or when it says `// vitest-isolate` itself (for
 * state the pattern cannot see). Classification reads the sources, so a new test file needs no
 * entry anywhere; a false "stateful" only costs the file its process start.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Calls that leave state in the process for later files: mocks, fakes, nock, env, cwd, globals. */
const STATEFUL =
  /\bvi\.(mock|doMock|unmock|spyOn|stub\w*|useFakeTimers|setSystemTime|hoisted|resetModules|importActual|importMock)\b|\bnock\b|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete\s+process\.env|Object\.assign\(\s*process\.env|process\.(chdir|exitCode|on|once|addListener|prependListener|umask)\b|globalThis\.\w+\s*=[^=]|Object\.defineProperty\(\s*(globalThis|process)|setGlobalDispatcher|\.prototype\.\w+\s*=[^=]|^\/\/ vitest-isolate\b/m;

/** Relative imports, static and dynamic (`from './x.js'`, `import('./x.js')`). */
const IMPORTS = /(?:\bfrom|\bimport\s*\(|^import)\s*['"](\.{1,2}\/[^'"]+)['"]/gm;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * The test files under `testDir` (paths relative to `root`, sorted) that must run isolated: those
 * whose own code or test-local imports match STATEFUL. Imports outside `testDir` (the generator,
 * the runtime templates) are the code under test, not test state, and are not followed.
 */
export function isolatedTestFiles(root: string, testDir = join(root, 'test')): string[] {
  const stateful = new Map<string, boolean>();
  const visit = (file: string, seen: Set<string>): boolean => {
    const known = stateful.get(file);
    if (known !== undefined) return known;
    if (seen.has(file)) return false; // an import cycle: its other members decide
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return false; // a data file or a path that does not exist: nothing of ours runs
    }
    let result = STATEFUL.test(text);
    for (const [, spec] of text.matchAll(IMPORTS)) {
      if (result) break;
      const target = resolve(dirname(file), spec!).replace(/\.js$/, '.ts');
      if (target.startsWith(testDir) && target.endsWith('.ts')) result = visit(target, seen);
    }
    stateful.set(file, result);
    return result;
  };
  return testFiles(testDir)
    .filter((file) => visit(file, new Set()))
    .map((file) => relative(root, file))
    .sort();
}
