// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/scrub.ts.
/**
 * Finding a secret in text, in every spelling it can take there: as given, percent-encoded, and
 * (for messages and logs) in fragments. redact.ts applies it to everything that leaves the client.
 */
import { fragmentScanner, maskRanges } from './fragments.js';

/** Shown instead of a secret in logs, hook payloads and error text. */
export const REDACTED = '[redacted]';

/**
 * Finds and replaces every spelling of any of `secrets`: as given, and as a URL may encode it;
 * with `pieces`, also every fragment of them (fragments.ts), as given or percent-encoded.
 */
export function scrubber(
  secrets: readonly string[],
  pieces: boolean,
): { holds(value: string): boolean; text(value: string): string } {
  // Longest first, so a key that contains another is replaced whole.
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  // Each key as sent in a query string too (`%2B` for `+`): a URL in a log line holds that form.
  const forms = [...new Set(sorted.flatMap((secret) => [secret, uriEncoded(secret)]))];
  // Other spellings a server may echo a key in (`%2b`, `+` or `%20` for a space): only keys with
  // characters that get encoded have them, and only text with `%` or `+` can hold them.
  const patterns = sorted.flatMap((secret) => encodedSpellings(secret) ?? []);
  const encoded = patterns.length === 0 ? undefined : new RegExp(patterns.join('|'));
  // Compiled once: the global twin replaces every match (replace() starts it from 0 each time).
  const encodedAll = encoded === undefined ? undefined : new RegExp(encoded.source, 'g');
  const fragments = pieces ? fragmentScanner(forms) : undefined;
  const holds = (value: string): boolean =>
    forms.some((form) => value.includes(form)) ||
    (encoded !== undefined && (value.includes('%') || value.includes('+')) && encoded.test(value)) ||
    (fragments !== undefined && fragments(value, true).length > 0);
  const text = (value: string): string => {
    if (!holds(value)) return value;
    // Every match of every spelling, masked together (maskRanges merges overlapping ones).
    const ranges: [number, number][] = [];
    for (const form of forms) {
      for (let at = value.indexOf(form); at >= 0; at = value.indexOf(form, at + 1)) ranges.push([at, at + form.length]);
    }
    if (encodedAll !== undefined)
      for (const m of value.matchAll(encodedAll)) ranges.push([m.index, m.index + m[0].length]);
    if (fragments !== undefined) for (const range of fragments(value)) ranges.push(range);
    return maskRanges(value, ranges, REDACTED);
  };
  return { holds, text };
}

/**
 * A pattern source for `secret` as a URL may spell it: each character that encodeURIComponent
 * escapes matches itself or its %XX bytes in either case, a space also `+`; so do `!'()*`, which
 * it leaves alone but URL parsers escape in a query (`'` becomes %27). Undefined when no
 * character has another spelling (then every spelling is the key itself).
 */
function encodedSpellings(secret: string): string | undefined {
  const anyCase = (hex: string): string => hex.replace(/[A-F]/g, (d) => `[${d}${d.toLowerCase()}]`);
  let source = '';
  let varied = false;
  for (const char of secret) {
    const escaped = uriEncoded(char);
    const literal = char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    const hex =
      escaped !== char ? escaped : /[!'()*]/.test(char) ? `%${char.charCodeAt(0).toString(16).toUpperCase()}` : '';
    if (hex === '') source += literal;
    else source += `(?:${literal}|${anyCase(hex)}${char === ' ' ? '|\\+' : ''})`;
    varied ||= hex !== '';
  }
  return varied ? `(?:${source})` : undefined;
}

/** encodeURIComponent, or the text itself where it cannot be encoded (a lone surrogate). */
function uriEncoded(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}
