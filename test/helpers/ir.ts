import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../generator/config.js';
import { authFromSpec } from '../../generator/auth-from-spec.js';
import { buildIR } from '../../generator/ir/build.js';
import type { ApiIR } from '../../generator/ir/types.js';
import type { NamesLock } from '../../generator/ir/names-lock.js';
import { loadSpec } from '../../generator/load/index.js';

/** A minimal valid 3.1 document around the given paths/components. */
export function specWith(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi: '3.1.0', info: { title: 'Test API', version: '2.3.4' }, servers: [{ url: 'https://api.example.test' }], paths, ...extra };
}

export async function tempDir(prefix = 'codegen-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Loads (validates, bundles) a spec object through the real loader, then builds the IR. */
export async function irOf(spec: Record<string, unknown>, config: unknown = {}, names?: NamesLock): Promise<ApiIR> {
  const dir = await tempDir();
  const file = join(dir, 'openapi.json');
  await writeFile(file, JSON.stringify(spec));
  const loaded = await loadSpec(file);
  const title = String((loaded.document.info as { title: string }).title);
  return buildIR({ document: loaded.document, openapiVersion: loaded.openapiVersion, location: loaded.location, config: resolveConfig({ data: config }, { title, authHeaders: authFromSpec(loaded.document).headers }), names });
}

export const json = (schema: unknown): Record<string, unknown> => ({ description: 'ok', content: { 'application/json': { schema } } });

export const cursorPage = (item: unknown): unknown => ({
  type: 'object',
  required: ['data', 'pagination'],
  properties: {
    data: { type: 'array', items: item },
    pagination: { type: 'object', properties: { nextCursor: { type: ['string', 'null'] }, hasMore: { type: 'boolean' } } },
  },
});
