import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfigFile, resolveConfig } from '../config.js';
import { GeneratorError } from '../errors.js';
import { downloadSpec, parseSpecBody } from '../fetch/download.js';
import { validateAndBundle } from '../load/validate.js';
import { CONFIG_FILE, readSpecLock } from '../spec-source.js';
import { pinSpec, type PinResult } from '../spec-store/store.js';
import { reportError } from './generate.js';
import type { CommandIO } from './io.js';

export const FETCH_HELP = `Usage: notai-codegen fetch [--region <name>] [--url <url>] [--out <dir>] [--config <file>] [--timeout <ms>] [--retries <n>]
                          [--allow-remote-refs <url-prefix>]... [--verbose]

Download the published spec, validate it (OpenAPI 3.0/3.1), canonicalise it, and pin it as
<out>/<info.version>/openapi.json, updating <out>/spec.lock.json (sha256, source, fetched-at, ETag).
An unchanged document writes nothing. Errors leave <out> untouched.

  --region <name>  Region whose server publishes the spec (default: the config's first region)
  --url <url>      Fetch this URL instead of <region server><fetch.path>
  --out <dir>      Pinned-spec directory (default: spec)
  --config <file>  Codegen config (default: <out>/codegen.config.yaml)
  --timeout <ms>   Per-attempt timeout (default 30000)
  --retries <n>    Retries after the first attempt on connection errors, 429 and 5xx (default 3)
  --allow-remote-refs <url-prefix>
                   Let the spec's $refs fetch documents under this http(s) URL prefix (repeatable);
                   by default only those under the spec URL's own origin and directory
  --verbose        Stack traces on error

Exit codes: 0 pinned or unchanged, 2 error.`;

export interface FetchDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

export async function fetchCommand(args: string[], io: CommandIO, deps: FetchDeps = {}): Promise<number> {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        region: { type: 'string' },
        url: { type: 'string' },
        out: { type: 'string', default: 'spec' },
        config: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        'allow-remote-refs': { type: 'string', multiple: true, default: [] },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    io.stderr(`notai-codegen: ${(error as Error).message}. Run notai-codegen fetch --help.\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${FETCH_HELP}\n`);
    return 0;
  }
  try {
    const out = String(values.out);
    const url = typeof values.url === 'string' ? values.url : await resolveFetchUrl(out, typeof values.region === 'string' ? values.region : undefined, typeof values.config === 'string' ? values.config : undefined);
    const result = await fetchAndPin(url, out, {
      ...deps,
      ...(values.timeout ? { timeoutMs: positiveInt(String(values.timeout), 'timeout') } : {}),
      ...(values.retries !== undefined ? { retries: positiveInt(String(values.retries), 'retries', true) } : {}),
      allowRemoteRefs: Array.isArray(values['allow-remote-refs']) ? values['allow-remote-refs'] : [],
    });
    io.stdout(result.status === 'unchanged' ? `Spec unchanged (${result.version}); nothing written.\n` : `Pinned ${result.version} (sha256 ${result.sha256.slice(0, 12)}…) in ${result.folder}${result.previous ? `, replacing ${result.previous} as current` : ''}.\n`);
    return 0;
  } catch (error) {
    return reportError(error, values.verbose === true, io);
  }
}

function positiveInt(text: string, name: string, allowZero = false): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new GeneratorError(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer`, '#');
  return n;
}

/** `<region's server URL><fetch.path>`, with the server resolved through the pinned spec's servers. */
export async function resolveFetchUrl(out: string, regionName?: string, configPath?: string): Promise<string> {
  const configFile = configPath ?? join(out, CONFIG_FILE);
  const lock = await readSpecLock(out);
  const current = lock.versions[lock.current];
  const pinned = current ? (JSON.parse(await readFile(join(out, current.file), 'utf8')) as { info?: { title?: string }; servers?: { url?: string; description?: string }[] }) : {};
  const config = resolveConfig(await readConfigFile(configFile), { title: pinned.info?.title ?? 'API' });
  if (!config.fetch) throw new GeneratorError('The config has no fetch.path; pass --url or set fetch.path', '#/fetch', configFile);
  const names = Object.keys(config.regions);
  const region = regionName ?? names[0];
  const wanted = region !== undefined ? config.regions[region] : undefined;
  if (region === undefined || wanted === undefined) {
    throw new GeneratorError(`Unknown region "${String(region)}"; the config defines ${names.join(', ') || 'none'}`, '#/regions', configFile);
  }
  const server = /^https?:\/\//.test(wanted) ? wanted : pinned.servers?.find((s) => s.description === wanted)?.url;
  if (!server) throw new GeneratorError(`Region "${region}" matches no server of the pinned spec`, `#/regions/${region}`, configFile);
  return `${server.replace(/\/+$/, '')}${config.fetch.path}`;
}

export async function fetchAndPin(url: string, out: string, options: FetchDeps & { timeoutMs?: number; retries?: number; allowRemoteRefs?: readonly string[] }): Promise<PinResult> {
  const lock = await readSpecLock(out).catch(() => null);
  const currentEtag = lock?.versions[lock.current]?.etag ?? null;
  const download = await downloadSpec(url, { ...options, etag: currentEtag });
  if (download.status === 'not-modified') {
    if (!lock) throw new GeneratorError('Server answered 304 Not Modified but nothing is pinned yet', '#', url);
    return { status: 'unchanged', version: lock.current, sha256: lock.versions[lock.current]?.sha256 ?? '' };
  }
  const document = parseSpecBody(download.text, url);
  await validateAndBundle(document, download.text, url, { allowRemoteRefs: options.allowRemoteRefs, ...(options.fetch ? { fetch: options.fetch } : {}) });
  return pinSpec({ dir: out, document, source: url, fetchedAt: (options.now?.() ?? new Date()).toISOString(), etag: download.etag });
}
