/** Markdown helpers: spec text made safe for prose, table cells, code spans and `//` comments. */


/**
 * `<` outside code spans becomes `&lt;`, so spec text cannot open raw HTML; code spans stay verbatim.
 * Line ends become `\n`. Runs of spaces between words collapse to one, as prettier prints prose
 * (the README's Markdown is finished by format/markdown.ts, not re-parsed by prettier), except on
 * indented-code lines and inside fences, where spaces are content.
 */
export function escapeHtml(text: string): string {
  let inFence = false;
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const fence = /^\s*(`{3,}|~{3,})/.test(line);
      if (fence) inFence = !inFence;
      const verbatim = fence || inFence || /^( {4}|\t)/.test(line);
      return line
        .split(/(`+[^`]*?`+)/)
        .map((part, i) => {
          if (i % 2 === 1) return part; // a code span
          const escaped = part.replace(/</g, '&lt;');
          return verbatim ? escaped : escaped.replace(/(?<=\S) {2,}(?=\S)/g, ' ');
        })
        .join('');
    })
    .join('\n');
}

/** Keeps spec text inside one table cell. */
export function mdCell(text: string): string {
  // A backslash right before a pipe is escaped first, so the pipe's own escape cannot be undone.
  return escapeHtml(text.replace(/[\r\n]+/g, ' ')).replace(/\\(?=\|)/g, '\\\\').replace(/\|/g, '\\|').trim();
}

/** Spec text as markdown prose (no raw HTML from the spec). */
export function mdText(text: string): string {
  return escapeHtml(text).trim();
}

/** A code span around any text, in or out of a table. */
export function code(text: string, inTable = false): string {
  const body = inTable ? text.replace(/\|/g, '\\|') : text;
  return body.includes('`') ? `\`\` ${body} \`\`` : `\`${body}\``;
}

/** A string as TypeScript source in prose: `'us'` (single quotes, as prettier prints the examples). */
export const tsString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Spec text as the body of a `//` comment in an example: one line (U+2028/2029 end a line in
 * TypeScript too, so they could turn the rest into code a reader copies), and no HTML tags even
 * for renderers that mishandle code blocks (angle brackets become look-alike quotes).
 */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/</g, '\u2039').replace(/>/g, '\u203a').trim();
}

export const ts = (...lines: string[]): string[] => ['```ts', ...lines, '```', ''];
export const list = (items: string[], last = 'and'): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
export const quoted = (items: string[]): string[] => items.map((i) => `\`${i}\``);

export const dotted = (path: readonly string[]): string => `\`${path.join('.')}\``;

/** Spec text quoted as a Markdown blockquote, one `>` line per line. */
export const blockquote = (text: string): string[] => mdText(text).split('\n').map((l) => (l ? `> ${l}` : '>'));
