// npm run spec:release — one command from "the vendor published a spec" to a reviewable change:
// fetch → diff → bump → generate → test → changelog. Writes the markdown report for the PR body.
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GeneratorError } from '../generator/errors.js';
import { npmTest, releaseSpec } from '../generator/release/release.js';
import { resolveFetchUrl } from '../generator/commands/fetch.js';

const ROOT = join(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    region: { type: 'string' },
    'spec-dir': { type: 'string', default: join(ROOT, 'spec') },
    out: { type: 'string', default: join(ROOT, 'generated') },
    report: { type: 'string' },
    'skip-tests': { type: 'boolean', default: false },
  },
});

try {
  const specDir = String(values['spec-dir']);
  const url = values.url ?? (await resolveFetchUrl(specDir, values.region));
  const result = await releaseSpec({
    url,
    specDir,
    out: String(values.out),
    runTests: values['skip-tests'] ? async () => {} : npmTest(ROOT),
    log: (line) => process.stdout.write(`spec:release: ${line}\n`),
  });
  const outputs: Record<string, string> =
    result.status === 'unchanged'
      ? { changed: 'false', spec_version: result.specVersion }
      : { changed: 'true', spec_version: result.specVersion, verdict: result.report.verdict, package_version: result.packageVersion, breaking: String(result.report.verdict === 'major') };
  if (result.status === 'released' && values.report) await writeFile(values.report, result.markdown);
  // In GitHub Actions, hand the outcome to later steps.
  if (process.env.GITHUB_OUTPUT) await appendFile(process.env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
  process.stdout.write(`spec:release: ${JSON.stringify(outputs)}\n`);
} catch (error) {
  process.stderr.write(`spec:release: ${error instanceof GeneratorError ? error.describe() : (error as Error).message}\n`);
  process.exitCode = 2;
}
