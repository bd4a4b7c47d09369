import { GeneratorError } from '../errors.js';

export interface DownloadOptions {
  timeoutMs?: number;
  /** Extra attempts after the first, for connection errors, timeouts, 429 and 5xx. */
  retries?: number;
  etag?: string | null;
  fetch?: typeof fetch;
  /** Injected for tests; waits between attempts. */
  sleep?: (ms: number) => Promise<void>;
}

export type Download = { status: 'not-modified' } | { status: 'ok'; text: string; etag: string | null };

const RETRYABLE = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * GETs a spec with a per-attempt timeout and bounded retries (0.5 s doubling). Anything that is
 * not a 2xx JSON-looking body is a GeneratorError with a message that says what came back.
 */
export async function downloadSpec(url: string, options: DownloadOptions = {}): Promise<Download> {
  const doFetch = options.fetch ?? fetch;
  const retries = options.retries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let lastError = 'no attempt made';
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(500 * 2 ** (attempt - 1));
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { accept: 'application/json', ...(options.etag ? { 'if-none-match': options.etag } : {}) },
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        redirect: 'follow',
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `timed out after ${options.timeoutMs ?? 30_000} ms` : (error as Error).message;
      lastError = `could not connect: ${reason}`;
      continue;
    }
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) {
      lastError = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      await response.body?.cancel();
      if (RETRYABLE(response.status)) continue;
      break;
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      lastError = `the connection dropped while reading the body: ${(error as Error).message}`;
      continue;
    }
    return { status: 'ok', text, etag: response.headers.get('etag') };
  }
  throw new GeneratorError(`Cannot fetch the spec: ${lastError}`, '#', url);
}

/** Parses the body as a JSON spec, with errors that name what the server actually sent. */
export function parseSpecBody(text: string, url: string): Record<string, unknown> {
  const start = text.trimStart().slice(0, 100).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<')) {
    throw new GeneratorError('Expected an OpenAPI JSON document but got an HTML page (a login page, proxy or error page?)', '#', url);
  }
  if (text.trim().length === 0) throw new GeneratorError('The spec response was empty', '#', url);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GeneratorError(`The spec response is not valid JSON (truncated download?): ${(error as Error).message}`, '#', url);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new GeneratorError('The spec response is not a JSON object', '#', url);
  return parsed as Record<string, unknown>;
}
