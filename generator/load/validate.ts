import { bundle, createConfig, lintDocument, Source, type Config, type NormalizedProblem } from '@redocly/openapi-core';
import { GeneratorError } from '../errors.js';
import { lookupPointer } from '../json-pointer.js';
import { ConfinedResolver } from './confined-resolver.js';
import { invalidPathsError, pathKeyOf, withoutInvalidPaths, type PathProblem } from './invalid-paths.js';
import { LINT_EXTENDS, LINT_RULES, LintCache, type LintProblem } from './lint-cache.js';
import { shield, unshield, unshieldProblem } from './prototype-shield.js';
import { refPolicy } from './ref-policy.js';
import { scanDocument } from './scan.js';
import { sha256Of } from '../spec-store/store.js';

export interface LoadOptions {
  /**
   * URL prefixes remote `$ref`s may name beyond the spec's own folder (`--allow-remote-refs`);
   * none by default, so a local spec loads offline.
   */
  allowRemoteRefs?: readonly string[];
  /** Leave out invalid paths, with a warning per operation, instead of refusing the spec. */
  skipInvalid?: boolean;
  /** For tests: fetches remote refs. */
  fetch?: typeof fetch;
  /** The lint result cache (lint-cache.ts); default: the shared one, `false` for none. */
  lintCache?: LintCache | false;
}

export interface ValidatedSpec {
  /** The bundled document: every external `$ref` pulled into `components`, local refs kept. */
  document: Record<string, unknown>;
  openapiVersion: '3.0' | '3.1';
  warnings: string[];
}

let configPromise: Promise<Config> | undefined;

/**
 * Only the rules whose failure would make the generated client wrong are errors: structural
 * validity, unresolved refs, duplicate parameters and path parameters that are never declared.
 * Style rules are left to the API's authors. Duplicate operationIds are checked by the IR stage,
 * which reports the `operationId` pointer itself (Redocly's pointer for that rule is off by one).
 */
function redoclyConfig(): Promise<Config> {
  configPromise ??= createConfig({ rules: { ...LINT_RULES.rules } }, { extends: [...LINT_EXTENDS] });
  return configPromise;
}

/** Checks the OpenAPI version, lints, and bundles; the first error names its JSON pointer. */
export async function validateAndBundle(parsed: unknown, text: string, location: string, options: LoadOptions = {}, textSha256?: string): Promise<ValidatedSpec> {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new GeneratorError('Spec must be an object at the top level', '#', location);
  }
  let root = parsed as Record<string, unknown>;
  if ('swagger' in root) throw new GeneratorError('Swagger 2.0 is not supported: convert it to OpenAPI 3 first', '#/swagger', location);
  const declared = root.openapi;
  if (typeof declared !== 'string') throw new GeneratorError('Missing `openapi` version field (expected "3.0.x" or "3.1.x")', '#/openapi', location);
  const match = /^3\.(0|1)\.\d+/.exec(declared);
  if (!match) throw new GeneratorError(`Unsupported OpenAPI version "${declared}" (expected 3.0.x or 3.1.x)`, '#/openapi', location);
  // 3.1 makes `paths` optional (a webhooks- or components-only document); 3.0 requires it.
  const pathsOptional = match[1] === '1' && (root.webhooks !== undefined || root.components !== undefined);
  if (root.paths === undefined && pathsOptional) {
    // Nothing to call: the client gets no operations but still gets the types.
  } else if (typeof root.paths !== 'object' || root.paths === null || Array.isArray(root.paths)) {
    throw new GeneratorError('Spec has no `paths` object', '#/paths', location);
  }

  // Everything below recurses per level of nesting (this module's ref check, Redocly,
  // openapi-typescript, the IR): a document too deep for them is refused here, iteratively.
  let scan = scanDocument(root, location);
  // Before Redocly loads anything: a refused ref is named with its pointer and never read.
  const resolver = new ConfinedResolver(await refPolicy(location, options.allowRemoteRefs), options.fetch);
  await resolver.checkRefs(scan.externalRefs, location);

  checkLocalRefs(root, location);

  const redoclyDocument = (parsed: Record<string, unknown>) => ({ source: new Source(location, text, 'application/json'), parsed: scan.prototypeKeys ? shield(parsed) : parsed });
  // The last document linted, handed on to bundling (which only runs after a real lint: a spec with
  // external refs is never answered from the cache).
  let linted: ReturnType<typeof redoclyDocument> | undefined;
  const lint = async (parsed: Record<string, unknown>): Promise<LintProblem[]> => {
    const document = redoclyDocument(parsed);
    linted = document;
    const config = await redoclyConfig();
    const problems = await guard(() => lintDocument({ document, config: config.styleguide, externalRefResolver: resolver }), location, resolver);
    return problems.map((problem) => toLintProblem(unshieldProblem(problem), location));
  };
  // A self-contained spec's lint is a pure function of its text (lint-cache.ts); the cached
  // problems go through the same reporting below as fresh ones, errors included.
  const cache = scan.externalRefs.length === 0 && options.lintCache !== false ? (options.lintCache ?? LintCache.open()) : undefined;
  const cacheKey = cache === undefined ? undefined : LintCache.key(location, textSha256 ?? sha256Of(text));
  let problems = cacheKey === undefined ? undefined : await cache?.read(cacheKey);
  if (problems === undefined) {
    problems = await lint(root);
    if (cacheKey !== undefined) await cache?.write(cacheKey, problems);
  }
  const warnings: string[] = [];
  const pathProblems = invalidPaths(problems, location);
  if (pathProblems.length > 0) {
    if (!options.skipInvalid) throw invalidPathsError(pathProblems, location);
    const reduced = withoutInvalidPaths(root, pathProblems);
    root = reduced.document;
    scan = scanDocument(root, location);
    warnings.push(...reduced.warnings);
    checkLocalRefs(root, location);
    problems = await lint(root);
  }
  warnings.push(...report(problems, location));
  // Bundling re-walks the whole document (over a second on large specs); it is only needed
  // when some `$ref` points outside it.
  let bundledDoc = root;
  if (scan.externalRefs.length > 0) {
    const config = await redoclyConfig();
    const bundled = await guard(() => bundle({ config, doc: linted ?? redoclyDocument(root), dereference: false, externalRefResolver: resolver }), location, resolver);
    warnings.push(...report(bundled.problems.map((problem) => toLintProblem(unshieldProblem(problem), location)), location));
    const parsed = bundled.bundle.parsed as Record<string, unknown>;
    bundledDoc = scan.prototypeKeys || resolver.shieldedAny ? unshield(parsed) : parsed;
  }
  return {
    document: bundledDoc,
    openapiVersion: match[1] === '0' ? '3.0' : '3.1',
    warnings,
  };
}

/**
 * Real specs are often slightly off inside schemas (a 3.0 `nullable` in a 3.1 document, a boolean
 * `exclusiveMinimum`) or inside vendor extensions. openapi-typescript reads those leniently, so
 * they are warnings; structure that decides the client's shape (paths, operations, parameters,
 * responses) stays an error.
 */
function isLenient(problem: LintProblem, pointer: string): boolean {
  const segments = pointer.split('/');
  if (segments.some((s) => s.startsWith('x-'))) return true;
  if (problem.ruleId === 'struct' && segments.some((s) => s === 'schema' || s === 'schemas')) return true;
  // A mapping value that names no schema only loses a narrowing hint; openapi-typescript skips it.
  return pointer.includes('/discriminator/mapping/');
}

/** What the loader reads of one of Redocly's problems: its first location, or the spec's root. */
function toLintProblem(problem: NormalizedProblem, location: string): LintProblem {
  const loc = problem.location[0];
  return { ruleId: problem.ruleId, severity: problem.severity, message: problem.message, pointer: loc?.pointer ?? '#', file: loc?.source.absoluteRef ?? location };
}

/** Throws on the first error; returns warnings as one-line strings. */
function report(problems: readonly LintProblem[], location: string): string[] {
  const warnings: string[] = [];
  for (const problem of problems) {
    const { pointer, file } = problem;
    if (problem.severity === 'error' && !isLenient(problem, pointer)) {
      throw new GeneratorError(`Invalid spec: ${problem.message}`, pointer, file);
    }
    warnings.push(`${problem.message} (at ${file === location ? '' : file}${pointer})`);
  }
  return warnings;
}

/**
 * Redocly throws (rather than reporting) on some inputs; those still become one GeneratorError.
 * A ref the resolver refused is thrown as it is, ahead of the "unresolved ref" Redocly made of it.
 */
async function guard<T>(run: () => Promise<T>, location: string, resolver: ConfinedResolver): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    if (resolver.refused) throw resolver.refused;
    if (error instanceof GeneratorError) throw error;
    throw new GeneratorError(`Spec could not be validated: ${(error as Error).message}`, '#', location, { cause: error });
  }
  if (resolver.refused) throw resolver.refused;
  return result;
}

/** The errors that make a path item invalid, in document order; other errors are left to {@link report}. */
function invalidPaths(problems: readonly LintProblem[], location: string): PathProblem[] {
  const found: PathProblem[] = [];
  for (const problem of problems) {
    const { pointer } = problem;
    if (problem.severity !== 'error' || isLenient(problem, pointer) || problem.file !== location) continue;
    const key = pathKeyOf(pointer);
    if (key !== undefined) found.push({ key, pointer, message: problem.message });
  }
  return found;
}

/** Keys whose values are data, not spec: a `$ref` inside them is an example's text. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);
/** Maps keyed by user-chosen names, where `x-…` is a name (a header, a property), not an extension. */
const NAMED_MAPS = new Set(['paths', 'webhooks', 'headers', 'properties', 'patternProperties', 'schemas', 'parameters', 'responses', 'requestBodies', 'securitySchemes', 'links', 'callbacks', 'pathItems', 'content', 'encoding', 'variables', 'mapping', '$defs', 'definitions', 'dependentSchemas']);

/**
 * Every local `$ref` must name something, and a chain of refs must end in something other than
 * a ref. The validator misses refs in places it does not walk, and throws without a location on
 * cycles; this names the pointer in both cases.
 */
function checkLocalRefs(root: Record<string, unknown>, location: string): void {
  const lookup = (ref: string): unknown => lookupPointer(root, ref);
  const visit = (node: unknown, pointer: string, parentKey = ''): void => {
    if (typeof node !== 'object' || node === null) return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#')) {
      if (ref !== '#' && lookup(ref) === undefined) throw new GeneratorError(`Unresolved $ref "${ref}"`, pointer, location);
      const seen = new Set<string>();
      let current: string | undefined = ref;
      while (current !== undefined) {
        if (seen.has(current)) throw new GeneratorError(`Circular $ref: "${ref}" leads back to "${current}" without naming a schema`, pointer, location);
        seen.add(current);
        const target = lookup(current);
        const next = typeof target === 'object' && target !== null ? (target as { $ref?: unknown }).$ref : undefined;
        current = typeof next === 'string' && next.startsWith('#/') ? next : undefined;
      }
    }
    const isMap = NAMED_MAPS.has(parentKey);
    for (const [key, value] of Object.entries(node)) {
      if (!isMap && (DATA_KEYS.has(key) || key.startsWith('x-'))) continue;
      visit(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, Array.isArray(node) ? parentKey : isMap ? '' : key);
    }
  };
  visit(root, '#');
}
