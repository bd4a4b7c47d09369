/** README section. Retries, timeouts, deadlines and which calls a retry may repeat. */
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../../../../templates/runtime/config.js';
import { idempotencyKeyPrefix } from '../../../../templates/runtime/idempotency.js';
import { INITIAL_RETRY_DELAY_MS, MAX_RETRY_AFTER_MS, MAX_RETRY_DELAY_MS } from '../../../../templates/runtime/retry.js';
import type { ApiIR } from '../../../ir/types.js';
import { callOf, firstPlain, opening, operationsInOrder } from '../calls.js';
import { list, quoted, ts } from '../markdown.js';

/**
 * Which calls a retry may repeat once the server may have them, from each operation's
 * `idempotency` (ir/idempotency.ts): nothing to say when every call is idempotent.
 */
export function resendRule(ir: ApiIR): string[] {
  const calls = operationsInOrder(ir).filter(({ op }) => op.method !== 'trace');
  const named = (items: typeof calls): string => {
    const shown = items.slice(0, 3).map(({ resource, op }) => `\`client.${resource.property}.${op.resourceMethod}()\``);
    return items.length > 3 ? `${shown.join(', ')} and ${items.length - 3} more` : list(shown);
  };
  const unsafe = calls.filter(({ op }) => op.idempotency.kind === 'unsafe');
  const keyed = calls.filter(({ op }) => op.idempotency.kind === 'key');
  const lines: string[] = [];
  if (unsafe.length + keyed.length > 0) {
    lines.push(
      'Retries do not repeat a call that may already have run on the server. Calls that are idempotent (GET, HEAD, OPTIONS, PUT and DELETE, unless the spec says otherwise) are retried as above; the others are resent only when that is harmless.',
      '',
    );
  }
  if (unsafe.length > 0) {
    const are = unsafe.length === 1 ? 'is' : 'are';
    lines.push(
      `${named(unsafe)} ${are} not idempotent and take${unsafe.length === 1 ? 's' : ''} no idempotency key, so once a request may have reached the server it is not sent again: after a timeout, a dropped connection or a 5xx the call fails at once, and only you know whether to repeat it. ${unsafe.length === 1 ? 'It is' : 'They are'} still retried when the connection was never made (refused, unknown host, connect timeout) and on a 429 that carries \`Retry-After\` (a rate limiter turned the request away before it was handled).`,
      '',
    );
  }
  if (keyed.length > 0) {
    const headers = [...new Set(keyed.map(({ op }) => (op.idempotency.kind === 'key' ? op.idempotency.header : '')))];
    lines.push(
      `${named(keyed)} send${keyed.length === 1 ? 's' : ''} an idempotency key in the ${list(quoted(headers))} header${headers.length === 1 ? '' : 's'}: a new random one per call (\`${idempotencyKeyPrefix(ir.packageName)}<uuid>\`), the same on every retry, so the server runs the call once however often it arrives, and ${keyed.length === 1 ? 'it is' : 'they are'} retried like any other call. Pass your own key with the \`idempotencyKey\` request option (or the header itself) to make your own later retries of the call safe as well.`,
      '',
    );
  }
  return lines;
}

export function retries(ir: ApiIR): string[] {
  const pick = firstPlain(ir);
  const s = (ms: number): string => `${ms / 1000} s`;
  const lines = [
    '## Retries, timeouts and deadlines',
    '',
    `Failed attempts are retried ${DEFAULT_MAX_RETRIES} times by default (\`maxRetries\`) when retrying can help: connection errors, timeouts, 408, 409, 429 and 5xx. Other 4xx responses, invalid responses and aborts are final. The wait is exponential backoff from ${s(INITIAL_RETRY_DELAY_MS)}, doubling to at most ${s(MAX_RETRY_DELAY_MS)}, with jitter; a \`retry-after-ms\` or \`Retry-After\` header (seconds or an HTTP date) is honoured when it asks for 0–${s(MAX_RETRY_AFTER_MS)}. \`error.retries\` tells how many retries were made.`,
    '',
    `- \`timeout\`: per attempt, in ms (default ${DEFAULT_TIMEOUT_MS}); it covers the headers and the body.`,
    '- `deadline`: a budget in ms across all attempts and backoff waits (default: none). When the next wait would pass it, the client gives up with the last error; an attempt cut short by it is an `APITimeoutError`.',
    '- `signal`: an `AbortSignal`, honoured during attempts and waits; it ends the call with `APIUserAbortError`.',
    `- \`maxResponseBytes\`: the largest response body read, in bytes (default ${DEFAULT_MAX_RESPONSE_BYTES}, i.e. ${DEFAULT_MAX_RESPONSE_BYTES / 1_000_000} MB; \`Infinity\` for no cap). Bytes are counted as they arrive, and a body that goes past it (or whose Content-Length says it will) is cancelled and ends the call with a \`ResponseTooLargeError\`, which is not retried. Error bodies and downloads count too.`,
    '',
    'Set them on the client, and override `maxRetries`, `timeout`, `deadline`, `maxResponseBytes`, `signal` and `headers` per request in the last argument.',
    '',
  ];
  lines.push(...resendRule(ir));
  if (pick) {
    const call = callOf(pick.resource, pick.op, [], "{ signal: controller.signal, timeout: 5_000, maxRetries: 0, headers: { 'x-trace-id': 'abc' } }");
    lines.push(
      ...ts(
        ...opening(ir, [], call.types, `const client = new ${ir.clientClassName}({ maxRetries: 4, timeout: 10_000, deadline: 30_000 });`),
        ...call.declarations,
        '',
        'const controller = new AbortController();',
        'setTimeout(() => controller.abort(), 2_000);',
        `await ${call.expression};`,
      ),
    );
  }
  return lines;
}
