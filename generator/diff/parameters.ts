import type { RefResolver } from '../schema/resolve.js';
import type { DiffContext, OperationSide } from './context.js';
import { diffDocExamples, diffDocText } from './docs.js';
import { child, isObject } from '../schema/json.js';
import { code, sortedUnion, str } from './json.js';
import { diffSchemas } from './schema-diff.js';
import type { Located } from '../schema/view.js';
import type { Emit } from './sink.js';
import type { Json } from './types.js';

interface Param {
  name: string;
  in: string;
  node: Json;
  /** Where the operation lists it (`…/get/parameters/2`): added / removed are reported here. */
  site: string;
  /** Where its fields are written (the `$ref` target, or the site). */
  pointer: string;
}

/** Header parameters OpenAPI says to ignore: the client sets them itself. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

const LOCATION_LABEL: Record<string, string> = { path: 'Path', query: 'Query', header: 'Header', cookie: 'Cookie' };

/**
 * Path, query, header and cookie parameters of a matched operation. Path parameters are
 * matched by position in the template (`/a/{id}` ≡ `/a/{sessionId}`), the rest by location and
 * name (header names ignore case).
 */
export function diffParameters(ctx: DiffContext, oldOp: OperationSide, newOp: OperationSide, emit: Emit): void {
  const oldParams = collect(ctx.oldRefs, oldOp);
  const newParams = collect(ctx.newRefs, newOp);
  for (const key of sortedUnion(oldParams.keys(), newParams.keys())) {
    const o = oldParams.get(key);
    const n = newParams.get(key);
    if (!o && n) {
      const required = n.in === 'path' || n.node.required === true;
      emit(required ? 'new-required-request-parameter' : 'request-parameter-added', n.site, { location: n.in, name: n.name });
    } else if (o && !n) {
      emit('request-parameter-removed', o.site, { subject: label(o) });
    } else if (o && n) {
      diffParameter(ctx, o, n, emit);
    }
  }
}

function diffParameter(ctx: DiffContext, o: Param, n: Param, emit: Emit): void {
  const subject = label(n);
  if (o.in === 'path' && o.name !== n.name) emit('path-parameter-renamed', n.pointer, { from: o.name, to: n.name });
  const wasRequired = o.in === 'path' || o.node.required === true;
  const isRequired = n.in === 'path' || n.node.required === true;
  if (wasRequired !== isRequired) emit(isRequired ? 'request-parameter-became-required' : 'request-parameter-became-optional', n.pointer, { subject });
  const wasDeprecated = o.node.deprecated === true;
  const isDeprecated = n.node.deprecated === true;
  if (wasDeprecated !== isDeprecated) emit(isDeprecated ? 'request-parameter-deprecated' : 'request-parameter-undeprecated', n.pointer, { subject });
  const oldStyle = serialization(o);
  const newStyle = serialization(n);
  if (oldStyle !== newStyle) emit('request-parameter-style-changed', n.pointer, { subject, from: code(oldStyle), to: code(newStyle) });
  diffDocText(emit, 'description', o.node.description, n.node.description, n.pointer, subject);
  diffDocExamples(emit, o.node, n.node, n.pointer, subject);

  const oldSchema = schemaOf(o);
  const newSchema = schemaOf(n);
  if (oldSchema && newSchema) {
    diffSchemas(
      { oldRefs: ctx.oldRefs, newRefs: ctx.newRefs, root: 'request-parameter', label: subject, where: `in ${n.in} parameter ${code(n.name)}`, emit },
      oldSchema,
      newSchema,
    );
  }
}

function label(p: Param): string {
  return `${LOCATION_LABEL[p.in] ?? p.in} parameter ${code(p.name)}`;
}

/** Effective `style` and `explode` (OpenAPI defaults: form+explode for query/cookie, simple otherwise). */
function serialization(p: Param): string {
  const style = str(p.node.style) ?? (p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple');
  const explode = typeof p.node.explode === 'boolean' ? p.node.explode : style === 'form';
  return `${style}${explode ? ', explode' : ''}`;
}

/** `schema`, or the schema of the single `content` entry. */
function schemaOf(p: Param): Located | undefined {
  if ('schema' in p.node) return { node: p.node.schema, pointer: child(p.pointer, 'schema') };
  if (isObject(p.node.content)) {
    const [mediaType, media] = Object.entries(p.node.content).sort(([a], [b]) => (a < b ? -1 : 1))[0] ?? [];
    if (mediaType !== undefined && isObject(media) && 'schema' in media) return { node: media.schema, pointer: child(p.pointer, 'content', mediaType, 'schema') };
  }
  return undefined;
}

/** Path-item parameters overridden by operation parameters, keyed for matching. */
function collect(refs: RefResolver, op: OperationSide): Map<string, Param> {
  const templateNames = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const out = new Map<string, Param>();
  const lists: [unknown, string][] = [
    [op.pathItem.parameters, child(op.pathPointer, 'parameters')],
    [op.node.parameters, child(op.pointer, 'parameters')],
  ];
  for (const [list, base] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw: unknown, i) => {
      const site = child(base, i);
      const { value: node, pointer } = refs.tryDeref(raw, site);
      if (!isObject(node)) return;
      const name = str(node.name);
      const location = str(node.in);
      if (name === undefined || location === undefined) return;
      if (location === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) return;
      let key: string;
      if (location === 'path') {
        const position = templateNames.indexOf(name);
        key = position >= 0 ? `path#${String(position).padStart(3, '0')}` : `path:${name}`;
      } else {
        key = `${location}:${location === 'header' ? name.toLowerCase() : name}`;
      }
      out.set(key, { name, in: location, node, site, pointer });
    });
  }
  return out;
}
