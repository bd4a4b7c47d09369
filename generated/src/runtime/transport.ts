// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/transport.ts.
import { readText, type readBytes } from './body.js';
import { describeConnectionError } from './connection-error.js';
import type { DownloadHop } from './download-redirect.js';
import { APIConnectionError, APITimeoutError, APIUserAbortError } from './errors.js';
import type { Redactor } from './redact.js';
import { decideRedirect, type HopRequest } from './redirect.js';
import { onTimeout } from './timer.js';
import { failedBeforeConnecting, markUnsent } from './unsent.js';

/** setTimeout silently fires at once above this (32-bit overflow), so longer waits are "no timer". */
const MAX_TIMER_MS = 2_147_483_647;

export interface AttemptInit {
  method: string;
  headers: Record<string, string>;
  body: BodyInit | null;
  /** Reads a 2xx body as bytes (into `bodyBytes`) rather than as text: a file, an image (settings.readBytes). */
  bytes?: typeof readBytes | undefined;
  /**
   * The answer is a file or text: a redirect to another origin is followed, without credentials,
   * by this hop (settings.downloadHop).
   */
  download?: DownloadHop | undefined;
  /** Keys sent in the query: kept on every same-origin redirect hop, whatever `Location` says. */
  authQuery?: readonly AuthQuery[];
  /** Largest body read, in bytes, of any response in the attempt (see body.ts); default no cap. */
  maxResponseBytes?: number;
}

/** A query parameter that carries a key, and its encoded `name=key`. */
export interface AuthQuery {
  name: string;
  pair: string;
}

/** `url` with each key's parameter appended, unless it already has that parameter. */
export function withAuthQuery(url: string, auth: readonly AuthQuery[] | undefined): string {
  if (auth === undefined || auth.length === 0) return url;
  // A redirect's Location may carry a fragment; the parameters go before it (fetch drops it).
  const hash = url.indexOf('#');
  let out = hash >= 0 ? url.slice(0, hash) : url;
  for (const { name, pair } of auth) {
    const query = out.indexOf('?');
    if (query >= 0 && new URLSearchParams(out.slice(query + 1)).has(name)) continue;
    out = `${out}${query >= 0 ? '&' : '?'}${pair}`;
  }
  return out;
}

export interface AttemptLimits {
  /** Milliseconds before this attempt is abandoned (headers and body together). */
  timeoutMs: number;
  /** The limit that `timeoutMs` comes from, for the APITimeoutError's message. */
  limit: { deadline: number } | { timeout: number };
  signal: AbortSignal | undefined;
  /** Retries made before this attempt, recorded on connection errors. */
  retries: number;
}

export interface AttemptResult {
  /** The response; its body has already been read into `bodyText` (or `bodyBytes`). */
  response: Response;
  bodyText: string;
  /** A 2xx body read as bytes, when the attempt asked for `bytes`; `bodyText` is then ''. */
  bodyBytes?: ArrayBuffer;
  /**
   * Why `response` cannot be the call's answer, when it cannot: a redirect that was not followed
   * (see redirect.ts), or an error from the other host a download was redirected to (not the
   * API's error, so not an APIError of the API's status classes).
   */
  unusable?: string;
  /** The body went past `maxResponseBytes` and was not read further (`bodyText` is ''); see body.ts. */
  tooLarge?: { limit: number; bytes: number; declared: boolean; url: string };
}

/**
 * One HTTP attempt: fetch plus reading the whole body, raced against one "stop" promise that the
 * per-attempt timer and the caller's signal reject, so a timeout or an abort is prompt even when
 * fetch or the body stream ignores its signal. Every failure is turned into a typed error:
 * APIUserAbortError (caller), APITimeoutError (timer), APIConnectionError (anything the network
 * or body stream threw, e.g. a reset mid-body). Same-origin redirects are followed within the
 * attempt (same timer); any other redirect is returned unfollowed, see redirect.ts. Every body is
 * read under `init.maxResponseBytes`: an oversized one is cancelled and returned as `tooLarge`.
 *
 * Whenever the attempt has a timer, fetch is handed a signal that the timer (and the caller's
 * signal) also aborts, so a timed-out attempt's connection is torn down at once: an attempt
 * abandoned only on our side would hold its socket until the server answered (undici's headers
 * timeout is 300 s), and under an outage retries would pile those up. This costs a few percent
 * per request (undici links every signal it is handed with a WeakRef, a listener and a
 * FinalizationRegistry entry); docs/decisions.md #30 has the measurements. A response that still
 * arrives after the attempt was given up has its body cancelled.
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
  const { signal, retries, timeoutMs, limit } = limits;
  // Built only when the timer fires: the deadline says it was the deadline.
  const timeoutError = (cause?: unknown): APITimeoutError =>
    new APITimeoutError(
      'deadline' in limit
        ? `Request exceeded the overall deadline of ${limit.deadline} ms`
        : `Request timed out after ${limit.timeout} ms`,
      { retries, cause },
    );
  if (signal?.aborted) throw new APIUserAbortError(signal.reason);
  const timed = timeoutMs < MAX_TIMER_MS;
  const controller = timed ? new AbortController() : undefined;
  let stopped = false;
  let timedOut = false;
  // One promise that the work, the timer and the caller's signal all settle, first one wins. It
  // replaces Promise.race([work(), stopper]): one promise and no array or generic then-lookups
  // per attempt (the race and its extra stopper promise showed in CPU profiles of fake fetches).
  let finish!: (result: AttemptResult) => void;
  let stop!: (reason: unknown) => void;
  const settled = new Promise<AttemptResult>((resolve, reject) => {
    finish = resolve;
    stop = reject;
  });
  const onCallerAbort =
    signal &&
    ((): void => {
      controller?.abort(signal.reason);
      stop(signal.reason);
    });
  if (onCallerAbort) signal?.addEventListener('abort', onCallerAbort, { once: true });
  const cancelTimer = timed
    ? onTimeout(timeoutMs, () => {
        timedOut = true;
        const error = timeoutError();
        controller?.abort(error);
        stop(error);
      })
    : undefined;
  let current = url;
  // Set once any hop has answered: from then on the API has seen the request, whatever fails next.
  let answered = false;
  const work = async (): Promise<AttemptResult> => {
    let request: HopRequest = {
      url,
      method: init.method,
      headers: init.headers,
      body: init.body,
    };
    // Set once a hop leaves the API's origin: no key goes out again in this attempt.
    let anonymous = false;
    const limit = init.maxResponseBytes ?? Infinity;
    for (let hops = 0; ; hops += 1) {
      current = request.url;
      const { method, headers, body } = request;
      const response = await fetchFn(request.url, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: controller?.signal ?? signal ?? null,
      });
      answered = true;
      if (stopped) {
        // Given up already (timeout or abort): nobody reads this body, so release the connection.
        response.body?.cancel().catch(() => undefined);
        throw new Error('attempt abandoned');
      }
      // Decoding bytes as UTF-8 text would corrupt them. (A 2xx is never a redirect to follow.)
      const read =
        init.bytes !== undefined && response.ok ? await init.bytes(response, limit) : await readText(response, limit);
      if ('tooLarge' in read) {
        // Past the API's host, a signed download address may itself be a credential: origin only.
        const url = anonymous ? new URL(request.url).origin : request.url;
        return { response, bodyText: '', tooLarge: { limit, ...read.tooLarge, url } };
      }
      if (typeof read.body !== 'string') return { response, bodyText: '', bodyBytes: read.body };
      const bodyText = read.body;
      const decision = decideRedirect(response, request, hops, init.download);
      if (decision.kind === 'final' && anonymous && !response.ok) {
        const origin = new URL(request.url).origin;
        return {
          response,
          bodyText,
          unusable: `The download the API redirected to, at ${origin}, answered HTTP ${response.status}.`,
        };
      }
      if (decision.kind === 'follow') {
        anonymous ||= decision.anonymous === true;
        request = anonymous
          ? decision.request
          : { ...decision.request, url: withAuthQuery(decision.request.url, init.authQuery) };
      } else if (decision.kind === 'refuse') return { response, bodyText, unusable: decision.reason };
      else return { response, bodyText };
    }
  };
  // Subscribed at once, so a failure of work() after a stop never becomes an unhandled rejection.
  work().then(finish, stop);
  try {
    return await settled;
  } catch (cause) {
    if (signal?.aborted) throw new APIUserAbortError(signal.reason);
    if (timedOut) throw timeoutError(cause);
    // The host of the hop that failed: after a redirect, that may be a download's other host.
    const error = new APIConnectionError(redact.text(describeConnectionError(cause, current)), {
      cause: redact.cause(cause),
      retries,
    });
    // Only a failure before the first hop connected proves the request never left (see unsent.ts).
    if (!answered && failedBeforeConnecting(cause)) markUnsent(error);
    throw error;
  } finally {
    stopped = true;
    cancelTimer?.();
    if (onCallerAbort) signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Waits `ms` (on the shared timer), or rejects with APIUserAbortError the moment the caller aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError(signal.reason));
    const onAbort = (): void => {
      cancel();
      reject(new APIUserAbortError(signal?.reason));
    };
    const cancel = onTimeout(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
