import { dirname, resolve, sep } from 'node:path';
import { GeneratorError } from '../errors.js';
import { ownPackage } from '../own-package.js';
import type { McpConfig } from './config.js';
import type { McpVersions } from './package-files.js';

/** Exact versions the generated package pins: the SDK and toolchain this repository tests with. */
export async function mcpVersions(): Promise<McpVersions> {
  const { pin } = await ownPackage();
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
