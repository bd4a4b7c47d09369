/**
 * Contract server for the Not AI public API v1: a real node:http server on 127.0.0.1 that serves seeded,
 * deterministic fixtures with the vendor's auth, tier header, pagination, error envelope and rate limits,
 * plus programmable faults. See README.md in this folder.
 */

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { INVALID_API_KEY_MESSAGE, authenticate } from './auth.js';
import type { AuthVia } from './auth.js';
import { ApiError, codeForStatus } from './errors.js';
import { FaultQueue } from './faults.js';
import type { FaultControl, FaultKind, FaultSpec } from './faults.js';
import { CORS_HEADERS, HTML_502, PREFLIGHT_HEADERS, errorResponse, json, send } from './respond.js';
import type { BodyFault, Outgoing } from './respond.js';
import { SlidingWindowLimiter } from './rate-limit.js';
import { matchRoute } from './routes/index.js';
import type { RouteMatch } from './routes/index.js';
import type { RouteResult } from './routes/types.js';
import type { LastPageCursor, Region, Tier } from './types.js';
import { TIER_RATE_LIMITS } from './types.js';

export interface ContractServerOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Region this instance serves (default 'us'); keys of the other region get 401. */
  readonly region?: Region;
  /** Clock for the rate limiter, Unix ms (default Date.now). Fixture data never uses it. */
  readonly now?: () => number;
  /** Requests per window per tier (default free 60, pro 600, enterprise 6000). */
  readonly rateLimits?: Partial<Record<Tier, number>>;
  /** Rate-limit window length (default 60000 ms). */
  readonly rateLimitWindowMs?: number;
  /** nextCursor on the last page: omitted (default), '' or null. */
  readonly lastPageCursor?: LastPageCursor;
  /** File served at /openapi/v3.json (default <repo>/spec/1.0.17.0/openapi.json). */
  readonly specPath?: string;
}

export interface RecordedRequest {
  /** The x-request-id the response carried. */
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** Which credential header was used (Authorization wins), null when none. */
  auth: AuthVia | null;
  /** Resolved tier, null when the request did not authenticate. */
  tier: Tier | null;
  /** Status sent; null when the connection was reset before the headers. */
  status: number | null;
  /** The fault this request consumed, if any. */
  fault: FaultKind | null;
}

export interface ContractServer {
  readonly url: string;
  readonly port: number;
  readonly region: Region;
  close(): Promise<void>;
  readonly faults: FaultControl;
  /** Every request received, in arrival order (cleared in place by reset()). */
  readonly requests: RecordedRequest[];
  /** Forget requests, faults, rate-limit windows and restart the request-id counter. */
  reset(): void;
}

export const DEFAULT_SPEC_PATH = fileURLToPath(new URL('../../spec/1.0.17.0/openapi.json', import.meta.url));

const BODY_FAULTS: ReadonlySet<FaultKind> = new Set(['truncatedJson', 'wrongContentType', 'emptyBody', 'resetMidBody']);

function flatten(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function toOutgoing(result: RouteResult): Outgoing {
  if (result.kind === 'json') return json(result.status, result.body);
  const body = typeof result.body === 'string' ? Buffer.from(result.body, 'utf8') : result.body;
  return { status: result.status, contentType: result.contentType, body };
}

export async function startContractServer(options: ContractServerOptions = {}): Promise<ContractServer> {
  const region = options.region ?? 'us';
  const specPath = options.specPath ?? DEFAULT_SPEC_PATH;
  const lastPageCursor = options.lastPageCursor ?? 'omit';
  const limiter = new SlidingWindowLimiter(
    options.now ?? Date.now,
    { ...TIER_RATE_LIMITS, ...options.rateLimits },
    options.rateLimitWindowMs ?? 60_000,
  );
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counter += 1;
    const id = `req_${region}_${String(counter).padStart(6, '0')}`;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = {
      id,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: flatten(req.headers),
      auth: null,
      tier: null,
      status: null,
      fault: null,
    };
    requests.push(record);
    res.sendDate = false; // byte-identical responses run to run
    res.setHeader('x-request-id', id);
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    const reply = (out: Outgoing, bodyFault?: BodyFault): void => {
      record.status = send(res, out, bodyFault);
    };

    if (method === 'OPTIONS') {
      for (const [name, value] of Object.entries(PREFLIGHT_HEADERS)) res.setHeader(name, value);
      res.statusCode = 204;
      res.end();
      record.status = 204;
      return;
    }

    const faultHeader = record.headers['x-fault'];
    if (faultHeader !== undefined) {
      const problem = faults.armFromHeader(faultHeader);
      if (problem !== undefined) return reply(errorResponse(400, 'VALIDATION_ERROR', problem, { field: 'x-fault' }));
    }

    const match: RouteMatch | undefined = matchRoute(url.pathname);
    const needsAuth = match === undefined ? url.pathname.startsWith('/v1/') : match.route.auth;
    const auth = needsAuth ? authenticate(req.headers, region) : undefined;
    record.auth = auth?.via ?? null;
    if (auth?.ok === true) record.tier = auth.record.tier;

    const fault: FaultSpec | undefined = faults.take(url.pathname, match?.route.list === true);
    record.fault = fault?.kind ?? null;
    if (fault?.kind === 'delay') {
      await sleep(fault.ms);
      if (res.destroyed) return;
    }
    switch (fault?.kind) {
      case 'resetBeforeHeaders':
        req.socket.destroy();
        return;
      case 'rateLimit':
        return reply(
          errorResponse(429, 'RATE_LIMITED', 'Rate limit exceeded.', undefined,
            fault.retryAfterSeconds === null ? undefined : { 'retry-after': String(fault.retryAfterSeconds) }),
        );
      case 'html502':
        return reply(HTML_502);
      case 'status':
        if (auth?.ok === true) res.setHeader('x-isnotai-tier', auth.record.tier);
        return reply(errorResponse(fault.status, fault.code ?? codeForStatus(fault.status), `Injected ${fault.status} fault.`));
      default:
        break;
    }
    const bodyFault = fault !== undefined && BODY_FAULTS.has(fault.kind) ? (fault.kind as BodyFault) : undefined;

    if (auth !== undefined && !auth.ok) return reply(errorResponse(401, 'INVALID_API_KEY', INVALID_API_KEY_MESSAGE), bodyFault);
    if (auth?.ok === true) {
      const decision = limiter.check(auth.rateLimitBucket, auth.record.tier);
      if (!decision.allowed) {
        const headers = { 'retry-after': String(decision.retryAfterSeconds) };
        return reply(errorResponse(429, 'RATE_LIMITED', 'Rate limit exceeded for this tier.', undefined, headers), bodyFault);
      }
      res.setHeader('x-isnotai-tier', auth.record.tier);
    }
    if (match === undefined) return reply(errorResponse(404, 'NOT_FOUND', `No route for ${url.pathname}.`), bodyFault);
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD, OPTIONS');
      return reply(errorResponse(405, 'METHOD_NOT_ALLOWED', `${method} is not supported; the API is read-only.`), bodyFault);
    }

    let result: RouteResult;
    try {
      const { route, params } = match;
      if (route.auth) {
        if (auth?.ok !== true) throw new Error('authenticated route reached without a key');
        const page = { tier: auth.record.tier, lastPageCursor, repeatCursor: fault?.kind === 'repeatCursor' };
        result = route.handle({ params, query: url.searchParams, key: auth.record, page });
      } else {
        result = route.handle({ specPath });
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return reply(errorResponse(error.status, error.code, error.message, error.details), bodyFault);
    }
    reply(toOutgoing(result), bodyFault);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      const message = error instanceof Error ? error.message : String(error);
      send(res, errorResponse(500, 'INTERNAL_ERROR', `Contract server bug: ${message}`));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    region,
    faults,
    requests,
    reset() {
      requests.length = 0;
      faults.clear();
      limiter.reset();
      counter = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

export { TEST_KEYS, UNKNOWN_TEST_KEY, KEY_PATTERN } from './keys.js';
export {
  ACTIVE_SESSION_ID,
  BIG_SESSION_EVENT_COUNT,
  BIG_SESSION_ID,
  FIXTURES,
  FOREIGN_SESSION_ID,
  SESSION_COUNT,
  THRESHOLD_SESSION_ID,
  UNCORRELATED_SESSION_ID,
} from './fixtures.js';
export type { FaultControl, FaultKind, FaultScope, FaultSpec } from './faults.js';
export type { LastPageCursor, Region, Tier } from './types.js';
