import type { DiffContext, OperationSide } from './context.js';
import { diffDocText } from './docs.js';
import { canonical, child, code, isObject, sortedUnion, str } from './json.js';
import type { Emit } from './sink.js';

/** `components.securitySchemes`: removing one, or changing how credentials are sent, breaks clients. */
export function diffSecuritySchemes(ctx: DiffContext): void {
  const emit = ctx.sink.emitterFor();
  const oldSchemes = schemesOf(ctx.oldDoc);
  const newSchemes = schemesOf(ctx.newDoc);
  for (const name of sortedUnion(Object.keys(oldSchemes), Object.keys(newSchemes))) {
    const o = oldSchemes[name];
    const n = newSchemes[name];
    const pointer = child('#/components/securitySchemes', name);
    if (isObject(o) && !isObject(n)) {
      emit('security-scheme-removed', pointer, { name });
    } else if (!isObject(o) && isObject(n)) {
      emit('security-scheme-added', pointer, { name });
    } else if (isObject(o) && isObject(n)) {
      if (mechanism(o) !== mechanism(n)) emit('security-scheme-changed', pointer, { name });
      diffDocText(emit, 'description', o.description, n.description, pointer, `Security scheme ${code(name)}`);
    }
  }
}

function schemesOf(doc: Record<string, unknown>): Record<string, unknown> {
  const components = doc.components;
  return isObject(components) && isObject(components.securitySchemes) ? components.securitySchemes : {};
}

/** The fields that decide what a client must send (descriptions and `bearerFormat` hints excluded). */
function mechanism(scheme: Record<string, unknown>): string {
  const flows = isObject(scheme.flows)
    ? Object.fromEntries(
        Object.entries(scheme.flows).map(([flow, f]) => [flow, isObject(f) ? { tokenUrl: f.tokenUrl, authorizationUrl: f.authorizationUrl } : f]),
      )
    : undefined;
  return canonical({
    type: scheme.type,
    scheme: str(scheme.scheme)?.toLowerCase(),
    in: scheme.in,
    name: str(scheme.name)?.toLowerCase(),
    openIdConnectUrl: scheme.openIdConnectUrl,
    flows,
  });
}

interface Requirement {
  key: string;
  text: string;
  pointer: string;
}

/**
 * The operation's effective security (its own, else the root's): a list of alternatives. An
 * alternative removed breaks clients that use it (removing anonymous access means the
 * operation now needs credentials); an alternative added is a new option.
 */
export function diffSecurityRequirements(ctx: DiffContext, oldOp: OperationSide, newOp: OperationSide, emit: Emit): void {
  const oldReqs = requirementsOf(ctx.oldDoc, oldOp);
  const newReqs = requirementsOf(ctx.newDoc, newOp);
  for (const key of sortedUnion(oldReqs.keys(), newReqs.keys())) {
    const o = oldReqs.get(key);
    const n = newReqs.get(key);
    if (o && !n) emit('security-requirement-removed', o.pointer, { requirement: key === '' ? undefined : o.text });
    else if (!o && n) emit('security-requirement-added', n.pointer, { requirement: key === '' ? undefined : n.text });
  }
}

function requirementsOf(doc: Record<string, unknown>, op: OperationSide): Map<string, Requirement> {
  const own = Array.isArray(op.node.security);
  const list: unknown = own ? op.node.security : doc.security;
  const base = own ? child(op.pointer, 'security') : '#/security';
  const out = new Map<string, Requirement>();
  if (!Array.isArray(list) || list.length === 0) {
    out.set('', { key: '', text: 'anonymous', pointer: Array.isArray(list) ? base : op.pointer });
    return out;
  }
  list.forEach((req: unknown, i) => {
    if (!isObject(req)) return;
    const parts = Object.keys(req)
      .sort()
      .map((name) => {
        const scopes = Array.isArray(req[name]) ? (req[name] as unknown[]).map(String).sort() : [];
        return scopes.length > 0 ? `${name}(${scopes.join(' ')})` : name;
      });
    const key = parts.join(' + ');
    if (!out.has(key)) out.set(key, { key, text: key === '' ? 'anonymous' : parts.map((p) => code(p)).join(' + '), pointer: child(base, i) });
  });
  return out;
}
