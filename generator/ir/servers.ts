import { normalizeBaseUrl } from '../../templates/runtime/url.js';
import type { CodegenConfig } from '../config.js';
import { GeneratorError, pointerOf } from '../errors.js';
import { isObject, type JsonObject } from './refs.js';
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
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

function declaredServers(document: JsonObject): DeclaredServer[] {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  return servers.flatMap((entry, index) => {
    if (!isObject(entry)) return [];
    const template = String(entry.url ?? '');
    const specVariables = isObject(entry.variables) ? entry.variables : {};
    const variables: NonNullable<ServerIR['variables']> = [];
    let complete = true;
    const url = template.replace(PLACEHOLDER, (whole, name: string) => {
      const variable = Object.hasOwn(specVariables, name) ? specVariables[name] : undefined;
      const fallback = isObject(variable) ? variable.default : undefined;
      if (fallback === undefined || fallback === null || typeof fallback === 'object') {
        complete = false;
        return whole;
      }
      if (!variables.some((v) => v.name === name)) {
        const choices = isObject(variable) && Array.isArray(variable.enum) ? variable.enum.map(String) : undefined;
        variables.push({ name, default: String(fallback), ...(choices ? { enum: choices } : {}) });
      }
      return String(fallback);
    });
    return [
      {
        pointer: pointerOf('servers', index),
        template,
        url: complete ? url : undefined,
        ...(typeof entry.description === 'string' ? { description: entry.description } : {}),
        variables,
      },
    ];
  });
}

/**
 * Why a filled-in server URL cannot be a client's base URL, or undefined if it can: the client
 * runtime's own check (https only, or http on loopback; no query, fragment or credentials), so a
 * region can never be one the client refuses at construction.
 */
function unusable(server: DeclaredServer): string | undefined {
  if (server.url === undefined) return 'a variable in it has no default';
  try {
    normalizeBaseUrl(server.url);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Warnings about the spec's servers left out of the regions (unless the config picks regions). */
export function serverWarnings(document: JsonObject, config: CodegenConfig): string[] {
  const declared = declaredServers(document);
  if (declared.length === 0) return ['The spec names no servers: the client needs a baseUrl from its users.'];
  if (Object.keys(config.regions).length > 0) return [];
  const warnings: string[] = [];
  for (const server of declared) {
    const why = unusable(server);
    if (why !== undefined) warnings.push(`Server "${server.template}" (${server.pointer}) is left out of the regions: ${why}.`);
  }
  if (declared.every((s) => unusable(s) !== undefined)) warnings.push('No spec server can be a base URL: the client needs a baseUrl from its users.');
  return warnings;
}

/**
 * The regions of the client. Without config `regions`: every usable server of the spec, named
 * `default` when there is one and `server0`, `server1`, … otherwise. With them: each config
 * region matched to a server by its filled-in URL, its template or its description.
 */
export function resolveServers(document: JsonObject, config: CodegenConfig, configFile: string | undefined): ServerIR[] {
  const declared = declaredServers(document);
  const toIR = (s: DeclaredServer, name: string): ServerIR => ({
    name,
    url: (s.url ?? s.template).replace(/\/+$/, ''),
    ...(s.description !== undefined ? { description: s.description } : {}),
    ...(s.variables.length > 0 ? { template: s.template, variables: s.variables } : {}),
  });
  const regionEntries = Object.entries(config.regions);
  if (regionEntries.length === 0) {
    // Named by their place in the spec's list, so a server that becomes usable (or not) in a
    // later release does not rename the others.
    if (declared.length === 1) return declared[0] && unusable(declared[0]) === undefined ? [toIR(declared[0], 'default')] : [];
    return declared.flatMap((s, i) => (unusable(s) === undefined ? [toIR(s, `server${i}`)] : []));
  }
  const trim = (url: string): string => url.replace(/\/+$/, '');
  return regionEntries.map(([name, wanted]) => {
    const found = declared.find((s) => (s.url !== undefined && trim(s.url) === trim(wanted)) || trim(s.template) === trim(wanted) || s.description === wanted);
    if (!found) {
      const listed = declared.map((s) => s.url ?? s.template).join(', ') || 'none';
      throw new GeneratorError(`Config region "${name}" matches no server in the spec (${listed})`, pointerOf('regions', name), configFile);
    }
    const why = unusable(found);
    if (why !== undefined) {
      throw new GeneratorError(`Config region "${name}" names server "${found.template}", which cannot be a base URL: ${why}`, pointerOf('regions', name), configFile);
    }
    return toIR(found, name);
  });
}
