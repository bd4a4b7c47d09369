/**
 * The repository's current pinned spec and what was generated from it, for tests of "the
 * current client": they take their expectations from here, never from a version written into
 * the test, so a spec release that only adds passes them unedited. Tests of the generator use
 * frozen fixtures instead (test/fixtures/notai-pinned/).
 */
import { readFileSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { generate } from '../../generator/pipeline.js';
import type { ApiIR, OperationIR } from '../../generator/ir/types.js';
import { HTTP_METHODS } from '../../generator/ir/types.js';
import { CONFIG_FILE, SPEC_LOCK_FILE, type SpecLock } from '../../generator/spec-source.js';
import { tempDir } from './ir.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SPEC_DIR = join(ROOT, 'spec');
export const GENERATED_DIR = join(ROOT, 'generated');
export const GENERATED_MCP_DIR = join(ROOT, 'generated-mcp');

/** A frozen copy of spec/ as it was at Not AI 1.0.17.0 (lock, config, document): input for generator tests. */
export const FROZEN_SPEC_DIR = join(ROOT, 'test', 'fixtures', 'notai-pinned');
/** The frozen fixture's document and version, which never change. */
export const FROZEN_VERSION = '1.0.17.0';
export const FROZEN_SPEC_FILE = join(FROZEN_SPEC_DIR, FROZEN_VERSION, 'openapi.json');

/** spec/spec.lock.json. */
export function pinnedLock(): SpecLock {
  return JSON.parse(readFileSync(join(SPEC_DIR, SPEC_LOCK_FILE), 'utf8')) as SpecLock;
}

/** The pinned version the lock names as current, e.g. `1.0.17.0`. */
export function pinnedVersion(): string {
  return pinnedLock().current;
}

/** Absolute path of the current pinned document. */
export function pinnedSpecFile(): string {
  const lock = pinnedLock();
  const entry = lock.versions[lock.current];
  if (!entry) throw new Error(`spec/${SPEC_LOCK_FILE} names ${lock.current} but has no entry for it`);
  return join(SPEC_DIR, entry.file);
}

/** The current pinned document, parsed. */
export function pinnedSpec(): Record<string, unknown> {
  return JSON.parse(readFileSync(pinnedSpecFile(), 'utf8')) as Record<string, unknown>;
}

export interface SpecOperation {
  method: string;
  path: string;
  operationId: string | undefined;
}

/** Every operation of a spec document, in document order (paths, then methods as HTTP_METHODS lists them). */
export function specOperations(spec: Record<string, unknown>): SpecOperation[] {
  const paths = (spec.paths ?? {}) as Record<string, Record<string, { operationId?: string } | undefined>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => ({ method, path, operationId: item[method]!.operationId })),
  );
}

/**
 * The version the generated package must have: `package.version` of spec/codegen.config.yaml
 * (which `spec:release` bumps), else the first three numbers of the pinned spec's version.
 */
export function expectedPackageVersion(): string {
  const config = parseYaml(readFileSync(join(SPEC_DIR, CONFIG_FILE), 'utf8')) as { package?: { version?: unknown } } | null;
  const configured = config?.package?.version;
  if (typeof configured === 'string') return configured;
  return pinnedVersion().split('.').slice(0, 3).join('.');
}

/** `version` of a generated package.json (generated/ or generated-mcp/). */
export function generatedPackageVersion(dir: string = GENERATED_DIR): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

let irOnce: Promise<ApiIR> | undefined;

/**
 * The IR of the current pinned spec under spec/codegen.config.yaml, from the real pipeline (in
 * check mode, unformatted: nothing is written). Every test that asks shares one run.
 */
export function pinnedIR(): Promise<ApiIR> {
  irOnce ??= generate({ spec: SPEC_DIR, out: GENERATED_DIR, check: true, format: false }).then((r) => r.ir);
  return irOnce;
}

/** The operation the IR built for `method path` of the spec; throws if there is none. */
export function irOperation(ir: ApiIR, method: string, path: string): OperationIR {
  const found = ir.operations.find((o) => o.method === method && o.path === path);
  if (!found) throw new Error(`no operation ${method.toUpperCase()} ${path} in the IR`);
  return found;
}

/**
 * A scratch copy of the frozen fixture spec directory (lock, config, 1.0.17.0 document), for
 * tests that pin, mutate or regenerate it. Returns the copy's path.
 */
export async function frozenSpecDir(into?: string): Promise<string> {
  const dir = into ?? join(await tempDir('frozen-spec-'), 'spec');
  await cp(FROZEN_SPEC_DIR, dir, { recursive: true });
  return dir;
}

/** The frozen fixture document, parsed. */
export async function frozenSpec(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(FROZEN_SPEC_FILE, 'utf8')) as Record<string, unknown>;
}
