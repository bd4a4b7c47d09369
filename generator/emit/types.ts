import { createConfig, type Config } from '@redocly/openapi-core';
import ts from 'typescript';
import { resolveRef, scanDiscriminators, transformSchema, type OpenAPI3, type OpenAPITSOptions } from 'openapi-typescript';
import { GeneratorError } from '../errors.js';
import { SchemaNames } from './named-types.js';
import { shapeTypeNodes } from './types-shape.js';

let emptyConfig: Promise<Config> | undefined;

/** The openapi-typescript options this generator depends on; everything else is its default. */
const OPTIONS = {
  silent: true,
  alphabetize: false,
  // Response fields the spec does not mark required stay optional: the safe reading.
  defaultNonNullable: false,
} satisfies OpenAPITSOptions;

/**
 * Types come from openapi-typescript, so the generated client indexes into the same
 * `paths`/`components` every openapi-typescript user knows; only the component schemas are given
 * top-level names (`schemaNames`: schema → models.ts name, see named-types.ts). The loader already validated and
 * bundled the document, so this calls openapi-typescript's transform directly instead of
 * `openapiTS()`, which would lint and bundle the whole document a second time (seconds on large
 * specs). The context mirrors `openapiTS()`'s defaults for openapi-typescript 7.13 (pinned).
 */
export async function emitTypes(typesDocument: Record<string, unknown>, schemaNames: ReadonlyMap<string, string> = new Map()): Promise<EmittedTypes> {
  emptyConfig ??= createConfig({ rules: {} }, {});
  // Made readable for openapi-typescript at IR time (ir/types-document.ts, `ApiIR.typesInput`).
  const schema = typesDocument as unknown as OpenAPI3;
  const redoc = await emptyConfig;
  try {
    const built = typeStatements(schema, redoc, schemaNames);
    const text = printStatements(built.statements);
    return { text, named: built.named };
  } catch (error) {
    throw new GeneratorError(`openapi-typescript could not convert the spec: ${(error as Error).message}`, '#', undefined, { cause: error });
  }
}

/**
 * openapi-typescript's statements for the document, shaped, and the names they declare. Returns
 * before printing, so that nothing of this frame (the hoisted schemas, the first run's nodes)
 * keeps the syntax tree alive while printStatements lets it go.
 */
function typeStatements(schema: OpenAPI3, redoc: Config, schemaNames: ReadonlyMap<string, string>): { statements: ts.Node[]; named: ReadonlySet<string> } {
  // The scan writes each mapped schema's tag enum into `schema`: once, even when a name clash
  // makes openapi-typescript run a second time (a second scan would write them again).
  const discriminators = scanDiscriminators(schema, OPTIONS);
  let names = new SchemaNames(schemaNames);
  let nodes = names.hoist(transformTypes(schema, redoc, names, discriminators));
  const clashes = names.clashes(nodes);
  if (clashes.size > 0) {
    names = new SchemaNames(new Map([...schemaNames].filter(([, name]) => !clashes.has(name))));
    nodes = names.hoist(transformTypes(schema, redoc, names, discriminators));
  }
  return { statements: shapeTypeNodes([...nodes, ...names.declarations()]), named: names.named() };
}

/**
 * `astToString(statements)`, printed one statement at a time: a file's statements print one after
 * another, each ending its line, so the text is the same (test/generator/print-statements.test.ts).
 * Whole, the syntax tree (~300 MB on Microsoft Graph's spec) and the printer's output, a rope of
 * millions of small strings (~140 MB), were alive together; here each statement is dropped from
 * `statements` (emptied) once printed and its text flattened, so the tree shrinks as the text
 * grows. One source file and printer, set up as astToString sets up its own, serve every statement:
 * a fresh pair per statement cost ~0.25 s of CPU time on GitHub's ~1,000 statements.
 */
export function printStatements(statements: ts.Node[]): string {
  const file = ts.createSourceFile('openapi-ts.ts', '', ts.ScriptTarget.ESNext, false, ts.ScriptKind.TS);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });
  const parts: string[] = [];
  statements.reverse();
  for (let statement = statements.pop(); statement !== undefined; statement = statements.pop()) {
    (file as { statements: ts.NodeArray<ts.Node> }).statements = ts.factory.createNodeArray([statement]);
    const text = printer.printFile(file);
    // indexOf flattens a rope in place (V8), freeing its pieces; the result does not matter.
    text.indexOf('\0');
    parts.push(text);
  }
  return parts.join('');
}

/** types.ts, and the models.ts names it declares itself (schemas whose name clashed are left out). */
export interface EmittedTypes {
  text: string;
  named: ReadonlySet<string>;
}

/** One openapi-typescript run, with the component schemas named as `names` says. */
function transformTypes(schema: OpenAPI3, redoc: Config, names: SchemaNames, discriminators: ReturnType<typeof scanDiscriminators>): ReturnType<typeof transformSchema> {
  return transformSchema(schema, {
    additionalProperties: false,
    alphabetize: OPTIONS.alphabetize,
    arrayLength: false,
    defaultNonNullable: OPTIONS.defaultNonNullable,
    discriminators,
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: names.postTransform,
    propertiesRequiredByDefault: false,
    redoc,
    silent: OPTIONS.silent,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve<T>($ref: string): T | undefined {
      return resolveRef<T>(schema, $ref, { silent: true });
    },
  });
}
