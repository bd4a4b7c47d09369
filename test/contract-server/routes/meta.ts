/** Unauthenticated routes: /health, /openapi/v3.json, /swagger. None of them returns the error envelope. */

import { existsSync, readFileSync } from 'node:fs';
import type { RouteDef } from './types.js';
import { ok } from './types.js';
import { API_VERSION } from '../types.js';
import { FIXTURE_EPOCH_MS, dotnetDateTime } from '../time.js';
import type { HealthResponse } from '../wire.js';

export const health: RouteDef = {
  pattern: '/health',
  auth: false,
  list: false,
  handle: () => {
    const body: HealthResponse = { status: 'healthy', version: API_VERSION, timestamp: dotnetDateTime(FIXTURE_EPOCH_MS) };
    return ok(body);
  },
};

export const openapiDocument: RouteDef = {
  pattern: '/openapi/v3.json',
  auth: false,
  list: false,
  handle: (ctx) =>
    existsSync(ctx.specPath)
      ? { kind: 'raw', status: 200, contentType: 'application/json', body: readFileSync(ctx.specPath) }
      : { kind: 'raw', status: 404, contentType: 'text/plain; charset=utf-8', body: 'OpenAPI document not present.\n' },
};

export const swagger: RouteDef = {
  pattern: '/swagger',
  auth: false,
  list: false,
  handle: () => ({
    kind: 'raw',
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><title>Not AI API (contract server)</title><p>See <a href="/openapi/v3.json">/openapi/v3.json</a>.</p>\n',
  }),
};
