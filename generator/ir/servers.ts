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
  /** Why the filled-in URL cannot be a base URL; undefined when it can. */
  problem: string | undefined;
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
    const filled = complete ? url : undefined;
    return [
      {
        pointer: pointerOf('servers', index),
        template,
        url: filled,
        ...(typeof entry.description === 'string' ? { description: entry.description } : {}),
        variables,
        problem: unusable(filled),
      },
    ];
  });
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
export function serverWarnings(document: JsonObject, config: CodegenConfig): string[] {
  const declared = declaredServers(document);
  if (declared.length === 0) return ['The spec names no servers: the client needs a baseUrl from its users.'];
  if (Object.keys(config.regions).length > 0) return [];
  const warnings: string[] = [];
  for (const server of declared) {
    if (server.problem !== undefined) warnings.push(`Server "${server.template}" (${server.pointer}) is left out of the regions: ${server.problem}.`);
  }
  if (declared.every((s) => s.problem !== undefined)) warnings.push('No spec server can be a base URL: the client needs a baseUrl from its users.');
  return warnings;
}

/**
 * The regions of the client. Without config `regions`: every usable server of the spec, named
 * `default` when there is one and `server0`, `server1`, … otherwise. With them: each config
 * region matched to a server by its filled-in URL, its template or its description.
 */
export function resolveServers(document: JsonObject, config: CodegenConfig, configFile: string | undefined): ServerIR[] {
  const declared = declaredServers(document);
  const trim = (url: string): string => url.replace(/\/+$/, '');
  const toIR = (s: DeclaredServer, name: string): ServerIR => ({
    name,
    url: trim(s.url ?? s.template),
    ...(s.description !== undefined ? { description: s.description } : {}),
    ...(s.variables.length > 0 ? { template: s.template, variables: s.variables } : {}),
  });
  const regionEntries = Object.entries(config.regions);
  if (regionEntries.length === 0) {
    // Named by their place in the spec's list, so a server that becomes usable (or not) in a
    // later release does not rename the others.
    if (declared.length === 1) return declared[0] && declared[0].problem === undefined ? [toIR(declared[0], 'default')] : [];
    return declared.flatMap((s, i) => (s.problem === undefined ? [toIR(s, `server${i}`)] : []));
  }
  return regionEntries.map(([name, wanted]) => {
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
