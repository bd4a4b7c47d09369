import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CodegenConfig } from '../config.js';
import { GeneratorError } from '../errors.js';
import { formatFiles } from '../format/index.js';
import type { JsonObject } from '../schema/json.js';
import type { ApiIR } from '../ir/types.js';
import { GENERATOR_ROOT } from '../root.js';
import type { McpConfig } from './config.js';
import { emitMcpPackage } from './index.js';
import type { McpVersions } from './package-files.js';

/** What the pipeline needs to write or check the MCP package beside the client. */
export interface McpOutput {
  /** Absolute output directory. */
  out: string;
  /** The directory as the user sees it from `--out` (e.g. `../generated-mcp`), for drift lines. */
  label: string;
  files: Map<string, string>;
  tools: number;
}

/** Exact versions the generated package pins: the SDK and toolchain this repository tests with. */
async function versions(): Promise<McpVersions> {
  const pkg = JSON.parse(await readFile(join(GENERATOR_ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const pin = (name: string, fallback: string): string => pkg.dependencies?.[name] ?? pkg.devDependencies?.[name] ?? fallback;
  return { sdk: pin('@modelcontextprotocol/server', '2.4.0'), typescript: pin('typescript', '5.9.3'), typesNode: pin('@types/node', '20.19.43') };
}

/** `mcp.out` is relative to the parent of the client's `--out`; it may not overlap the client. */
export function mcpOutDir(clientOut: string, mcp: McpConfig, configFile: string | undefined): string {
  const client = resolve(clientOut);
  const out = resolve(dirname(client), mcp.out);
  if (out === client || out.startsWith(client + sep) || client.startsWith(out + sep)) {
    throw new GeneratorError(`mcp.out "${mcp.out}" overlaps the client output directory`, '#/mcp/out', configFile);
  }
  return out;
}

export interface McpStageInput {
  ir: ApiIR;
  config: CodegenConfig;
  document: JsonObject;
  clientOut: string;
  specFile: string | undefined;
  configFile: string | undefined;
  format: boolean;
}

/** Emits (and formats) the MCP package when the config has an `mcp` section. */
export async function mcpStage(input: McpStageInput): Promise<McpOutput | undefined> {
  const { config } = input;
  if (config.mcp === undefined) return undefined;
  const withMcp = { ...config, mcp: config.mcp };
  const out = mcpOutDir(input.clientOut, config.mcp, input.configFile);
  const pkg = await emitMcpPackage({ ir: input.ir, config: withMcp, document: input.document, specFile: input.specFile, configFile: input.configFile, versions: await versions() });
  const files = input.format ? await formatFiles(pkg.files) : pkg.files;
  return { out, label: relative(resolve(input.clientOut), out).split(sep).join('/'), files, tools: pkg.tools.length };
}
