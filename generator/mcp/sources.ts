import { clientTypeNames } from '../emit/client.js';
import { literal } from '../emit/ts.js';
import type { ApiIR } from '../ir/types.js';
import type { McpSettings, ToolDefinition } from '../../templates/mcp/types.js';

/**
 * The generated modules of the MCP package. They are data plus a few lines of wiring; every
 * spec-derived string enters through `literal`/`json` (JSON text, which cannot break out of its
 * literal). Behaviour lives in the copied runtime (templates/mcp).
 */

/** Pretty JSON as a TS expression; U+2028/2029 escaped like `literal`. */
function json(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function comment(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/[\r\n]+/g, ' ');
}

export function toolsModule(ir: ApiIR, tools: readonly ToolDefinition[], header: string): string {
  return [
    `// ${header}`,
    `import type { ToolDefinition } from './runtime/types.js';`,
    '',
    `/** One tool per operation of ${comment(ir.title)} ${comment(ir.specVersion)}: name, title, description, flat input schema, annotations and the operation it calls. Data only. */`,
    `export const TOOLS: readonly ToolDefinition[] = ${json(tools)};`,
    '',
  ].join('\n');
}

export function settingsModule(settings: McpSettings, header: string): string {
  return [
    `// ${header}`,
    `import type { McpSettings } from './runtime/types.js';`,
    '',
    '/** Names, environment variables and budgets of this server. */',
    `export const MCP_SETTINGS: McpSettings = ${json(settings)};`,
    '',
  ].join('\n');
}

/** The only module that names the client package: its class goes into the runtime as a factory. */
export function appModule(ir: ApiIR, header: string): string {
  const { region } = clientTypeNames(ir);
  const cls = ir.clientClassName;
  return [
    `// ${header}`,
    `import { ${cls}, type ${region} } from ${literal(ir.packageName)};`,
    `import type { ClientFactoryOptions, ServerApp } from './runtime/main.js';`,
    `import { MCP_SETTINGS } from './settings.js';`,
    `import { TOOLS } from './tools.js';`,
    '',
    `/** Everything the runtime needs to serve ${comment(ir.title)}: settings, the tool table and the client constructor. */`,
    'export const APP: ServerApp = {',
    '  settings: MCP_SETTINGS,',
    '  tools: TOOLS,',
    '  createClient: ({ region, ...options }: ClientFactoryOptions) =>',
    `    new ${cls}({ ...options, ...(region === undefined ? {} : { region: region as ${region} }) }),`,
    '};',
    '',
  ].join('\n');
}

export function binModule(header: string): string {
  return [
    '#!/usr/bin/env node',
    `// ${header}`,
    `import { APP } from './app.js';`,
    `import { main } from './runtime/main.js';`,
    '',
    'process.exitCode = await main(APP, {',
    '  env: process.env,',
    '  argv: process.argv.slice(2),',
    '  stdout: (text) => process.stdout.write(text),',
    '  stderr: (text) => process.stderr.write(text),',
    '});',
    '',
  ].join('\n');
}

export function indexModule(header: string): string {
  return [
    `// ${header}`,
    `export { APP } from './app.js';`,
    `export { MCP_SETTINGS } from './settings.js';`,
    `export { TOOLS } from './tools.js';`,
    `export { createToolServer, defaultMode, type ToolServerOptions } from './runtime/server.js';`,
    `export { main, type ClientFactoryOptions, type MainIO, type ServerApp } from './runtime/main.js';`,
    `export type { McpSettings, OperationBinding, ToolDefinition } from './runtime/types.js';`,
    '',
  ].join('\n');
}
