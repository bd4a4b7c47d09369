/**
 * Defensive reading of error bodies. Proxies and gateways answer with HTML pages, empty bodies
 * or foreign JSON; none of that may throw, and each field is taken only if it has the right type.
 */

/** Parsed JSON, the raw text when it is not JSON, or undefined when empty. */
export function parseErrorBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Envelope {
  code: string | undefined;
  message: string | undefined;
  details: Readonly<Record<string, unknown>> | undefined;
}

/** Where an API's error body keeps its fields: a list of property paths per field, tried in order. */
export interface ErrorBodyPaths {
  code?: readonly (readonly string[])[];
  message?: readonly (readonly string[])[];
  details?: readonly (readonly string[])[];
}

/**
 * Shapes common across APIs, tried after the spec's own paths: `{error:{code,message,details}}`,
 * `{code,message}`, RFC 9457 problem details (`detail`, `title`), OAuth (`error_description`),
 * `{error:"text"}` and `{err:"text"}`. A proxy's JSON error page then still reads well.
 */
const COMMON: Required<ErrorBodyPaths> = {
  code: [['error', 'code'], ['code']],
  message: [['error', 'message'], ['message'], ['detail'], ['error_description'], ['title'], ['error'], ['err']],
  details: [['error', 'details'], ['details']],
};

/** The value at `path`, through own properties only (never a prototype's). */
function at(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const key of path) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function firstString(body: unknown, ...lists: (readonly (readonly string[])[] | undefined)[]): string | undefined {
  for (const list of lists)
    for (const path of list ?? []) {
      const value = at(body, path);
      if (typeof value === 'string' && value !== '') return value;
    }
  return undefined;
}

/**
 * A code is a non-empty string or a finite number, read as its decimal string: `error.code` keeps
 * one type for every API (a `switch` on it reads the same everywhere), and Petstore's `{code: 404}`
 * becomes `'404'`. Problem details' `about:blank` type means "nothing beyond the status" (RFC
 * 9457), so it is no code.
 */
function firstCode(body: unknown, list: readonly (readonly string[])[] | undefined): string | undefined {
  for (const path of list ?? []) {
    const value = at(body, path);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string' && value !== '' && value !== 'about:blank') return value;
  }
  return undefined;
}

/**
 * Reads code, message and details from an error body. Where the spec's error schemas give a
 * layout, `code` and `details` come only from it (`code` is what callers branch on: a gateway's
 * `{"code": …}` must not pose as one), and `message` from it, then from common places. Without a
 * layout, all three come from common places. Each field is taken only if it has the right type.
 */
export function readEnvelope(body: unknown, paths: ErrorBodyPaths = {}): Envelope {
  const known = paths.code !== undefined || paths.message !== undefined || paths.details !== undefined;
  let details: Readonly<Record<string, unknown>> | undefined;
  for (const path of known ? (paths.details ?? []) : COMMON.details) {
    const value = at(body, path);
    if (isRecord(value)) {
      details = value;
      break;
    }
  }
  return {
    code: firstCode(body, known ? paths.code : COMMON.code),
    message: firstString(body, paths.message, COMMON.message),
    details,
  };
}

const SNIPPET_LENGTH = 200;

/** "HTTP 502: Bad Gateway nginx" — tags stripped so an HTML error page reads as text. */
export function fallbackMessage(status: number, text: string, code: string | undefined): string {
  // Cap the input first: the tag regex is cheap only on short strings.
  const plain = text
    .slice(0, 4 * SNIPPET_LENGTH)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const snippet = plain.length > SNIPPET_LENGTH ? `${plain.slice(0, SNIPPET_LENGTH)}…` : plain;
  const head = code === undefined ? `HTTP ${status}` : `HTTP ${status} ${code}`;
  return snippet === '' ? head : `${head}: ${snippet}`;
}
