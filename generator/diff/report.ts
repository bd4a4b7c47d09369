import { isDocsKind } from './docs.js';
import type { Change, DiffReport, SurfaceChange } from './types.js';

export type ReportFormat = 'text' | 'markdown' | 'json';

/**
 * major: anything breaking; minor: any warning or non-docs change; patch: documentation only, or
 * nothing. Surface changes (of the generated client) are never documentation.
 */
export function verdictOf(changes: readonly Change[], surface: readonly SurfaceChange[] = []): DiffReport['verdict'] {
  if (changes.some((c) => c.level === 'breaking') || surface.some((c) => c.level === 'breaking')) return 'major';
  if (surface.length > 0 || changes.some((c) => c.level === 'warning' || !isDocsKind(c.kind))) return 'minor';
  return 'patch';
}

/**
 * One report of what a release changes for a client generated from the old spec: the spec diff
 * (`diffSpecs`) and the generated client's surface diff (`diffGeneratedClients` in
 * `generator/release/surface-diff.ts`), with the worse of the two verdicts. `formatReport` shows
 * the surface changes in a section of their own.
 */
export function combineReports(spec: DiffReport, surface: readonly SurfaceChange[]): DiffReport {
  const sorted = [...surface].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || compareText(a.symbol, b.symbol) || compareText(a.kind, b.kind) || compareText(a.message, b.message));
  const verdicts: DiffReport['verdict'][] = [spec.verdict, verdictOf([], sorted)];
  const verdict = verdicts.includes('major') ? 'major' : verdicts.includes('minor') ? 'minor' : 'patch';
  return { verdict, changes: spec.changes, surface: sorted };
}

const LEVEL_ORDER: Record<SurfaceChange['level'], number> = { breaking: 0, warning: 1, 'non-breaking': 2 };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Group = 'breaking' | 'warning' | 'non-breaking' | 'docs';

/** Which report section a change belongs in. */
export function groupOf(change: Change): Group {
  if (change.level !== 'non-breaking') return change.level;
  return isDocsKind(change.kind) ? 'docs' : 'non-breaking';
}

const GROUPS: readonly { group: Group; heading: string; tag: string; one: string; many: string }[] = [
  { group: 'breaking', heading: 'Breaking changes', tag: 'BREAKING', one: 'breaking change', many: 'breaking changes' },
  { group: 'warning', heading: 'Warnings', tag: 'WARNING', one: 'warning', many: 'warnings' },
  { group: 'non-breaking', heading: 'Non-breaking changes', tag: 'NON-BREAKING', one: 'non-breaking change', many: 'non-breaking changes' },
  { group: 'docs', heading: 'Documentation', tag: 'DOCS', one: 'documentation change', many: 'documentation changes' },
];

export function formatReport(report: DiffReport, format: ReportFormat, titles?: { old: string; new: string }): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ verdict: report.verdict, changes: report.changes.map(jsonChange), ...(report.surface ? { surface: report.surface.map(jsonSurfaceChange) } : {}) }, null, 2)}\n`;
    case 'markdown':
      return markdown(report, titles);
    case 'text':
      return text(report);
  }
}

/** Fixed key order: level, kind, operation, pointer, side, message. */
function jsonChange(c: Change): Change {
  return { level: c.level, kind: c.kind, ...(c.operation !== undefined ? { operation: c.operation } : {}), pointer: c.pointer, side: c.side, message: c.message };
}

/** Fixed key order: level, kind, symbol, side, message. */
function jsonSurfaceChange(c: SurfaceChange): SurfaceChange {
  return { level: c.level, kind: c.kind, symbol: c.symbol, side: c.side, message: c.message };
}

function counts(report: DiffReport): string {
  return countText(GROUPS.map((g) => [report.changes.filter((c) => groupOf(c) === g.group).length, g] as const));
}

function surfaceCounts(surface: readonly SurfaceChange[]): string {
  return countText(GROUPS.map((g) => [surface.filter((c) => c.level === g.group).length, g] as const));
}

function countText(groups: readonly (readonly [number, { one: string; many: string }])[]): string {
  const parts = groups.filter(([n]) => n > 0).map(([n, g]) => `${n} ${n === 1 ? g.one : g.many}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

const VERDICT_TEXT: Record<DiffReport['verdict'], string> = {
  major: '**Major** version bump: clients generated from the old spec can break.',
  minor: '**Minor** version bump: backward-compatible changes.',
  patch: '**Patch** version bump: documentation only.',
};

function markdown(report: DiffReport, titles: { old: string; new: string } | undefined): string {
  const range = titles ? ` ${titles.old} → ${titles.new}` : '';
  const lines = [`## API changes${range}: ${report.verdict}`, ''];
  const surface = report.surface;
  if (report.changes.length === 0 && !surface?.length) {
    lines.push('No changes.');
    return `${lines.join('\n')}\n`;
  }
  const specSummary = report.changes.length === 0 ? 'No spec changes' : capitalise(counts(report));
  lines.push(`${VERDICT_TEXT[report.verdict]} ${specSummary}.${surface?.length ? ` Generated client: ${surfaceCounts(surface)}.` : ''}`);
  for (const g of GROUPS) {
    const changes = report.changes.filter((c) => groupOf(c) === g.group);
    if (changes.length === 0) continue;
    lines.push('', `### ${g.heading}`, '');
    for (const c of changes) lines.push(`- ${c.operation !== undefined ? `\`${c.operation}\`: ` : ''}${c.message}`);
  }
  if (surface) {
    lines.push('', '### Generated client', '');
    if (surface.length === 0) lines.push('No change to its public surface.');
    for (const c of surface) lines.push(`- **${c.level}**: ${c.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function text(report: DiffReport): string {
  const tag = new Map(GROUPS.map((g) => [g.group, g.tag]));
  const lines = report.changes.map((c) => `${tag.get(groupOf(c)) ?? c.level}  ${c.operation ?? '-'}  ${c.message.replace(/`/g, '')}`);
  if (lines.length === 0) lines.push('No changes.');
  const surface = report.surface;
  if (surface) {
    lines.push('Generated client:');
    for (const c of surface) lines.push(`${tag.get(c.level) ?? c.level}  ${c.symbol}  ${c.message.replace(/`/g, '')}`);
    if (surface.length === 0) lines.push('No changes.');
  }
  const summary = [counts(report), surface?.length ? `generated client: ${surfaceCounts(surface)}` : ''].filter((p) => p !== '').join('; ');
  lines.push(`Verdict: ${report.verdict}${summary ? ` (${summary})` : ''}`);
  return `${lines.join('\n')}\n`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
