import { escapingIO, processIO, type CommandIO } from './commands/io.js';

const USAGE = `Usage: notai-codegen <command> [options]

Commands:
  generate   Generate a TypeScript client from an OpenAPI 3.0/3.1 spec
  fetch      Download, validate, canonicalise and pin the published spec
  diff       Compare two specs from a client's point of view (breaking / warning / non-breaking)

Run notai-codegen <command> --help for a command's options.
Exit codes: 0 success, 1 check/diff condition met, 2 error (bad input, bad config, I/O).`;

type Command = (args: string[], io: CommandIO) => Promise<number>;

// Loaded on demand: `--help` and `diff` should not pay for ts-morph and prettier.
const COMMANDS: Record<string, Command> = {
  generate: async (args, io) => (await import('./commands/generate.js')).generateCommand(args, io),
  fetch: async (args, io) => (await import('./commands/fetch.js')).fetchCommand(args, io),
  diff: async (args, io) => (await import('./diff/command.js')).runDiffCommand(args, io),
};

export async function main(argv: string[], out: CommandIO = processIO): Promise<number> {
  // Spec and user text in messages never reaches the terminal raw (commands/io.ts).
  const io = escapingIO(out);
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    (command ? io.stdout : io.stderr)(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`notai-codegen: unknown command "${command}". Run notai-codegen --help.\n`);
    return 2;
  }
  return run(rest, io);
}
