/**
 * A vitest reporter that prints, after every run, the slowest test files: so the next file that
 * makes `npm test` slow is visible in the run that made it slow (issue #20). It sits beside the
 * default reporter (vitest.config.ts) and only adds a table.
 *
 * Columns, all wall-clock seconds in the file's fork: total (setup, import, tests and hooks), the
 * tests and hooks alone, and the import of the file and what it imports. Vitest does not report
 * CPU time per file; for the run's CPU time wrap `npm test` in `/usr/bin/time`. SLOWEST_FILES sets
 * how many rows (0: none).
 */
import type { Reporter, TestModule } from 'vitest/node';

const ROWS = Number(process.env.SLOWEST_FILES ?? 15);

export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (!(ROWS > 0) || modules.length === 0) return;
    const rows = modules
      .map((m) => {
        const d = m.diagnostic();
        return { file: m.moduleId.slice(process.cwd().length + 1), tests: d.duration, collect: d.collectDuration, total: d.duration + d.collectDuration + d.setupDuration + d.prepareDuration + d.environmentSetupDuration };
      })
      .sort((a, b) => b.total - a.total);
    const s = (ms: number): string => (ms / 1000).toFixed(1).padStart(7);
    const lines = rows.slice(0, ROWS).map((r) => `${s(r.total)} ${s(r.tests)} ${s(r.collect)}  ${r.file}`);
    const sum = rows.reduce((n, r) => n + r.total, 0);
    process.stdout.write(
      `\nSlowest test files (of ${rows.length}; all files together ${(sum / 1000).toFixed(0)} s of worker time)\n` +
        `${'total s'.padStart(7)} ${'tests'.padStart(7)} ${'import'.padStart(7)}  file\n${lines.join('\n')}\n`,
    );
  }
}
