/** README section. Logging and request/response hooks. */
import { opening } from '../calls.js';
import type { ApiIR } from '../../../ir/types.js';
import { list, quoted, ts } from '../markdown.js';

export function logging(ir: ApiIR): string[] {
  const env = ir.logEnvVar;
  const authHeaders = [...new Set(ir.auth.forms.flatMap(({ sends }) => ('header' in sends ? [sends.header] : [])))];
  return [
    '## Logging and hooks',
    '',
    `The client is silent by default. \`logLevel\` (\`'off'\`, \`'error'\`, \`'warn'\`, \`'info'\`, \`'debug'\`)${env ? ` or the \`${env}\` environment variable (e.g. \`${env}=debug\`)` : ''} turns logging on: \`debug\` logs every attempt, \`info\` every retry with its wait, \`warn\` when the client gives up. Lines go to \`console\` unless you pass a \`logger\` with \`error\`/\`warn\`/\`info\`/\`debug\` methods (pino, winston and console fit). The API key${authHeaders.length > 0 ? ` and the ${list(quoted(authHeaders))} header${authHeaders.length > 1 ? 's' : ''} are` : ' is'} masked in everything logged.`,
    '',
    '`hooks.onRequest` and `hooks.onResponse` run around every attempt, retries included (with masked headers, the attempt number, the status and the duration): a place for metrics and tracing. A hook that throws is logged and ignored.',
    '',
    ...ts(
      ...opening(
        ir,
        [],
        [],
        [
          `const client = new ${ir.clientClassName}({`,
          "  logLevel: 'info',",
          '  logger: console,',
          '  hooks: {',
          '    onResponse: ({ method, url, attempt, status, durationMs }) => {',
          '      console.log(`${method} ${url} attempt ${attempt}: ${status ?? "no response"} in ${durationMs} ms`);',
          '    },',
          '  },',
          '});',
        ].join('\n'),
      ),
    ),
  ];
}
