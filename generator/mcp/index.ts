import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { headerLine, versionModule } from '../emit/ts.js';
import type { ApiIR, McpIR } from '../ir/types.js';
import { screamingSnake } from '../ir/naming.js';
import { acceptedCredentials } from '../ir/security.js';
import { GENERATOR_ROOT } from '../root.js';
import { escapeInvisible } from '../text/invisible.js';
import type { McpSettings, ToolDefinition } from '../../templates/mcp/types.js';
import { mcpPackageJson, mcpTsconfig, type McpVersions } from './package-files.js';
import { mcpReadme } from './readme.js';
import { appModule, binModule, indexModule, settingsModule, toolsModule } from './sources.js';
import { buildTools } from './tools.js';

export const MCP_RUNTIME_DIR = join(GENERATOR_ROOT, 'templates', 'mcp');
const CLIENT_RUNTIME_DIR = join(GENERATOR_ROOT, 'templates', 'runtime');

export interface McpEmitInput {
  /** With its `mcp` part: the config asked for the server. */
  ir: ApiIR & { mcp: McpIR };
  versions: McpVersions;
}

export interface McpPackage {
  tools: ToolDefinition[];
  files: Map<string, string>;
}

export function mcpSettings(ir: ApiIR & { mcp: McpIR }): McpSettings {
  const { mcp, auth } = ir;
  return {
    name: mcp.packageName,
    version: ir.packageVersion,
    apiTitle: ir.title,
    env: {
      apiKey: auth.envVars,
      ...mcp.env,
      ...(ir.logEnvVar ? { log: ir.logEnvVar } : {}),
      ...credentialVars(ir),
    },
    regions: ir.servers.map((s) => s.name),
    ...(auth.pattern ? { apiKeyPattern: auth.pattern } : {}),
    ...(auth.formatHint ? { apiKeyFormatHint: auth.formatHint } : {}),
    ...(auth.keyOptional ? { apiKeyOptional: true } : {}),
    resultBudget: mcp.resultBudget,
    defaultPageSize: mcp.defaultPageSize,
    maxItemsLimit: mcp.maxItemsLimit,
    dynamicAbove: mcp.dynamicAbove,
  };
}

/**
 * Client runtime files the MCP runtime uses too. The package may import only the client's public
 * API, so they are copied beside the MCP runtime, where `../runtime/<file>` finds them from
 * templates/mcp/ and from the package's src/runtime/ alike: one tested source, no second copy.
 */
const SHARED_CLIENT_RUNTIME = ['fragments.ts'];

/** The runtime is copied, like the client's: tested code in templates/mcp, sorted for stable output. */
export async function mcpRuntimeFiles(header: string, dir = MCP_RUNTIME_DIR): Promise<Map<string, string>> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
  const sources = [...names.map((name) => ({ name, from: join(dir, name), label: `templates/mcp/${name}` })), ...SHARED_CLIENT_RUNTIME.map((name) => ({ name, from: join(CLIENT_RUNTIME_DIR, name), label: `templates/runtime/${name}` }))];
  sources.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)); // code-unit order, whatever the locale
  const out = new Map<string, string>();
  for (const { name, from, label } of sources) out.set(`src/runtime/${name}`, `// ${header} Copied from ${label}.\n${await readFile(from, 'utf8')}`);
  return out;
}

/** The MCP server package: a data table of tools, a little wiring, and the copied runtime. */
export async function emitMcpPackage(input: McpEmitInput): Promise<McpPackage> {
  const { ir } = input;
  const header = headerLine(ir.title);
  const tools = buildTools(ir);
  const settings = mcpSettings(ir);
  const files = new Map<string, string>();
  files.set('src/tools.ts', toolsModule(ir, tools, header));
  files.set('src/settings.ts', settingsModule(settings, header));
  files.set('src/app.ts', appModule(ir, header));
  files.set('src/bin.ts', binModule(header));
  files.set('src/index.ts', indexModule(header));
  files.set('src/version.ts', versionModule(header, ir.packageVersion));
  for (const [path, text] of await mcpRuntimeFiles(header)) files.set(path, text);
  files.set('package.json', mcpPackageJson(ir, ir.mcp, header, input.versions));
  files.set('tsconfig.json', mcpTsconfig());
  files.set('README.md', mcpReadme(ir, ir.mcp, settings, tools, header));
  // As for the client (emit/index.ts): no raw control or invisible character in any file, whatever
  // the spec's text. In strings the escape means the same character; in comments it shows.
  for (const [path, text] of files) files.set(path, escapeInvisible(text));
  return { tools, files };
}

/**
 * One variable per auth form the operations name, when they take different credentials (the
 * client's `credentials` option, see ir/security.ts): `<PREFIX>_AUTH_<FORM>`.
 */
function credentialVars(ir: ApiIR & { mcp: McpIR }): { credentials?: Record<string, string> } {
  if (ir.security === undefined) return {};
  const named = new Set(ir.operations.flatMap((op) => acceptedCredentials(ir, op)?.flat() ?? []));
  const forms = ir.auth.forms.map((form) => form.name).filter((form) => named.has(form));
  return { credentials: Object.fromEntries(forms.map((form) => [form, `${ir.mcp.envPrefix}_AUTH_${screamingSnake(form) || 'KEY'}`])) };
}
