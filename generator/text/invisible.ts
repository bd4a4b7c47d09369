/**
 * Characters a reader cannot see, made visible. Spec text (titles, descriptions, paths, names)
 * reaches the terminal, comments, READMEs and string literals; a terminal escape in it can rewrite
 * what the CLI shows, and a bidi control in a comment or a literal can make code read differently
 * from how it runs ("Trojan Source", CVE-2021-42574). Everything here escapes rather than deletes,
 * so nothing of the spec is lost and a reviewer sees that something was there.
 *
 * Which characters: Unicode's controls (Cc: C0, DEL, C1 — the ANSI/OSC escapes start with ESC or
 * the C1 CSI/OSC), format characters (Cf: the bidi embeddings, overrides, isolates and marks, the
 * zero-width space/joiners, word joiner, BOM, invisible operators, tag characters…), lone
 * surrogates (Cs) and the line and paragraph separators (Zl, Zp, which end a line in JavaScript).
 * Tab and line feed are kept: they are ordinary layout wherever text goes. A zero-width joiner
 * between two pictographs is kept too: it is how emoji sequences (👩‍💻) are written, and harmless.
 */

// Cc (U+0000–001F, U+007F–009F) spelled as ranges that leave out tab and line feed: those are
// kept anyway, and matching every line feed of a generated file (GitHub: 11 MB, ~300k lines) ran
// the callback below once per line, which was the largest single cost of emitting.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
const OUTSIDE_ASCII = /[^\t\n\x20-\x7e]+/g;
const PICTOGRAPH_BEFORE = /\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?$/u;
const PICTOGRAPH_AFTER = /^\p{Extended_Pictographic}/u;

function kept(char: string, offset: number, whole: string): boolean {
  if (char === '\t' || char === '\n') return true;
  return char === '\u200d' && PICTOGRAPH_BEFORE.test(whole.slice(Math.max(0, offset - 4), offset)) && PICTOGRAPH_AFTER.test(whole.slice(offset + 1, offset + 3));
}

/** `\u202e`, or two such escapes for a character beyond U+FFFF: valid in JSON, JavaScript strings and prose alike. */
function unicodeEscape(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * For generated files: comments, READMEs, and (after `JSON.stringify`) string literals, where the
 * escape means the same character, so the value is unchanged and only its spelling is visible.
 */
export function escapeInvisible(text: string): string {
  // Only runs outside printable ASCII can hold such a character; scanning those alone is several
  // times faster on generated code. A run holds a whole emoji sequence (every part is non-ASCII),
  // so `kept` sees the same neighbours as it would in the whole text.
  return text.replace(OUTSIDE_ASCII, (run) => run.replace(INVISIBLE, (char: string, offset: number, whole: string) => (kept(char, offset, whole) ? char : unicodeEscape(char))));
}

/**
 * For what the CLI prints: `\x1b` for C0 controls and DEL (the form people know from terminals;
 * JSON output never holds them raw, JSON.stringify escapes them), `\u202e` for the rest, so a JSON
 * report stays valid JSON with the same meaning.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(INVISIBLE, (char: string, offset: number, whole: string) => {
    if (kept(char, offset, whole)) return char;
    const code = char.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : unicodeEscape(char);
  });
}

/** Whether `text` holds a character the functions above would escape (for tests and checks). */
export function hasInvisible(text: string): boolean {
  return escapeInvisible(text) !== text;
}
