// Loads prettier for the formatting worker (worker.mjs) through a V8 code cache. Plain JavaScript,
// like the worker, so it runs the same from the sources and from the bundled CLI.
//
// Why: a worker is a fresh isolate, so without a cache it re-parses and re-compiles prettier's
// standalone build and its parsers on every run. That was ~0.1 s of the formatting worker's
// critical path on a small spec. Node 20 has no built-in compile cache, so this does the same as
// bin/run-bundle.mjs does for the CLI bundle: compile prettier's standalone build and the
// JavaScript/TypeScript plugins as one `vm.Script` with cached data, and save what V8 compiled
// once the worker is done (`saveCodeCache`). Any cache problem falls back to a plain compile:
// the cache can only make a run faster, never change its output. Other parsers (Markdown, YAML)
// are rare here (our own Markdown finisher handles generated READMEs) and load prettier's full
// entry point, which has every plugin.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cachedDataVersionTag } from 'node:v8';
import vm from 'node:vm';

const require = createRequire(import.meta.url);

/** prettier's UMD builds, in the order the compiled script returns their factories. */
const PARTS = ['prettier/standalone', 'prettier/plugins/estree', 'prettier/plugins/babel', 'prettier/plugins/typescript'];
const [STANDALONE, ESTREE, BABEL, TYPESCRIPT] = [0, 1, 2, 3];

/** The plugins each fast-path parser needs (estree prints every JavaScript and JSON AST). */
const PLUGINS_FOR = { 'babel-ts': [BABEL, ESTREE], babel: [BABEL, ESTREE], json: [BABEL, ESTREE], typescript: [TYPESCRIPT, ESTREE] };

function codeCacheFile(dir, source) {
  const { version } = require('prettier/package.json');
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 24);
  return join(dir, `prettier-${version}-${process.version}-${process.arch}-${cachedDataVersionTag()}-${hash}.bin`);
}

function readOrUndefined(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Prettier with a code cache in `codeCacheDir` (none when undefined). `format(text, options)`
 * formats with options.parser; `saveCodeCache()` writes the cache if this load had none (or V8
 * rejected it), so the next run starts compiled.
 */
/** Prettier's parse errors carry a source location; anything else is a failure of prettier itself. */
export function isSyntaxError(error) {
  return error instanceof SyntaxError || (typeof error === 'object' && error !== null && 'loc' in error);
}

export function loadPrettier(codeCacheDir) {
  // Each UMD build assigns module.exports when it sees CommonJS `module` and `exports`.
  const source = `[${PARTS.map((id) => `function (module, exports) {\n${readFileSync(require.resolve(id), 'utf8')}\n}`).join(',\n')}]`;
  const cacheFile = codeCacheDir === undefined ? undefined : codeCacheFile(codeCacheDir, source);
  const cachedData = cacheFile === undefined ? undefined : readOrUndefined(cacheFile);
  const script = new vm.Script(source, { filename: join(dirname(require.resolve('prettier/standalone')), 'notai-codegen-prettier.js'), cachedData });
  const factories = script.runInThisContext();
  const loaded = [];
  const part = (index) => {
    if (loaded[index] === undefined) {
      const module = { exports: {} };
      factories[index](module, module.exports);
      loaded[index] = module.exports;
    }
    return loaded[index];
  };
  let full;
  let saved = false;
  const format = async (text, options) => {
    const plugins = PLUGINS_FOR[options.parser];
    if (plugins === undefined) {
      full ??= await import('prettier');
      return full.format(text, options);
    }
    return part(STANDALONE).format(text, { ...options, plugins: plugins.map(part) });
  };

  return {
    async format(text, options) {
      try {
        return await format(text, options);
      } catch (error) {
        // babel-ts is the fast TypeScript parser (rules.ts); its printed output is prettier's
        // typescript parser's, but it rejects a few constructs that parser accepts.
        if (options.parser !== 'babel-ts' || !isSyntaxError(error)) throw error;
        return format(text, { ...options, parser: 'typescript' });
      }
    },
    saveCodeCache() {
      if (saved || cacheFile === undefined || (cachedData !== undefined && !script.cachedDataRejected)) return;
      saved = true;
      try {
        mkdirSync(codeCacheDir, { recursive: true });
        // Caches of other prettier or Node versions can never be used again.
        for (const name of readdirSync(codeCacheDir)) if (name.startsWith('prettier-') && join(codeCacheDir, name) !== cacheFile) rmSync(join(codeCacheDir, name), { force: true });
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile); // atomic: a concurrent run reads the old file or the new one
      } catch {
        // A read-only install or a full disk only costs speed.
      }
    },
  };
}
