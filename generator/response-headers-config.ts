import { GeneratorError, pointerOf } from './errors.js';

/** How a surfaced header's value is typed: text as sent, or a number parsed from it. */
export type HeaderFieldType = 'string' | 'integer' | 'number';

/** One response header surfaced as a typed field of results and errors (`tier`, `rateLimitRemaining`). */
export interface HeaderFieldConfig {
  /** Lower-case header name. */
  header: string;
  type: HeaderFieldType;
}

export interface ResponseHeadersConfig {
  /** Field name → header, in the config's order. */
  fields: Record<string, HeaderFieldConfig>;
  /** Headers read, in order, for `requestId`. */
  requestId: string[];
}

/**
 * Names a field may not take: the fields results and errors already have (and what an Error or
 * an object inherits), so a header can never shadow `status` or `requestId`.
 */
const TAKEN = new Set(['data', 'response', 'requestId', 'status', 'code', 'message', 'details', 'headers', 'retries', 'body', 'limit', 'url', 'name', 'cause', 'stack', 'toJSON', 'constructor', 'prototype', '__proto__', 'withResponse', 'then', 'catch', 'finally']);
const TYPES: readonly HeaderFieldType[] = ['string', 'integer', 'number'];
const HEADER = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/; // an RFC 9110 token

/** `responseHeaders:` of the config (docs/config.md), every rejection with its JSON pointer. */
export function resolveResponseHeaders(raw: unknown, file: string | undefined): ResponseHeadersConfig {
  const fail = (path: (string | number)[], message: string): never => {
    throw new GeneratorError(`Invalid config: ${message}`, pointerOf('responseHeaders', ...path), file);
  };
  const section = raw ?? {};
  if (typeof section !== 'object' || Array.isArray(section)) return fail([], 'responseHeaders must be a mapping');
  const entries = section as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    // A header named directly here (an older config) reads as the unknown key it is, with the fix.
    if (key !== 'fields' && key !== 'requestId') fail([key], `unknown key "${key}"; the keys are fields (field name → header, e.g. fields: { ${key}: <header> }) and requestId`);
  }
  const requestId = entries.requestId ?? ['x-request-id'];
  if (!Array.isArray(requestId) || requestId.some((h) => typeof h !== 'string' || !HEADER.test(h))) fail(['requestId'], 'requestId must be a list of header names');
  const rawFields = entries.fields ?? {};
  if (typeof rawFields !== 'object' || rawFields === null || Array.isArray(rawFields)) return fail(['fields'], 'fields must map field names to headers');
  const fields: Record<string, HeaderFieldConfig> = {};
  for (const [name, value] of Object.entries(rawFields as Record<string, unknown>)) {
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) fail(['fields', name], `"${name}" is not a valid TypeScript property name`);
    if (TAKEN.has(name)) fail(['fields', name], `"${name}" is taken by results and errors; choose another field name`);
    const spec = typeof value === 'string' ? { header: value } : value;
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return fail(['fields', name], 'a field is a header name, or { header, type }');
    const { header, type = 'string', ...extra } = spec as Record<string, unknown>;
    for (const key of Object.keys(extra)) fail(['fields', name, key], `unknown key "${key}"; the keys are header, type`);
    if (typeof header !== 'string' || !HEADER.test(header)) fail(['fields', name, 'header'], 'header must be a header name');
    if (!TYPES.includes(type as HeaderFieldType)) fail(['fields', name, 'type'], `type must be one of ${TYPES.join(', ')}`);
    fields[name] = { header: (header as string).toLowerCase(), type: type as HeaderFieldType };
  }
  return { fields, requestId: (requestId as string[]).map((h) => h.toLowerCase()) };
}
