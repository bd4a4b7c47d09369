import type { OperationIR, ParameterIR } from '../ir/types.js';
import { oneLine, type DocInput } from './ts.js';

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

/** A parameter's description, schema facts and deprecation: `Page size. (integer, 1–100, default 50)` */
function paramText(p: ParameterIR): string {
  const facts = describeSchema(p);
  return [p.description, facts ? `(${facts})` : '', p.deprecated ? 'Deprecated.' : ''].filter(Boolean).join(' ') || p.name;
}

function paramLine(p: ParameterIR): readonly [string, string] {
  return ['param', `${p.identifier} - ${paramText(p)}`];
}

/**
 * JSDoc for the standalone (tree-shakable) function: the summary, deprecation and route, and a
 * link to the resource method, which carries the full text (description, every parameter, errors,
 * paging). Printing that text twice made it most of a resource module (GitHub: 3.2 of 4.7 MB);
 * the method is the call style the README and examples use, and the one openai-node and stripe
 * document, so it keeps the text and the function points to it. No `@param client` and no
 * sentence on what the link holds: both were the same ~130 bytes on every operation (1.5 MB of
 * MS Graph's output) and the signature already says `client: ApiClient`.
 */
export function standaloneDoc(op: OperationIR, resource: { className: string; property: string }): DocInput {
  const tags: (readonly [string, string] | readonly [string])[] = [];
  if (op.deprecated) tags.push(['deprecated', 'This operation is deprecated by the API.']);
  tags.push(['see', `${op.method.toUpperCase()} ${op.path}`]);
  const method = `${resource.className}.${op.resourceMethod}`;
  const call = `client.${resource.property}.${op.resourceMethod}()`;
  return { summary: op.summary, description: `Tree-shakable form of {@link ${method} | \`${call}\`}.`, tags };
}

/** JSDoc for a resource method (`withClient` false), or the whole text on a function (`withClient`). */
export function operationDoc(op: OperationIR, withClient: boolean): DocInput {
  const tags: (readonly [string, string] | readonly [string])[] = [];
  if (withClient) tags.push(['param', 'client - The client that sends the request (any instance of the generated client class).']);
  for (const p of op.pathParams) tags.push(paramLine(p));
  if (op.requestBody) tags.push(['param', `body - Request body (${op.requestBody.mediaType}).${op.requestBody.description ? ` ${op.requestBody.description}` : ''}`]);
  if (op.namedParams.length > 0) {
    // One list under `params`, not `@param params.name` tags: TypeDoc renders those only for
    // inline object types (it dropped them all, with a warning each), editors render the list too.
    const kinds = op.namedParams.map((p) => p.in).filter((v, i, a) => a.indexOf(v) === i).join(' and ');
    const items = op.namedParams.map((p) => `- \`${p.name}\`: ${oneLine(paramText(p))}`);
    tags.push(['param', `params - ${kinds} parameters:\n${items.join('\n')}`]);
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
      `A page promise: \`await\` it for the first page, or \`for await\` over it for every item across pages (${positionNote(op.paging)}).`,
    ]);
  }
  const seen = new Set<string>();
  for (const e of op.errors) {
    // Decided with the error-class table (ir/error-classes.ts) when the IR was built.
    const cls = e.errorClass ?? 'APIError';
    if (e.status === 'default' || seen.has(e.status)) continue;
    seen.add(e.status);
    tags.push(['throws', `{@link ${cls}} ${e.status}${e.description ? `: ${e.description}` : ''}`]);
  }
  if (op.deprecated) tags.push(['deprecated', 'This operation is deprecated by the API.']);
  tags.push(['see', `${op.method.toUpperCase()} ${op.path}`]);
  return { summary: op.summary, description: op.description, tags };
}

/** Where a paginated operation's position travels, for its JSDoc: `cursor: \`cursor\``, `Link headers`. */
function positionNote(paging: NonNullable<OperationIR['paging']>): string {
  const label = { cursor: 'cursor', offset: 'offset', page: 'page number', link: 'Link headers' }[paging.style];
  return paging.positionParam === undefined ? label : `${label}: \`${paging.positionParam}\``;
}
