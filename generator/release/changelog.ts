export interface ChangelogEntry {
  packageVersion: string;
  specVersion: string;
  previousSpecVersion: string | null;
  date: string;
  /** The diff report as markdown (its own headings are demoted under the entry's). */
  reportMarkdown: string;
}

const TITLE = '# Changelog';

/** Prepends one entry under the title, keeping every earlier entry byte for byte. */
export function prependEntry(existing: string | undefined, entry: ChangelogEntry): string {
  const from = entry.previousSpecVersion ? ` (spec ${entry.previousSpecVersion} → ${entry.specVersion})` : ` (spec ${entry.specVersion})`;
  const body = entry.reportMarkdown
    .trim()
    .split('\n')
    .map((line) => (/^#{1,4} /.test(line) ? `#${line}` : line))
    .join('\n');
  const block = `## ${entry.packageVersion} — ${entry.date}${from}\n\n${body}\n`;
  const rest = (existing ?? '').replace(/^# Changelog\s*\n/, '').trimStart();
  return `${TITLE}\n\n${block}${rest ? `\n${rest}` : ''}`.replace(/\n*$/, '\n');
}
