import { APIConnectionError, APITimeoutError, APIUserAbortError } from './errors.js';
import type { Redactor } from './redact.js';
import { decideRedirect, type HopRequest } from './redirect.js';

/** setTimeout silently fires at once above this (32-bit overflow), so longer waits are "no timer". */
const MAX_TIMER_MS = 2_147_483_647;

export interface AttemptInit {
  method: string;
  headers: Record<string, string>;
  body: BodyInit | null;
}

export interface AttemptLimits {
  /** Milliseconds before this attempt is abandoned (headers and body together). */
  timeoutMs: number;
  /** Message for the APITimeoutError, so a deadline can say it was the deadline. */
  timeoutMessage: string;
  signal: AbortSignal | undefined;
  /** Retries made before this attempt, recorded on connection errors. */
  retries: number;
}

export interface AttemptResult {
  /** The response; its body has already been read into `bodyText`. */
  response: Response;
  bodyText: string;
  /** Set when `response` is a redirect that was not followed (see redirect.ts): why not. */
  refusedRedirect?: string;
}

/**
 * One HTTP attempt: fetch plus reading the whole body, under one AbortController that fires on
 * the caller's signal or on the per-attempt timeout. Every failure is turned into a typed
 * error: APIUserAbortError (caller), APITimeoutError (timer), APIConnectionError (anything the
 * network or body stream threw, e.g. a reset mid-body). Same-origin redirects are followed within
 * the attempt (same timer); any other redirect is returned unfollowed, see redirect.ts.
 *
 * `redact` scrubs the key from a connection error's message and cause: a custom fetch (or an
 * instrumentation wrapper) may well put the request headers into the errors it throws.
 */
export async function sendOnce(
  fetchFn: typeof fetch,
  url: string,
  init: AttemptInit,
  limits: AttemptLimits,
  redact: Pick<Redactor, 'text' | 'cause'>,
): Promise<AttemptResult> {
  const { signal, retries } = limits;
  if (signal?.aborted) throw new APIUserAbortError(signal.reason);
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer =
    limits.timeoutMs < MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new APITimeoutError(limits.timeoutMessage, { retries }));
        }, limits.timeoutMs)
      : undefined;
  try {
    let request: HopRequest = { ...init, url };
    for (let hops = 0; ; hops += 1) {
      const { method, headers, body } = request;
      const pending = fetchFn(request.url, { method, headers, body, redirect: 'manual', signal: controller.signal });
      const response = await raceAbort(pending, controller.signal);
      const bodyText = await raceAbort(response.text(), controller.signal);
      const decision = decideRedirect(response, request, hops);
      if (decision.kind === 'follow') request = decision.request;
      else if (decision.kind === 'refuse') return { response, bodyText, refusedRedirect: decision.reason };
      else return { response, bodyText };
    }
  } catch (cause) {
    if (signal?.aborted) throw new APIUserAbortError(signal.reason);
    if (timedOut) throw new APITimeoutError(limits.timeoutMessage, { retries, cause });
    throw new APIConnectionError(redact.text(describeConnectionError(cause)), { cause: redact.cause(cause), retries });
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

/**
 * Rejects as soon as `signal` aborts even if `work` ignores the signal (a custom fetch, a
 * stalled body stream), so aborts and timeouts are always prompt.
 */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function field(value: unknown, key: 'code' | 'message' | 'cause'): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * "Connection error: fetch failed (ECONNREFUSED)". Node's fetch hides the useful system code
 * one level down in `cause`; some fetch stand-ins reject with plain objects.
 */
function describeConnectionError(cause: unknown): string {
  const message = field(cause, 'message');
  const code = [field(cause, 'code'), field(field(cause, 'cause'), 'code')].find((c) => typeof c === 'string');
  let text = typeof message === 'string' && message !== '' ? `Connection error: ${message}` : 'Connection error';
  if (typeof code === 'string' && !text.includes(code)) text += ` (${code})`;
  return text;
}

/** Waits `ms`, or rejects with APIUserAbortError the moment the caller aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError(signal.reason));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
