import { BaseResolver, bundle, createConfig, lintDocument, Source, type Config, type NormalizedProblem } from '@redocly/openapi-core';
import { GeneratorError } from '../errors.js';

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
  configPromise ??= createConfig(
    {
      rules: {
        struct: 'error',
        'no-unresolved-refs': 'error',
        'operation-parameters-unique': 'error',
        'path-parameters-defined': 'error',
      },
    },
    { extends: ['spec'] },
  );
  return configPromise;
}

/** Checks the OpenAPI version, lints, and bundles; the first error names its JSON pointer. */
export async function validateAndBundle(parsed: unknown, text: string, location: string): Promise<ValidatedSpec> {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new GeneratorError('Spec must be an object at the top level', '#', location);
  }
  const root = parsed as Record<string, unknown>;
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

  const config = await redoclyConfig();
  const resolver = new BaseResolver(config.resolve);
  const document = { source: new Source(location, text, 'application/json'), parsed };
  const problems = await lintDocument({ document, config: config.styleguide, externalRefResolver: resolver });
  const warnings = report(problems, location);
  // Bundling re-walks the whole document (over a second on large specs); it is only needed
  // when some `$ref` points outside it.
  let bundledDoc = root;
  if (hasExternalRefs(root)) {
    const bundled = await bundle({ config, doc: document, dereference: false, externalRefResolver: resolver });
    warnings.push(...report(bundled.problems, location));
    bundledDoc = bundled.bundle.parsed as Record<string, unknown>;
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
function isLenient(problem: NormalizedProblem, pointer: string): boolean {
  const segments = pointer.split('/');
  if (segments.some((s) => s.startsWith('x-'))) return true;
  if (problem.ruleId === 'struct' && segments.some((s) => s === 'schema' || s === 'schemas')) return true;
  // A mapping value that names no schema only loses a narrowing hint; openapi-typescript skips it.
  return pointer.includes('/discriminator/mapping/');
}

/** Throws on the first error; returns warnings as one-line strings. */
function report(problems: NormalizedProblem[], location: string): string[] {
  const warnings: string[] = [];
  for (const problem of problems) {
    const loc = problem.location[0];
    const pointer = loc?.pointer ?? '#';
    const file = loc?.source.absoluteRef ?? location;
    if (problem.severity === 'error' && !isLenient(problem, pointer)) {
      throw new GeneratorError(`Invalid spec: ${problem.message}`, pointer, file);
    }
    warnings.push(`${problem.message} (at ${file === location ? '' : file}${pointer})`);
  }
  return warnings;
}

function hasExternalRefs(node: unknown): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null) continue;
    if (Array.isArray(current)) {
      stack.push(...current);
      continue;
    }
    const ref = (current as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) return true;
    stack.push(...Object.values(current));
  }
  return false;
}
