import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GeneratorError } from './errors.js';

export const SPEC_LOCK_FILE = 'spec.lock.json';
export const CONFIG_FILE = 'codegen.config.yaml';

export interface SpecLock {
  current: string;
  versions: Record<string, { file: string; sha256: string; source: string; fetchedAt: string | null; etag: string | null }>;
}

export interface ResolvedSpecSource {
  spec: string;
  config?: string;
  /**
   * Where the document is served, when known: the `--spec` URL, or the URL a pinned spec was
   * fetched from. Relative server URLs are relative to it (OpenAPI 3, Server Object).
   */
  documentUrl?: string;
}

const HTTP_URL = /^https?:\/\//i;

/**
 * `--spec` may name a file, a URL, or a pinned-spec directory (`spec/`), whose lock says which
 * version is current; the directory's config file is then the default config.
 */
export async function resolveSpecSource(spec: string, config: string | undefined): Promise<ResolvedSpecSource> {
  if (HTTP_URL.test(spec)) return config ? { spec, config, documentUrl: spec } : { spec, documentUrl: spec };
  const info = await stat(spec).catch(() => undefined);
  if (!info?.isDirectory()) return config ? { spec, config } : { spec };
  const lock = await readSpecLock(spec);
  const entry = lock.versions[lock.current];
  if (!entry) throw new GeneratorError(`Spec lock names current version "${lock.current}" but has no entry for it`, '#/current', join(spec, SPEC_LOCK_FILE));
  const defaultConfig = join(spec, CONFIG_FILE);
  const hasDefault = await stat(defaultConfig).then(() => true, () => false);
  const chosen = config ?? (hasDefault ? defaultConfig : undefined);
  const fetchedFrom = HTTP_URL.test(entry.source) ? { documentUrl: entry.source } : {};
  return chosen ? { spec: join(spec, entry.file), config: chosen, ...fetchedFrom } : { spec: join(spec, entry.file), ...fetchedFrom };
}

export async function readSpecLock(dir: string): Promise<SpecLock> {
  const file = join(dir, SPEC_LOCK_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new GeneratorError(`Cannot read spec lock: ${(error as Error).message}`, '#', file);
  }
  const lock = parsed as Partial<SpecLock>;
  if (typeof lock.current !== 'string' || typeof lock.versions !== 'object' || lock.versions === null) {
    throw new GeneratorError('Spec lock needs `current` and `versions`', '#', file);
  }
  return lock as SpecLock;
}
