/**
 * Contract server for the Not AI public API v1: a real node:http server on 127.0.0.1 that serves seeded,
 * deterministic fixtures with the vendor's auth, tier header, pagination, error envelope and rate limits,
 * plus programmable faults. Operations of the served spec without a hand-written route are answered from the
 * spec itself (spec-fallback.ts, x-contract-source: spec). See README.md in this folder.
 */

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INVALID_API_KEY_MESSAGE, authenticate } from './auth.js';
import type { AuthVia } from './auth.js';
import { ApiError, codeForStatus } from './errors.js';
import { FaultQueue } from './faults.js';
import type { FaultControl, FaultKind, FaultSpec } from './faults.js';
import { CORS_HEADERS, HTML_502, PREFLIGHT_HEADERS, errorResponse, json, send } from './respond.js';
import type { BodyFault, Outgoing } from './respond.js';
import { SlidingWindowLimiter } from './rate-limit.js';
import { ROUTES, matchRoute } from './routes/index.js';
import type { RouteMatch } from './routes/index.js';
import type { RouteResult } from './routes/types.js';
import { CONTRACT_SOURCE_HEADER, SpecSource, answerFromSpec, deref, findOperation, normalizeTemplate, operationsAt } from './spec-fallback.js';
import type { ServedSpec, SpecOperation, SpecRequest } from './spec-fallback.js';
import type { LastPageCursor, Region, Tier } from './types.js';
import { TIER_RATE_LIMITS } from './types.js';
import { PINNED_SPEC_PATH } from './pinned.js';

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
  /**
   * File served at /openapi/v3.json (default: the pinned spec, spec/spec.lock.json's current version), JSON. Its operations without a
   * hand-written route are answered from the spec (x-contract-source: spec); it is re-read when it changes.
   */
  readonly specPath?: string;
  /**
   * false: answer every operation of the spec from the spec, even those with a hand-written route (the server's
   * own /openapi/v3.json and /swagger stay). Default true.
   */
  readonly handwritten?: boolean;
}

/** Which behaviour answered a request: a hand-written route, or the spec fallback. */
export type ContractSource = 'handwritten' | 'spec';

export interface SpecFallbackStatus {
  readonly specPath: string;
  /** Operations answered from the spec, e.g. "GET /v1/sessions/{sessionId}/notes (listSessionNotes)". */
  readonly operations: readonly string[];
  /** Why the spec gave no operations (file not found, not JSON, no paths); undefined when it was read. */
  readonly problem: string | undefined;
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
  /** What the request was routed to; null for an unknown route or a method the path does not take. */
  source: ContractSource | null;
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
  /** The operations the spec fallback answers now (the spec file is re-read when it changed). */
  specFallback(): SpecFallbackStatus;
}

export const DEFAULT_SPEC_PATH = PINNED_SPEC_PATH;

const BODY_FAULTS: ReadonlySet<FaultKind> = new Set(['truncatedJson', 'wrongContentType', 'emptyBody', 'resetMidBody']);

function flatten(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Hand-written route patterns in spec-template form (GET and HEAD only: the API is read-only). */
const HANDWRITTEN_TEMPLATES: ReadonlySet<string> = new Set(ROUTES.map((route) => normalizeTemplate(route.pattern)));

const READ_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS'];

/** Where the pipeline sends a request, decided before authentication. */
type Target =
  | { readonly kind: 'handwritten'; readonly match: RouteMatch }
  | { readonly kind: 'spec'; readonly spec: ServedSpec; readonly op: SpecOperation; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'wrongMethod'; readonly allow: readonly string[]; readonly auth: boolean }
  | { readonly kind: 'none' };

function toOutgoing(result: RouteResult): Outgoing {
  if (result.kind === 'json') return json(result.status, result.body);
  const body = typeof result.body === 'string' ? Buffer.from(result.body, 'utf8') : result.body;
  return { status: result.status, contentType: result.contentType, body };
}

export async function startContractServer(options: ContractServerOptions = {}): Promise<ContractServer> {
  const region = options.region ?? 'us';
  const specPath = options.specPath ?? DEFAULT_SPEC_PATH;
  const lastPageCursor = options.lastPageCursor ?? 'omit';
  const handwritten = options.handwritten ?? true;
  const specSource = new SpecSource(
    specPath,
    (method, template) => handwritten && (method === 'GET' || method === 'HEAD') && HANDWRITTEN_TEMPLATES.has(normalizeTemplate(template)),
  );

  function route(method: string, pathname: string): Target {
    const match = matchRoute(pathname);
    const readable = match !== undefined && (method === 'GET' || method === 'HEAD');
    const spec = specSource.current();
    const found = findOperation(spec, method, pathname);
    // A spec operation without a hand-written route wins, also over a route whose template it shadows
    // (a new GET /v1/sessions/summary is not GET /v1/sessions/{sessionId}).
    if (found !== undefined && (!found.op.handwritten || !readable)) return { kind: 'spec', spec, op: found.op, params: found.params };
    if (readable) return { kind: 'handwritten', match };
    const elsewhere = operationsAt(spec, pathname);
    if (match === undefined && elsewhere.length === 0) return { kind: 'none' };
    const methods = new Set(match === undefined ? [] : READ_METHODS);
    for (const op of elsewhere) {
      methods.add(op.method);
      if (op.method === 'GET') methods.add('HEAD');
    }
    methods.add('OPTIONS');
    return { kind: 'wrongMethod', allow: [...methods], auth: match?.route.auth ?? elsewhere.some((op) => op.requiresAuth) };
  }

  /** The spec's answer to a request, or undefined when the spec has no such operation or refuses the request too. */
  function specAnswer(method: string, pathname: string, request: (params: Readonly<Record<string, string>>) => SpecRequest): Outgoing | undefined {
    const spec = specSource.current();
    const found = findOperation(spec, method, pathname);
    if (found === undefined) return undefined;
    try {
      return answerFromSpec(spec, found.op, request(found.params));
    } catch (error) {
      if (error instanceof ApiError) return undefined;
      throw error;
    }
  }

  /** Whether the query parameter a route rejected holds a value the served spec lists in its enum. */
  function isAddedEnumValue(method: string, url: URL, details: unknown): boolean {
    const field = typeof details === 'object' && details !== null ? (details as { field?: unknown }).field : undefined;
    if (typeof field !== 'string') return false;
    const spec = specSource.current();
    const parameter = findOperation(spec, method, url.pathname)?.op.parameters.find((p) => p.in === 'query' && p.name === field);
    const schema = parameter === undefined ? undefined : deref(parameter.schema, spec.doc);
    const values = typeof schema === 'object' && schema !== null ? (schema as { enum?: unknown }).enum : undefined;
    const given = url.searchParams.getAll(field);
    return Array.isArray(values) && given.length > 0 && given.every((v) => values.includes(v));
  }

  /** Methods a browser may use: the read-only API's, plus whatever the served spec declares. */
  function preflightMethods(): string {
    const methods = new Set(READ_METHODS);
    for (const op of specSource.current().operations) methods.add(op.method);
    return [...methods].join(', ');
  }
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
      source: null,
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
      res.setHeader('access-control-allow-methods', preflightMethods());
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

    const target = route(method, url.pathname);
    if (target.kind === 'spec') {
      record.source = 'spec';
      res.setHeader(CONTRACT_SOURCE_HEADER, 'spec'); // on every response to it, 401/429/faults included
    } else if (target.kind === 'handwritten') {
      record.source = 'handwritten';
    }
    let needsAuth: boolean;
    switch (target.kind) {
      case 'handwritten':
        needsAuth = target.match.route.auth;
        break;
      case 'spec':
        needsAuth = target.op.requiresAuth;
        break;
      case 'wrongMethod':
        needsAuth = target.auth;
        break;
      case 'none':
        needsAuth = url.pathname.startsWith('/v1/');
        break;
    }
    const auth = needsAuth ? authenticate(req.headers, region) : undefined;
    record.auth = auth?.via ?? null;
    if (auth?.ok === true) record.tier = auth.record.tier;

    const isList = target.kind === 'handwritten' ? target.match.route.list : target.kind === 'spec' && target.op.paginated;
    const fault: FaultSpec | undefined = faults.take(url.pathname, isList);
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
    if (target.kind === 'none') return reply(errorResponse(404, 'NOT_FOUND', `No route for ${url.pathname}.`), bodyFault);
    if (target.kind === 'wrongMethod') {
      const allow = target.allow.join(', ');
      res.setHeader('allow', allow);
      const message =
        allow === READ_METHODS.join(', ')
          ? `${method} is not supported; the API is read-only.`
          : `${method} is not supported on ${url.pathname}; allowed: ${allow}.`;
      return reply(errorResponse(405, 'METHOD_NOT_ALLOWED', message), bodyFault);
    }

    let result: RouteResult;
    const specRequest = (params: Readonly<Record<string, string>>) => ({
      params,
      query: url.searchParams,
      tier: auth?.ok === true ? auth.record.tier : null,
      lastPageCursor,
      repeatCursor: fault?.kind === 'repeatCursor',
    });
    try {
      if (target.kind === 'spec') return reply(answerFromSpec(target.spec, target.op, specRequest(target.params)), bodyFault);
      const { route, params } = target.match;
      if (route.auth) {
        if (auth?.ok !== true) throw new Error('authenticated route reached without a key');
        const page = { tier: auth.record.tier, lastPageCursor, repeatCursor: fault?.kind === 'repeatCursor' };
        result = route.handle({ params, query: url.searchParams, key: auth.record, page });
      } else {
        result = route.handle({ specPath });
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // An enum value a spec release added, which the hand-written route does not know, is
      // answered from the spec, as a new operation would be. Other rejections stand: routes also
      // check what the spec cannot say (a start date after the end date).
      if (target.kind === 'handwritten' && error.code === 'VALIDATION_ERROR' && isAddedEnumValue(method, url, error.details)) {
        const fromSpec = specAnswer(method, url.pathname, specRequest);
        if (fromSpec !== undefined && fromSpec.status < 300) {
          record.source = 'spec';
          res.setHeader(CONTRACT_SOURCE_HEADER, 'spec');
          return reply(fromSpec, bodyFault);
        }
      }
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
    specFallback() {
      const spec = specSource.current();
      const operations = spec.operations
        .filter((op) => !op.handwritten)
        .sort((a, b) => a.template.localeCompare(b.template) || a.method.localeCompare(b.method))
        .map((op) => op.label);
      return { specPath, operations, problem: spec.problem };
    },
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
export { CONTRACT_SOURCE_HEADER } from './spec-fallback.js';
