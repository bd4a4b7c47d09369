/** README section. How the client takes its key: where it comes from, the forms it travels in, what the spec says about it. */
import type { ApiIR, AuthIR } from '../../../ir/types.js';
import { literal } from '../../ts.js';
import { calls, opening, operationsInOrder } from '../calls.js';
import { blockquote, code, list, mdText, quoted, ts, tsString } from '../markdown.js';
import { schemeNotes } from './auth-schemes.js';
import { severalCredentials } from './credentials.js';

type Sends = AuthIR['forms'][number]['sends'];

export function authentication(ir: ApiIR): string[] {
  const c = ir.clientClassName;
  const { envVars, formatHint, pattern, forms, defaultForm: defaultName, schemes } = ir.auth;
  const other = forms.find(({ name }) => name !== defaultName);
  const defaultForm = forms.find(({ name }) => name === defaultName)?.sends;
  const sends = (h: Sends): string => ('header' in h ? code(`${h.header}: ${h.prefix}<key>`, true) : code(`?${h.query}=<key>`, true));
  const allHeaders = forms.every(({ sends: h }) => 'header' in h);
  const headerNames = [...new Set(forms.flatMap(({ sends: h }) => ('header' in h ? [h.header] : [])))];
  const lines = ['## Authentication', ''];
  const fromEnv =
    envVars.length > 0
      ? `\`new ${c}()\` reads the API key from ${list(quoted(envVars), 'or')}${envVars.length > 1 ? ' (the first non-empty one)' : ''}, unless you pass \`apiKey\`.`
      : 'Pass the API key as `apiKey`.';
  const optional = ir.auth.keyOptional;
  // With several credentials, `credentials` alone is enough to build a client.
  const several = ir.security !== undefined;
  const absent = several ? 'Neither `apiKey` nor `credentials`' : 'A missing key';
  const missing = optional ? 'A malformed key' : several ? 'A malformed key, or neither `apiKey` nor `credentials`,' : 'A missing or malformed key';
  const check =
    formatHint !== undefined || pattern !== undefined
      ? ` The key is checked before any request is sent; it must be ${formatHint !== undefined ? mdText(formatHint) : `a match of \`/${pattern}/\``}. ${missing} throws \`${ir.errorClassName}\` from the constructor, and no message ever contains the key.`
      : optional
        ? ''
        : ` ${absent} throws \`${ir.errorClassName}\` from the constructor.`;
  const withoutKey = optional ? ' No operation of this API requires a key, so the client can be built without one; it then sends no credentials.' : '';
  lines.push(`${fromEnv}${withoutKey}${check}`, '');
  // Without any scheme in the spec, the forms are the client's own defaults: say so first.
  const declared = schemes.length === 0 ? 'The spec declares no security scheme; should the API want a key anyway, it ' : 'The key ';
  lines.push(
    `${declared}can travel in ${forms.length === 1 ? `one ${allHeaders ? 'header ' : ''}form` : `${forms.length} ${allHeaders ? 'header ' : ''}forms`}, chosen with \`authHeader\`${defaultForm ? ` (default \`${tsString(defaultName)}\`, which sends ${sends(defaultForm)})` : ''}:`,
    '',
    `| \`authHeader\` | ${allHeaders ? 'header sent' : 'sent as'} | |`,
    '| --- | --- | --- |',
    ...forms.map(({ name, sends: h }) => `| ${code(tsString(name), true)} | ${sends(h)} | ${name === defaultName ? 'default' : ''} |`),
    '',
  );
  lines.push(
    ...ts(
      ...opening(ir, [], [], `const client = new ${c}({ apiKey: 'YOUR_API_KEY'${other ? `, authHeader: ${literal(other.name)}` : ''} });`),
    ),
  );
  const described = schemes.filter((s) => s.description !== undefined);
  if (described.length > 0) {
    lines.push(`Why the default: the spec's security scheme${described.length > 1 ? 's say' : ' says'}:`, '');
    for (const s of described) lines.push(...blockquote(`**${s.name}**: ${s.description!}`), '');
  }
  lines.push(...schemeNotes(ir));
  lines.push(...severalCredentials(ir));
  const open = operationsInOrder(ir).filter(({ op }) => op.keyless);
  if (open.length > 0) {
    lines.push(`${calls(open)} ${open.length === 1 ? 'sends' : 'send'} no credentials.${optional ? '' : noKeyOption(ir)}`, '');
  }
  const either = optional ? [] : operationsInOrder(ir).filter(({ op }) => !op.keyless && !op.requiresAuth);
  if (either.length > 0) {
    lines.push(`For ${calls(either)} the key is optional in the spec; the client sends it.`, '');
  }
  lines.push(
    `The client keeps the key in a private field: \`JSON.stringify(client)\`, \`console.log(client)\`, errors, log lines and hook data never show it${headerNames.length > 0 ? ` (${list(quoted(headerNames))} ${headerNames.length > 1 ? 'are' : 'is'} masked)` : ''}.${allHeaders ? '' : ' A key sent in the query string is part of the URL, so proxies and server logs along the way can record it; in this client\'s own logs and hooks it shows as `[redacted]`.'}`,
    '',
  );
  return lines;
}

/** The `apiKey: null` option: a client for the operations that need no key, refusing the others locally. */
export function noKeyOption(ir: ApiIR): string {
  const env = ir.auth.envVars;
  const ignores = env.length > 0 ? ` (${list(quoted(env), 'and')} ${env.length > 1 ? 'are' : 'is'} then ignored)` : '';
  return ` To call only such operations, without a key, build the client with \`apiKey: null\`${ignores}: an operation that needs a key then throws \`${ir.errorClassName}\` before anything is sent, saying where a key would come from.`;
}
