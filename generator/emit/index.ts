import { converterCopy } from '../ir/converter-copy.js';
import { GeneratorError } from '../errors.js';
import type { ApiIR } from '../ir/types.js';
import { emitClient } from './client.js';
import { emitIndex } from './index-module.js';
import { emitModels } from './models.js';
import { emitLock, emitPackageJson, emitTsconfig, type LockInput } from './package-files.js';
import { Printer } from './project.js';
import { emitReadme } from './readme/index.js';
import { emitResource } from './resource.js';
import { packageTemplateFiles, runtimeFiles } from './runtime-files.js';
import { emitErrorCodes, emitPaging, emitResponseFields, emitSettings } from './settings.js';
import { escapeInvisible } from '../text/invisible.js';
import { headerLine, versionModule } from './ts.js';
import { emitTypes } from './types.js';
import { collectGarbage } from '../pipeline-memory.js';

/**
 * A types.ts at least this long (~100 MB of syntax tree behind it, ~12 bytes a character) is followed
 * by a full garbage collection (pipeline-memory.ts). Below it, the collection costs more CPU time than
 * the memory is worth (GitHub's spec: 5.3 M characters; Microsoft Graph's: 23.6 M).
 */
const COLLECT_AFTER_TYPES_CHARS = 8_000_000;

/** The IR, and what only the pipeline knows: the hashes for the lock and the TypeScript pin. */
export interface EmitInput {
  ir: ApiIR;
  lock: LockInput;
  typescriptVersion: string;
  /** Called with each file as soon as it is printed (the pipeline starts formatting it). */
  onFile?: (path: string, text: string) => void;
}

/** Stage 3: IR → a map of package-relative paths to file contents (not yet formatted). */
export async function emitPackage({ ir, lock, typescriptVersion, onFile }: EmitInput): Promise<Map<string, string>> {
  const header = headerLine(ir.title);
  const printer = new Printer();
  const map = new Map<string, string>();
  const files = {
    set(path: string, raw: string): void {
      // The emitters escape spec text where they embed it in code (literal, docText); this
      // pass is the guarantee for what they do not print themselves (openapi-typescript's
      // types.ts, JSON files): no file holds a raw control or invisible character. It changes no
      // value: such a character can only stand in a string, where the escape means the same, or in
      // a comment or prose, where it is meant to show.
      const text = escapeInvisible(raw);
      map.set(path, text);
      onFile?.(path, text);
    },
  };
  const types = await typesFile(ir, header);
  // The syntax tree behind a large types.ts is now garbage, several times the size of what lives on.
  if (types.text.length >= COLLECT_AFTER_TYPES_CHARS) collectGarbage();
  files.set('src/types.ts', types.text);
  files.set('src/models.ts', emitModels(ir, printer, header, types.named));
  files.set('src/settings.ts', emitSettings(ir, printer, header));
  files.set('src/paging.ts', emitPaging(ir.pagingStyles, printer, header));
  files.set('src/error-codes.ts', emitErrorCodes(ir, printer, header));
  const responseFields = emitResponseFields(ir, printer, header);
  if (responseFields !== undefined) files.set('src/response-fields.ts', responseFields);
  for (const resource of ir.resources) files.set(`src/resources/${resource.fileName}.ts`, emitResource(resource, printer, header));
  files.set('src/client.ts', emitClient(ir, printer, header));
  files.set('src/index.ts', emitIndex(ir, printer, header));
  files.set('src/version.ts', versionModule(header, ir.packageVersion));
  for (const [path, text] of await runtimeFiles(header)) files.set(path, text);
  for (const [path, text] of await packageTemplateFiles(header)) files.set(path, text);
  files.set('package.json', emitPackageJson(ir, header, typescriptVersion));
  files.set('tsconfig.json', emitTsconfig());
  files.set('README.md', emitReadme({ ir, header }));
  files.set('codegen.lock.json', emitLock(ir, lock));
  return map;
}

/**
 * src/types.ts (before the invisible-character pass) and the names it declares. In a function of
 * its own so that openapi-typescript's printed text dies here: the printer returns it as a rope of
 * millions of small strings (~100 MB more than the flat text on Microsoft Graph's spec), and a
 * variable in emitPackage's frame would keep that rope alive through every later file. The file's
 * text is flattened into a fresh string by `files.set`, which holds nothing of the rope.
 */
async function typesFile(ir: ApiIR, header: string): Promise<{ text: string; named: ReadonlySet<string> }> {
  // openapi-typescript writes into what it reads (ir/converter-copy.ts): a copy keeps the IR intact.
  const input = ir.typesInput;
  // An empty document would print a types.ts without paths: say why instead (GenerateOptions.keepDocument).
  if (input.released) throw new GeneratorError('This IR came from generate(), which released its spec document once every target had printed: pass keepDocument: true to print types.ts from it again');
  const types = await emitTypes(input.patchedByConverter ? converterCopy(input.document, input.converterWrites) : input.document, new Map(ir.schemaAliases.map((a) => [a.schemaName, a.name])));
  return { text: `// ${header}\n${types.text}`, named: types.named };
}
