import type { DiffContext, OperationSide } from './context.js';
import { diffDocText } from './docs.js';
import { canonicalKey as canonical, child, isObject } from '../schema/json.js';
import { code, sortedUnion, str } from './json.js';
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
  /** Scheme names with their sorted scopes: `oauth(read write) + key`; empty for anonymous. */
  key: string;
  /** Scheme names only: `key + oauth`. */
  schemes: string;
  scopes: Map<string, string[]>;
  text: string;
  pointer: string;
}

/**
 * The operation's effective security (its own, else the root's): a list of alternatives. An
 * alternative removed breaks clients that use it (removing anonymous access means the
 * operation now needs credentials); an alternative added is a new option. An alternative whose
 * schemes stay but whose OAuth scopes change is that one alternative asking for more (a warning:
 * the client's token may lack them) or fewer scopes.
 */
export function diffSecurityRequirements(ctx: DiffContext, oldOp: OperationSide, newOp: OperationSide, emit: Emit): void {
  const oldReqs = requirementsOf(ctx.oldDoc, oldOp);
  const newReqs = requirementsOf(ctx.newDoc, newOp);
  const removed = [...oldReqs.values()].filter((r) => !newReqs.has(r.key));
  const added = [...newReqs.values()].filter((r) => !oldReqs.has(r.key));
  // Same schemes, other scopes: the same alternative (paired in order when several share schemes).
  for (const o of [...removed]) {
    const i = o.key === '' ? -1 : added.findIndex((n) => n.schemes === o.schemes);
    if (i < 0) continue;
    const n = added.splice(i, 1)[0]!;
    removed.splice(removed.indexOf(o), 1);
    diffScopes(o, n, emit);
  }
  for (const o of removed) emit('security-requirement-removed', o.pointer, { requirement: o.key === '' ? undefined : o.text });
  for (const n of added) emit('security-requirement-added', n.pointer, { requirement: n.key === '' ? undefined : n.text });
}

function diffScopes(o: Requirement, n: Requirement, emit: Emit): void {
  const several = n.scopes.size > 1;
  const show = (scheme: string, scope: string): string => (several ? `${code(scope)} (${code(scheme)})` : code(scope));
  const more: string[] = [];
  const fewer: string[] = [];
  for (const [scheme, scopes] of n.scopes) {
    const before = new Set(o.scopes.get(scheme) ?? []);
    for (const scope of scopes) if (!before.has(scope)) more.push(show(scheme, scope));
    const after = new Set(scopes);
    for (const scope of o.scopes.get(scheme) ?? []) if (!after.has(scope)) fewer.push(show(scheme, scope));
  }
  const requirement = code(n.schemes);
  if (more.length > 0) emit('security-requirement-scopes-added', n.pointer, { requirement, scopes: more });
  if (fewer.length > 0) emit('security-requirement-scopes-removed', n.pointer, { requirement, scopes: fewer });
}

function requirementsOf(doc: Record<string, unknown>, op: OperationSide): Map<string, Requirement> {
  const own = Array.isArray(op.node.security);
  const list: unknown = own ? op.node.security : doc.security;
  const base = own ? child(op.pointer, 'security') : '#/security';
  const out = new Map<string, Requirement>();
  if (!Array.isArray(list) || list.length === 0) {
    out.set('', { key: '', schemes: '', scopes: new Map(), text: 'anonymous', pointer: Array.isArray(list) ? base : op.pointer });
    return out;
  }
  list.forEach((req: unknown, i) => {
    if (!isObject(req)) return;
    const names = Object.keys(req).sort();
    const scopes = new Map(names.map((name) => [name, Array.isArray(req[name]) ? (req[name] as unknown[]).map(String).sort() : []]));
    const parts = names.map((name) => {
      const list = scopes.get(name) ?? [];
      return list.length > 0 ? `${name}(${list.join(' ')})` : name;
    });
    const key = parts.join(' + ');
    if (!out.has(key)) out.set(key, { key, schemes: names.join(' + '), scopes, text: key === '' ? 'anonymous' : parts.map((p) => code(p)).join(' + '), pointer: child(base, i) });
  });
  return out;
}
