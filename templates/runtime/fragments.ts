/**
 * Finds pieces of a secret inside text. A server that echoes "…the last 37 characters of your
 * key", or a message that quotes a key cut short at some length, gives most of the key away even
 * though the key as a whole never appears. Any run of text made of windows of FRAGMENT_LENGTH
 * characters that each occur in a secret counts: that is every substring of a secret at least
 * FRAGMENT_LENGTH long, extended as far as the text goes on matching.
 *
 * Linear in the text: a rolling hash of each window is looked up in a bit table built from the
 * secrets' windows, and only a table hit is compared as a string. Secrets shorter than
 * FRAGMENT_LENGTH have no fragments here (they are only ever matched whole).
 */
export const FRAGMENT_LENGTH = 12;

/** [start, end) of every maximal run of secret fragments in `text`, in order; `first`: stop at one. */
export type FragmentScan = (text: string, first?: boolean) => [number, number][];

const BASE = 0x01000193; // odd, so every character shifts every higher bit of the hash
const TABLE_BITS = 16;

/** A scanner for fragments of `secrets`, or undefined when none is long enough to have them. */
export function fragmentScanner(secrets: readonly string[]): FragmentScan | undefined {
  const windows = new Set<string>();
  for (const secret of secrets) {
    for (let at = 0; at + FRAGMENT_LENGTH <= secret.length; at += 1)
      windows.add(secret.slice(at, at + FRAGMENT_LENGTH));
  }
  if (windows.size === 0) return undefined;
  // BASE ** (FRAGMENT_LENGTH - 1), the weight of the character that leaves the window.
  let outWeight = 1;
  for (let k = 1; k < FRAGMENT_LENGTH; k += 1) outWeight = Math.imul(outWeight, BASE);
  // One bit per value of the hash's top TABLE_BITS bits: a few dozen windows per key fill almost
  // none of the 65,536, so text without a fragment is almost never compared as a string.
  const table = new Uint32Array(2 ** (TABLE_BITS - 5));
  const slot = (hash: number): number => hash >>> (32 - TABLE_BITS);
  for (const window of windows) {
    const s = slot(hashOf(window));
    table[s >>> 5]! |= 1 << (s & 31);
  }

  return (text, first = false) => {
    const found: [number, number][] = [];
    if (text.length < FRAGMENT_LENGTH) return found;
    let hash = hashOf(text);
    let start = -1;
    let end = -1;
    for (let at = 0; ; at += 1) {
      const s = slot(hash);
      if ((table[s >>> 5]! & (1 << (s & 31))) !== 0 && windows.has(text.slice(at, at + FRAGMENT_LENGTH))) {
        if (first) return [[at, at + FRAGMENT_LENGTH]];
        // Overlapping or touching windows are one run: the fragment extended as far as it goes.
        if (at > end) {
          if (start >= 0) found.push([start, end]);
          start = at;
        }
        end = at + FRAGMENT_LENGTH;
      }
      const next = at + FRAGMENT_LENGTH;
      if (next >= text.length) break;
      hash = (Math.imul(hash - Math.imul(text.charCodeAt(at), outWeight), BASE) + text.charCodeAt(next)) | 0;
    }
    if (start >= 0) found.push([start, end]);
    return found;
  };
}

/** The polynomial hash of the first FRAGMENT_LENGTH characters (UTF-16 code units) of `text`. */
function hashOf(text: string): number {
  let hash = 0;
  for (let k = 0; k < FRAGMENT_LENGTH; k += 1) hash = (Math.imul(hash, BASE) + text.charCodeAt(k)) | 0;
  return hash;
}

/**
 * `text` with every [start, end) range replaced by `mask`, overlapping and touching ranges merged:
 * two secrets that share characters (`…1234` and `1234…`) must not leave a piece of either behind.
 * Sorts `ranges` in place.
 */
export function maskRanges(text: string, ranges: [number, number][], mask: string): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let done = 0;
  for (const [start, end] of ranges) {
    if (end <= done) continue;
    out += start >= done ? text.slice(done, start) + mask : '';
    done = end;
  }
  return out + text.slice(done);
}
