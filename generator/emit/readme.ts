/**
 * The generated package's README, printed from the IR and the config so it cannot drift from the
 * code. Nothing here names a particular API: every name, header, region, code and example call
 * comes from the input, and every ```ts block is type-checked against the generated package by
 * test/docs/readme-examples.test.ts (for the pinned spec and for a foreign one).
 */
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../../templates/runtime/config.js';
import { idempotencyKeyPrefix } from '../../templates/runtime/idempotency.js';
import { INITIAL_RETRY_DELAY_MS, MAX_RETRY_AFTER_MS, MAX_RETRY_DELAY_MS } from '../../templates/runtime/retry.js';
import type { AuthHeader } from '../auth-from-spec.js';
import type { CodegenConfig } from '../config.js';
import type { ApiIR, OperationIR, PagingIR, ParameterIR, ResourceIR } from '../ir/types.js';
import { screamingSnake } from '../ir/naming.js';
import { acceptedCredentials } from '../ir/security.js';
import { errorClassFor } from './operation-docs.js';
import { operationNames } from './operation.js';
import { keyOptional } from './settings.js';
import { literal, literalKey } from './ts.js';

export interface ReadmeInput {
  ir: ApiIR;
  config: CodegenConfig;
  /** The bundled spec; only the security schemes' descriptions are read (for the auth section). */
  document: Record<string, unknown>;
  header: string;
}

/**
 * `<` outside code spans becomes `&lt;`, so spec text cannot open raw HTML; code spans stay verbatim.
 * Line ends become `\n`. Runs of spaces between words collapse to one, as prettier prints prose
 * (the README's Markdown is finished by format/markdown.ts, not re-parsed by prettier), except on
 * indented-code lines and inside fences, where spaces are content.
 */
function escapeHtml(text: string): string {
  let inFence = false;
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const fence = /^\s*(`{3,}|~{3,})/.test(line);
      if (fence) inFence = !inFence;
      const verbatim = fence || inFence || /^( {4}|\t)/.test(line);
      return line
        .split(/(`+[^`]*?`+)/)
        .map((part, i) => {
          if (i % 2 === 1) return part; // a code span
          const escaped = part.replace(/</g, '&lt;');
          return verbatim ? escaped : escaped.replace(/(?<=\S) {2,}(?=\S)/g, ' ');
        })
        .join('');
    })
    .join('\n');
}

/** Keeps spec text inside one table cell. */
function mdCell(text: string): string {
  // A backslash right before a pipe is escaped first, so the pipe's own escape cannot be undone.
  return escapeHtml(text.replace(/[\r\n]+/g, ' ')).replace(/\\(?=\|)/g, '\\\\').replace(/\|/g, '\\|').trim();
}

/** Spec text as markdown prose (no raw HTML from the spec). */
function mdText(text: string): string {
  return escapeHtml(text).trim();
}

/** A code span around any text, in or out of a table. */
function code(text: string, inTable = false): string {
  const body = inTable ? text.replace(/\|/g, '\\|') : text;
  return body.includes('`') ? `\`\` ${body} \`\`` : `\`${body}\``;
}

/** A string as TypeScript source in prose: `'us'` (single quotes, as prettier prints the examples). */
const tsString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Spec text as the body of a `//` comment in an example: one line (U+2028/2029 end a line in
 * TypeScript too, so they could turn the rest into code a reader copies), and no HTML tags even
 * for renderers that mishandle code blocks (angle brackets become look-alike quotes).
 */
function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/</g, '\u2039').replace(/>/g, '\u203a').trim();
}

const ts = (...lines: string[]): string[] => ['```ts', ...lines, '```', ''];
const isIdentifier = (name: string): boolean => /^[A-Za-z_$][\w$]*$/.test(name);
// `__proto__` written plainly in an object literal sets the prototype: literalKey computes it.
const propertyKey = (name: string): string => (isIdentifier(name) && name !== '__proto__' ? name : literalKey(name));
const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
const screaming = (name: string): string => screamingSnake(name) || 'VALUE';
const scalarLiteral = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) ? literal(value) : undefined;
const list = (items: string[], last = 'and'): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
const quoted = (items: string[]): string[] => items.map((i) => `\`${i}\``);

/** A value of a path parameter's declared type (`string` or `number`), readable as a placeholder. */
function pathValue(p: ParameterIR): string {
  if (p.schema.type === 'integer' || p.schema.type === 'number') return String(p.schema.minimum ?? 1);
  return scalarLiteral(typeof p.schema.default === 'string' ? p.schema.default : undefined) ?? literal(screaming(p.identifier));
}

/** A value that type-checks for a required named parameter, or undefined when the summary cannot promise one. */
function namedValue(p: ParameterIR): string | undefined {
  const s = p.schema;
  if (s.isArray) return undefined;
  // An enum's values are its type (openapi-typescript types it by them); a default counts only
  // where it has the declared type (`default: "1"` on an integer would not compile).
  const typed = (value: unknown): boolean =>
    s.type === undefined ||
    (s.type === 'string' && typeof value === 'string') ||
    ((s.type === 'integer' || s.type === 'number') && typeof value === 'number') ||
    (s.type === 'boolean' && typeof value === 'boolean');
  if (s.enum && s.enum.length > 0) return scalarLiteral(s.enum[0]);
  if (s.default !== undefined && typed(s.default)) return scalarLiteral(s.default);
  switch (s.type) {
    case 'string':
      if (s.format === 'date-time') return literal('2026-01-01T00:00:00Z');
      if (s.format === 'date') return literal('2026-01-01');
      return literal(screaming(p.name));
    case 'integer':
    case 'number':
      return String(s.minimum ?? (s.maximum !== undefined && s.maximum < 1 ? s.maximum : 1));
    case 'boolean':
      return 'true';
    default:
      return undefined;
  }
}

/**
 * Members TypeScript finds on every object type (its `Object` interface): an optional parameter
 * named like one is still checked against an object literal's inherited `constructor: Function`,
 * so an example that leaves it out would not compile. The example gives it a value.
 */
const OBJECT_MEMBERS = new Set(['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);

interface Call {
  /** `declare const` lines for values the example cannot spell (a request body, exotic parameters). */
  declarations: string[];
  /** Type names the declarations use. */
  types: string[];
  /** `client.sessions.list(…)` */
  expression: string;
  /** The standalone-function form, `listSessions(client, …)`. */
  functionExpression: string;
}

/**
 * One call of an operation with every required argument filled in. `extra` adds entries to the
 * params object (e.g. a cursor); `options` appends a per-request options literal.
 */
function callOf(resource: ResourceIR, op: OperationIR, extra: [string, string][] = [], options?: string): Call {
  const names = operationNames(op);
  const declarations: string[] = [];
  const types: string[] = [];
  const args = op.pathParams.map(pathValue);
  if (names.body) {
    declarations.push(`declare const body: ${names.body};`);
    types.push(names.body);
    args.push('body');
  }
  if (names.params) {
    const required = op.namedParams.filter((p) => p.required || OBJECT_MEMBERS.has(p.name));
    const values = required.map((p) => [p.name, namedValue(p)] as const);
    let params: string | undefined;
    if (values.some(([, v]) => v === undefined)) {
      declarations.push(`declare const params: ${names.params};`);
      types.push(names.params);
      params = extra.length > 0 ? `{ ...params, ${extra.map(([k, v]) => `${propertyKey(k)}: ${v}`).join(', ')} }` : 'params';
    } else {
      const entries = [...values.map(([k, v]) => `${propertyKey(k)}: ${v!}`), ...extra.map(([k, v]) => `${propertyKey(k)}: ${v}`)];
      if (entries.length > 0) params = `{ ${entries.join(', ')} }`;
      else if (options !== undefined) params = '{}';
    }
    if (params !== undefined) args.push(params);
  }
  if (options !== undefined) args.push(options);
  return {
    declarations,
    types,
    expression: `client.${resource.property}.${op.resourceMethod}(${args.join(', ')})`,
    functionExpression: `${op.functionName}(${['client', ...args].join(', ')})`,
  };
}

/** The import line plus the client construction every example block starts with. */
function opening(ir: ApiIR, values: string[], types: string[], construct = `const client = new ${ir.clientClassName}();`): string[] {
  const typeNames = [...new Set(types)].sort();
  return [
    `import { ${[...new Set([ir.clientClassName, ...values])].join(', ')} } from ${literal(ir.packageName)};`,
    ...(typeNames.length > 0 ? [`import type { ${typeNames.join(', ')} } from ${literal(ir.packageName)};`] : []),
    '',
    construct,
  ];
}

function operationsInOrder(ir: ApiIR): { resource: ResourceIR; op: OperationIR }[] {
  return ir.resources.flatMap((resource) => resource.operations.map((op) => ({ resource, op })));
}

/** The example statement(s) of one operation inside its resource's block. */
function operationExample(resource: ResourceIR, op: OperationIR): { lines: string[]; types: string[]; declarations: string[] } {
  const names = operationNames(op);
  const call = callOf(resource, op);
  const comment = `// ${commentText(op.summary ?? `${op.method.toUpperCase()} ${op.path}`)}${op.deprecated ? ' (deprecated)' : ''}`;
  if (op.paging && names.item) {
    return {
      lines: [comment, `for await (const item of ${call.expression}) {`, `  console.log(item); // ${names.item}`, '}'],
      types: call.types,
      declarations: call.declarations,
    };
  }
  if (!op.success) return { lines: [comment, `await ${call.expression};`], types: call.types, declarations: call.declarations };
  // Typed with what the call resolves to: the named model (unwrapped from an envelope) where there is one.
  return {
    lines: [comment, `const ${lowerFirst(names.response)}: ${names.result} = await ${call.expression};`],
    types: [...call.types, op.success.model ?? names.response],
    declarations: call.declarations,
  };
}

function firstPaged(ir: ApiIR): { resource: ResourceIR; op: OperationIR } | undefined {
  return operationsInOrder(ir).find(({ op }) => op.paging);
}

/** A plain (non-paginated) operation with a body to read, for the response and retry examples. */
function firstPlain(ir: ApiIR): { resource: ResourceIR; op: OperationIR } | undefined {
  const all = operationsInOrder(ir);
  return (
    all.find(({ op }) => !op.paging && op.success && op.requiresAuth && op.pathParams.length === 0 && !op.requestBody) ??
    all.find(({ op }) => !op.paging && op.success) ??
    all[0]
  );
}

/** Descriptions of the spec's security schemes: the API's own words on how (and why) to send the key. */
function securityNotes(document: Record<string, unknown>): { name: string; description: string }[] {
  const components = document.components;
  if (typeof components !== 'object' || components === null) return [];
  const schemes = (components as Record<string, unknown>).securitySchemes;
  if (typeof schemes !== 'object' || schemes === null) return [];
  return Object.entries(schemes as Record<string, unknown>).flatMap(([name, scheme]) => {
    const description = typeof scheme === 'object' && scheme !== null ? (scheme as Record<string, unknown>).description : undefined;
    return typeof description === 'string' && description.trim() ? [{ name, description: description.trim() }] : [];
  });
}

function intro(ir: ApiIR): string[] {
  const toc = [
    'Install',
    'Quick start',
    ...(ir.description ? ['About the API'] : []),
    'Authentication',
    'Regions',
    'Operations',
    ...(firstPaged(ir) ? ['Pagination'] : []),
    'Errors',
    'Retries, timeouts and deadlines',
    'Raw responses',
    'Logging and hooks',
    'Types',
    'Browsers and other runtimes',
  ];
  const anchor = (title: string): string => title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
  return [
    `# ${ir.packageName}`,
    '',
    // The config's description, unless it is only the default one (said again just below).
    ...(ir.packageDescription !== `TypeScript client for ${ir.title}` ? [mdText(ir.packageDescription), ''] : []),
    `TypeScript client for **${mdCell(ir.title)}** ${mdCell(ir.specVersion)}, generated from its OpenAPI document. Zero runtime dependencies: it runs wherever \`fetch\` does (Node.js 18+, browsers, Deno, Bun, workers), as ESM or CommonJS, with types. Every function and type carries the spec's documentation in JSDoc, so your editor shows it.`,
    '',
    toc.map((t) => `[${t}](#${anchor(t)})`).join(' · '),
    '',
  ];
}

function install(ir: ApiIR): string[] {
  return ['## Install', '', '```sh', `npm install ${ir.packageName}`, '```', ''];
}

function quickStart(ir: ApiIR, config: CodegenConfig): string[] {
  const env = config.apiKey.envVars;
  const optional = keyOptional(ir) ? 'optional ' : '';
  const where = env.length > 0 ? `${optional}key from ${list(env, 'or')}` : keyOptional(ir) ? 'no key needed' : 'pass `apiKey`';
  const region = ir.servers.length > 1 ? `; region ${tsString(ir.servers[0]!.name)} by default` : '';
  const construct = ir.servers.length > 0 ? `const client = new ${ir.clientClassName}(); // ${where}${region}` : `const client = new ${ir.clientClassName}({ baseUrl: 'https://api.example.com' }); // ${where}`;
  const pick = firstPaged(ir) ?? firstPlain(ir);
  const body = pick ? operationExample(pick.resource, pick.op) : undefined;
  return [
    '## Quick start',
    '',
    ...ts(...opening(ir, [], body?.types ?? [], construct), ...(body ? [...body.declarations, '', ...body.lines] : [])),
  ];
}

function about(ir: ApiIR): string[] {
  if (!ir.description) return [];
  return ['## About the API', '', `From the ${mdCell(ir.title)} ${mdCell(ir.specVersion)} document:`, '', ...mdText(ir.description).split('\n').map((l) => (l ? `> ${l}` : '>')), ''];
}

function authentication(ir: ApiIR, config: CodegenConfig, document: Record<string, unknown>): string[] {
  const c = ir.clientClassName;
  const { envVars, formatHint, pattern } = config.apiKey;
  const forms = Object.entries(config.auth.headers);
  const other = forms.find(([name]) => name !== config.auth.default);
  const defaultForm = config.auth.headers[config.auth.default];
  const sends = (h: AuthHeader): string => ('header' in h ? code(`${h.header}: ${h.prefix}<key>`, true) : code(`?${h.query}=<key>`, true));
  const allHeaders = forms.every(([, h]) => 'header' in h);
  const headerNames = [...new Set(forms.flatMap(([, h]) => ('header' in h ? [h.header] : [])))];
  const lines = ['## Authentication', ''];
  const fromEnv =
    envVars.length > 0
      ? `\`new ${c}()\` reads the API key from ${list(quoted(envVars), 'or')}${envVars.length > 1 ? ' (the first non-empty one)' : ''}, unless you pass \`apiKey\`.`
      : 'Pass the API key as `apiKey`.';
  const optional = keyOptional(ir);
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
  lines.push(
    `The key can travel in ${forms.length === 1 ? `one ${allHeaders ? 'header ' : ''}form` : `${forms.length} ${allHeaders ? 'header ' : ''}forms`}, chosen with \`authHeader\`${defaultForm ? ` (default \`${tsString(config.auth.default)}\`, which sends ${sends(defaultForm)})` : ''}:`,
    '',
    `| \`authHeader\` | ${allHeaders ? 'header sent' : 'sent as'} | |`,
    '| --- | --- | --- |',
    ...forms.map(([name, h]) => `| ${code(tsString(name), true)} | ${sends(h)} | ${name === config.auth.default ? 'default' : ''} |`),
    '',
  );
  lines.push(
    ...ts(
      ...opening(ir, [], [], `const client = new ${c}({ apiKey: 'YOUR_API_KEY'${other ? `, authHeader: ${literal(other[0])}` : ''} });`),
    ),
  );
  const notes = securityNotes(document);
  if (notes.length > 0) {
    lines.push(`Why the default: the spec's security scheme${notes.length > 1 ? 's say' : ' says'}:`, '');
    for (const note of notes) lines.push(...mdText(`**${note.name}**: ${note.description}`).split('\n').map((l) => (l ? `> ${l}` : '>')), '');
  }
  lines.push(...severalCredentials(ir));
  const open = operationsInOrder(ir).filter(({ op }) => op.keyless);
  if (open.length > 0) {
    lines.push(`${calls(open)} ${open.length === 1 ? 'sends' : 'send'} no credentials.${optional ? '' : noKeyOption(ir, config)}`, '');
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
function noKeyOption(ir: ApiIR, config: CodegenConfig): string {
  const env = config.apiKey.envVars;
  const ignores = env.length > 0 ? ` (${list(quoted(env), 'and')} ${env.length > 1 ? 'are' : 'is'} then ignored)` : '';
  return ` To call only such operations, without a key, build the client with \`apiKey: null\`${ignores}: an operation that needs a key then throws \`${ir.errorClassName}\` before anything is sent, saying where a key would come from.`;
}

/** "`a` or `b` + `c`": alternatives of auth forms, `+` joining forms sent together. */
const alternatives = (accepts: string[][]): string =>
  list(accepts.map((names) => (names.length === 0 ? 'none' : names.map((n) => code(tsString(n), true)).join(' + '))), 'or');

/** The `credentials` option, for APIs whose operations take different keys (Petstore's OAuth and `api_key`). */
function severalCredentials(ir: ApiIR): string[] {
  const groups = new Map<string, { accepts: string[][]; ops: ReturnType<typeof operationsInOrder> }>();
  for (const entry of operationsInOrder(ir)) {
    const accepts = acceptedCredentials(ir, entry.op);
    if (accepts === undefined) continue;
    const id = JSON.stringify(accepts);
    const group = groups.get(id) ?? { accepts, ops: [] };
    group.ops.push(entry);
    groups.set(id, group);
  }
  if (groups.size === 0) return [];
  const named = [...new Set([...groups.values()].flatMap((g) => g.accepts.flat()))];
  const example = named.map((name) => `${propertyKey(name)}: 'YOUR_${screaming(name)}'`);
  const lines = [
    `Operations of this API take different credentials. Pass one per auth form in \`credentials\` (\`apiKey\` counts as the credential of its \`authHeader\` form); each call sends the first set its operation accepts, or \`apiKey\` itself where the operation accepts that form on its own. When an operation accepts none of those you gave, it gets nothing if it can be called without credentials, else \`apiKey\` (or, without one, your credential for the first form in the table above) anyway, and the server's answer says what is wrong.`,
    '',
    ...ts(...opening(ir, [], [], `const client = new ${ir.clientClassName}({ credentials: { ${example.join(', ')} } });`)),
  ];
  for (const group of groups.values()) {
    if (group.accepts.length === 0) continue;
    lines.push(`- ${alternatives(group.accepts)}: ${calls(group.ops)}`);
  }
  return [...lines, ''];
}

/** "`client.a.b()`, `client.c.d()` and …": how the README names a list of operations. */
function calls(ops: ReturnType<typeof operationsInOrder>): string {
  return list(ops.map(({ resource, op }) => `\`client.${resource.property}.${op.resourceMethod}()\``));
}

/** Where `code`, `message` and `details` come from, as the spec's error schemas lay them out. */
function errorBodySentence(ir: ApiIR): string {
  const layout = ir.errorBody;
  if (!layout) return 'An `APIError` reads `code`, `message` and `details` where JSON error bodies usually keep them (`message`, `error.message`, problem details). ';
  const fields = (['code', 'message', 'details'] as const).filter((f) => layout[f] !== undefined).map((f) => `\`${f}\` from \`${layout[f]!.join('.')}\``);
  return `An \`APIError\` takes ${list(fields)} of the error body, as the spec's error responses lay it out; other JSON error bodies (a gateway's \`{"message": …}\`, problem details) are read where such bodies usually keep them. `;
}

function regions(ir: ApiIR): string[] {
  const c = ir.clientClassName;
  const lines = ['## Regions', ''];
  if (ir.servers.length === 0) {
    lines.push(`The spec names no server the client can use: pass \`baseUrl\` to \`new ${c}()\`.`, '');
  } else {
    lines.push(
      `\`region\` picks one of the spec's servers (type \`${c}Region\`); the first is the default. \`baseUrl\` overrides it, for a proxy or a local test server (plain \`http://\` is refused except for \`localhost\`, \`127.0.0.0/8\` and \`::1\`, because the key travels with every request).`,
      '',
      '| `region` | base URL | |',
      '| --- | --- | --- |',
      ...ir.servers.map((s, i) => `| ${code(tsString(s.name), true)} | ${code(s.url, true)} | ${[i === 0 ? 'default' : '', s.description ? mdCell(s.description) : ''].filter(Boolean).join(', ')} |`),
      '',
    );
    const hostOf = ir.servers.find((s) => s.hostOf)?.hostOf;
    if (hostOf) {
      lines.push(`The regions are the values of ${code(`{${hostOf.variable}}`, true)} in the spec's URL template ${code(hostOf.template, true)}. For other values, pass the whole URL as \`baseUrl\`.`, '');
    }
    for (const s of ir.servers) {
      if (!s.template || !s.variables) continue;
      const values = s.variables.map((v) => {
        const others = (v.enum ?? []).filter((e) => e !== v.default);
        return `${code(v.name, true)} = ${code(v.default, true)}${others.length > 0 ? ` (or ${list(others.map((e) => code(e, true)), 'or')})` : ''}`;
      });
      lines.push(`${code(tsString(s.name), true)} is the spec's URL template ${code(s.template, true)} with its variables' defaults: ${list(values)}. For other values, pass the whole URL as \`baseUrl\`.`, '');
    }
  }
  const second = ir.servers[1];
  lines.push(
    ...ts(
      `import { ${c} } from ${literal(ir.packageName)};`,
      '',
      ...(second ? [`const inRegion = new ${c}({ region: ${literal(second.name)} });`] : []),
      `const local = new ${c}({ baseUrl: 'http://127.0.0.1:8787' });`,
      `const proxied = new ${c}({ baseUrl: 'https://gateway.example.com/api' });`,
    ),
  );
  return lines;
}

function operations(ir: ApiIR): string[] {
  const all = operationsInOrder(ir);
  const lines = ['## Operations', ''];
  if (all.length === 0) return [...lines, 'The spec defines no operations.', ''];
  const example = all[0]!;
  const exampleCall = callOf(example.resource, example.op);
  lines.push(
    `Every operation is a method on a resource of the client and also a standalone function that takes the client first, so bundlers can drop the ones you do not use: \`${exampleCall.expression}\` is \`${exampleCall.functionExpression}\`. Each takes its path parameters in path order, then ${all.some(({ op }) => op.requestBody) ? 'the request body (if any), then ' : ''}an object of query${all.some(({ op }) => op.namedParams.some((p) => p.in === 'header')) ? ' and header' : ''} parameters (if any), then per-request options. A program that calls only functions can build its client as \`new ${ir.clientClassName}Base()\` (same options, no resource properties), so its bundle carries no resource class either.`,
    '',
    '| method | function | HTTP | summary | notes |',
    '| --- | --- | --- | --- | --- |',
    ...all.map(({ resource, op }) => {
      // "key optional" only where another operation needs one: otherwise the whole API is keyless.
      const accepts = acceptedCredentials(ir, op);
      const takes = accepts !== undefined && accepts.length > 0 ? `takes ${alternatives(accepts)}` : '';
      const optional = op.keyless ? 'no auth' : op.requiresAuth || keyOptional(ir) ? '' : 'key optional';
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

/** How the README names each pagination style, its next position and what ends a walk. */
/** `position`: the page's own field that says where it is, logged in the first-page example. */
const PAGING_TEXT: Record<PagingIR['style'], { paginated: string; next: string; type: string; noun: string; position?: string }> = {
  cursor: { paginated: 'cursor-paginated', next: 'nextCursor', type: 'string', noun: 'cursor', position: 'pagination' },
  offset: { paginated: 'offset-paginated', next: 'nextOffset', type: 'number', noun: 'offset', position: 'offset' },
  page: { paginated: 'page-numbered', next: 'nextPageNumber', type: 'number', noun: 'page number', position: 'pageNumber' },
  link: { paginated: 'paginated by `Link` headers', next: 'nextUrl', type: 'string', noun: 'URL' },
};

const dotted = (path: readonly string[]): string => `\`${path.join('.')}\``;

/** How a style finds the next page, in one sentence. */
function pagingHow(paging: PagingIR): string {
  const param = `\`${paging.positionParam ?? ''}\``;
  switch (paging.style) {
    case 'cursor':
      return paging.itemCursorPath
        ? `the next page starts after the last item: its ${dotted(paging.itemCursorPath)} is sent as ${param}`
        : `each page names the next cursor in ${dotted(paging.nextCursorPath ?? [])}, sent back as ${param}`;
    case 'offset':
      return `the next page starts at this page's offset plus the items it held, sent as ${param}`;
    case 'page':
      return `the next page is this page's number plus one, sent as ${param} (the first page is ${paging.firstPage ?? 1})`;
    case 'link':
      return 'each response\'s `Link` header names the next page (`rel="next"`, RFC 8288), and the client follows that URL (only under its base URL)';
  }
}

/** What ends a walk in a style, besides an empty page. */
function pagingStops(paging: PagingIR): string[] {
  const stops = [...(paging.hasMorePath ? [`${dotted(paging.hasMorePath)} is \`false\``] : []), 'a page is empty'];
  if (paging.style === 'cursor' && paging.nextCursorPath) stops.push(`${dotted(paging.nextCursorPath)} is missing or empty`);
  if (paging.totalPagesPath) stops.push(`the page number reaches ${dotted(paging.totalPagesPath)}`);
  else if (paging.totalPath) stops.push(`the items seen reach ${dotted(paging.totalPath)}`);
  if (paging.style === 'link') stops.push('a response has no `rel="next"` link');
  return stops;
}

function pagination(ir: ApiIR): string[] {
  const pick = firstPaged(ir);
  if (!pick) return [];
  const { resource, op } = pick;
  const paging = op.paging!;
  const text = PAGING_TEXT[paging.style];
  const names = operationNames(op);
  const call = (extra: [string, string][] = [], options?: string): string => callOf(resource, op, extra, options).expression;
  const base = callOf(resource, op);
  const paged = operationsInOrder(ir).filter((o) => o.op.paging);
  // One clause per style the API uses: "`a()` and `b()` are cursor-paginated; `c()` is page-numbered".
  const byStyle = (Object.keys(PAGING_TEXT) as PagingIR['style'][]).flatMap((style) => {
    const ops = paged.filter((o) => o.op.paging!.style === style);
    if (ops.length === 0) return [];
    return [`${list(ops.map((o) => `\`client.${o.resource.property}.${o.op.resourceMethod}()\``))} ${ops.length === 1 ? 'is' : 'are'} ${PAGING_TEXT[style].paginated}`];
  });
  const cycles = paging.style === 'cursor' || paging.style === 'link' ? `; a ${text.noun} that leads back into the walk ends it with an \`InvalidResponseError\` instead of looping` : '';
  const firstPageLog = text.position === undefined ? '' : `page.${text.position}, `;
  const resume =
    paging.style === 'link'
      ? `To resume later (another process, after a crash), save \`page.nextUrl\` after you have handled a page, and pass it back as the \`pageUrl\` option of the same call: the walk continues from that page.`
      : `To resume later (another process, after a crash), save \`page.${text.next}\` after you have handled a page, and pass it back as \`${paging.positionParam}\` with the same other parameters: the walk continues from that page.${paging.style === 'cursor' ? ' Treat cursors as opaque strings.' : ''}`;
  const resumeCall = paging.style === 'link' ? call([], '{ pageUrl: checkpoint }') : call([[paging.positionParam!, 'checkpoint']]);
  return [
    '## Pagination',
    '',
    `${byStyle.join('; ')}${byStyle.length === 1 ? `: ${pagingHow(paging)}` : ''}. A list call returns a \`PagePromise\`: \`await\` it for the first page, \`for await\` it for every item across pages, or call \`.pages()\` to walk page by page. Walks are lazy and keep one page in memory, however long the list. A walk stops when ${list(pagingStops(paging), 'or')}${cycles}. Each page is fetched with the client's normal retries, so a failed page is retried on its own.`,
    '',
    ...ts(
      ...opening(ir, [], [...base.types, names.item!, names.response]),
      ...base.declarations,
      '',
      '// Every item across pages',
      `for await (const item of ${call()}) {`,
      `  console.log(item); // ${names.item}`,
      '}',
      '',
      '// The first page only',
      `const page = await ${call()};`,
      `const items: ${names.item}[] = page.data;`,
      `const pageBody: ${names.response} = page.body;`,
      `console.log(items.length, pageBody, ${firstPageLog}page.hasNextPage());`,
      '',
      '// Page by page',
      `for await (const p of ${call()}.pages()) {`,
      `  console.log(p.data.length, p.${text.next});`,
      '}',
    ),
    `Caps bound a walk: \`maxItems\` stops an item walk at exactly that many items, \`maxPages\` stops after that many pages (and \`.pages()\` fetches no page once the pages so far hold \`maxItems\` items).`,
    '',
    ...ts(
      ...opening(ir, [], base.types),
      ...base.declarations,
      '',
      `for await (const item of ${call([], '{ maxItems: 500 }')}) {`,
      '  console.log(item);',
      '}',
      `for await (const p of ${call([], '{ maxPages: 3 }')}.pages()) {`,
      '  console.log(p.data.length);',
      '}',
    ),
    resume,
    '',
    ...ts(
      ...opening(ir, [], base.types),
      ...base.declarations,
      '',
      `let checkpoint: ${text.type} | undefined; // persist this (file, database, queue message)`,
      `for await (const p of ${call()}.pages()) {`,
      '  console.log(p.data.length); // handle the page',
      `  checkpoint = p.${text.next};`,
      '  break; // e.g. the process stops here',
      '}',
      '',
      'if (checkpoint !== undefined) {',
      `  for await (const item of ${resumeCall}) {`,
      '    console.log(item); // continues with the page after the saved one',
      '  }',
      '}',
    ),
  ];
}

function errors(ir: ApiIR): string[] {
  const base = ir.errorClassName;
  const pick = firstPlain(ir);
  const codes = ir.knownErrorCodes;
  const lines = [
    '## Errors',
    '',
    `Everything the client throws is a \`${base}\`. Errors from the server are \`APIError\`s with a subclass per status; failures without a response have their own classes. All are exported.`,
    '',
    '| class | when | useful fields |',
    '| --- | --- | --- |',
    `| \`${base}\` | base class of everything below; also thrown for a bad option or a missing/malformed key (before any request) | \`message\` |`,
    '| `APIError` | the server answered with a non-2xx status | `status`, `code`, `message`, `details`, `headers`, `tier`, `requestId`, `retries`, `body` |',
    '| `BadRequestError` | 400 | as `APIError` |',
    '| `AuthenticationError` | 401 | as `APIError` |',
    '| `PermissionDeniedError` | 403 | as `APIError` |',
    '| `NotFoundError` | 404 | as `APIError` |',
    '| `ConflictError` | 409 | as `APIError` |',
    '| `UnprocessableEntityError` | 422 | as `APIError` |',
    '| `RateLimitError` | 429 | as `APIError`, plus `retryAfter` (seconds, when the server said) |',
    '| `InternalServerError` | 500 and above | as `APIError` |',
    '| `APIConnectionError` | no complete response (DNS, refused, reset, body cut off) | `retries`, `cause` |',
    '| `APITimeoutError` | an attempt timed out, or the deadline ran out (a kind of `APIConnectionError`) | `retries` |',
    '| `APIUserAbortError` | your `AbortSignal` fired (never retried) | `cause` (the signal\'s reason) |',
    '| `InvalidResponseError` | a 2xx response whose body is not what the operation promises (empty, not JSON), or a pagination cursor that leads back into the walk | `status`, `headers`, `tier`, `requestId` |',
    '| `ResponseTooLargeError` | a response body (success, error or download) over `maxResponseBytes` (a kind of `InvalidResponseError`; never retried) | `status`, `headers`, `limit`, `url`, `tier`, `requestId` |',
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
      ...codes.map((k) => `| ${code(k.code, true)} | ${k.status ?? 'any'} | ${k.status === null ? '' : `\`${errorClassFor(String(k.status))}\``} |`),
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

/**
 * Which calls a retry may repeat once the server may have them, from each operation's
 * `idempotency` (ir/idempotency.ts): nothing to say when every call is idempotent.
 */
function resendRule(ir: ApiIR): string[] {
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

function retries(ir: ApiIR): string[] {
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

function rawResponses(ir: ApiIR, config: CodegenConfig): string[] {
  const pick = firstPlain(ir);
  const paged = firstPaged(ir);
  const tier = config.responseHeaders.tier;
  const ids = config.responseHeaders.requestId;
  const fields = ['data', 'response', ...(tier ? ['tier'] : []), 'requestId'];
  const lines = [
    '## Raw responses',
    '',
    `Every call returns an \`APIPromise\`: \`await\` it for the data, or call \`.withResponse()\` for the data together with the raw \`Response\` (status, headers; its body is already read)${tier ? `, \`tier\` (the \`${tier}\` response header)` : ''} and \`requestId\` (${ids.length > 0 ? `the ${list(quoted(ids), 'or')} header` : 'undefined: no request-id header is configured'}). ${tier ? `Errors from the server carry \`tier\` and \`requestId\` too; \`tier\` is absent when the server did not send the header.` : 'Errors from the server carry `requestId` too.'}`,
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
        `console.log(response.status, response.headers.get('content-type'), ${tier ? 'tier, ' : ''}requestId, data);`,
        ...(pagedCall && !clash
          ? ['', `// Pages too: the first page with its response, and \`page.response\` on every page`, `const first = await ${pagedCall.expression}.withResponse();`, `console.log(first.data.data.length, first.data.response.status${tier ? ', first.tier' : ''});`]
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

function logging(ir: ApiIR, config: CodegenConfig): string[] {
  const env = config.logEnvVar;
  const authHeaders = [...new Set(Object.values(config.auth.headers).flatMap((h) => ('header' in h ? [h.header] : [])))];
  return [
    '## Logging and hooks',
    '',
    `The client is silent by default. \`logLevel\` (\`'off'\`, \`'error'\`, \`'warn'\`, \`'info'\`, \`'debug'\`)${env ? ` or the \`${env}\` environment variable (e.g. \`${env}=debug\`)` : ''} turns logging on: \`debug\` logs every attempt, \`info\` every retry with its wait, \`warn\` when the client gives up. Lines go to \`console\` unless you pass a \`logger\` with \`error\`/\`warn\`/\`info\`/\`debug\` methods (pino, winston and console fit). The API key${authHeaders.length > 0 ? ` and the ${list(quoted(authHeaders))} header${authHeaders.length > 1 ? 's' : ''}` : ''} are masked in everything logged.`,
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

function types(ir: ApiIR): string[] {
  const sample = ir.operations.find((op) => op.paging) ?? ir.operations[0];
  const names = sample ? operationNames(sample) : undefined;
  const aliases = ir.schemaAliases.map((a) => `\`${a.name}\``);
  return [
    '## Types',
    '',
    `Each operation exports thin aliases over the generated OpenAPI types: \`<Operation>Params\`, \`<Operation>Body\`, \`<Operation>Response\` and, for paginated operations, \`<Operation>Item\`${names ? ` (for example \`${[names.params, names.response, names.item].filter(Boolean).join('`, `')}\`)` : ''}. ${aliases.length > 0 ? `Named schemas are exported too: ${aliases.join(', ')}. ` : ''}The raw \`paths\`, \`components\` and \`operations\` types of openapi-typescript are exported for anything else. Dates stay ISO strings, as on the wire; fields, enum values and error codes the spec does not know yet pass through untouched.`,
    '',
  ];
}

function runtimes(ir: ApiIR): string[] {
  return [
    '## Browsers and other runtimes',
    '',
    `The client uses the global \`fetch\`, looked up at call time; pass \`fetch\` to \`new ${ir.clientClassName}()\` to use another one (a mock, an instrumented fetch, undici). In browsers it sends no \`User-Agent\` (browsers forbid it) and needs the API to allow your origin (CORS). Do not ship a secret API key to a browser: anyone can read it there. Call the API from a server you control, or use a key meant to be public.`,
    '',
  ];
}

/** The generated package's README: generated from the IR and config, so it cannot drift from the code. */
export function emitReadme({ ir, config, document, header }: ReadmeInput): string {
  const lines = [
    `<!-- ${header.replace(/--/g, '- -')} -->`,
    '',
    ...intro(ir),
    ...install(ir),
    ...quickStart(ir, config),
    ...about(ir),
    ...authentication(ir, config, document),
    ...regions(ir),
    ...operations(ir),
    ...pagination(ir),
    ...errors(ir),
    ...retries(ir),
    ...rawResponses(ir, config),
    ...logging(ir, config),
    ...types(ir),
    ...runtimes(ir),
  ];
  // Spec text is everywhere in it; its invisible and control characters become visible escapes
  // where every file of the package passes (emitPackage in emit/index.ts).
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
