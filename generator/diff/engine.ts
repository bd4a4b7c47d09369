/** diffSpecs: runs every rule over both documents (see index.ts for the rules). */
import { diffComponentSchemas } from './components.js';
import type { DiffContext } from './context.js';
import { diffDocText } from './docs.js';
import { child, isObject } from '../schema/json.js';
import { code, str } from './json.js';
import { diffOperations } from './operations.js';
import { RefResolver } from '../schema/resolve.js';
import { verdictOf } from './report.js';
import { diffSecuritySchemes } from './security.js';
import { diffServers } from './servers.js';
import { ChangeSink } from './sink.js';
import type { DiffReport, Json } from './types.js';

/** Pure and deterministic: changes sorted by operation (global ones first), pointer, kind. */
export function diffSpecs(oldDoc: object, newDoc: object): DiffReport {
  const ctx: DiffContext = { oldDoc: asJson(oldDoc), newDoc: asJson(newDoc), oldRefs: new RefResolver(oldDoc, 'old'), newRefs: new RefResolver(newDoc, 'new'), sink: new ChangeSink() };
  diffServers(ctx);
  diffSecuritySchemes(ctx);
  diffComponentSchemas(ctx);
  diffInfoAndTags(ctx);
  diffOperations(ctx);
  const changes = ctx.sink.changes();
  return { verdict: verdictOf(changes), changes };
}

function asJson(doc: object): Json {
  return isObject(doc) ? doc : {};
}

function diffInfoAndTags(ctx: DiffContext): void {
  const emit = ctx.sink.emitterFor();
  const oldInfo = isObject(ctx.oldDoc.info) ? ctx.oldDoc.info : {};
  const newInfo = isObject(ctx.newDoc.info) ? ctx.newDoc.info : {};
  diffDocText(emit, 'title', oldInfo.title, newInfo.title, '#/info', 'API');
  diffDocText(emit, 'description', oldInfo.description, newInfo.description, '#/info', 'API');

  const tags = (doc: Json): Map<string, { index: number; description: unknown }> => {
    const out = new Map<string, { index: number; description: unknown }>();
    if (Array.isArray(doc.tags)) {
      doc.tags.forEach((tag: unknown, index) => {
        const name = isObject(tag) ? str(tag.name) : undefined;
        if (name !== undefined && isObject(tag) && !out.has(name)) out.set(name, { index, description: tag.description });
      });
    }
    return out;
  };
  const oldTags = tags(ctx.oldDoc);
  for (const [name, n] of tags(ctx.newDoc)) {
    const o = oldTags.get(name);
    if (o) diffDocText(emit, 'description', o.description, n.description, child('#/tags', n.index), `Tag ${code(name)}`);
  }
}
