/**
 * A made-up API for the runtime tests. Deliberately not Not AI: the runtime must work from
 * settings alone, so these use different names, headers and key format.
 */
import nock from 'nock';
import type {} from '../../templates/runtime/response-meta.js';
import { onTestFinished, vi } from 'vitest';
import { ApiClient, type RequestSpec } from '../../templates/runtime/core.js';
import { readBytes } from '../../templates/runtime/body.js';
import { serializeHeaderParams } from '../../templates/runtime/headers.js';
import { styleQuery } from '../../templates/runtime/query-styles.js';
import { downloadHop } from '../../templates/runtime/download-redirect.js';
import { formBody } from '../../templates/runtime/form.js';
import { withIdempotencyKey } from '../../templates/runtime/idempotency.js';
import type { ClientOptions } from '../../templates/runtime/options.js';
import type { PagingSpec } from '../../templates/runtime/pagination.js';
import { cursorStyle } from '../../templates/runtime/paging-cursor.js';
import { linkStyle } from '../../templates/runtime/paging-link.js';
import { offsetStyle } from '../../templates/runtime/paging-offset.js';
import { pageNumberStyle } from '../../templates/runtime/paging-page-number.js';
import type { ApiSettings } from '../../templates/runtime/settings.js';

export const BASE_URL = 'https://api.example.test';
export const EU_URL = 'https://eu.api.example.test';

/** Matches `pattern` below; distinctive enough that any leak is easy to grep for. */
export const VALID_KEY = 'tk_SECRETsecret123456';
export const OTHER_VALID_KEY = 'tk_OTHERother98765432';

export const settings: ApiSettings = {
  packageName: 'example-client',
  packageVersion: '3.2.1',
  clientName: 'Example',
  servers: { us: BASE_URL, eu: EU_URL },
  defaultServer: 'us',
  apiKey: {
    envVars: ['EXAMPLE_API_KEY', 'ALT_EXAMPLE_API_KEY'],
    pattern: '^tk_[A-Za-z0-9]{18}$',
    formatHint: 'tk_ followed by 18 letters or digits',
  },
  auth: {
    headers: {
      bearer: { header: 'authorization', prefix: 'Bearer ' },
      'x-api-key': { header: 'x-api-key', prefix: '' },
    },
    default: 'bearer',
  },
  responseHeaders: {
    fields: { tier: 'x-example-tier', rateLimitRemaining: { header: 'x-ratelimit-remaining', type: 'integer' } },
    requestId: ['x-request-id', 'x-amzn-requestid'],
  },
  logEnvVar: 'EXAMPLE_LOG',
  pageStyles: { cursor: cursorStyle, offset: offsetStyle, page: pageNumberStyle, link: linkStyle },
  // Every optional runtime module, so these tests cover all of them.
  formBody,
  idempotencyKeys: withIdempotencyKey,
  downloadHop,
  readBytes,
  headerParams: serializeHeaderParams,
  queryStyles: styleQuery,
};

export function makeClient(options: ClientOptions = {}): ApiClient {
  return new ApiClient({ apiKey: VALID_KEY, ...options }, settings);
}

export function getSpec(path: string, extra: Partial<RequestSpec> = {}): RequestSpec {
  return { method: 'GET', path, operationId: 'testOp', ...extra };
}

export const paging: PagingSpec = {
  cursorParam: 'cursor',
  itemsPath: ['data'],
  nextCursorPath: ['pagination', 'nextCursor'],
  hasMorePath: ['pagination', 'hasMore'],
  paginationPath: ['pagination'],
};

export function api(): nock.Scope {
  return nock(BASE_URL);
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

// Captured at import, before any test fakes timers. nock schedules its replies with the real
// timers of node:timers (a 0 ms setTimeout), so real I/O needs real timer turns to progress.
const realSetTimeout = globalThis.setTimeout;
const realSetImmediate = globalThis.setImmediate;
const ioTurn = (): Promise<void> =>
  new Promise((resolve) => realSetTimeout(() => realSetImmediate(resolve), 0));

/** Real fetches (nock-intercepted) still running; the fake clock must not move while > 0. */
let inFlight = 0;

/**
 * Wraps the global fetch so `settle` knows when real I/O is pending. The body is buffered
 * inside the wrapper, so "response received" means "fully read" for the runtime.
 */
function trackingFetch(original: typeof fetch): typeof fetch {
  return async (input, init) => {
    inFlight += 1;
    try {
      const response = await original(input, init);
      const bytes = await response.arrayBuffer();
      const empty = [204, 205, 304].includes(response.status);
      return new Response(empty ? null : bytes, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      inFlight -= 1;
    }
  };
}

/**
 * Fakes only the clock the runtime waits on (setTimeout and Date); setImmediate / nextTick stay
 * real so nock keeps working. Also tracks global fetches (see settle). Undone after the test.
 */
export function useFakeClock(now: Date | number = Date.parse('2026-01-01T00:00:00Z')): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now });
  vi.stubGlobal('fetch', trackingFetch(globalThis.fetch));
  onTestFinished(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}

/**
 * Drives the fake clock until the promise settles and returns its outcome. The clock jumps to
 * the next timer only when no real fetch is in flight and the event loop has had a few idle
 * turns, so backoff and timeouts are exact, cost no real time, and never overtake real I/O.
 */
export async function settle<T>(promise: PromiseLike<T>): Promise<Settled<T>> {
  let done = false;
  const outcome = Promise.resolve(promise).then(
    (value): Settled<T> => ((done = true), { ok: true, value }),
    (error: unknown): Settled<T> => ((done = true), { ok: false, error }),
  );
  const giveUpAt = performance.now() + 5000; // real time; a hung test fails instead of spinning
  while (!done && performance.now() < giveUpAt) {
    await ioTurn();
    while (inFlight > 0 && performance.now() < giveUpAt) await ioTurn();
    await ioTurn();
    if (!done && inFlight === 0) await vi.advanceTimersToNextTimerAsync();
  }
  return outcome;
}

/** Lets pending real I/O and microtasks run without moving the fake clock. */
export async function flushIO(turns = 3): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) await ioTurn();
}

/** The error of a promise that must reject (fails the test if it resolves). */
export async function failure(promise: PromiseLike<unknown>): Promise<unknown> {
  const result = await settle(promise);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Hides the test API's env vars so each test decides what the environment holds. */
export function clearKeyEnv(): void {
  vi.stubEnv('EXAMPLE_API_KEY', '');
  vi.stubEnv('ALT_EXAMPLE_API_KEY', '');
  vi.stubEnv('EXAMPLE_LOG', '');
}

type FetchStep = 'hang' | 'ignore-abort' | Response | Error | (() => Response);

/**
 * A scripted fetch for timeout/abort tests (nock's own delays use real timers):
 * "hang" never answers but honours the abort signal like real fetch; "ignore-abort" never
 * settles at all; a Response is returned; an Error is thrown. Records every call's fake time.
 */
export function scriptedFetch(steps: FetchStep[]): typeof fetch & { calls: number[] } {
  const calls: number[] = [];
  const fn = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push(Date.now());
    const step = steps[calls.length - 1];
    if (step === undefined) throw new Error(`unexpected fetch call #${calls.length}`);
    if (step === 'ignore-abort') return new Promise<Response>(() => undefined);
    if (step === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }
    if (step instanceof Error) throw step;
    return typeof step === 'function' ? step() : step;
  };
  return Object.assign(fn, { calls });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

// What a generated package declares for the fields above (generator/emit/settings.ts
// emitResponseFields): the surfaced headers become typed fields of results and errors.
declare module '../../templates/runtime/response-meta.js' {
  interface ResponseHeaderFields {
    readonly tier: string | undefined;
    readonly rateLimitRemaining: number | undefined;
  }
}
