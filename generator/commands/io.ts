/** Where a command prints; tests pass their own, the CLI passes the process streams. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (live progress line) rather than a log. */
  isTTY?: boolean;
}

export const processIO: CommandIO = {
  isTTY: process.stderr.isTTY === true,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};
