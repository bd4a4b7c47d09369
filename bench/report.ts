/** The printed table and bench/results.md: machine, versions, per-section tables, targets. */
import type { MachineInfo, PackageVersion } from './lib/machine.js';
import type { Summary } from './lib/stats.js';

export interface Table {
  caption?: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
}

export type TargetStatus = 'PASS' | 'MISS' | 'SKIP';

export interface Target {
  name: string;
  /** The bar, e.g. "≤ 1.00×". */
  target: string;
  /** What was measured, e.g. "1.37× (1.21–1.52)". */
  measured: string;
  status: TargetStatus;
}

export interface Section {
  id: 'gen' | 'client' | 'pagination' | 'bundle' | 'typecheck';
  title: string;
  tables: Table[];
  notes: string[];
  targets: Target[];
}

export interface Report {
  date: Date;
  command: string;
  smoke: boolean;
  runs: number;
  durationMs: number;
  machine: MachineInfo;
  loadAverageEnd: readonly number[];
  versions: PackageVersion[];
  sections: Section[];
}

/* ---------- formatting ---------- */

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  const abs = Math.abs(ms);
  if (abs >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (abs >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (abs >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtUs(us: number): string {
  return Number.isFinite(us) ? `${us.toFixed(1)} µs` : 'n/a';
}

export function fmtBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return 'n/a';
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function fmtInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}

export function fmtRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a';
}

/** "median (min–max)" with a formatter; a single run prints just the value. */
export function fmtSummary(s: Summary, fmt: (n: number) => string): string {
  if (s.n === 0) return 'n/a';
  if (s.n === 1 || s.min === s.max) return fmt(s.median);
  return `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
}

export function status(ok: boolean | undefined): TargetStatus {
  return ok === undefined ? 'SKIP' : ok ? 'PASS' : 'MISS';
}

/* ---------- console ---------- */

function width(text: string): number {
  return [...text].length;
}

function textTable(table: Table): string {
  const widths = table.headers.map((h, i) =>
    Math.max(width(h), ...table.rows.map((row) => width(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(cell)))).join('  ').trimEnd();
  const out = [line(table.headers), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of table.rows) out.push(line(row));
  return out.join('\n');
}

export function allTargets(report: Report): Target[] {
  return report.sections.flatMap((s) => s.targets);
}

export function renderConsole(report: Report): string {
  const out: string[] = [];
  const m = report.machine;
  out.push(
    `notai-codegen benchmark${report.smoke ? ' (smoke)' : ''} — ${report.date.toISOString()}`,
    `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB; Node ${m.node}, npm ${m.npm}; load ${m.loadAverage
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    '',
  );
  for (const section of report.sections) {
    out.push(`== ${section.title} ==`);
    for (const table of section.tables) {
      if (table.caption !== undefined) out.push(table.caption);
      out.push(textTable(table), '');
    }
    for (const note of section.notes) out.push(`  note: ${note}`);
    if (section.notes.length > 0) out.push('');
  }
  const targets = allTargets(report);
  if (targets.length > 0) {
    out.push('== Targets ==');
    out.push(
      textTable({
        headers: ['target', 'bar', 'measured', 'result'],
        rows: targets.map((t) => [t.name, t.target, t.measured, t.status]),
      }),
      '',
    );
  }
  out.push(`done in ${fmtMs(report.durationMs)}`);
  return out.join('\n');
}

/* ---------- markdown ---------- */

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function mdTable(table: Table): string {
  const out: string[] = [];
  if (table.caption !== undefined) out.push(`**${table.caption}**`, '');
  out.push(`| ${table.headers.map(escapeCell).join(' | ')} |`);
  out.push(`| ${table.headers.map(() => '---').join(' | ')} |`);
  for (const row of table.rows) out.push(`| ${row.map(escapeCell).join(' | ')} |`);
  return out.join('\n');
}

export function renderMarkdown(report: Report): string {
  const m = report.machine;
  const out: string[] = [];
  out.push(`# Benchmark results${report.smoke ? ' (smoke run: figures are not meaningful)' : ''}`, '');
  out.push(
    `Measured ${report.date.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${report.command}\` ` +
      `(${report.runs} run${report.runs === 1 ? '' : 's'} per case${report.smoke ? ', no warm-up' : ' after a warm-up'}, alternating between tools; ` +
      `took ${fmtMs(report.durationMs)}). Figures are medians with min–max over the runs. Ratios are taken ` +
      'pairwise within the same round and then summarised, because absolute times on these shared machines ' +
      'drift from minute to minute: the ratios are the figures that count.',
    '',
  );
  out.push('## Machine', '');
  out.push(
    mdTable({
      headers: ['what', 'value'],
      rows: [
        ['CPU', m.cpuModel],
        ['cores', String(m.cores)],
        ['memory', `${m.memoryGiB.toFixed(1)} GiB`],
        ['OS', m.os],
        ['load average (1/5/15 min) at start', m.loadAverage.map((l) => l.toFixed(2)).join(' / ')],
        ['load average at end', report.loadAverageEnd.map((l) => l.toFixed(2)).join(' / ')],
        ['Node.js', m.node],
        ['npm', m.npm],
        ['commit', m.gitCommit],
        ['bin/notai-codegen.mjs would run', m.generatorMode],
      ],
    }),
    '',
  );
  out.push('## Versions', '');
  out.push(
    mdTable({
      headers: ['package', 'version', 'installed in'],
      rows: report.versions.map((v) => [
        v.name,
        v.version ?? 'not installed',
        v.where === 'root' ? 'root' : 'bench/',
      ]),
    }),
    '',
  );
  for (const section of report.sections) {
    out.push(`## ${section.title}`, '');
    for (const table of section.tables) out.push(mdTable(table), '');
    for (const note of section.notes) out.push(`- ${note}`);
    if (section.notes.length > 0) out.push('');
  }
  const targets = allTargets(report);
  out.push('## Targets', '');
  if (targets.length === 0) out.push('No targeted section was run.', '');
  else {
    out.push(
      mdTable({
        headers: ['target', 'bar', 'measured', 'result'],
        rows: targets.map((t) => [t.name, t.target, t.measured, `**${t.status}**`]),
      }),
      '',
    );
    const pass = targets.filter((t) => t.status === 'PASS').length;
    const miss = targets.filter((t) => t.status === 'MISS').length;
    const skip = targets.filter((t) => t.status === 'SKIP').length;
    out.push(`${pass} PASS, ${miss} MISS, ${skip} SKIP. A MISS is reported as measured, never adjusted.`, '');
  }
  return out.join('\n');
}
