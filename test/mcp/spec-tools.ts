import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { resolveConfig } from '../../generator/config.js';
import { buildIR } from '../../generator/ir/build.js';
import type { NamesLock } from '../../generator/ir/names-lock.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildTools } from '../../generator/mcp/tools.js';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import type { ToolDefinition } from '../../templates/mcp/types.js';
import { tempDir } from '../helpers/ir.js';

/** Tools of a spec object under a config object (and names an earlier generation recorded), through the real loader and IR. */
export async function toolsOf(spec: Record<string, unknown>, config: Record<string, unknown> = {}, names?: NamesLock): Promise<ToolDefinition[]> {
  const dir = await tempDir('mcp-');
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
  const loaded = await loadSpec(join(dir, 'openapi.json'));
  const resolved = resolveConfig({ data: { mcp: {}, ...config } }, { title: 'Test API' });
  const ir = buildIR({ document: loaded.document, openapiVersion: loaded.openapiVersion, location: loaded.location, config: resolved, configFile: 'codegen.config.yaml', names });
  return buildTools({ ...ir, mcp: ir.mcp! });
}

/** The whole pipeline (client and MCP package, unformatted) for a spec object and a YAML config. */
export async function generateWithMcp(spec: Record<string, unknown>, configYaml = 'mcp: {}\n'): Promise<GenerateResult & { dir: string }> {
  const dir = await tempDir('mcp-gen-');
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
  await writeFile(join(dir, 'codegen.config.yaml'), configYaml);
  const result = await generate({ spec: join(dir, 'openapi.json'), config: join(dir, 'codegen.config.yaml'), out: join(dir, 'client'), format: false });
  return { ...result, dir };
}

/** Evaluates a generated `tools.ts` (it imports types only) and returns its TOOLS, as the server sees them. */
export async function evaluateTools(source: string): Promise<readonly ToolDefinition[]> {
  const dir = await tempDir('mcp-eval-');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  await writeFile(join(dir, 'tools.mjs'), js);
  const module = (await import(join(dir, 'tools.mjs'))) as { TOOLS: readonly ToolDefinition[] };
  return module.TOOLS;
}
