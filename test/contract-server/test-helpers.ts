/** Shared helpers for the contract-server tests (not a test file itself). */

import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { ContractServer, ContractServerOptions } from './server.js';
import { startContractServer } from './server.js';
import { TEST_KEYS } from './keys.js';
import type { ErrorEnvelope } from './wire.js';

/** Starts one server for the file (reset before each test) and returns a live getter. */
export function useServer(options: ContractServerOptions = {}): () => ContractServer {
  let server: ContractServer | undefined;
  beforeAll(async () => {
    server = await startContractServer(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => server?.reset());
  return () => {
    if (server === undefined) throw new Error('server not started');
    return server;
  };
}

export interface CallOptions {
  /** Key to send; default the server region's pro key. null sends no credentials. */
  readonly key?: string | null;
  readonly via?: 'bearer' | 'x-api-key';
  readonly headers?: Readonly<Record<string, string>>;
  readonly method?: string;
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: unknown;
}

export async function call(server: ContractServer, path: string, options: CallOptions = {}): Promise<Reply> {
  const key = options.key === undefined ? TEST_KEYS[server.region].pro : options.key;
  const headers: Record<string, string> = { ...options.headers };
  if (key !== null) {
    if (options.via === 'x-api-key') headers['x-api-key'] = key;
    else headers.authorization = `Bearer ${key}`;
  }
  const res = await fetch(server.url + path, { method: options.method ?? 'GET', headers });
  const text = await res.text();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
  }
  return { status: res.status, headers: res.headers, text, body };
}

export function errorOf(reply: Reply): ErrorEnvelope['error'] {
  const body = reply.body as ErrorEnvelope | undefined;
  if (body?.error === undefined) throw new Error(`not an error envelope: ${reply.status} ${reply.text}`);
  return body.error;
}

/** Follows nextCursor until hasMore is false; returns every page. */
export async function walk<T>(
  server: ContractServer,
  path: string,
  options: CallOptions = {},
  maxPages = 1000,
): Promise<Array<{ data: T[]; pagination: { nextCursor?: string | null; hasMore: boolean; limit: number } }>> {
  const pages: Array<{ data: T[]; pagination: { nextCursor?: string | null; hasMore: boolean; limit: number } }> = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const reply = await call(server, cursor === undefined ? path : `${path}${sep}cursor=${encodeURIComponent(cursor)}`, options);
    if (reply.status !== 200) throw new Error(`page ${i}: ${reply.status} ${reply.text}`);
    const page = reply.body as { data: T[]; pagination: { nextCursor?: string | null; hasMore: boolean; limit: number } };
    pages.push(page);
    if (!page.pagination.hasMore) return pages;
    const next = page.pagination.nextCursor;
    if (typeof next !== 'string' || next === '') throw new Error('hasMore without nextCursor');
    cursor = next;
  }
  throw new Error('too many pages');
}
