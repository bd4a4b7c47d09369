/**
 * The IR's account of authentication: where the client reads its key, the forms it sends it in
 * (the config, itself defaulted from the spec by auth-from-spec.ts) and every security scheme the
 * spec declares, with the form that covers it. Emitters describe auth from this alone, so a
 * scheme the client cannot send (HTTP Basic, a cookie) is still named to the reader.
 */
import type { CodegenConfig } from '../config.js';
import { isObject, type JsonObject } from '../schema/json.js';
import type { AuthIR, SecuritySchemeIR } from './types.js';

const TYPES: Record<string, SecuritySchemeIR['type']> = {
  apikey: 'apiKey',
  http: 'http',
  oauth2: 'oauth2',
  openidconnect: 'openIdConnect',
  mutualtls: 'mutualTLS',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function schemeIR(name: string, scheme: JsonObject, form: string | undefined): SecuritySchemeIR {
  const type = TYPES[String(scheme.type).toLowerCase()] ?? 'other';
  const out: SecuritySchemeIR = { name, type };
  const description = text(scheme.description);
  if (description !== undefined) out.description = description;
  if (type === 'http' && text(scheme.scheme) !== undefined) out.scheme = text(scheme.scheme)!.toLowerCase();
  if (type === 'apiKey') {
    if (scheme.in === 'header' || scheme.in === 'query' || scheme.in === 'cookie') out.in = scheme.in;
    if (text(scheme.name) !== undefined) out.paramName = text(scheme.name)!;
  }
  if (type === 'oauth2' && isObject(scheme.flows)) {
    const flows = Object.entries(scheme.flows).filter(([, flow]) => isObject(flow));
    out.flows = flows.map(([flow]) => flow);
    const first = flows[0]?.[1] as JsonObject | undefined;
    const url = text(first?.tokenUrl) ?? text(first?.authorizationUrl);
    if (url !== undefined) out.tokenUrl = url;
  }
  if (type === 'openIdConnect' && text(scheme.openIdConnectUrl) !== undefined) out.openIdConnectUrl = text(scheme.openIdConnectUrl)!;
  if (form !== undefined) out.form = form;
  return out;
}

/**
 * `schemeForms`: each scheme name → the auth form that sends it (auth-from-spec.ts).
 * `keyOptional`: no operation requires a key.
 */
export function authIR(document: JsonObject, config: CodegenConfig, schemeForms: ReadonlyMap<string, string>, keyOptional: boolean): AuthIR {
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  const { envVars, pattern, formatHint } = config.apiKey;
  return {
    envVars: [...envVars],
    ...(pattern !== undefined ? { pattern } : {}),
    ...(formatHint !== undefined ? { formatHint } : {}),
    forms: Object.entries(config.auth.headers).map(([name, sends]) => ({ name, sends })),
    defaultForm: config.auth.default,
    keyOptional,
    schemes: Object.entries(schemes).flatMap(([name, scheme]) => (isObject(scheme) ? [schemeIR(name, scheme, schemeForms.get(name))] : [])),
  };
}
