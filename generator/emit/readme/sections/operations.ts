/**
 * README section. Every operation as a table row, and one example block per resource; or, when
 * that would not fit in `budget` bytes of UTF-8, every resource as a row with one example each.
 */
import { acceptedCredentials } from '../../../ir/security.js';
import type { ApiIR } from '../../../ir/types.js';
import { alternatives, callOf, opening, operationExample, operationsInOrder } from '../calls.js';
import { PRETTIER_IGNORE } from '../../../format/markdown.js';
import { code, mdCell, ts } from '../markdown.js';

/**
 * At most this many bytes (UTF-8) of operation rows and examples (decision 166). GitHub
 * renders no README past 512 KB and the rest of the README is a few KB, so a larger API (GitHub's
 * own, 1,100 operations: 700 KB; MS Graph, 11,422: 9.8 MB) lists its resources instead, and its
 * operations are read where they are documented: on each method, in the editor.
 */
export const OPERATIONS_BUDGET = 400_000;

export function operations(ir: ApiIR, budget = OPERATIONS_BUDGET): string[] {
  const all = operationsInOrder(ir);
  const lines = ['## Operations', ''];
  if (all.length === 0) return [...lines, 'The spec defines no operations.', ''];
  const example = all[0]!;
  const exampleCall = callOf(example.resource, example.op);
  lines.push(
    `Every operation is a method on a resource of the client and also a standalone function that takes the client first, so bundlers can drop the ones you do not use: \`${exampleCall.expression}\` is \`${exampleCall.functionExpression}\`. Each takes its path parameters in path order, then ${all.some(({ op }) => op.requestBody) ? 'the request body (if any), then ' : ''}an object of query${all.some(({ op }) => op.namedParams.some((p) => p.in === 'header')) ? ' and header' : ''} parameters (if any), then per-request options. A program that calls only functions can build its client as \`new ${ir.clientClassName}Base()\` (same options, no resource properties), so its bundle carries no resource class either.`,
    '',
  );
  const rows = all.map(({ resource, op }) => {
    // "key optional" only where another operation needs one: otherwise the whole API is keyless.
    const accepts = acceptedCredentials(ir, op);
    const takes = accepts !== undefined && accepts.length > 0 ? `takes ${alternatives(accepts)}` : '';
    const optional = op.keyless ? 'no auth' : op.requiresAuth || ir.auth.keyOptional ? '' : 'key optional';
    const auth = [takes, optional].filter(Boolean).join(', ');
    const notes = [op.paging ? 'paginated' : '', op.deprecated ? '**deprecated**' : '', auth].filter(Boolean).join(', ');
    return `| \`client.${resource.property}.${op.resourceMethod}()\` | \`${op.functionName}()\` | ${code(`${op.method.toUpperCase()} ${op.path}`, true)} | ${mdCell(op.summary ?? '')} | ${notes} |`;
  });
  // Bytes, not characters: GitHub's limit is on the file's size, and a summary in CJK is 3 bytes a character.
  const size = (list: string[]): number => list.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0);
  const full = size(rows) <= budget ? everyOperation(ir, rows) : undefined;
  if (full !== undefined && size(full) <= budget) return [...lines, ...full];
  return [...lines, ...byResource(ir, all.length)];
}

/** The operations table and each resource's block of every operation's call. */
function everyOperation(ir: ApiIR, rows: string[]): string[] {
  const lines = [PRETTIER_IGNORE, '| method | function | HTTP | summary | notes |', '| --- | --- | --- | --- | --- |', ...rows, ''];
  for (const resource of ir.resources) {
    const examples = resource.operations.map((op) => operationExample(resource, op));
    const declarations = [...new Set(examples.flatMap((e) => e.declarations))];
    lines.push(`### \`client.${resource.property}\``, '');
    // Two operations of one resource may need `params` (or `body`) of different types: then one block each.
    if (declarations.length !== new Set(declarations.map((d) => d.split(':')[0])).size) {
      for (const e of examples) lines.push(...ts(...opening(ir, [], e.types), ...e.declarations, '', ...e.lines));
      continue;
    }
    const body = examples.flatMap((e, i) => [...e.lines, ...(i < examples.length - 1 ? [''] : [])]);
    lines.push(...ts(...opening(ir, [], examples.flatMap((e) => e.types)), ...declarations, '', ...body));
  }
  return lines;
}

/**
 * Too many operations to list: each resource with its count and module, and one example call
 * (its first operation). The operations themselves are documented on their methods (hover,
 * completion) and the modules are where a reader searches for one.
 */
function byResource(ir: ApiIR, count: number): string[] {
  const lines = [
    `This API has ${count.toLocaleString('en-US')} operations, more than a README can list and still be displayed (GitHub shows none past 512 KB). Each is documented on its method, which your editor shows as you type \`client.<resource>.\`; to find one by its route, search the modules for it (each function's documentation ends in \`@see METHOD /path\`). The resources:`,
    '',
    PRETTIER_IGNORE,
    '| resource | operations | module |',
    '| --- | --- | --- |',
    ...ir.resources.map((r) => `| \`client.${r.property}\` | ${r.operations.length} | \`src/resources/${r.fileName}.ts\` |`),
    '',
  ];
  for (const resource of ir.resources) {
    const first = resource.operations[0];
    if (first === undefined) continue;
    const e = operationExample(resource, first);
    lines.push(`### \`client.${resource.property}\``, '', ...ts(...opening(ir, [], e.types), ...e.declarations, ...(e.declarations.length > 0 ? [''] : []), ...e.lines));
  }
  return lines;
}
