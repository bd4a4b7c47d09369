import { escapeForTerminal } from '../text/invisible.js';

/** Where a command prints; tests pass their own, the CLI passes the process streams. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (live progress line) rather than a log. */
  isTTY?: boolean;
  /**
   * Terminal control sequences the CLI writes itself (the live progress line's clear-line), to
   * stderr as they are: the one way past the escaping of `escapingIO`. Without it, `stderr`.
   */
  control?(sequence: string): void;
}

export const processIO: CommandIO = {
  isTTY: process.stderr.isTTY === true,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/**
 * What every command prints goes through this (cli.ts): spec titles, paths, warnings, error
 * messages and file names can hold terminal escapes (`\x1b[2J`, an OSC 8 link) or bidi controls,
 * which would act on the user's terminal or reorder the line. They are printed as visible escapes
 * (`\x1b`, `\u202e`); tabs, line feeds and ordinary non-ASCII text (accents, CJK, emoji) stay.
 */
export function escapingIO(io: CommandIO): CommandIO {
  const raw = io.control ?? io.stderr;
  return {
    ...(io.isTTY === undefined ? {} : { isTTY: io.isTTY }),
    stdout: (text) => io.stdout(escapeForTerminal(text)),
    stderr: (text) => io.stderr(escapeForTerminal(text)),
    control: (sequence) => raw(sequence),
  };
}
