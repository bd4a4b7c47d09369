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
  let rest = (existing ?? '').replace(/^# Changelog\s*\n/, '').trimStart();
  // Client changes noted by hand under `## Unreleased` ship with this release: they move into
  // its entry instead of staying above it, unreleased for ever.
  const unreleased = /^## Unreleased[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(rest);
  const notes = unreleased?.index === 0 ? unreleased[1]!.trim() : '';
  if (unreleased?.index === 0) rest = rest.slice(unreleased[0].length).trimStart();
  const block = `## ${entry.packageVersion} — ${entry.date}${from}\n\n${notes ? `${notes}\n\n` : ''}${body}\n`;
  return `${TITLE}\n\n${block}${rest ? `\n${rest}` : ''}`.replace(/\n*$/, '\n');
}
