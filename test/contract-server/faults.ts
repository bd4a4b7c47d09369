/**
 * Fault injection. Faults are armed (programmatically through FaultControl, or with the x-fault request
 * header) and consumed in FIFO order by the next matching requests.
 *
 * x-fault header: comma-separated clauses, each `kind[=value][;param=value]...`
 *   kinds:  status=<500-599> | html502 | rate-limit | delay=<ms> | reset | reset-mid-body |
 *           truncated-json | wrong-content-type | empty-body | repeat-cursor
 *   params: count=<n> (default 1)   path=<prefix> (default: every path)
 *           id=<token> (arm only the first time this token is seen, so retries that resend the header
 *                       do not re-arm)   code=<ERROR_CODE> (status only)   retry-after=<s>|none (rate-limit only)
 * The clause is armed before the carrying request is processed, so that request is the first to consume it.
 */

export type FaultSpec =
  | { readonly kind: 'status'; readonly status: number; readonly code?: string }
  | { readonly kind: 'html502' }
  | { readonly kind: 'rateLimit'; readonly retryAfterSeconds: number | null }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'resetBeforeHeaders' }
  | { readonly kind: 'resetMidBody' }
  | { readonly kind: 'truncatedJson' }
  | { readonly kind: 'wrongContentType' }
  | { readonly kind: 'emptyBody' }
  | { readonly kind: 'repeatCursor' };

export type FaultKind = FaultSpec['kind'];

export interface FaultScope {
  /** How many matching responses the fault affects (default 1). */
  readonly count?: number;
  /** Only requests whose path starts with this prefix consume the fault (default: all paths). */
  readonly pathPrefix?: string;
}

export interface PendingFault {
  readonly spec: FaultSpec;
  readonly remaining: number;
  readonly pathPrefix: string | undefined;
}

export interface FaultControl {
  inject(spec: FaultSpec, scope?: FaultScope): void;
  /** Next responses are this 5xx status with an error envelope (code defaults from the status). */
  status(status: number, scope?: FaultScope & { readonly code?: string }): void;
  /** Next responses are an HTML 502 page from the "edge" (text/html, no envelope). */
  html502(scope?: FaultScope): void;
  /** Next responses are 429 RATE_LIMITED; retryAfterSeconds null omits the Retry-After header. */
  rateLimited(retryAfterSeconds: number | null, scope?: FaultScope): void;
  /** Wait this long before sending the headers, then answer normally. */
  delay(ms: number, scope?: FaultScope): void;
  /** Destroy the connection before any response byte. */
  resetBeforeHeaders(scope?: FaultScope): void;
  /** Send the headers (full Content-Length) and half the body, then destroy the connection. */
  resetMidBody(scope?: FaultScope): void;
  /** Send only the first half of the JSON body, with a matching Content-Length. */
  truncatedJson(scope?: FaultScope): void;
  /** Send the normal JSON body labelled text/plain. */
  wrongContentType(scope?: FaultScope): void;
  /** Answer 200 with an empty body. */
  emptyBody(scope?: FaultScope): void;
  /** List endpoints only: the page's nextCursor repeats the request's cursor and hasMore stays true. */
  repeatCursor(scope?: FaultScope): void;
  clear(): void;
  pending(): readonly PendingFault[];
}

interface Armed {
  readonly spec: FaultSpec;
  remaining: number;
  readonly pathPrefix: string | undefined;
}

export class FaultQueue implements FaultControl {
  private armed: Armed[] = [];
  private readonly seenIds = new Set<string>();

  inject(spec: FaultSpec, scope: FaultScope = {}): void {
    const count = scope.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError('fault count must be an integer >= 1');
    if (spec.kind === 'status' && !(Number.isInteger(spec.status) && spec.status >= 500 && spec.status <= 599)) {
      throw new RangeError('status faults must be 5xx');
    }
    if (spec.kind === 'delay' && !(Number.isFinite(spec.ms) && spec.ms >= 0)) throw new RangeError('bad delay');
    this.armed.push({ spec, remaining: count, pathPrefix: scope.pathPrefix });
  }

  status(status: number, scope: FaultScope & { readonly code?: string } = {}): void {
    this.inject(scope.code === undefined ? { kind: 'status', status } : { kind: 'status', status, code: scope.code }, scope);
  }
  html502(scope?: FaultScope): void {
    this.inject({ kind: 'html502' }, scope);
  }
  rateLimited(retryAfterSeconds: number | null, scope?: FaultScope): void {
    this.inject({ kind: 'rateLimit', retryAfterSeconds }, scope);
  }
  delay(ms: number, scope?: FaultScope): void {
    this.inject({ kind: 'delay', ms }, scope);
  }
  resetBeforeHeaders(scope?: FaultScope): void {
    this.inject({ kind: 'resetBeforeHeaders' }, scope);
  }
  resetMidBody(scope?: FaultScope): void {
    this.inject({ kind: 'resetMidBody' }, scope);
  }
  truncatedJson(scope?: FaultScope): void {
    this.inject({ kind: 'truncatedJson' }, scope);
  }
  wrongContentType(scope?: FaultScope): void {
    this.inject({ kind: 'wrongContentType' }, scope);
  }
  emptyBody(scope?: FaultScope): void {
    this.inject({ kind: 'emptyBody' }, scope);
  }
  repeatCursor(scope?: FaultScope): void {
    this.inject({ kind: 'repeatCursor' }, scope);
  }

  clear(): void {
    this.armed = [];
    this.seenIds.clear();
  }

  pending(): readonly PendingFault[] {
    return this.armed.map((a) => ({ spec: a.spec, remaining: a.remaining, pathPrefix: a.pathPrefix }));
  }

  /** Consumes one unit of the first armed fault that applies to this request. */
  take(path: string, isListRoute: boolean): FaultSpec | undefined {
    const index = this.armed.findIndex(
      (a) =>
        (a.pathPrefix === undefined || path.startsWith(a.pathPrefix)) &&
        (a.spec.kind !== 'repeatCursor' || isListRoute),
    );
    const found = this.armed[index];
    if (found === undefined) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.armed.splice(index, 1);
    return found.spec;
  }

  /** Arms the clauses of an x-fault header; returns an error message when the header is malformed. */
  armFromHeader(header: string): string | undefined {
    const parsed: { spec: FaultSpec; scope: FaultScope; id: string | undefined }[] = [];
    for (const clause of header.split(',')) {
      const result = parseClause(clause.trim());
      if (typeof result === 'string') return result;
      parsed.push(result);
    }
    for (const { spec, scope, id } of parsed) {
      if (id !== undefined) {
        if (this.seenIds.has(id)) continue;
        this.seenIds.add(id);
      }
      this.inject(spec, scope);
    }
    return undefined;
  }
}

function parseCount(text: string | undefined, name: string, min: number, max: number): number | string {
  const n = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || n < min || n > max) return `x-fault: ${name} must be an integer in ${min}..${max}`;
  return n;
}

function parseClause(clause: string): { spec: FaultSpec; scope: FaultScope; id: string | undefined } | string {
  const [head = '', ...paramTexts] = clause.split(';').map((p) => p.trim());
  const params = new Map<string, string>();
  for (const p of paramTexts) {
    const eq = p.indexOf('=');
    if (eq <= 0) return `x-fault: bad parameter "${p}"`;
    params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim());
  }
  const known = new Set(['count', 'path', 'id', 'code', 'retry-after']);
  for (const name of params.keys()) if (!known.has(name)) return `x-fault: unknown parameter "${name}"`;
  const eq = head.indexOf('=');
  const kind = (eq < 0 ? head : head.slice(0, eq)).trim().toLowerCase();
  const value = eq < 0 ? undefined : head.slice(eq + 1).trim();

  let spec: FaultSpec;
  switch (kind) {
    case 'status': {
      const status = parseCount(value, 'status', 500, 599);
      if (typeof status === 'string') return status;
      const code = params.get('code');
      spec = code === undefined ? { kind: 'status', status } : { kind: 'status', status, code };
      break;
    }
    case 'html502':
      spec = { kind: 'html502' };
      break;
    case 'rate-limit': {
      const raw = params.get('retry-after') ?? '1';
      const seconds = raw === 'none' ? null : parseCount(raw, 'retry-after', 0, 86400);
      if (typeof seconds === 'string') return seconds;
      spec = { kind: 'rateLimit', retryAfterSeconds: seconds };
      break;
    }
    case 'delay': {
      const ms = parseCount(value, 'delay', 0, 600000);
      if (typeof ms === 'string') return ms;
      spec = { kind: 'delay', ms };
      break;
    }
    case 'reset':
      spec = { kind: 'resetBeforeHeaders' };
      break;
    case 'reset-mid-body':
      spec = { kind: 'resetMidBody' };
      break;
    case 'truncated-json':
      spec = { kind: 'truncatedJson' };
      break;
    case 'wrong-content-type':
      spec = { kind: 'wrongContentType' };
      break;
    case 'empty-body':
      spec = { kind: 'emptyBody' };
      break;
    case 'repeat-cursor':
      spec = { kind: 'repeatCursor' };
      break;
    default:
      return `x-fault: unknown fault "${kind}"`;
  }
  if (value !== undefined && !['status', 'delay'].includes(kind)) return `x-fault: ${kind} takes no value`;
  const count = params.has('count') ? parseCount(params.get('count'), 'count', 1, 1000000) : 1;
  if (typeof count === 'string') return count;
  const path = params.get('path');
  if (path !== undefined && !path.startsWith('/')) return 'x-fault: path must start with /';
  return { spec, scope: path === undefined ? { count } : { count, pathPrefix: path }, id: params.get('id') };
}
