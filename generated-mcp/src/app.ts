// Generated from Not AI Public API by notai-codegen. Do not edit.
import { NotAi, type NotAiRegion } from 'notai-client';
import type { ClientFactoryOptions, ServerApp } from './runtime/main.js';
import { MCP_SETTINGS } from './settings.js';
import { TOOLS } from './tools.js';

/** Everything the runtime needs to serve Not AI Public API: settings, the tool table and the client constructor. */
export const APP: ServerApp = {
  settings: MCP_SETTINGS,
  tools: TOOLS,
  createClient: ({ region, keylessOnly, ...options }: ClientFactoryOptions) =>
    new NotAi({
      ...options,
      // No key set: a client for keyless operations only; it refuses the others before sending.
      ...(keylessOnly === true ? { apiKey: null } : {}),
      ...(region === undefined ? {} : { region: region as NotAiRegion }),
    }),
};
