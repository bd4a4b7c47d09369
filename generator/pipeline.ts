import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configNamesAuthHeaders, readConfigFile, resolveConfig, type CodegenConfig, type RawConfigInput } from './config.js';
import { authFromSpec } from './auth-from-spec.js';
import { FormatSession, warmFormatter } from './format/index.js';
import { buildIR } from './ir/build.js';
import { releaseTypesInput } from './ir/types-document.js';
import { readNamesLock, type NamesLock } from './ir/names-lock.js';
import { GeneratorError } from './errors.js';
import { securityWarnings } from './ir/security.js';
import { serverWarnings } from './ir/servers.js';
import type { ApiIR } from './ir/types.js';
import { loadSpec, type LoadedSpec, type LoadOptions } from './load/index.js';
import { ownPackage } from './own-package.js';
import { resolveSpecSource } from './spec-source.js';
import { sha256Of as sha256 } from './spec-store/store.js';
import { TARGETS, type Target, type TargetEmitInput, type TargetOutput, type TargetPlaceInput } from './targets/index.js';
import { assertOutputSize, DEFAULT_MAX_OUTPUT_BYTES, findDrift, outputSize, writeAtomically } from './write.js';

export interface GenerateOptions {
  spec: string;
  out: string;
  config?: string;
  /** Compare with `out` instead of writing; the result lists drifted files. */
  check?: boolean;
  /** Run prettier (default true); the fuzzer turns it off for most mutants to stay fast. */
  format?: boolean;
  /** Called after each stage with its duration, for `--verbose`. */
  onStage?: (stage: string, ms: number) => void;
  /**
   * Derive every name afresh instead of keeping those recorded in `<out>/codegen.lock.json`
   * (default false): renames what users call, so only for adopting new naming rules on purpose.
   */
  freshNames?: boolean;
  /** URL prefixes remote `$ref`s may name (`--allow-remote-refs`); none by default. */
  allowRemoteRefs?: readonly string[];
  /** Leave out invalid paths with a warning each (`--skip-invalid`) instead of refusing the spec. */
  skipInvalid?: boolean;
  /** Fail, writing nothing, when all outputs together exceed this many bytes (default 200 MB). */
  maxOutputBytes?: number;
  /**
   * Keep the spec document in `result.ir.typesInput` (default false), for a caller that prints
   * targets from the returned IR again. By default it is released once every target has printed
   * (~100 MB of heap on Microsoft Graph's spec while files are formatted and written).
   */
  keepDocument?: boolean;
  /** The outputs to consider (default TARGETS); each still runs only if its `enabled(config)` says so. */
  targets?: readonly Target[];
}

export interface GenerateResult {
  ir: ApiIR;
  /** The client package's files (the first output). */
  files: Map<string, string>;
  /** Every output the config enabled, in TARGETS order, the client first. */
  outputs: TargetOutput[];
  warnings: string[];
  /** Only with `check`: files that differ from a fresh generation, prefixed by their output's label. */
  drift?: string[];
}

/** The output of one target (`'mcp'`), if the config enabled it. */
export function outputOf(result: GenerateResult, stage: string): TargetOutput | undefined {
  return result.outputs.find((output) => output.stage === stage);
}


/**
 * The names the previous generation in `out` recorded, and the package it generated. No lock is a
 * first generation; a lock that is not JSON (a merge conflict) is an error, since deriving every
 * name afresh would silently rename what users call.
 */
async function recordedNames(out: string): Promise<{ packageName: unknown; names: NamesLock | undefined } | undefined> {
  const file = join(out, 'codegen.lock.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
  let lock: unknown;
  try {
    lock = JSON.parse(text);
  } catch (error) {
    throw new GeneratorError(`The lock of the previous generation is not JSON (${(error as Error).message}): restore it, or regenerate with --fresh-names`, '#', file);
  }
  const pkg = typeof lock === 'object' && lock !== null ? (lock as { package?: { name?: unknown } }).package : undefined;
  return { packageName: pkg?.name, names: readNamesLock(lock) };
}

/**
 * The loaded spec without its text: only the text's hash outlives loading (the lock names it), so
 * the text (20 MB on Microsoft Graph's spec, twice that as a two-byte string) is not kept alive
 * through every later stage.
 */
async function loadForGeneration(spec: string, options: LoadOptions): Promise<Omit<LoadedSpec, 'text'>> {
  const { document, openapiVersion, warnings, location, textSha256 } = await loadSpec(spec, options);
  return { document, openapiVersion, warnings, location, textSha256 };
}

/**
 * Stages 1 and 2, in a frame of their own: what the run goes on to need, and nothing that holds the
 * document (the whole spec, ~100 MB of heap on Microsoft Graph's) or the previous lock besides the
 * IR, which lets the document go once every target has printed (releaseTypesInput).
 */
async function loadAndBuild(
  options: GenerateOptions,
  source: Awaited<ReturnType<typeof resolveSpecSource>>,
  timed: <T>(stage: string, fn: () => Promise<T> | T) => Promise<T>,
): Promise<{ ir: { ir: ApiIR; config: CodegenConfig; specWarnings: string[] }; loadWarnings: string[]; textSha256: string; configText: string | undefined }> {
  const loaded = await timed('load', () => loadForGeneration(source.spec, { allowRemoteRefs: options.allowRemoteRefs, skipInvalid: options.skipInvalid }));
  const rawConfig: RawConfigInput = source.config ? await readConfigFile(source.config) : { data: {} };
  const recorded = options.freshNames ? undefined : await recordedNames(options.out);
  const configText = rawConfig.text;
  const ir = await timed('ir', () => {
    const title = typeof (loaded.document.info as { title?: unknown } | undefined)?.title === 'string' ? String((loaded.document.info as { title: string }).title) : 'API';
    // The spec's auth forms (and their warnings) only matter when the config does not name its own.
    const specAuth = configNamesAuthHeaders(rawConfig) ? undefined : authFromSpec(loaded.document);
    const config = resolveConfig(rawConfig, { title, authHeaders: specAuth?.headers });
    // Another package's lock in --out (a different API generated there before) names nothing here.
    const names = recorded?.packageName === config.package.name ? recorded.names : undefined;
    const specWarnings = [...(specAuth?.warnings ?? []), ...securityWarnings(loaded.document), ...serverWarnings(loaded.document, config, source.documentUrl)];
    return { ir: buildIR({ document: loaded.document, openapiVersion: loaded.openapiVersion, location: loaded.location, config, configFile: source.config, documentUrl: source.documentUrl, names }), config, specWarnings };
  });
  return { ir, loadWarnings: loaded.warnings, textSha256: loaded.textSha256, configText };
}

/**
 * One timed run: load → ir → emit (each target) → format → write (or check). Formatting runs in
 * worker threads (format/pool.ts) and starts with each printed file, so it overlaps the emission
 * of later files and targets; the `format` stage reports only the time left to wait for it.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const timed = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await fn();
    options.onStage?.(stage, performance.now() - start);
    return result;
  };

  if (options.format !== false) warmFormatter();
  const source = await resolveSpecSource(options.spec, options.config);
  const { ir, loadWarnings, textSha256, configText } = await loadAndBuild(options, source, timed);
  const own = await ownPackage();
  // The IR is what targets print from; the config only places them (and enables them, below).
  const placeInput: TargetPlaceInput = { config: ir.config, clientOut: options.out, configFile: source.config };
  const emitInput: TargetEmitInput = {
    ir: ir.ir,
    typescriptVersion: own.pin('typescript', '5.9.3'),
    lock: { generatorVersion: own.version, specSha256: textSha256, configSha256: configText === undefined ? null : sha256(configText) },
  };
  const pending: { output: Omit<TargetOutput, 'files'>; files: Promise<Map<string, string>> }[] = [];
  const targets = (options.targets ?? TARGETS).filter((t) => t.enabled(ir.config));
  // Every place first: a bad one (outputs that overlap) fails before any emitting.
  const places = targets.map((target) => target.place(placeInput));
  if (places[0]?.label !== '') throw new Error('the first target must write to --out (a generator bug)');
  for (const [i, target] of targets.entries()) {
    const place = places[i]!;
    const formatter = options.format === false ? undefined : new FormatSession();
    const emitted = await timed(target.stage, () => target.emit(emitInput, formatter ? (path, text) => formatter.add(path, text) : undefined));
    const files = formatter === undefined ? Promise.resolve(emitted.files) : formatter.finish(emitted.files);
    // Awaited below; without this a formatting failure while the next target emits would be "unhandled".
    files.catch(() => undefined);
    pending.push({ output: { stage: target.stage, ...place, ...(emitted.summary !== undefined ? { summary: emitted.summary } : {}) }, files });
  }
  // Every target has printed: nothing reads the document behind types.ts while files are
  // formatted (minutes on a first run) and written.
  if (options.keepDocument !== true) releaseTypesInput(ir.ir);
  const formatted = options.format === false ? await Promise.all(pending.map((p) => p.files)) : await timed('format', () => Promise.all(pending.map((p) => p.files)));
  const outputs: TargetOutput[] = pending.map((p, i) => ({ ...p.output, files: formatted[i]! }));
  const client = outputs[0]!;
  const result: GenerateResult = { ir: ir.ir, files: client.files, outputs, warnings: [...loadWarnings, ...ir.specWarnings] };
  // All outputs together, before the first is written: a runaway never leaves one of them behind.
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  assertOutputSize(outputSize(...outputs.map((o) => o.files)), maxBytes);
  if (options.check) {
    result.drift = await timed('check', async () => {
      const drift: string[] = [];
      for (const output of outputs) drift.push(...(await findDrift(output.out, output.files)).map((d) => (output.label === '' ? d : `${output.label}/${d}`)));
      return drift;
    });
  } else {
    for (const output of outputs) await timed(output.label === '' ? 'write' : `write-${output.stage}`, () => writeAtomically(output.out, output.files, { maxBytes }));
  }
  return result;
}
