import { relative, resolve, sep } from 'node:path';
import type { ApiIR, McpIR } from '../ir/types.js';
import { emitMcpPackage } from '../mcp/index.js';
import { mcpOutDir, mcpVersions } from '../mcp/wire.js';
import type { Target } from './types.js';

/** The MCP server package, beside the client, when the config has an `mcp` section. */
export const mcpTarget: Target = {
  stage: 'mcp',
  enabled: (config) => config.mcp !== undefined,
  place(input) {
    if (input.config.mcp === undefined) throw new Error('the MCP target ran without an mcp section (a pipeline bug)');
    const out = mcpOutDir(input.clientOut, input.config.mcp, input.configFile);
    return { out, label: relative(resolve(input.clientOut), out).split(sep).join('/') };
  },
  async emit({ ir }, onFile) {
    const pkg = await emitMcpPackage({ ir: withMcp(ir), versions: await mcpVersions() });
    if (onFile) for (const [path, text] of pkg.files) onFile(path, text);
    return { files: pkg.files, summary: `${pkg.tools.length} MCP tools` };
  },
};

function withMcp(ir: ApiIR): ApiIR & { mcp: McpIR } {
  if (ir.mcp === undefined) throw new Error('the MCP target ran on an IR built without an mcp section (a pipeline bug)');
  return ir as ApiIR & { mcp: McpIR };
}
