/** Writing responses: CORS headers, JSON/HTML bodies, and the body-level faults. */

import type { ServerResponse } from 'node:http';
import { envelope } from './errors.js';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-isnotai-tier, x-request-id, retry-after, x-contract-source',
};

export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  // x-fault is the contract server's own test header; allowing it lets browser tests inject faults.
  'access-control-allow-headers': 'authorization, x-api-key, content-type, x-fault',
  'access-control-max-age': '600',
};

export interface Outgoing {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

export type BodyFault = 'truncatedJson' | 'wrongContentType' | 'emptyBody' | 'resetMidBody';

const JSON_TYPE = 'application/json; charset=utf-8';

export function json(status: number, body: unknown, headers?: Readonly<Record<string, string>>): Outgoing {
  return { status, contentType: JSON_TYPE, body: Buffer.from(JSON.stringify(body), 'utf8'), ...(headers ? { headers } : {}) };
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  details?: Readonly<Record<string, unknown>>,
  headers?: Readonly<Record<string, string>>,
): Outgoing {
  return json(status, envelope(code, message, details), headers);
}

export const HTML_502: Outgoing = {
  status: 502,
  contentType: 'text/html; charset=utf-8',
  body: Buffer.from(
    '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
      '<hr><center>edge</center>\r\n</body>\r\n</html>\r\n',
    'utf8',
  ),
};

/** Sends `out` on `res`, bending it as the body fault asks. Returns the status actually sent. */
export function send(res: ServerResponse, out: Outgoing, fault?: BodyFault): number {
  let { status, body } = out;
  let contentType = out.contentType;
  if (fault === 'emptyBody') {
    status = 200;
    body = Buffer.alloc(0);
    contentType = JSON_TYPE;
  } else if (fault === 'truncatedJson') {
    body = body.subarray(0, Math.floor(body.length / 2));
  } else if (fault === 'wrongContentType') {
    contentType = 'text/plain; charset=utf-8';
  }
  for (const [name, value] of Object.entries(out.headers ?? {})) res.setHeader(name, value);
  if (contentType !== null) res.setHeader('content-type', contentType);
  res.setHeader('content-length', String(body.length));
  res.statusCode = status;
  if (fault === 'resetMidBody') {
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
  } else {
    res.end(body);
  }
  return status;
}
