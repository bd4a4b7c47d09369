/**
 * Runs the project's tests for a release and says which failed, by name: a release whose tests
 * fail still goes to a reviewer (as a draft pull request), and the names are what they read first.
 * The steps are `npm test`'s own (type-check, then vitest), run separately so each failure is named.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export interface TestOutcome {
  passed: boolean;
  /** `test/x.test.ts > suite > test`, `tsc: file(line,col): error TS…`: one line per failure. */
  failures: string[];
}

/** How many failures are named at most; the rest are counted (a pull request body is bounded). */
const MAX_NAMED = 200;

interface Run {
  code: number | null;
  output: string;
}

function run(command: string, args: string[], cwd: string, echo: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const chunks: Buffer[] = [];
    const collect = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
      chunks.push(chunk);
      if (echo) stream.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** Type errors as reported by `tsc --pretty false`: `file(line,col): error TSxxxx: message`. */
export function typeErrors(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /\): error TS\d+:/.test(line))
    .map((line) => `tsc: ${line.trim()}`);
}

interface VitestJson {
  testResults?: { name?: string; status?: string; message?: string; assertionResults?: { status?: string; fullName?: string; title?: string }[] }[];
}

/** Failed tests from vitest's JSON report; a file that failed to load counts as one failure. */
export function failedTests(report: VitestJson, root: string): string[] {
  const out: string[] = [];
  for (const file of report.testResults ?? []) {
    const name = file.name ? relative(root, file.name) : '(unknown file)';
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) out.push(`${name} > ${a.fullName ?? a.title ?? '(unnamed test)'}`);
    if (failed.length === 0 && file.status === 'failed') out.push(`${name}: ${(file.message ?? 'failed to run').split('\n')[0]}`);
  }
  return out;
}

export interface TestRunOptions {
  /** Repository root: where tsconfig.json and the vitest config are. */
  cwd: string;
  /** Test files or folders to run (vitest filters); all of them when empty. */
  files?: readonly string[];
  /** Echo the tests' output (CI logs); default true. */
  echo?: boolean;
}

/** Type-check, then vitest with a JSON report; resolves with what failed (never rejects on failures). */
export function projectTests({ cwd, files = [], echo = true }: TestRunOptions): () => Promise<TestOutcome> {
  return async () => {
    const failures: string[] = [];
    const tsc = await run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit', '--pretty', 'false'], cwd, echo);
    if (tsc.code !== 0) failures.push(...(typeErrors(tsc.output).length > 0 ? typeErrors(tsc.output) : [`tsc exited with ${tsc.code}`]));
    const dir = await mkdtemp(join(tmpdir(), 'release-tests-'));
    try {
      const reportFile = join(dir, 'vitest.json');
      const vitest = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...files], cwd, echo);
      const report = await readFile(reportFile, 'utf8').then((t) => JSON.parse(t) as VitestJson, () => undefined);
      const failed = report ? failedTests(report, cwd) : [];
      if (failed.length > 0) failures.push(...failed);
      else if (vitest.code !== 0) failures.push(`vitest exited with ${vitest.code} (no report of which test failed)`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const named = failures.length > MAX_NAMED ? [...failures.slice(0, MAX_NAMED), `… and ${failures.length - MAX_NAMED} more`] : failures;
    return { passed: failures.length === 0, failures: named };
  };
}
