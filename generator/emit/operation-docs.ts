import type { OperationIR, ParameterIR } from '../ir/types.js';
import type { DocInput } from './ts.js';

/** Error classes the runtime throws per status, for `@throws` lines. */
const ERROR_CLASS: Record<string, string> = {
  '400': 'BadRequestError',
  '401': 'AuthenticationError',
  '403': 'PermissionDeniedError',
  '404': 'NotFoundError',
  '409': 'ConflictError',
  '422': 'UnprocessableEntityError',
  '429': 'RateLimitError',
};

export function errorClassFor(status: string): string {
  return ERROR_CLASS[status] ?? (/^5/.test(status) ? 'InternalServerError' : 'APIError');
}

/** `integer (int32), 1–100, default 50, one of "a" | "b", nullable` */
export function describeSchema(p: ParameterIR): string {
  const s = p.schema;
  const bits: string[] = [];
  if (s.type) bits.push(s.format ? `${s.type} (${s.format})` : s.type);
  if (s.minimum !== undefined && s.maximum !== undefined) bits.push(`${s.minimum}–${s.maximum}`);
  else if (s.minimum !== undefined) bits.push(`>= ${s.minimum}`);
  else if (s.maximum !== undefined) bits.push(`<= ${s.maximum}`);
  if (s.default !== undefined) bits.push(`default ${JSON.stringify(s.default)}`);
  if (s.enum) bits.push(`one of ${s.enum.map((v) => JSON.stringify(v)).join(' | ')}`);
  if (s.nullable) bits.push('nullable');
  return bits.join(', ');
}

function paramLine(p: ParameterIR, prefix = ''): readonly [string, string] {
  const facts = describeSchema(p);
  const text = [p.description, facts ? `(${facts})` : '', p.deprecated ? 'Deprecated.' : ''].filter(Boolean).join(' ');
  return ['param', `${prefix}${p.identifier} - ${text || p.name}`];
}

/** JSDoc for a standalone function (`withClient`) or a resource method. */
export function operationDoc(op: OperationIR, withClient: boolean): DocInput {
  const tags: (readonly [string, string] | readonly [string])[] = [];
  if (withClient) tags.push(['param', 'client - The client that sends the request (any instance of the generated client class).']);
  for (const p of op.pathParams) tags.push(paramLine(p));
  if (op.requestBody) tags.push(['param', `body - Request body (${op.requestBody.mediaType}).${op.requestBody.description ? ` ${op.requestBody.description}` : ''}`]);
  if (op.namedParams.length > 0) {
    tags.push(['param', `params - ${op.namedParams.map((p) => p.in).filter((v, i, a) => a.indexOf(v) === i).join(' and ')} parameters.`]);
    for (const p of op.namedParams) {
      const line = paramLine(p, 'params.');
      tags.push(['param', line[1].replace(/^params\.[^ ]+/, `params.${p.name}`)]);
    }
  }
  tags.push([
    'param',
    op.paging
      ? 'options - Per-request options (signal, timeout, maxRetries, headers) and walk caps (maxItems, maxPages).'
      : 'options - Per-request options (signal, timeout, maxRetries, headers).',
  ]);
  if (op.paging) {
    tags.push([
      'returns',
      `A page promise: \`await\` it for the first page, or \`for await\` over it for every item across pages (cursor: \`${op.paging.cursorParam}\`).`,
    ]);
  }
  const seen = new Set<string>();
  for (const e of op.errors) {
    const cls = errorClassFor(e.status);
    if (e.status === 'default' || seen.has(e.status)) continue;
    seen.add(e.status);
    tags.push(['throws', `{@link ${cls}} ${e.status}${e.description ? `: ${e.description}` : ''}`]);
  }
  if (op.deprecated) tags.push(['deprecated', 'This operation is deprecated by the API.']);
  tags.push(['see', `${op.method.toUpperCase()} ${op.path}`]);
  return { summary: op.summary, description: op.description, tags };
}
