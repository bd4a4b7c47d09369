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

/** Why a filled-in server URL cannot be a client's base URL, or undefined if it can. */
function unusable(server: DeclaredServer): string | undefined {
  if (server.url === undefined) return 'a variable in it has no default';
  let parsed: URL;
  try {
    parsed = new URL(server.url);
  } catch {
    return 'it is not an absolute URL (a URL relative to where the spec is served)';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `its scheme is ${parsed.protocol.replace(/:$/, '')}, not http(s)`;
  return undefined;
}

/** Loopback hosts, where the client runtime allows plain http (see templates/runtime/url.ts). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Warnings about the spec's servers: ones left out of the regions, and plain-http ones the client
 * will refuse as its default (it sends the key only over https or to loopback).
 */
export function serverWarnings(document: JsonObject): string[] {
  const warnings: string[] = [];
  const declared = declaredServers(document);
  if (declared.length === 0) warnings.push('The spec names no servers: the client needs a baseUrl from its users.');
  for (const server of declared) {
    const why = unusable(server);
    if (why !== undefined) {
      warnings.push(`Server "${server.template}" (${server.pointer}) is left out of the regions: ${why}.`);
    } else if (server.url !== undefined && new URL(server.url).protocol === 'http:' && !isLoopback(new URL(server.url).hostname)) {
      warnings.push(`Server "${server.url}" (${server.pointer}) is plain http: the client refuses it unless given an https baseUrl.`);
    }
  }
  return warnings;
}

/**
 * The regions of the client. Without config `regions`: every usable server of the spec, named
 * `default` when there is one and `server0`, `server1`, … otherwise. With them: each config
 * region matched to a server by its filled-in URL, its template or its description.
 */
export function resolveServers(document: JsonObject, config: CodegenConfig, configFile: string | undefined): ServerIR[] {
  const declared = declaredServers(document);
  const usable = declared.filter((s) => unusable(s) === undefined);
  const toIR = (s: DeclaredServer, name: string): ServerIR => ({
    name,
    url: (s.url ?? s.template).replace(/\/+$/, ''),
    ...(s.description !== undefined ? { description: s.description } : {}),
    ...(s.variables.length > 0 ? { template: s.template, variables: s.variables } : {}),
  });
  const regionEntries = Object.entries(config.regions);
  if (regionEntries.length === 0) return usable.map((s, i) => toIR(s, usable.length === 1 ? 'default' : `server${i}`));
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
