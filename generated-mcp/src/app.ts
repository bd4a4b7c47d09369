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
      // The client wants a key when it is built; without one the server calls it only for
      // operations that send none (auth: false), so this placeholder is never sent.
      ...(keylessOnly === true ? { credentials: { ['bearer']: 'no-key-set' } } : {}),
      ...(region === undefined ? {} : { region: region as NotAiRegion }),
    }),
};
