/**
 * README section part. What each of the spec's security schemes asks of the reader beyond the
 * `authHeader` table: a token to fetch first (OAuth 2, OpenID Connect), or a credential the client
 * does not send from a key (HTTP Basic, a cookie, a form the config left out), with the option
 * that sends it. Schemes the table covers completely (a bearer token, a key in a header or the
 * query) need no words here.
 */
import type { ApiIR, AuthIR, SecuritySchemeIR } from '../../../ir/types.js';
import { code, tsString } from '../markdown.js';

type Sends = AuthIR['forms'][number]['sends'];

const sent = (h: Sends): string => ('header' in h ? code(`${h.header}: ${h.prefix}<key>`) : code(`?${h.query}=<key>`));

/** "pass it as `apiKey`" for the default form, else names the form to pick. */
function passIt(auth: AuthIR, form: string): string {
  const sends = auth.forms.find((f) => f.name === form)?.sends;
  const how = sends ? `, sent as ${sent(sends)}` : '';
  return form === auth.defaultForm ? `pass it as \`apiKey\`${how}` : `pass it as \`apiKey\` with \`authHeader: ${tsString(form)}\`${how}`;
}

/** A token scheme: the client sends the token, it does not get one. */
function tokenNote(auth: AuthIR, s: SecuritySchemeIR, form: string): string {
  const flows = s.flows && s.flows.length > 0 ? `${s.flows.map((f) => code(f)).join(', ')} flow${s.flows.length > 1 ? 's' : ''}` : '';
  const where = s.tokenUrl ? `tokens from ${code(s.tokenUrl)}` : '';
  const detail = s.type === 'oauth2' ? [flows, where].filter(Boolean).join('; ') : s.openIdConnectUrl ? `discovery at ${code(s.openIdConnectUrl)}` : '';
  const kind = s.type === 'oauth2' ? 'OAuth 2.0' : 'OpenID Connect';
  return `**${s.name}** is ${kind}${detail ? ` (${detail})` : ''}: the client neither runs the flow nor refreshes tokens. Get an access token from the provider and ${passIt(auth, form)}.`;
}

/** A scheme no form sends: what it wants, and how to send it yourself. */
function uncoveredNote(s: SecuritySchemeIR): string {
  const name = s.paramName ?? '';
  const own = 'Send it yourself with the `headers` option, on the client or per call; headers you set win over the key the client adds.';
  if (s.type === 'http' && s.scheme === 'basic') {
    return `**${s.name}** is HTTP Basic authentication (a user name and password), which the client does not build from a key. ${own} For example \`headers: { authorization: 'Basic ' + btoa('user:password') }\`.`;
  }
  if (s.type === 'apiKey' && s.in === 'cookie' && name) {
    return `**${s.name}** takes the key in the ${code(name)} cookie, which the client does not set. ${own} For example \`headers: { cookie: ${tsString(`${name}=YOUR_API_KEY`)} }\`.`;
  }
  if (s.type === 'apiKey' && s.in === 'header' && name) return `**${s.name}** takes the key in the ${code(name)} header, which no \`authHeader\` form sends. ${own}`;
  if (s.type === 'apiKey' && s.in === 'query' && name) return `**${s.name}** takes the key in the ${code(name)} query parameter, which no \`authHeader\` form sends.`;
  if (s.type === 'mutualTLS') return `**${s.name}** is mutual TLS: pass a \`fetch\` that presents your client certificate.`;
  const what = s.type === 'http' && s.scheme ? `HTTP ${code(s.scheme)} authentication` : `of type ${code(s.type)}`;
  return `**${s.name}** is ${what}, which the client does not send from a key. ${own}`;
}

export function schemeNotes(ir: ApiIR): string[] {
  const notes = ir.auth.schemes.flatMap((s) => {
    if (s.form !== undefined) return s.type === 'oauth2' || s.type === 'openIdConnect' ? [tokenNote(ir.auth, s, s.form)] : [];
    return [uncoveredNote(s)];
  });
  if (notes.length === 0) return [];
  return [`What the spec's security scheme${notes.length > 1 ? 's ask' : ' asks'} for beyond the table above:`, '', ...notes.map((n) => `- ${n}`), ''];
}
