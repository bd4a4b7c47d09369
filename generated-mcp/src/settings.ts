// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { McpSettings } from './runtime/types.js';
import { VERSION } from './version.js';
/** Names, environment variables and budgets of this server. */
export const MCP_SETTINGS: McpSettings = {
  version: VERSION,
  name: 'notai-mcp',
  apiTitle: 'Not AI Public API',
  env: {
    apiKey: ['NOTAI_API_KEY', 'ISNOTAI_API_KEY'],
    region: 'NOTAI_REGION',
    baseUrl: 'NOTAI_BASE_URL',
    mode: 'NOTAI_MCP_TOOLS',
    log: 'NOTAI_LOG',
  },
  regions: ['us', 'eu'],
  apiKeyPattern: '^aik_v1_[A-Za-z0-9_-]{40}$',
  apiKeyFormatHint: 'aik_v1_ followed by 40 base64url characters (47 characters in all)',
  resultBudget: 40000,
  defaultPageSize: 25,
  maxItemsLimit: 1000,
  dynamicAbove: 40,
};
