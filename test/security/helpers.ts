/**
 * Shared pieces of the security suites: a tiny scripted node:http server (for what the contract
 * server cannot say: redirects, echoed keys, polluting bodies, raw request lines), a capturing
 * logger and the "every view" of a value that a leaked key could hide in.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import type { Logger } from '../../generated/src/index.js';

export interface SeenRequest {
  method: string;
  /** The raw request target exactly as it arrived on the socket (path + query). */
  url: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface ScriptedServer {
  readonly url: string;
  readonly origin: string;
  readonly seen: SeenRequest[];
  /** Handler for every request until changed (default: 200 `{}`). */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startScriptedServer(host = '127.0.0.1'): Promise<ScriptedServer> {
  const seen: SeenRequest[] = [];
  let handler: Handler = (_req, res) => json(res, 200, {});
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: origin,
    origin,
    seen,
    handle(next) {
      handler = next;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export type LogLine = { level: string; message: string; data: Record<string, unknown> | undefined };

export function capturingLogger(): Logger & { lines: LogLine[]; text(): string } {
  const lines: LogLine[] = [];
  const at =
    (level: string) =>
    (message: string, data?: Record<string, unknown>): void => {
      lines.push({ level, message, data });
    };
  return {
    lines,
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    text: () => lines.map((l) => `${l.level} ${l.message} ${inspect(l.data, { depth: 10, showHidden: true })}`).join('\n'),
  };
}

/** Everything a caller (or their error tracker) might print for a value. */
export function everyView(value: unknown): Record<string, string> {
  const views: Record<string, string> = {
    String: safe(() => String(value)),
    JSON: safe(() => JSON.stringify(value) ?? ''),
    inspect: inspect(value, { depth: 10, showHidden: true }),
  };
  if (value instanceof Error) {
    views['message'] = value.message;
    views['toString'] = value.toString();
    views['stack'] = value.stack ?? '';
  }
  return views;
}

function safe(fn: () => string): string {
  try {
    return fn();
  } catch (error) {
    return `<threw ${String(error)}>`;
  }
}
