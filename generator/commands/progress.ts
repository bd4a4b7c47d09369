import type { CommandIO } from './io.js';

/** Stages slower than this get a plain progress line when stderr is not a terminal. */
export const SLOW_STAGE_MS = 1000;

export interface Progress {
  stage(name: string, ms: number): void;
  /** Clears a live line before the final summary. */
  end(): void;
}

/**
 * How a generate run reports its stages: `--verbose` prints every stage's time; a terminal gets
 * one line rewritten in place; a log (CI, a pipe) gets a plain line only for slow stages, so
 * small runs stay a single summary line and long ones show where they are.
 */
export function createProgress(io: CommandIO, mode: { verbose: boolean; tty: boolean }): Progress {
  if (mode.verbose) {
    return { stage: (name, ms) => io.stderr(`  ${name.padEnd(9)} ${ms.toFixed(0).padStart(6)} ms\n`), end: () => {} };
  }
  if (mode.tty) {
    let live = false;
    // The clear-line sequence is the CLI's own: it goes past the escaping of everything else.
    const clearLine = (): void => (io.control ?? io.stderr)('\r\x1b[K');
    return {
      stage: (name, ms) => {
        clearLine();
        io.stderr(`  ✓ ${name} (${(ms / 1000).toFixed(1)} s)`);
        live = true;
      },
      end: () => {
        if (live) clearLine();
      },
    };
  }
  return {
    stage: (name, ms) => {
      if (ms >= SLOW_STAGE_MS) io.stderr(`notai-codegen: ${name} done in ${(ms / 1000).toFixed(1)} s\n`);
    },
    end: () => {},
  };
}
