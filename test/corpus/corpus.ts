import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { typeCheckDistinct } from '../helpers/type-check-distinct.js';
import { checkProgram, describeDiagnostics } from '../helpers/ts-program.js';

const MODULES = join(import.meta.dirname, '..', '..', 'node_modules');

/** Real public specs shipped in npm packages (devDependencies, exact pins): nobody here wrote them. */
export function corpusSpecs(): { name: string; file: string }[] {
  const specs: { name: string; file: string }[] = [];
  for (const version of ['3.0', '3.1']) {
    const dir = join(MODULES, '@readme', 'oas-examples', version, 'json');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) specs.push({ name: `readme-${version}-${file.replace(/\.json$/, '')}`, file: join(dir, file) });
  }
  // YAML input, 3.1, a real vendor.
  specs.push({ name: 'figma', file: join(MODULES, '@figma', 'rest-api-spec', 'openapi', 'openapi.yaml') });
  return specs;
}

export const GITHUB_SPEC = join(MODULES, '@octokit', 'openapi', 'generated', 'api.github.com.json');

/** Corpus specs test/generator/bundle.test.ts generates too: both take them from generatedOnce(). */
export const SHARED_WITH_BUNDLE_TEST = new Set(['github', 'figma', 'readme-3.0-circular', 'readme-3.1-schema-types']);

/**
 * Type-checks generated packages under the strict settings of their own tsconfig, in one program.
 * Several packages share modules (the runtime, in every one): each distinct module is checked once
 * (test/helpers/type-check-distinct.ts); a single package is checked whole, as `tsc` would.
 */
export function typeCheck(packageDirs: string[]): string[] {
  const first = packageDirs[0];
  if (!first) return [];
  if (packageDirs.length > 1) return typeCheckDistinct(packageDirs).diagnostics;
  const config = ts.readConfigFile(join(first, 'tsconfig.json'), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, first).options;
  const program = checkProgram([join(first, 'src', 'index.ts')], { ...options, rootDir: undefined, outDir: undefined });
  return describeDiagnostics(ts.getPreEmitDiagnostics(program));
}
