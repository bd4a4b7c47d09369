import { parseArgs } from 'node:util';
import { GeneratorError } from './errors.js';
import { generate } from './pipeline.js';

const USAGE = `Usage: notai-codegen <command> [options]

Commands:
  generate   Generate a TypeScript client from an OpenAPI 3.0/3.1 spec

generate options:
  --spec <file|url|dir>  Spec file (JSON or YAML), URL, or pinned-spec directory (uses its spec.lock.json)
  --out <dir>            Output directory of the generated package
  --config <file>        Codegen config (YAML); default: codegen.config.yaml in the spec directory
  --check                Regenerate in memory; exit 1 and list files that differ from <out>
  --verbose              Print each stage's time, warnings, and stack traces on error
  -h, --help             Show this help

Exit codes: 0 success, 1 --check found drift, 2 error (bad input, bad config, I/O).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command !== 'generate') {
    process.stderr.write(`notai-codegen: unknown command "${command}". Run notai-codegen --help.\n`);
    return 2;
  }
  let values: { spec?: string; out?: string; config?: string; check?: boolean; verbose?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args: rest,
      options: {
        spec: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        check: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`notai-codegen: ${(error as Error).message}. Run notai-codegen --help.\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.spec || !values.out) {
    process.stderr.write('notai-codegen: generate needs --spec and --out. Run notai-codegen --help.\n');
    return 2;
  }
  const verbose = values.verbose === true;
  const started = performance.now();
  try {
    const result = await generate({
      spec: values.spec,
      out: values.out,
      ...(values.config ? { config: values.config } : {}),
      check: values.check === true,
      ...(verbose ? { onStage: (stage: string, ms: number) => process.stderr.write(`  ${stage.padEnd(7)} ${ms.toFixed(0).padStart(6)} ms\n`) } : {}),
    });
    if (verbose) for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    const summary = `${result.ir.operations.length} operations, ${result.files.size} files`;
    if (result.drift) {
      if (result.drift.length > 0) {
        process.stderr.write(`${values.out} is stale (${result.drift.length} files differ from a fresh generation):\n${result.drift.map((d) => `  ${d}`).join('\n')}\nRun npm run generate and commit the result.\n`);
        return 1;
      }
      process.stdout.write(`${values.out} is up to date (${summary}).\n`);
      return 0;
    }
    process.stdout.write(`Generated ${values.out} from ${result.ir.title} ${result.ir.specVersion} (${summary}) in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  } catch (error) {
    if (error instanceof GeneratorError) {
      process.stderr.write(`notai-codegen: ${error.describe()}\n`);
      if (verbose && error.stack) process.stderr.write(`${error.stack}\n`);
      return 2;
    }
    process.stderr.write(`notai-codegen: unexpected error (a bug; please report it): ${(error as Error).message}\n`);
    if (verbose && (error as Error).stack) process.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`notai-codegen: ${(error as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
