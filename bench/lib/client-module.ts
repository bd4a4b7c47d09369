/**
 * The generated client as a consumer runs it: generated/src bundled by esbuild into one plain
 * ESM file (no tsx transform, no keepNames helpers), which the client benchmarks' worker
 * processes import.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GENERATED_SRC, rootEsbuild } from './paths.js';

export type ClientModule = typeof import('../../generated/src/index.js');

export interface BuiltClient {
  file: string;
  remove(): void;
}

export async function buildClientModule(): Promise<BuiltClient> {
  const dir = mkdtempSync(join(tmpdir(), 'notai-bench-client-'));
  const file = join(dir, 'notai-client.mjs');
  await rootEsbuild().build({
    entryPoints: [join(GENERATED_SRC, 'index.ts')],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function importClientModule(file: string): Promise<ClientModule> {
  return (await import(pathToFileURL(file).href)) as ClientModule;
}
