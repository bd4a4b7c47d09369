// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/package/build.mjs.
// Builds this package to ESM (dist/esm) and CommonJS (dist/cjs), each with .d.ts files, using the
// TypeScript compiler API only (no bundler, no runtime dependencies).
// Usage: node build.mjs [--outDir <dir>]   (default: ./dist)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const flag = process.argv.indexOf('--outDir');
const outDir = resolve(flag >= 0 && process.argv[flag + 1] ? process.argv[flag + 1] : join(here, 'dist'));

const configFile = ts.readConfigFile(join(here, 'tsconfig.json'), ts.sys.readFile);
if (configFile.error) throw new Error(ts.flattenDiagnosticMessageText(configFile.error.messageText, '\n'));
const base = ts.parseJsonConfigFileContent(configFile.config, ts.sys, here);

function compile(format, options) {
  const program = ts.createProgram({ rootNames: base.fileNames, options: { ...base.options, ...options, noEmit: false } });
  const result = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => here, getNewLine: () => '\n' };
    throw new Error(`${format} build failed:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
}

rmSync(outDir, { recursive: true, force: true });
compile('esm', { outDir: join(outDir, 'esm'), declaration: true });
compile('cjs', {
  outDir: join(outDir, 'cjs'),
  declaration: true,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  verbatimModuleSyntax: false,
});
// The package is "type": "module"; this marker makes Node read dist/cjs/*.js as CommonJS.
mkdirSync(join(outDir, 'cjs'), { recursive: true });
writeFileSync(join(outDir, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
process.stdout.write(`built ${outDir}/esm and ${outDir}/cjs\n`);
