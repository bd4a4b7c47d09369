/**
 * Whether a failed call may be resent once it may have reached the server (docs/decisions.md,
 * decisions 91–94). HTTP says which methods are idempotent (RFC 9110 9.2.2: GET, HEAD, OPTIONS, TRACE,
 * PUT, DELETE); a spec can say otherwise per operation with `x-idempotent`, the config with
 * `operations.<id>.idempotent`. A call that is not idempotent becomes safe to resend when it
 * carries an idempotency key: in the header the operation declares (`Idempotency-Key`, any case,
 * optionally `X-`-prefixed), or else in the one the config names for the whole API
 * (`retries.idempotencyHeader`), the way Stripe's API takes one on every POST without declaring it.
 */
import { IDEMPOTENT_METHODS, type Idempotency } from '../../templates/runtime/idempotency.js';
import type { HttpMethod, IdempotencyIR, ParameterIR } from './types.js';

/** The runtime's own list, so the generator never emits what the runtime would assume anyway. */
const idempotentMethod = (method: HttpMethod): boolean => IDEMPOTENT_METHODS.includes(method.toUpperCase());

const KEY_HEADER = /^(?:x-)?idempotency-key$/i;

export interface IdempotencyInput {
  method: HttpMethod;
  /** The operation object: only `x-idempotent` is read. */
  rawOp: Readonly<Record<string, unknown>>;
  /** The operation's parameters (header ones are searched for a key header). */
  params: readonly ParameterIR[];
  /** `operations.<id>.idempotent` from the config. */
  configured?: boolean | undefined;
  /** `retries.idempotencyHeader` from the config. */
  configHeader?: string | undefined;
}

export function detectIdempotency(input: IdempotencyInput): IdempotencyIR {
  const declared = input.params.find((p) => p.in === 'header' && KEY_HEADER.test(p.name));
  // A key the spec declares is sent whatever the method: the API asked for it.
  if (declared) return { kind: 'key', header: declared.name, source: 'parameter' };
  const marked = input.rawOp['x-idempotent'];
  const [idempotent, source] =
    input.configured !== undefined
      ? [input.configured, 'config' as const]
      : typeof marked === 'boolean'
        ? [marked, 'spec' as const]
        : [idempotentMethod(input.method), 'method' as const];
  if (idempotent) return { kind: 'idempotent', source };
  if (input.configHeader !== undefined) return { kind: 'key', header: input.configHeader, source: 'config' };
  return { kind: 'unsafe', source };
}

/**
 * The RequestSpec's `idempotency`, or undefined when the runtime's default for the method (see
 * RFC 9110 above) already says it: GET clients stay as they were.
 */
export function requestIdempotency(method: HttpMethod, idempotency: IdempotencyIR): Idempotency | undefined {
  if (idempotency.kind === 'key') return { keyHeader: idempotency.header };
  const byMethod = idempotentMethod(method);
  if (idempotency.kind === 'idempotent') return byMethod ? undefined : 'idempotent';
  return byMethod ? 'unsafe' : undefined;
}
