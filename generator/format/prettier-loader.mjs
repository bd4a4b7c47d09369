// Loads prettier for the formatting worker (worker.mjs) through a V8 code cache. Plain JavaScript,
// like the worker, so it runs the same from the sources and from the bundled CLI.
//
// Why: a worker is a fresh isolate, so without a cache it re-parses and re-compiles prettier's
// standalone build and its parsers on every run. That was ~0.1 s of the formatting worker's
// critical path on a small spec. Node 20 has no built-in compile cache, so this does the same as
// bin/run-bundle.mjs does for the CLI bundle: compile prettier's standalone build and the
// JavaScript/TypeScript plugins as one `vm.Script` with cached data, and save what V8 compiled
// once the worker is done (`saveCodeCache`), with a checksum (bin/checked-cache.mjs). Any cache
// problem falls back to a plain compile: the cache can only make a run faster, never change output. Other parsers (Markdown, YAML)
// are rare here (our own Markdown finisher handles generated READMEs) and load prettier's full
// entry point, which has every plugin.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cachedDataVersionTag } from 'node:v8';
import { compileWithCodeCache } from '../../bin/checked-cache.mjs';

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

/**
 * Template literals prettier formats as another language (embedded CSS, GraphQL, HTML, Markdown)
 * need that language's plugin, which the fast path does not load: text that may hold one goes to
 * prettier's full entry point. Broader than prettier's own tests (a tag, `styled…` chain, marker
 * comment or Angular `template`/`styles` property right before a backtick), so a false alarm costs
 * only speed.
 */
const MAY_EMBED = new RegExp(
  [
    /\b(?:css|keyframes|injectGlobal|createGlobalStyle|gql|graphql|html|markdown|md)\s*`/.source,
    /\b(?:styled|css)\b[\w$.\s]*(?:\([^()`]*\)[\w$.\s]*)*`/.source,
    /\/\*\s*(?:GraphQL|HTML|CSS)\s*\*\/\s*`/.source,
    /\b(?:template|styles)\s*:\s*\[?\s*`/.source,
  ].join('|'),
  'i',
);

/** Prettier's parse errors carry a source location; anything else is a failure of prettier itself. */
export function isSyntaxError(error) {
  return error instanceof SyntaxError || (typeof error === 'object' && error !== null && 'loc' in error);
}

/**
 * Prettier with a code cache in `codeCacheDir` (none when undefined). `format(text, options)`
 * formats with options.parser; `saveCodeCache()` writes the cache if this load had none (or V8
 * rejected it), so the next run starts compiled. Caches of other prettier or Node versions are
 * left alone (another Node may share the directory); `npm ci` rebuilds dist/ and so starts it
 * afresh.
 */
export function loadPrettier(codeCacheDir) {
  // Each UMD build assigns module.exports when it sees CommonJS `module` and `exports`.
  const source = `[${PARTS.map((id) => `function (module, exports) {\n${readFileSync(require.resolve(id), 'utf8')}\n}`).join(',\n')}]`;
  const cacheFile = codeCacheDir === undefined ? undefined : codeCacheFile(codeCacheDir, source);
  const { script, saveCodeCache } = compileWithCodeCache(source, { filename: join(dirname(require.resolve('prettier/standalone')), 'notai-codegen-prettier.js') }, cacheFile);
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

  return {
    async format(text, options) {
      const plugins = PLUGINS_FOR[options.parser];
      if (plugins === undefined || (options.parser !== 'json' && MAY_EMBED.test(text))) {
        full ??= await import('prettier');
        return full.format(text, options);
      }
      return part(STANDALONE).format(text, { ...options, plugins: plugins.map(part) });
    },
    saveCodeCache,
  };
}
