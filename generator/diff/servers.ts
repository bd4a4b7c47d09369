import type { DiffContext } from './context.js';
import { diffDocText } from './docs.js';
import { isObject } from '../schema/json.js';
import { code, sortedUnion, str } from './json.js';

/** Root `servers`, matched by URL (ignoring a trailing slash): a removed URL breaks clients configured for it. */
export function diffServers(ctx: DiffContext): void {
  const emit = ctx.sink.emitterFor();
  const oldServers = serversOf(ctx.oldDoc.servers);
  const newServers = serversOf(ctx.newDoc.servers);
  for (const url of sortedUnion(oldServers.keys(), newServers.keys())) {
    const o = oldServers.get(url);
    const n = newServers.get(url);
    if (o && !n) emit('server-removed', `#/servers/${o.index}`, { url: o.url });
    else if (!o && n) emit('server-added', `#/servers/${n.index}`, { url: n.url });
    else if (o && n) diffDocText(emit, 'description', o.description, n.description, `#/servers/${n.index}`, `Server ${code(n.url)}`);
  }
}

interface Server {
  url: string;
  index: number;
  description: string | undefined;
}

function serversOf(list: unknown): Map<string, Server> {
  const out = new Map<string, Server>();
  if (!Array.isArray(list)) return out;
  list.forEach((server: unknown, index) => {
    if (!isObject(server)) return;
    const url = str(server.url);
    if (url === undefined) return;
    const key = url.replace(/\/+$/, '');
    if (!out.has(key)) out.set(key, { url, index, description: str(server.description) });
  });
  return out;
}
