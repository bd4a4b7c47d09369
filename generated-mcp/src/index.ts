// Generated from Not AI Public API by notai-codegen. Do not edit.
export { APP } from './app.js';
export { MCP_SETTINGS } from './settings.js';
export { TOOLS } from './tools.js';
export { createToolServer, defaultMode, type ToolServerOptions } from './runtime/server.js';
export { main, type ClientFactoryOptions, type MainIO, type ServerApp } from './runtime/main.js';
export type { McpSettings, OperationBinding, ToolDefinition } from './runtime/types.js';
