/**
 * Markdown that this generator printed itself is already in its final form except for two things
 * prettier would change: fenced code (formatted with the code's own prettier parser) and table
 * column alignment. Doing just those two is a tenth of prettier's Markdown cost (its Markdown
 * parser was ~0.45 s of a small spec's ~0.85 s of formatting); test/generator/markdown.test.ts
 * checks the result equals prettier's on every README the corpus produces.
 */

/** Bump whenever this file's output can change: it keys the format cache's Markdown entries. */
export const GENERATED_MARKDOWN_VERSION = 1;

/** Fence languages whose code prettier formats inside Markdown, and the parser it uses for each. */
const CODE_PARSERS: Record<string, string> = {
  ts: 'typescript',
  typescript: 'typescript',
  js: 'babel',
  javascript: 'babel',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
};

export type FormatCode = (code: string, parser: string) => Promise<string>;

// Built with the constructor: the `v` flag is ES2024, newer than this project's TypeScript target.
const EMOJI = new RegExp('\\p{RGI_Emoji}', 'gv');

/** East Asian Wide and Fullwidth ranges (Unicode 15), the characters a terminal gives two columns. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x17000, 0x18aff],
  [0x1b000, 0x1b2ff], [0x1f200, 0x1f2ff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

/**
 * Display width as prettier measures table cells: an emoji counts 2, control characters and
 * combining diacritics (U+0300–U+036F) 0, East Asian wide/fullwidth characters 2, the rest 1.
 */
export function displayWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const char of text.replace(EMOJI, '  ')) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x300 && cp <= 0x36f)) continue;
    width += WIDE.some(([from, to]) => cp >= from && cp <= to) ? 2 : 1;
  }
  return width;
}

/** Splits a table row into cells, keeping escaped pipes (`\|`) inside their cell. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

const DELIMITER = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Re-prints one GFM table with every column padded to its widest cell, as prettier does. */
function alignTable(rows: string[]): string[] {
  const [header, delimiter, ...body] = rows.map(cells);
  if (header === undefined || delimiter === undefined) return rows;
  const columns = header.length;
  // A short row keeps its own cell count (prettier does not add the missing cells).
  const table = [header, ...body].map((row) => row.slice(0, Math.max(columns, 1)));
  const align = delimiter.map((d) => (d.startsWith(':') && d.endsWith(':') ? 'center' : d.endsWith(':') ? 'right' : d.startsWith(':') ? 'left' : 'none'));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(3, ...table.map((row) => displayWidth(row[i] ?? ''))));
  const pad = (text: string, i: number): string => {
    const room = (widths[i] ?? 3) - displayWidth(text);
    if (align[i] === 'right') return ' '.repeat(room) + text;
    if (align[i] === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
    return text + ' '.repeat(room);
  };
  const line = (row: string[]): string => `| ${row.map(pad).join(' | ')} |`;
  const rule = widths.map((w, i) => {
    const a = align[i];
    if (a === 'center') return `:${'-'.repeat(w - 2)}:`;
    if (a === 'right') return `${'-'.repeat(w - 1)}:`;
    if (a === 'left') return `:${'-'.repeat(w - 1)}`;
    return '-'.repeat(w);
  });
  const [head, ...rest] = table;
  return [line(head ?? []), `| ${rule.join(' | ')} |`, ...rest.map(line)];
}

/**
 * Formats generated Markdown: fenced code through `formatCode` (left as it is when it does not
 * parse, as prettier does), tables aligned, everything else unchanged.
 */
export async function formatGeneratedMarkdown(markdown: string, formatCode: FormatCode): Promise<string> {
  const lines = markdown.split('\n');
  const out: (string | Promise<string>)[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const fence = /^(`{3,}|~{3,})\s*([\w-]*)[^\n]*$/.exec(line);
    if (fence) {
      const close = fence[1] ?? '```';
      let end = i + 1;
      while (end < lines.length && !(lines[end] ?? '').startsWith(close)) end += 1;
      const code = lines.slice(i + 1, end).join('\n');
      const parser = CODE_PARSERS[(fence[2] ?? '').toLowerCase()];
      out.push(line);
      if (parser === undefined || end >= lines.length) {
        out.push(...lines.slice(i + 1, Math.min(end + 1, lines.length)));
      } else {
        out.push(
          formatCode(`${code}\n`, parser).then(
            (formatted) => formatted.replace(/\n+$/, ''),
            () => code,
          ),
          lines[end] ?? close,
        );
      }
      i = end;
      continue;
    }
    if (line.startsWith('|') && DELIMITER.test(lines[i + 1] ?? '')) {
      let end = i + 2;
      while (end < lines.length && (lines[end] ?? '').startsWith('|')) end += 1;
      out.push(...alignTable(lines.slice(i, end)));
      i = end - 1;
      continue;
    }
    out.push(line);
  }
  return (await Promise.all(out)).join('\n');
}
