// Runs the CommonJS bundle built by scripts/build-cli.mjs with a V8 code cache, so a run does not
// re-parse and re-compile ~20 MB of JavaScript (TypeScript, prettier, Redocly) every time. Node 20
// has no built-in compile cache (module.enableCompileCache arrived in Node 22), so this does the
// same thing for the one file: compile with `vm.Script`, hand V8 the cached data from the last run,
// and after a run that had none (or had it rejected) save what V8 compiled, including functions
// compiled lazily during the run. The cache is keyed by Node/V8 version, the bundle's content hash
// (V8 checks a cache only against the source's length, so a same-length bundle would otherwise run
// old code) and the command (a `--help` run compiles far less than `generate`), and stored with a
// checksum (checked-cache.mjs). Any cache problem falls back to a plain compile: the cache can only
// make a run faster, never change its result.
// NOTAI_CODEGEN_CACHE=0 turns it off (and the format cache).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cachedDataVersionTag } from 'node:v8';
import vm from 'node:vm';
import { compileWithCodeCache } from './checked-cache.mjs';

/** The bundle's sha256 as build-cli.mjs recorded it, or computed now when the record is missing. */
function bundleHash(bundle, source) {
  try {
    const recorded = readFileSync(`${bundle}.sha256`, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(recorded)) return recorded;
  } catch {
    // computed below
  }
  return createHash('sha256').update(source).digest('hex');
}

function cacheFileFor(bundle, source, argv) {
  const command = /^[a-z][a-z-]{0,20}$/.test(argv[0] ?? '') ? argv[0] : 'other';
  const id = `${process.version}-${process.arch}-${cachedDataVersionTag()}-${bundleHash(bundle, source).slice(0, 24)}-${command}`;
  return join(dirname(bundle), '.code-cache', `${id}.bin`);
}

/** Loads the bundle (as `require` would) and runs its `main(argv)`; resolves to the exit code. */
export async function runBundle(bundle, argv) {
  const useCache = process.env.NOTAI_CODEGEN_CACHE !== '0';
  const source = readFileSync(bundle, 'utf8');
  const cacheFile = useCache ? cacheFileFor(bundle, source, argv) : undefined;
  const { script, saveCodeCache } = compileWithCodeCache(
    Module.wrap(source),
    { filename: bundle, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER },
    cacheFile,
  );
  const module = new Module(bundle);
  module.filename = bundle;
  module.paths = Module._nodeModulePaths(dirname(bundle));
  const wrapper = script.runInThisContext();
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  module.loaded = true;
  const code = await module.exports.main(argv);
  saveCodeCache(); // after the run, so the cache holds every function it compiled
  return code;
}
