import type { CodegenConfig } from '../config.js';
import type { LockInput } from '../emit/package-files.js';
import type { ApiIR } from '../ir/types.js';

/**
 * Where the pipeline is asked to write: a target places itself from these (the config's `mcp.out`,
 * say), before anything is emitted. Placement is the pipeline's business, not an output's content.
 */
export interface TargetPlaceInput {
  config: CodegenConfig;
  /** The client's `--out`, as given: other targets place themselves relative to it. */
  clientOut: string;
  configFile: string | undefined;
}

/**
 * Everything a target prints from: the IR, which carries every fact of the spec and the config an
 * output needs (issue #17 item 2), and what only the pipeline knows (the lock's hashes, the
 * TypeScript pin). No target reads the document or the config.
 */
export interface TargetEmitInput {
  ir: ApiIR;
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
  place(input: TargetPlaceInput): TargetPlace;
  /** The files, each handed to `onFile` as soon as it is printed so formatting can start. */
  emit(input: TargetEmitInput, onFile?: (path: string, text: string) => void): Promise<TargetFiles>;
}

/** A target's formatted files where they go, as the pipeline hands them to write/check. */
export interface TargetOutput extends TargetPlace, TargetFiles {
  stage: string;
}
