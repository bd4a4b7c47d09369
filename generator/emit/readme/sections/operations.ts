/** README section. Every operation as a table row, and one example block per resource. */
import { acceptedCredentials } from '../../../ir/security.js';
import type { ApiIR } from '../../../ir/types.js';
import { alternatives, callOf, opening, operationExample, operationsInOrder } from '../calls.js';
import { PRETTIER_IGNORE } from '../../../format/markdown.js';
import { code, mdCell, ts } from '../markdown.js';

export function operations(ir: ApiIR): string[] {
  const all = operationsInOrder(ir);
  const lines = ['## Operations', ''];
  if (all.length === 0) return [...lines, 'The spec defines no operations.', ''];
  const example = all[0]!;
  const exampleCall = callOf(example.resource, example.op);
  lines.push(
    `Every operation is a method on a resource of the client and also a standalone function that takes the client first, so bundlers can drop the ones you do not use: \`${exampleCall.expression}\` is \`${exampleCall.functionExpression}\`. Each takes its path parameters in path order, then ${all.some(({ op }) => op.requestBody) ? 'the request body (if any), then ' : ''}an object of query${all.some(({ op }) => op.namedParams.some((p) => p.in === 'header')) ? ' and header' : ''} parameters (if any), then per-request options. A program that calls only functions can build its client as \`new ${ir.clientClassName}Base()\` (same options, no resource properties), so its bundle carries no resource class either.`,
    '',
    PRETTIER_IGNORE,
    '| method | function | HTTP | summary | notes |',
    '| --- | --- | --- | --- | --- |',
    ...all.map(({ resource, op }) => {
      // "key optional" only where another operation needs one: otherwise the whole API is keyless.
      const accepts = acceptedCredentials(ir, op);
      const takes = accepts !== undefined && accepts.length > 0 ? `takes ${alternatives(accepts)}` : '';
      const optional = op.keyless ? 'no auth' : op.requiresAuth || ir.auth.keyOptional ? '' : 'key optional';
      const auth = [takes, optional].filter(Boolean).join(', ');
      const notes = [op.paging ? 'paginated' : '', op.deprecated ? '**deprecated**' : '', auth].filter(Boolean).join(', ');
      return `| \`client.${resource.property}.${op.resourceMethod}()\` | \`${op.functionName}()\` | ${code(`${op.method.toUpperCase()} ${op.path}`, true)} | ${mdCell(op.summary ?? '')} | ${notes} |`;
    }),
    '',
  );
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
