/** README section. The error classes the client throws, the known error codes and how to branch on them. */
import type { ApiIR } from '../../../ir/types.js';
import { literal } from '../../ts.js';
import { callOf, firstPlain, opening } from '../calls.js';
import { code, list, ts } from '../markdown.js';
import { errorTable } from './error-table.js';

/** Where `code`, `message` and `details` come from, as the spec's error schemas lay them out. */
export function errorBodySentence(ir: ApiIR): string {
  const layout = ir.errorBody;
  if (!layout) return 'An `APIError` reads `code`, `message` and `details` where JSON error bodies usually keep them (`message`, `error.message`, problem details). ';
  const fields = (['code', 'message', 'details'] as const).filter((f) => layout[f] !== undefined).map((f) => `\`${f}\` from \`${layout[f]!.join('.')}\``);
  return `An \`APIError\` takes ${list(fields)} of the error body, as the spec's error responses lay it out; other JSON error bodies (a gateway's \`{"message": …}\`, problem details) are read where such bodies usually keep them. `;
}

export function errors(ir: ApiIR): string[] {
  const base = ir.errorClassName;
  const pick = firstPlain(ir);
  const codes = ir.knownErrorCodes;
  const lines = [
    '## Errors',
    '',
    `Everything the client throws is a \`${base}\`. Errors from the server are \`APIError\`s with a subclass per status; failures without a response have their own classes. All are exported.`,
    '',
    ...errorTable(ir),
    '',
    `${errorBodySentence(ir)}A non-JSON error body (an HTML page from a proxy) still becomes the right class, with the text in \`body\`.`,
    '',
  ];
  if (codes.length > 0) {
    lines.push(
      `Branch on \`error.code\`, the stable machine-readable code, not on \`message\`. Its type, \`ErrorCode\`, autocompletes the known codes below and still accepts any other string, because the server may add codes without a client release.`,
      '',
      '| `code` | typical status | class |',
      '| --- | --- | --- |',
      ...codes.map((k) => `| ${code(k.code, true)} | ${k.status ?? 'any'} | ${k.errorClass === undefined ? '' : `\`${k.errorClass}\``} |`),
      '',
    );
  } else {
    lines.push('`error.code` is the code string from the error body, when the server sends one; the spec documents none.', '');
  }
  if (pick) {
    const call = callOf(pick.resource, pick.op);
    const first = codes[0];
    lines.push(
      ...ts(
        ...opening(ir, [base, 'APIError', 'APIConnectionError', 'RateLimitError'], call.types),
        ...call.declarations,
        '',
        'try {',
        `  await ${call.expression};`,
        '} catch (error) {',
        '  if (error instanceof RateLimitError) {',
        "    console.log(`rate limited; the server asks for ${error.retryAfter ?? '?'} s`);",
        ...(first
          ? [`  } else if (error instanceof APIError && error.code === ${literal(first.code)}) {`, `    console.log('${first.code.replace(/'/g, '')}:', error.message, error.requestId);`]
          : []),
        '  } else if (error instanceof APIError) {',
        '    console.log(error.status, error.code, error.message, error.details, error.retries);',
        '  } else if (error instanceof APIConnectionError) {',
        "    console.log('network trouble after', error.retries, 'retries');",
        `  } else if (error instanceof ${base}) {`,
        "    console.log('client error:', error.message);",
        '  } else {',
        '    throw error;',
        '  }',
        '}',
      ),
    );
  }
  return lines;
}
