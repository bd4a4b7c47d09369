// Generated from Not AI Public API 1.0.17.0 by notai-codegen. Do not edit. Copied from templates/runtime/error-envelope.ts.
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

/** Reads `{error:{code,message,details}}`, taking each field only if it has the right type. */
export function readEnvelope(body: unknown): Envelope {
  const error = isRecord(body) ? body['error'] : undefined;
  if (!isRecord(error)) return { code: undefined, message: undefined, details: undefined };
  const { code, message, details } = error;
  return {
    code: typeof code === 'string' && code !== '' ? code : undefined,
    message: typeof message === 'string' && message !== '' ? message : undefined,
    details: isRecord(details) ? details : undefined,
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
