import type { CodegenConfig } from '../config.js';
import type { LockInput } from '../emit/package-files.js';
import type { JsonObject } from '../schema/json.js';
import type { ApiIR } from '../ir/types.js';

/** Everything a target may read: the IR first; the rest only until the IR carries it (issue #17). */
export interface TargetInput {
  ir: ApiIR;
  config: CodegenConfig;
  document: JsonObject;
  /** The client's `--out`, as given: other targets place themselves relative to it. */
  clientOut: string;
  specFile: string | undefined;
  configFile: string | undefined;
  lock: LockInput;
  typescriptVersion: string;
}

/** Where a target writes, and how drift lines name it. */
export interface TargetPlace {
  /** Absolute directory. */
  out: string;
  /** The directory as seen from `--out` (`''` for `--out` itself, `../generated-mcp` beside it). */
  label: string;
}

export interface TargetFiles {
  /** Package-relative path → contents, in a stable order. */
  files: Map<string, string>;
  /** A few words for the command's one-line summary (`12 MCP tools`). */
  summary?: string;
}

/**
 * One output of the generator: a package (or a part of one) declared from the IR. The pipeline runs
 * every target the config enables, formats and size-checks their files together, then writes or
 * checks each in list order; adding an output means adding a target to `targets/index.ts`.
 */
export interface Target {
  /** Stable id, also the `--verbose` stage name of its emission. */
  readonly stage: string;
  enabled(config: CodegenConfig): boolean;
  place(input: TargetInput): TargetPlace;
  /** The files, each handed to `onFile` as soon as it is printed so formatting can start. */
  emit(input: TargetInput, onFile?: (path: string, text: string) => void): Promise<TargetFiles>;
}

/** A target's formatted files where they go, as the pipeline hands them to write/check. */
export interface TargetOutput extends TargetPlace, TargetFiles {
  stage: string;
}
