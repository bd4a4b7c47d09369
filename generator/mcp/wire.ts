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

/** Exact versions the generated package pins: the SDK and toolchain this repository tests with. */
export async function mcpVersions(): Promise<McpVersions> {
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
