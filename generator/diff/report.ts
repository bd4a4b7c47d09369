import { isDocsKind } from './docs.js';
import type { Change, DiffReport } from './types.js';

export type ReportFormat = 'text' | 'markdown' | 'json';

/** major: anything breaking; minor: any warning or non-docs change; patch: documentation only, or nothing. */
export function verdictOf(changes: readonly Change[]): DiffReport['verdict'] {
  if (changes.some((c) => c.level === 'breaking')) return 'major';
  if (changes.some((c) => c.level === 'warning' || !isDocsKind(c.kind))) return 'minor';
  return 'patch';
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
      return `${JSON.stringify({ verdict: report.verdict, changes: report.changes.map(jsonChange) }, null, 2)}\n`;
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

function counts(report: DiffReport): string {
  const parts = GROUPS.map((g) => {
    const n = report.changes.filter((c) => groupOf(c) === g.group).length;
    return n === 0 ? undefined : `${n} ${n === 1 ? g.one : g.many}`;
  }).filter((p): p is string => p !== undefined);
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
  if (report.changes.length === 0) {
    lines.push('No changes.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${VERDICT_TEXT[report.verdict]} ${capitalise(counts(report))}.`);
  for (const g of GROUPS) {
    const changes = report.changes.filter((c) => groupOf(c) === g.group);
    if (changes.length === 0) continue;
    lines.push('', `### ${g.heading}`, '');
    for (const c of changes) lines.push(`- ${c.operation !== undefined ? `\`${c.operation}\`: ` : ''}${c.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function text(report: DiffReport): string {
  const tag = new Map(GROUPS.map((g) => [g.group, g.tag]));
  const lines = report.changes.map((c) => `${tag.get(groupOf(c)) ?? c.level}  ${c.operation ?? '-'}  ${c.message.replace(/`/g, '')}`);
  if (lines.length === 0) lines.push('No changes.');
  const summary = counts(report);
  lines.push(`Verdict: ${report.verdict}${summary ? ` (${summary})` : ''}`);
  return `${lines.join('\n')}\n`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
