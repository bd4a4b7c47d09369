import { parseArgs } from 'node:util';
import { GeneratorError } from '../errors.js';
import { generate } from '../pipeline.js';
import type { CommandIO } from './io.js';
import { createProgress } from './progress.js';

export const GENERATE_HELP = `Usage: notai-codegen generate --spec <file|url|dir> --out <dir> [--config <file>] [--check] [--fresh-names]
                             [--allow-remote-refs <url-prefix>]... [--skip-invalid] [--max-output-bytes <n>] [--verbose]

Generate a TypeScript client package from an OpenAPI 3.0/3.1 spec.

  --spec <file|url|dir>  Spec file (JSON or YAML), URL, or pinned-spec directory (uses its spec.lock.json)
  --out <dir>            Output directory of the generated package
  --config <file>        Codegen config (YAML); default: codegen.config.yaml in the spec directory
  --check                Regenerate in memory; exit 1 and list files that differ from <out>
                         (and from the MCP package directory when the config has an \`mcp\` section)
  --fresh-names          Derive every name afresh, ignoring the names <out>/codegen.lock.json recorded
                         (renames what users call: for adopting new naming rules on purpose)
  --allow-remote-refs <url-prefix>
                         Let $refs fetch documents under this http(s) URL prefix (repeatable). By
                         default $refs resolve only inside the spec's own folder (a URL spec: its
                         origin and directory), so generating from a local file stays offline
  --skip-invalid         Leave out the paths the validator refuses, with a warning per operation,
                         instead of failing (all invalid paths are listed either way)
  --max-output-bytes <n> Fail, writing nothing, when the generated files total more (default 200 MB)
  --verbose              Print each stage's time, warnings, and stack traces on error
  -h, --help             Show this help

Exit codes: 0 success, 1 --check found drift, 2 error (bad input, bad config, I/O).`;

export async function generateCommand(args: string[], io: CommandIO): Promise<number> {
  let values: { spec?: string; out?: string; config?: string; check?: boolean; 'fresh-names'?: boolean; 'allow-remote-refs'?: string[]; 'skip-invalid'?: boolean; 'max-output-bytes'?: string; verbose?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        spec: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        check: { type: 'boolean', default: false },
        'fresh-names': { type: 'boolean', default: false },
        'allow-remote-refs': { type: 'string', multiple: true, default: [] },
        'skip-invalid': { type: 'boolean', default: false },
        'max-output-bytes': { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    io.stderr(`notai-codegen: ${(error as Error).message}. Run notai-codegen generate --help.\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${GENERATE_HELP}\n`);
    return 0;
  }
  if (!values.spec || !values.out) {
    io.stderr('notai-codegen: generate needs --spec and --out. Run notai-codegen generate --help.\n');
    return 2;
  }
  const maxOutputBytes = values['max-output-bytes'] === undefined ? undefined : Number(values['max-output-bytes']);
  if (maxOutputBytes !== undefined && !(Number.isSafeInteger(maxOutputBytes) && maxOutputBytes > 0)) {
    io.stderr(`notai-codegen: --max-output-bytes must be a positive whole number of bytes, not "${values['max-output-bytes']}".\n`);
    return 2;
  }
  const verbose = values.verbose === true;
  const progress = createProgress(io, { verbose, tty: io.isTTY === true });
  const started = performance.now();
  try {
    const result = await generate({
      spec: values.spec,
      out: values.out,
      ...(values.config ? { config: values.config } : {}),
      check: values.check === true,
      freshNames: values['fresh-names'] === true,
      allowRemoteRefs: values['allow-remote-refs'] ?? [],
      skipInvalid: values['skip-invalid'] === true,
      ...(maxOutputBytes === undefined ? {} : { maxOutputBytes }),
      onStage: (stage: string, ms: number) => progress.stage(stage, ms),
    });
    progress.end();
    if (verbose) for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
    else if (result.warnings.length > 0) {
      const count = result.warnings.length === 1 ? '1 warning' : `${result.warnings.length} warnings`;
      io.stderr(`${count} about the spec: run with --verbose to see ${result.warnings.length === 1 ? 'it' : 'them'}.\n`);
    }
    const others = result.outputs.slice(1).map((o) => `; ${o.label}: ${o.summary !== undefined ? `${o.summary}, ` : ''}${o.files.size} files`);
    const summary = `${result.ir.operations.length} operations, ${result.files.size} files${others.join('')}`;
    if (result.drift) {
      if (result.drift.length > 0) {
        io.stderr(`${values.out} is stale (${result.drift.length} files differ from a fresh generation):\n${result.drift.map((d) => `  ${d}`).join('\n')}\nRegenerate it (the same command without --check) and commit the result.\n`);
        return 1;
      }
      io.stdout(`${values.out} is up to date (${summary}).\n`);
      return 0;
    }
    io.stdout(`Wrote ${values.out} from ${result.ir.title} ${result.ir.specVersion} (${summary}) in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  } catch (error) {
    progress.end();
    return reportError(error, verbose, io);
  }
}

/** One line for expected failures; a "this is a bug" line otherwise. Stacks only with --verbose. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

export function reportError(error: unknown, verbose: boolean, io: CommandIO): number {
  if (error instanceof GeneratorError) {
    io.stderr(`notai-codegen: ${error.describe()}\n`);
  } else if (isFileSystemError(error)) {
    // The disk, permissions or the --out path, not the generator: an ordinary exit-2 message.
    io.stderr(`notai-codegen: cannot write the output: ${error.message}\n`);
  } else {
    io.stderr(`notai-codegen: unexpected error (a bug; please report it): ${(error as Error).message}\n`);
  }
  if (verbose && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return 2;
}
