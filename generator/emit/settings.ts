import { StructureKind, VariableDeclarationKind, Writers, type StatementStructures } from 'ts-morph';
import type { ApiIR, PagingIR } from '../ir/types.js';
import { ImportSet } from './imports.js';
import type { Printer } from './project.js';
import { jsDoc, literal } from './ts.js';
import { PAGING_RUNTIME, stylesUsed } from './paging-runtime.js';
import { runtimePagingSpec } from '../ir/pagination.js';
import { responseTypeOf } from '../ir/responses.js';
import { requestOf } from '../ir/request.js';
import { isFormBody } from './operation.js';

/**
 * The optional runtime modules an API's operations use: each is imported by settings.ts only
 * then, so a client bundles no form encoder, idempotency-key generator, cross-origin download
 * redirect, bytes reader, header or query style serialiser it cannot use.
 * `[settings key, module, export]`.
 */
export function optionalRuntime(ir: ApiIR): [string, string, string][] {
  const ops = ir.operations;
  const used: [string, string, string][] = [];
  if (ops.some((op) => op.requestBody !== undefined && !op.requestBody.isJson && isFormBody(op.requestBody.mediaType))) {
    used.push(['formBody', 'form', 'formBody']);
  }
  if (ops.some((op) => op.idempotency.kind === 'key')) used.push(['idempotencyKeys', 'idempotency', 'withIdempotencyKey']);
  if (ops.some((op) => ['blob', 'text'].includes(responseTypeOf(op.success)))) used.push(['downloadHop', 'download-redirect', 'downloadHop']);
  if (ops.some((op) => responseTypeOf(op.success) === 'blob')) used.push(['readBytes', 'body', 'readBytes']);
  if (ops.some((op) => op.namedParams.some((p) => p.in === 'header'))) used.push(['headerParams', 'headers', 'serializeHeaderParams']);
  if (ops.some((op) => requestOf(op).queryStyles !== undefined)) used.push(['queryStyles', 'query-styles', 'styleQuery']);
  return used;
}

/** `settings.ts`: the per-API constants the generic runtime reads. */
export function emitSettings(ir: ApiIR, printer: Printer, header: string): string {
  const { auth } = ir;
  const apiKey = { envVars: auth.envVars, ...(auth.pattern !== undefined ? { pattern: auth.pattern } : {}), ...(auth.formatHint !== undefined ? { formatHint: auth.formatHint } : {}) };
  // Defined, not assigned: a form may be named `__proto__`.
  const headers = Object.fromEntries(auth.forms.map((form) => [form.name, form.sends]));
  const settings = {
    packageName: ir.packageName,
    clientName: ir.clientClassName,
    servers: Object.fromEntries(ir.servers.map((s) => [s.name, s.url])),
    defaultServer: ir.servers[0]?.name ?? '',
    // A client for an API that needs no key must not demand one at construction.
    apiKey: auth.keyOptional ? { ...apiKey, optional: true } : apiKey,
    auth: { default: auth.defaultForm, headers, ...(ir.security ? { security: ir.security } : {}) },
    // A string field is its header name alone; a numeric one says how to parse it.
    responseHeaders: {
      ...(ir.responseFields.length > 0 ? { fields: Object.fromEntries(ir.responseFields.map((f) => [f.name, f.type === 'string' ? f.header : { header: f.header, type: f.type }])) } : {}),
      requestId: ir.requestIdHeaders,
    },
    // One path per field from the spec; the runtime tries common shapes after it.
    ...(ir.errorBody ? { errorBody: Object.fromEntries(Object.entries(ir.errorBody).map(([field, path]) => [field, [path]])) } : {}),
    ...(ir.logEnvVar ? { logEnvVar: ir.logEnvVar } : {}),
  };
  // The version is read from version.ts, so a release changes this file only when the API does.
  const properties: Record<string, string> = { packageVersion: 'VERSION', ...Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, literal(value)])) };
  const imports = new ImportSet().type('./runtime/settings.js', 'ApiSettings').value('./version.js', 'VERSION');
  // Only the pagination styles this API uses are imported, so a bundle carries no others.
  const styles = stylesUsed(ir);
  for (const s of styles) imports.value(`./runtime/${PAGING_RUNTIME[s].module}.js`, PAGING_RUNTIME[s].style);
  if (styles.length > 0) properties.pageStyles = `{ ${styles.map((s) => `${s}: ${PAGING_RUNTIME[s].style}`).join(', ')} }`;
  for (const [key, module, name] of optionalRuntime(ir)) {
    imports.value(`./runtime/${module}.js`, name);
    properties[key] = name;
  }
  const statements: (StatementStructures | string)[] = [
    ...imports.structures(),
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc({ summary: `Constants of ${ir.title} that the runtime reads.` }),
      declarations: [{ name: 'API_SETTINGS', type: 'ApiSettings', initializer: Writers.object(properties) }],
    },
  ];
  return printer.print(header, statements);
}

/**
 * `response-fields.ts`, for an API whose config surfaces response headers: augments the runtime's
 * `ResponseHeaderFields`, so `tier` (say) is a typed field of `.withResponse()` results and errors.
 */
export function emitResponseFields(ir: ApiIR, printer: Printer, header: string): string | undefined {
  if (ir.responseFields.length === 0) return undefined;
  const members = ir.responseFields
    .map((f) => `/** The \`${f.header}\` response header${f.type === 'string' ? '' : `, as a number`}; undefined when the server did not send it${f.type === 'string' ? '' : ' or sent no number'}. */\nreadonly ${f.name}: ${f.type === 'string' ? 'string' : 'number'} | undefined;`)
    .join('\n');
  return printer.print(header, [`declare module './runtime/response-meta.js' {\n  interface ResponseHeaderFields {\n${members}\n  }\n}`, 'export {};']);
}

/** `paging.ts`: one constant per pagination style the spec uses. */
export function emitPaging(styles: readonly PagingIR[], printer: Printer, header: string): string {
  const statements: (StatementStructures | string)[] = [...new ImportSet().type('./runtime/pagination.js', 'PagingSpec').structures()];
  for (const p of styles) {
    const spec = runtimePagingSpec(p);
    statements.push({
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc({ summary: `Where the ${p.style} paging fields live in requests and responses.` }),
      declarations: [{ name: p.constName, type: 'PagingSpec', initializer: literal(spec) }],
    });
  }
  return printer.print(header, statements);
}

/**
 * `error-codes.ts`: augments the runtime's `KnownErrorCodes` so `error.code` autocompletes the
 * documented codes while staying open to codes added later.
 */
export function emitErrorCodes(ir: ApiIR, printer: Printer, header: string): string {
  const members = ir.knownErrorCodes
    .map(({ code, status }) => `/** ${status === null ? 'Any status' : `Typically HTTP ${status}`}. */\n${literal(code)}: true;`)
    .join('\n');
  const statements: (StatementStructures | string)[] = [
    `declare module './runtime/errors.js' {\n  interface KnownErrorCodes {\n${members}\n  }\n}`,
    'export {};',
  ];
  return printer.print(header, statements);
}
