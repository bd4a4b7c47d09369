// npm run spec:release — one command from "the vendor published a spec" to a reviewable change:
// fetch → diff → bump → generate (client and MCP server) → test → changelog. Writes the pull
// request body (--report) and, in GitHub Actions, the step outputs scripts/release-pr.ts reads.
//
// Exit codes: 0 a release to review was prepared (even when its tests fail or it breaks clients:
// the pull request is then a draft) or the spec is unchanged; 2 it could not be prepared.
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GeneratorError } from '../generator/errors.js';
import { releaseSpec } from '../generator/release/release.js';
import { projectTests } from '../generator/release/test-run.js';
import { resolveFetchUrl } from '../generator/commands/fetch.js';

const ROOT = join(import.meta.dirname, '..');

const HELP = `Usage: npm run spec:release -- [--region <name> | --url <url>] [--report <file>] [--tests <path>]... [--skip-tests]

  --region <name>    Region whose server publishes the spec (default: the config's first)
  --url <url>        Fetch the spec from this URL instead
  --spec-dir <dir>   Pinned-spec directory (default spec/)
  --out <dir>        Generated client package (default generated/)
  --report <file>    Write the pull request body (diff report, failing tests) here
  --tests <path>     Run only these test files or folders (repeatable; default: every test)
  --skip-tests       Do not run tests (the outputs say tests=skipped)
`;

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    region: { type: 'string' },
    'spec-dir': { type: 'string', default: join(ROOT, 'spec') },
    out: { type: 'string', default: join(ROOT, 'generated') },
    report: { type: 'string' },
    tests: { type: 'string', multiple: true, default: [] },
    'skip-tests': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(HELP);
} else {
  try {
    const specDir = String(values['spec-dir']);
    const url = values.url ?? (await resolveFetchUrl(specDir, values.region));
    const result = await releaseSpec({
      url,
      specDir,
      out: String(values.out),
      packageLock: join(ROOT, 'package-lock.json'),
      runTests: values['skip-tests'] ? async () => ({ passed: true, failures: [] }) : projectTests({ cwd: ROOT, files: values.tests }),
      log: (line) => process.stdout.write(`spec:release: ${line}\n`),
    });
    const outputs: Record<string, string> =
      result.status === 'unchanged'
        ? { changed: 'false', spec_version: result.specVersion }
        : {
            changed: 'true',
            spec_version: result.specVersion,
            package_version: result.packageVersion,
            verdict: result.report.verdict,
            breaking: String(result.report.verdict === 'major'),
            tests: values['skip-tests'] ? 'skipped' : result.tests,
          };
    if (result.status === 'released' && values.report) await writeFile(values.report, result.markdown);
    // In GitHub Actions, hand the outcome to later steps.
    if (process.env.GITHUB_OUTPUT) await appendFile(process.env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
    process.stdout.write(`spec:release: ${JSON.stringify(outputs)}\n`);
    if (result.status === 'released' && result.tests === 'failed') {
      process.stdout.write(`spec:release: ${result.failures.length} failing tests; the pull request will be a draft:\n${result.failures.map((f) => `  ${f}`).join('\n')}\n`);
    }
  } catch (error) {
    process.stderr.write(`spec:release: ${error instanceof GeneratorError ? error.describe() : (error as Error).message}\n`);
    process.exitCode = 2;
  }
}
