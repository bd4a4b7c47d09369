import { createHash } from 'node:crypto';
import { CODE_BLOCKS_SOURCE, formatCodeBlocks, type CodeBlock } from './code-blocks.js';
import { TYPESCRIPT_PARSER, type FormatCode } from './parsers.js';

/**
 * Markdown that this generator printed itself is already in its final form except for two things
 * prettier would change: fenced code (formatted with the code's own prettier parser) and table
 * column alignment. Doing just those two is a tenth of prettier's Markdown cost (its Markdown
 * parser was ~0.45 s of a small spec's ~0.85 s of formatting).
 *
 * The fast path is conservative: any construct it does not reproduce exactly (carriage returns,
 * `~~~` or indented fences, fences or tables inside block quotes or lists, tables without a leading
 * pipe, non-ASCII table cells whose display width prettier measures its own way, a missing final
 * newline) makes `finishGeneratedMarkdown` return undefined, and the caller runs prettier's
 * Markdown formatter instead. test/generator/markdown.test.ts checks byte-equality with prettier on
 * every README the corpus prints and on each of those constructs.
 */

/** Fence languages whose code prettier formats inside Markdown, and the parser it uses for each. */
const CODE_PARSERS: Record<string, string> = {
  ts: TYPESCRIPT_PARSER,
  typescript: TYPESCRIPT_PARSER,
  js: 'babel',
  javascript: 'babel',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
};

/**
 * Put before a table the README prints from the spec (one row per operation): prettier then keeps
 * it compact instead of padding every column to its widest cell, so a spec release that adds a
 * longer name changes one row, not all of them, and a large API's table is not mostly spaces.
 */
export const PRETTIER_IGNORE = '<!-- prettier-ignore -->';

const OPEN_FENCE = /^(`{3,})\s*([\w-]*)[^`]*$/;
const DELIMITER = /^\|\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|\s*$/;

/** Constructs the fast path leaves to prettier. */
function unsupported(markdown: string): boolean {
  if (!markdown.endsWith('\n') || markdown.includes('\r')) return true;
  for (const line of markdown.split('\n')) {
    if (/^\s*~~~/.test(line) || /^\s+`{3,}/.test(line)) return true; // other fence forms
    if (/^\s*(>|[-*+]\s|\d+[.)]\s).*(`{3}|~{3}|\|\s*-{3})/.test(line) || /^\s*>\s*\|/.test(line)) return true; // nested blocks
    if (!line.startsWith('|') && /^\s*:?-{3,}:?\s*\|/.test(line)) return true; // table without a leading pipe
    if (line.startsWith('|') && /[^\x20-\x7e]/.test(line)) return true; // width measured by prettier's own tables
  }
  return false;
}

/** Splits a table row into cells: a pipe preceded by an odd number of backslashes is escaped. */
function cells(row: string): string[] {
  const inner = row.trim().slice(1);
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i += 1) {
    const char = inner[i] ?? '';
    if (char === '\\') {
      cell += char + (inner[i + 1] ?? '');
      i += 1;
    } else if (char === '|') {
      out.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  if (cell.trim() !== '') out.push(cell.trim());
  return out;
}

/** Re-prints one GFM table with every column padded to its widest cell, as prettier does. */
function alignTable(rows: string[]): string[] {
  const [header, delimiter, ...body] = rows.map(cells);
  if (header === undefined || delimiter === undefined) return rows;
  // Short rows keep their own cell count; extra cells are kept too (prettier does both).
  const table = [header, ...body];
  const columns = Math.max(...table.map((row) => row.length));
  const align = Array.from({ length: columns }, (_, i) => {
    const d = delimiter[i] ?? '---';
    return d.startsWith(':') && d.endsWith(':') ? 'center' : d.endsWith(':') ? 'right' : d.startsWith(':') ? 'left' : 'none';
  });
  const widths = Array.from({ length: columns }, (_, i) => Math.max(3, ...table.map((row) => (row[i] ?? '').length)));
  const pad = (text: string, i: number): string => {
    const room = (widths[i] ?? 3) - text.length;
    if (align[i] === 'right') return ' '.repeat(room) + text;
    if (align[i] === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
    return text + ' '.repeat(room);
  };
  const line = (row: string[]): string => `| ${row.map(pad).join(' | ')} |`;
  const rule = widths.slice(0, delimiter.length).map((w, i) => {
    const a = align[i];
    if (a === 'center') return `:${'-'.repeat(w - 2)}:`;
    if (a === 'right') return `${'-'.repeat(w - 1)}:`;
    if (a === 'left') return `:${'-'.repeat(w - 1)}`;
    return '-'.repeat(w);
  });
  return [line(header), `| ${rule.join(' | ')} |`, ...body.map(line)];
}

/**
 * Formats generated Markdown: fenced code through `formatCode` (left as it is when it does not
 * parse, as prettier does; any other failure propagates), tables aligned, everything else
 * unchanged. Undefined when the text holds a construct the fast path does not handle.
 */
export async function finishGeneratedMarkdown(markdown: string, formatCode: FormatCode): Promise<string | undefined> {
  if (unsupported(markdown)) return undefined;
  const lines = markdown.split('\n');
  // A number in `out` is the index of a code block in `blocks`, formatted together at the end.
  const out: (string | number)[] = [];
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const fence = OPEN_FENCE.exec(line);
    if (fence) {
      const ticks = fence[1] ?? '```';
      // A closing fence is only backticks (at least as many as the opening one) and spaces.
      const closing = new RegExp(`^\`{${ticks.length},}\\s*$`);
      let end = i + 1;
      while (end < lines.length && !closing.test(lines[end] ?? '')) end += 1;
      if (end >= lines.length) return undefined; // unclosed: prettier's business
      const code = lines.slice(i + 1, end).join('\n');
      if (/^\s*`{3,}/m.test(code)) return undefined; // prettier lengthens such a fence
      const parser = CODE_PARSERS[(fence[2] ?? '').toLowerCase()];
      out.push(line);
      if (parser === undefined) out.push(...lines.slice(i + 1, end + 1));
      else {
        out.push(blocks.length, lines[end] ?? ticks);
        blocks.push({ code, parser });
      }
      i = end;
      continue;
    }
    if (line.startsWith('|') && DELIMITER.test(lines[i + 1] ?? '')) {
      let end = i + 2;
      while (end < lines.length && (lines[end] ?? '').startsWith('|')) end += 1;
      // Prettier leaves the node after `<!-- prettier-ignore -->` exactly as written.
      const ignored = lines[i - 1] === PRETTIER_IGNORE;
      out.push(...(ignored ? lines.slice(i, end) : alignTable(lines.slice(i, end))));
      i = end - 1;
      continue;
    }
    out.push(line);
  }
  const formatted = await formatCodeBlocks(blocks, formatCode);
  return out.map((part) => (typeof part === 'number' ? (formatted[part] ?? '') : part)).join('\n');
}

/**
 * Keys the format cache's Markdown entries: a hash of this module's code, so any change to the
 * finisher (even one nobody remembered to version) misses the cache instead of serving old output.
 */
export const FINISHER_KEY = createHash('sha256')
  .update([unsupported, cells, alignTable, finishGeneratedMarkdown].map(String).join('\n') + CODE_BLOCKS_SOURCE)
  .update(JSON.stringify(CODE_PARSERS) + OPEN_FENCE.source + DELIMITER.source + PRETTIER_IGNORE)
  .digest('hex')
  .slice(0, 16);
