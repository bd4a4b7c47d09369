import { normalizeBaseUrl } from '../../templates/runtime/url.js';
import type { CodegenConfig } from '../config.js';
import { GeneratorError, pointerOf } from '../errors.js';
import { isObject, type JsonObject } from '../schema/json.js';
import type { ServerIR } from './types.js';

/** A root `servers` entry with its URL template filled in from its variables' defaults. */
interface DeclaredServer {
  /** JSON pointer of the entry, for warnings. */
  pointer: string;
  /** The spec's URL as written, `{variables}` and all. */
  template: string;
  /** The template with every variable replaced by its default; undefined if one has none. */
  url: string | undefined;
  description?: string;
  variables: NonNullable<ServerIR['variables']>;
  /** Why the filled-in URL cannot be a base URL; undefined when it can. */
  problem: string | undefined;
  /** The values of the one variable that picks the host, when there is one (see hostChoices). */
  hosts?: { variable: string; choices: { value: string; url: string; problem: string | undefined }[] };
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** An absolute URL starts with a scheme; anything else is relative to where the spec is served. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A variable value that can name a region as it is: `eu`, `us-east-1`, `staging`. Not digits
 * alone: JavaScript would order such keys first in the client's table of servers.
 */
const REGION_NAME = /^(?=[^A-Za-z]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * The spec's servers. A relative URL (`/api/v3`, Petstore's) is relative to where the document is
 * served (OpenAPI 3, Server Object), so it resolves against `documentUrl` when that is known.
 */
function declaredServers(document: JsonObject, documentUrl: string | undefined): DeclaredServer[] {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  return servers.flatMap((entry, index) => {
    if (!isObject(entry)) return [];
    const template = String(entry.url ?? '');
    const specVariables = isObject(entry.variables) ? entry.variables : {};
    const variables: NonNullable<ServerIR['variables']> = [];
    for (const [, name] of template.matchAll(PLACEHOLDER)) {
      const variable = Object.hasOwn(specVariables, name!) ? specVariables[name!] : undefined;
      const fallback = isObject(variable) ? variable.default : undefined;
      if (fallback === undefined || fallback === null || typeof fallback === 'object' || variables.some((v) => v.name === name)) continue;
      const choices = isObject(variable) && Array.isArray(variable.enum) ? variable.enum.map(String) : undefined;
      variables.push({ name: name!, default: String(fallback), ...(choices ? { enum: choices } : {}) });
    }
    const fill = (values: Record<string, string>): string | undefined => {
      let complete = true;
      const url = template.replace(PLACEHOLDER, (whole, name: string) => {
        if (Object.hasOwn(values, name)) return values[name]!;
        complete = false;
        return whole;
      });
      return complete ? absolute(url, documentUrl) : undefined;
    };
    const defaults = Object.fromEntries(variables.map((v) => [v.name, v.default]));
    const filled = fill(defaults);
    // A variable without a default leaves the server out, values and all (warned as before).
    const hosts = filled === undefined ? undefined : hostChoices(template, variables, (variable, value) => fill({ ...defaults, [variable]: value }));
    return [
      {
        pointer: pointerOf('servers', index),
        template,
        url: filled,
        ...(typeof entry.description === 'string' ? { description: entry.description } : {}),
        variables,
        problem: unusable(filled),
        ...(hosts ? { hosts } : {}),
      },
    ];
  });
}

/**
 * A server whose host is picked by one enum variable (`https://{region}.api.example.com` with
 * `enum: [us, eu]`) describes one server per value: the API's regions. Only a variable in the host
 * (not a port, scheme or base path), with two or more values that read as names, and only one
 * such variable; the default value comes first.
 */
function hostChoices(
  template: string,
  variables: NonNullable<ServerIR['variables']>,
  fill: (variable: string, value: string) => string | undefined,
): DeclaredServer['hosts'] {
  const authority = /^[^:/]*:\/\/([^/]*)/.exec(template)?.[1] ?? '';
  const host = authority.replace(/:(\d*|\{[^{}]*\})$/, ''); // without the port, literal or a variable
  const candidates = variables.filter((v) => v.enum !== undefined && v.enum.length > 1 && host.includes(`{${v.name}}`) && [v.default, ...v.enum].every((e) => REGION_NAME.test(e)));
  const [variable] = candidates;
  if (variable === undefined || candidates.length > 1) return undefined;
  // Host names are case-insensitive: `EU` and `eu` are one region (the first spelling wins).
  const seen = new Set<string>();
  const values = [variable.default, ...variable.enum!].filter((value) => !seen.has(value.toLowerCase()) && seen.add(value.toLowerCase()));
  return {
    variable: variable.name,
    choices: values.flatMap((value) => {
      const url = fill(variable.name, value);
      return url === undefined ? [] : [{ value, url, problem: unusable(url) }];
    }),
  };
}

/** `url` resolved against the document's URL when it is relative and that URL is known. */
function absolute(url: string, documentUrl: string | undefined): string {
  if (documentUrl === undefined || HAS_SCHEME.test(url)) return url;
  try {
    return new URL(url, documentUrl).href;
  } catch {
    return url;
  }
}

/**
 * Why a filled-in server URL cannot be a client's base URL, or undefined if it can: the client
 * runtime's own check (https only, or http on loopback; no query, fragment or credentials), so a
 * region can never be one the client refuses at construction.
 */
function unusable(url: string | undefined): string | undefined {
  if (url === undefined) return 'a variable in it has no default';
  try {
    normalizeBaseUrl(url);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Warnings about the spec's servers left out of the regions (unless the config picks regions). */
export function serverWarnings(document: JsonObject, config: CodegenConfig, documentUrl?: string): string[] {
  const declared = declaredServers(document, documentUrl);
  if (declared.length === 0) return ['The spec names no servers: the client needs a baseUrl from its users.'];
  if (Object.keys(config.regions).length > 0) return [];
  const warnings: string[] = [];
  const [only] = declared;
  if (declared.length === 1 && only?.hosts) {
    const { variable, choices } = only.hosts;
    for (const choice of choices) {
      if (choice.problem !== undefined) warnings.push(`Server "${only.template}" (${only.pointer}) with ${variable} = "${choice.value}" is left out of the regions: ${choice.problem}.`);
    }
    if (choices.every((c) => c.problem !== undefined)) warnings.push('No spec server can be a base URL: the client needs a baseUrl from its users.');
    return warnings;
  }
  for (const server of declared) {
    if (server.problem === undefined) continue;
    // A relative URL is legal: it is relative to where the document is served, which is unknown here.
    const relative = server.url !== undefined && !HAS_SCHEME.test(server.url) && !server.url.startsWith('{');
    const hint = relative ? ' (relative to where the spec is served: generate from its URL, or from a spec pinned with `fetch`, to resolve it)' : '';
    warnings.push(`Server "${server.template}" (${server.pointer}) is left out of the regions: ${server.problem}${hint}.`);
  }
  if (declared.every((s) => s.problem !== undefined)) warnings.push('No spec server can be a base URL: the client needs a baseUrl from its users.');
  return warnings;
}

/**
 * The regions of the client. Without config `regions`: every usable server of the spec, named
 * `default` when there is one and `server0`, `server1`, … otherwise; a lone server whose host is
 * an enum variable gives one region per value, named by it (see hostChoices). With them: each
 * config region matched to a server by its filled-in URL, its template or its description.
 */
export function resolveServers(document: JsonObject, config: CodegenConfig, configFile: string | undefined, documentUrl?: string): ServerIR[] {
  const declared = declaredServers(document, documentUrl);
  const trim = (url: string): string => url.replace(/\/+$/, '');
  const described = (s: DeclaredServer): { description?: string } => (s.description !== undefined ? { description: s.description } : {});
  const toIR = (s: DeclaredServer, name: string): ServerIR => ({
    name,
    url: trim(s.url ?? s.template),
    ...described(s),
    ...(s.variables.length > 0 ? { template: s.template, variables: s.variables } : {}),
  });
  const regionEntries = Object.entries(config.regions);
  if (regionEntries.length === 0) {
    // Named by their place in the spec's list, so a server that becomes usable (or not) in a
    // later release does not rename the others.
    const [only] = declared;
    if (only?.hosts && declared.length === 1) {
      const { variable, choices } = only.hosts;
      return choices.flatMap((c) => (c.problem === undefined ? [{ name: c.value, url: trim(c.url), ...described(only), hostOf: { template: only.template, variable } }] : []));
    }
    if (declared.length === 1) return only && only.problem === undefined ? [toIR(only, 'default')] : [];
    return declared.flatMap((s, i) => (s.problem === undefined ? [toIR(s, `server${i}`)] : []));
  }
  return regionEntries.map(([name, wanted]) => {
    // One value of a host variable, by its filled-in URL (`https://eu.api.example.com`).
    for (const s of declared) {
      const choice = s.hosts?.choices.find((c) => trim(c.url) === trim(wanted));
      if (choice && choice.problem === undefined) {
        return { name, url: trim(choice.url), ...described(s) };
      }
    }
    const found = declared.find((s) => (s.url !== undefined && trim(s.url) === trim(wanted)) || trim(s.template) === trim(wanted) || s.description === wanted);
    if (!found) {
      const listed = declared.map((s) => s.url ?? s.template).join(', ') || 'none';
      throw new GeneratorError(`Config region "${name}" matches no server in the spec (${listed})`, pointerOf('regions', name), configFile);
    }
    if (found.problem !== undefined) {
      throw new GeneratorError(`Config region "${name}" names server "${found.template}", which cannot be a base URL: ${found.problem}`, pointerOf('regions', name), configFile);
    }
    return toIR(found, name);
  });
}
