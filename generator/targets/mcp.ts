import { relative, resolve, sep } from 'node:path';
import type { CodegenConfig } from '../config.js';
import type { McpConfig } from '../mcp/config.js';
import { emitMcpPackage } from '../mcp/index.js';
import { mcpOutDir, mcpVersions } from '../mcp/wire.js';
import type { Target } from './types.js';

/** The MCP server package, beside the client, when the config has an `mcp` section. */
export const mcpTarget: Target = {
  stage: 'mcp',
  enabled: (config) => config.mcp !== undefined,
  place(input) {
    const out = mcpOutDir(input.clientOut, mcpConfigOf(input.config), input.configFile);
    return { out, label: relative(resolve(input.clientOut), out).split(sep).join('/') };
  },
  async emit(input, onFile) {
    const { ir, config, document, specFile, configFile } = input;
    const pkg = await emitMcpPackage({ ir, config: { ...config, mcp: mcpConfigOf(config) }, document, specFile, configFile, versions: await mcpVersions() });
    if (onFile) for (const [path, text] of pkg.files) onFile(path, text);
    return { files: pkg.files, summary: `${pkg.tools.length} MCP tools` };
  },
};

function mcpConfigOf(config: CodegenConfig): McpConfig {
  if (config.mcp === undefined) throw new Error('the MCP target ran without an mcp section (a pipeline bug)');
  return config.mcp;
}
