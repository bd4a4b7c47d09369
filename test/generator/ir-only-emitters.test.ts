import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EmitInput, emitPackage } from '../../generator/emit/index.js';
import type { emitClient } from '../../generator/emit/client.js';
import type { LockInput } from '../../generator/emit/package-files.js';
import type { Printer } from '../../generator/emit/project.js';
import type { ReadmeInput } from '../../generator/emit/readme/index.js';
import type { emitSettings } from '../../generator/emit/settings.js';
import type { ApiIR, McpIR } from '../../generator/ir/types.js';
import type { McpEmitInput } from '../../generator/mcp/index.js';
import type { buildTools } from '../../generator/mcp/tools.js';
import { ownPackage } from '../../generator/own-package.js';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { TARGETS, type Target } from '../../generator/targets/index.js';
import { tempDir } from '../helpers/ir.js';
import { FROZEN_SPEC_DIR, ROOT } from '../helpers/pinned.js';

/**
 * Issue #17 item 2: the IR is the only input of every emitter. Three ways to see it: the emitters'
 * and targets' signatures name no config and no document (checked by `tsc`, which covers this
 * file); no module an emitter is made of imports the config, the loader or a schema reader; and
 * every target, handed nothing but the IR and the pipeline's lock facts, prints what the pipeline
 * wrote, as often as it is asked, from the IR or from a plain copy of it.
 */

describe('emitter signatures (checked by tsc)', () => {
  it('take the IR and printing plumbing only', () => {
    expectTypeOf<Parameters<Target['emit']>[0]>().toEqualTypeOf<{ ir: ApiIR; lock: LockInput; typescriptVersion: string }>();
    expectTypeOf<keyof EmitInput>().toEqualTypeOf<'ir' | 'lock' | 'typescriptVersion' | 'onFile'>();
    expectTypeOf<Parameters<typeof emitPackage>>().toEqualTypeOf<[EmitInput]>();
    expectTypeOf<keyof ReadmeInput>().toEqualTypeOf<'ir' | 'header'>();
    expectTypeOf<keyof McpEmitInput>().toEqualTypeOf<'ir' | 'versions'>();
    expectTypeOf<Parameters<typeof emitSettings>>().toEqualTypeOf<[ApiIR, Printer, string]>();
    expectTypeOf<Parameters<typeof emitClient>>().toEqualTypeOf<[ApiIR, Printer, string]>();
    expectTypeOf<Parameters<typeof buildTools>>().toEqualTypeOf<[ApiIR & { mcp: McpIR }]>();
  });
});

/** The modules that decide from the spec or the config: an emitter reads their result in the IR instead. */
const DECIDERS = ['generator/config.ts', 'generator/mcp/config.ts', 'generator/schema/resolve.ts', 'generator/schema/view.ts', 'generator/ir/build.ts', 'generator/ir/tool-schemas.ts', 'generator/ir/types-document.ts', 'generator/auth-from-spec.ts', 'generator/spec-source.ts'];
const isDecider = (file: string): boolean => DECIDERS.includes(file) || file.startsWith('generator/load/');
/** Where emitters live: their imports into these folders are followed; the IR's own helpers (generator/ir/) are data. */
const EMITTER_DIRS = ['generator/emit/', 'generator/mcp/'];
const ENTRY_POINTS = ['generator/emit/index.ts', 'generator/mcp/index.ts', 'generator/targets/client.ts'];

interface Module {
  file: string;
  source: ts.SourceFile;
  imports: string[];
}

function parse(file: string): Module {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const imports: string[] = [];
  for (const statement of source.statements) {
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
    if (specifier?.startsWith('.')) imports.push(relative(ROOT, resolve(ROOT, dirname(file), specifier)).replace(/\.js$/, '.ts').split('\\').join('/'));
  }
  return { file, source, imports };
}

/** Every emitter module the targets' printing reaches. */
function emitterModules(): Module[] {
  const seen = new Map<string, Module>();
  const queue = [...ENTRY_POINTS];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const module = parse(file);
    seen.set(file, module);
    queue.push(...module.imports.filter((f) => EMITTER_DIRS.some((dir) => f.startsWith(dir))));
  }
  return [...seen.values()];
}

/** Parameters (plain or destructured) named `document` or `config`, or typed with the config or a resolver. */
function readerParameters(module: Module): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isParameter(node)) {
      const names = ts.isIdentifier(node.name) ? [node.name.text] : node.name.elements.flatMap((e) => (ts.isBindingElement(e) && ts.isIdentifier(e.name) ? [e.name.text] : []));
      const type = node.type?.getText(module.source) ?? '';
      for (const name of names) if (name === 'document' || name === 'config') found.push(`${module.file}: parameter ${name}`);
      if (/\b(CodegenConfig|McpConfig|RefResolver|OperationNodes)\b/.test(type)) found.push(`${module.file}: parameter typed ${type}`);
    }
    if (ts.isPropertySignature(node) && ts.isIdentifier(node.name) && (node.name.text === 'document' || node.name.text === 'config')) found.push(`${module.file}: input field ${node.name.text}`);
    ts.forEachChild(node, visit);
  };
  visit(module.source);
  return found;
}

describe('emitter modules', () => {
  const modules = emitterModules();

  it('are found from the targets (a sanity check of the walk)', () => {
    const files = modules.map((m) => m.file);
    for (const file of ['generator/emit/settings.ts', 'generator/emit/readme/index.ts', 'generator/emit/readme/sections/authentication.ts', 'generator/mcp/tools.ts', 'generator/mcp/readme.ts']) expect(files).toContain(file);
  });

  it('import nothing that reads the config or the document', () => {
    const reads = modules.flatMap((m) => m.imports.filter(isDecider).map((target) => `${m.file} imports ${target}`));
    expect(reads).toEqual([]);
  });

  it('take no document, config or resolver', () => {
    expect(modules.flatMap(readerParameters)).toEqual([]);
  });
});

/** A target's input that fails on any field but the ones it may read. */
function only<T extends object>(input: T): T {
  return new Proxy(input, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !Object.hasOwn(target, key)) throw new Error(`a target read "${key}", which is not in the IR`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

async function lockOf(result: GenerateResult): Promise<{ lock: LockInput; typescriptVersion: string }> {
  const recorded = JSON.parse(result.files.get('codegen.lock.json')!) as { generator: { version: string }; spec: { sha256: string }; config: { sha256: string | null } };
  const lock = { generatorVersion: recorded.generator.version, specSha256: recorded.spec.sha256, configSha256: recorded.config.sha256 };
  return { lock, typescriptVersion: (await ownPackage()).pin('typescript', '5.9.3') };
}

const POLYMORPHISM = join(ROOT, 'node_modules', '@readme', 'oas-examples', '3.0', 'json', 'polymorphism.json');

/** The frozen Not AI spec with its config, and a foreign spec with discriminators (which openapi-typescript patches in place). */
async function generations(): Promise<[string, GenerateResult][]> {
  const dir = await tempDir('ir-only-');
  // keepDocument: the IR is printed from again below (by default generate() lets the spec go).
  const notai = await generate({ spec: FROZEN_SPEC_DIR, out: join(dir, 'notai', 'client'), format: false, keepDocument: true });
  await writeFile(join(dir, 'codegen.config.yaml'), 'mcp: {}\n');
  const foreign = await generate({ spec: POLYMORPHISM, config: join(dir, 'codegen.config.yaml'), out: join(dir, 'poly', 'client'), format: false, keepDocument: true });
  return [
    ['Not AI', notai],
    ['polymorphism', foreign],
  ];
}

describe('targets printing from the IR alone', () => {
  it('print what the pipeline wrote, again and from a plain copy, reading nothing but the IR', async () => {
    for (const [name, result] of await generations()) {
      expect(result.outputs.map((o) => o.stage), name).toEqual(['emit', 'mcp']);
      // Tool schemas are read at IR time, before the types emitter lends the spec to
      // openapi-typescript, which patches discriminator enums into it: none of that reaches a tool.
      expect(result.outputs[1]!.files.get('src/tools.ts'), name).not.toContain('by openapi-typescript');
      const { lock, typescriptVersion } = await lockOf(result);
      // The IR the pipeline emitted from, once more (an emitter that changed it would show here), then a structured clone: plain data, no way back to the document.
      for (const ir of [result.ir, structuredClone(result.ir)]) {
        for (const target of TARGETS) {
          const emitted = await target.emit(only({ ir, lock, typescriptVersion }));
          const written = result.outputs.find((o) => o.stage === target.stage)!;
          expect([...emitted.files.keys()], `${name} ${target.stage}`).toEqual([...written.files.keys()]);
          for (const [path, text] of emitted.files) expect(text, `${name} ${target.stage} ${path}`).toBe(written.files.get(path));
        }
      }
    }
  });

});
