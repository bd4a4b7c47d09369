/** README section. `.withResponse()`, envelopes and file downloads. */
import type { ApiIR } from '../../../ir/types.js';
import { callOf, calls, firstPaged, firstPlain, opening, operationsInOrder } from '../calls.js';
import { list, quoted, ts } from '../markdown.js';

export function rawResponses(ir: ApiIR): string[] {
  const pick = firstPlain(ir);
  const paged = firstPaged(ir);
  const surfaced = ir.responseFields;
  const ids = ir.requestIdHeaders;
  const names = surfaced.map((f) => f.name);
  const fields = ['data', 'response', ...names, 'requestId'];
  const described = surfaced.map((f) => `, \`${f.name}\` (the \`${f.header}\` response header${f.type === 'string' ? '' : ', as a number'})`).join('');
  const absent = names.length === 1 ? `\`${names[0]}\` is absent when the server did not send the header` : 'each header field is absent when the server did not send its header';
  const lines = [
    '## Raw responses',
    '',
    `Every call returns an \`APIPromise\`: \`await\` it for the data, or call \`.withResponse()\` for the data together with the raw \`Response\` (status, headers; its body is already read)${described} and \`requestId\` (${ids.length > 0 ? `the ${list(quoted(ids), 'or')} header` : 'undefined: no request-id header is configured'}). ${names.length > 0 ? `Errors from the server carry ${list(quoted([...names, 'requestId']), 'and')} too; ${absent}.` : 'Errors from the server carry `requestId` too.'}`,
    '',
  ];
  const wrapped = operationsInOrder(ir).filter(({ op }) => op.success?.envelope !== undefined);
  if (wrapped.length > 0) {
    const property = wrapped[0]!.op.success!.envelope!;
    lines.push(
      `The API wraps single objects in an envelope (\`{ "${property}": … }\`): ${calls(wrapped)} resolve${wrapped.length === 1 ? 's' : ''} to the object inside it (${wrapped.length === 1 ? 'it returns' : 'they return'} an \`EnvelopePromise\`, used like an \`APIPromise\`), while \`.withResponse()\` gives the body as the server sent it, envelope included (\`data.${property}\`).`,
      '',
    );
  }
  if (pick) {
    const call = callOf(pick.resource, pick.op);
    const pagedCall = paged ? callOf(paged.resource, paged.op) : undefined;
    const pagedDeclarations = pagedCall ? pagedCall.declarations.filter((d) => !call.declarations.includes(d)) : [];
    const clash = pagedDeclarations.some((d) => call.declarations.some((c) => c.split(':')[0] === d.split(':')[0]));
    lines.push(
      ...ts(
        ...opening(ir, [], [...call.types, ...(pagedCall && !clash ? pagedCall.types : [])]),
        ...call.declarations,
        ...(clash ? [] : pagedDeclarations),
        '',
        `const { ${fields.join(', ')} } = await ${call.expression}.withResponse();`,
        `console.log(response.status, response.headers.get('content-type'), ${names.map((n) => `${n}, `).join('')}requestId, data);`,
        ...(pagedCall && !clash
          ? ['', `// Pages too: the first page with its response, and \`page.response\` on every page`, `const first = await ${pagedCall.expression}.withResponse();`, `console.log(first.data.data.length, first.data.response.status${names.map((n) => `, first.${n}`).join('')});`]
          : []),
      ),
    );
  }
  const files = operationsInOrder(ir).filter(({ op }) => op.success?.isBinary);
  if (files.length > 0) {
    lines.push(
      `${calls(files)} ${files.length === 1 ? 'answers' : 'answer'} with a file: the data is a \`Blob\` holding the bytes exactly as sent (\`blob.type\` is the Content-Type; \`await blob.arrayBuffer()\` or \`blob.stream()\` reads it). A download the API hands out from another host (a redirect to storage or a CDN, over https) is followed without any credential; other calls follow redirects only on the API's own host.`,
      '',
    );
    const redirected = files.filter(({ op }) => op.success?.viaRedirect);
    if (redirected.length > 0) {
      lines.push(`The spec gives ${calls(redirected)} no success response, only a redirect: the client follows it and the data is the file at its target.`, '');
    }
  }
  return lines;
}
