// Generated from Not AI Public API by notai-codegen. Do not edit.
import { cursorStyle } from './runtime/paging-cursor.js';
import type { ApiSettings } from './runtime/settings.js';
import { VERSION } from './version.js';
/** Constants of Not AI Public API that the runtime reads. */
export const API_SETTINGS: ApiSettings = {
  packageVersion: VERSION,
  packageName: 'notai-client',
  clientName: 'NotAi',
  servers: { us: 'https://api.isnotai.com', eu: 'https://api-eu.isnotai.com' },
  defaultServer: 'us',
  apiKey: {
    envVars: ['NOTAI_API_KEY', 'ISNOTAI_API_KEY'],
    pattern: '^aik_v1_[A-Za-z0-9_-]{40}$',
    formatHint: 'aik_v1_ followed by 40 base64url characters (47 characters in all)',
  },
  auth: {
    default: 'bearer',
    headers: {
      bearer: { header: 'authorization', prefix: 'Bearer ' },
      'x-api-key': { header: 'x-api-key', prefix: '' },
    },
  },
  responseHeaders: { fields: { tier: 'x-isnotai-tier' }, requestId: ['x-request-id'] },
  errorBody: { code: [['error', 'code']], message: [['error', 'message']], details: [['error', 'details']] },
  logEnvVar: 'NOTAI_LOG',
  pageStyles: { cursor: cursorStyle },
};
