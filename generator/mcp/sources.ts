import { clientTypeNames } from '../emit/client.js';
import { StructureKind, VariableDeclarationKind, Writers } from 'ts-morph';
import { Printer } from '../emit/project.js';
import { literal } from '../emit/ts.js';
import type { ApiIR } from '../ir/types.js';
import type { McpSettings, ToolDefinition } from '../../templates/mcp/types.js';

/**
 * The generated modules of the MCP package. They are data plus a few lines of wiring; every
 * spec-derived string enters through `literal`/`json` (JSON text, which cannot break out of its
 * literal). Behaviour lives in the copied runtime (templates/mcp).
 */

/**
 * Pretty JSON as a TS expression; U+2028/2029 escaped like `literal`. In an object literal a
 * `"__proto__": value` member sets the prototype instead of a property, so that key (spec data: a
 * parameter or property name) is printed computed, `["__proto__"]`, which defines the property.
 * Pretty JSON puts every key at the start of a line; a string value never spans lines.
 */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/^(\s*)"__proto__":/gm, '$1["__proto__"]:');
}

function comment(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/[\r\n]+/g, ' ');
}

export function toolsModule(ir: ApiIR, tools: readonly ToolDefinition[], header: string): string {
  return [
    `// ${header}`,
    `import type { ToolDefinition } from './runtime/types.js';`,
    '',
    `/** One tool per operation of ${comment(ir.title)}: name, title, description, flat input schema, annotations and the operation it calls. Data only. */`,
    `export const TOOLS: readonly ToolDefinition[] = ${json(tools)};`,
    '',
  ].join('\n');
}

export function settingsModule(settings: McpSettings, header: string): string {
  // The version is read from version.ts, so a release changes this file only when the API does.
  const { version: _version, ...rest } = settings;
  const properties = { version: 'VERSION', ...Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, json(value)])) };
  return new Printer().print(header, [
    `import type { McpSettings } from './runtime/types.js';`,
    `import { VERSION } from './version.js';`,
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['Names, environment variables and budgets of this server.'],
      declarations: [{ name: 'MCP_SETTINGS', type: 'McpSettings', initializer: Writers.object(properties) }],
    },
  ]);
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
    '  createClient: ({ region, keylessOnly, ...options }: ClientFactoryOptions) =>',
    `    new ${cls}({`,
    '      ...options,',
    '      // No key set: a client for keyless operations only; it refuses the others before sending.',
    '      ...(keylessOnly === true ? { apiKey: null } : {}),',
    `      ...(region === undefined ? {} : { region: region as ${region} }),`,
    '    }),',
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
