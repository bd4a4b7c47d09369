/**
 * Splits a large generated TypeScript file into pieces prettier can format one by one, whose
 * formatted outputs, put back together, are exactly prettier's output for the whole file.
 *
 * Why: GitHub's `types.ts` is 6.5 MB and its largest resource module 1.9 MB. Formatted whole, each
 * is one job that one worker holds for seconds and that a one-line spec change invalidates in the
 * format cache. In pieces, jobs spread over the workers and are cached piece by piece, so a spec
 * release reformats only the declarations it touched.
 *
 * How: generated code is printed by ts-morph and TypeScript's printer, so a file is a sequence of
 * top-level statements starting at column 0, and a container's members (interface, class, type
 * literal, nested object type) start at one indentation and end with `;` or `}` there. A piece is
 * a run of whole items; a piece inside a container is formatted wrapped in the container's
 * opening and closing lines (and its ancestors'), which are then cut from the output. Prettier
 * formats statements and members independently and keeps (at most) one blank line between them
 * when the source has one, which is what joining the pieces does. Anything unexpected (a wrapper
 * line that prettier does not print as one line, a piece that does not parse) makes the caller
 * format the whole file instead: splitting only ever saves time, it never decides the output.
 */

/** One formatting job: `before` and `after` are wrapper lines, formatted but cut from the result. */
export interface Piece {
  before: string[];
  lines: string[];
  after: string[];
  /** The source has a blank line between this piece and the next: the output keeps one. */
  blankAfter: boolean;
}

/** Pieces are made about this size; smaller items are grouped up to it. */
export const PIECE_BYTES = 32 * 1024;

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlank = (line: string): boolean => line.trim() === '';
/** A line that closes something (so it cannot start an item). */
const CLOSER = /^[\s]*[}\])|&?:.=,]/;
/** The last line of an item at its indentation: a statement or member ends with `;` or `}`. */
const ENDS_ITEM = /[;}]$/;
/** A container's closing line: `}`, `};` or `},` alone. */
const CLOSING = /^\s*}[;,]?$/;

/** Line ranges [start, end) of the items at `indent` between `from` and `to`, blank lines kept with the item before them. */
function itemsAt(lines: readonly string[], from: number, to: number, indent: number): [number, number][] {
  const starts: number[] = [];
  let previous: string | undefined;
  for (let i = from; i < to; i += 1) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    const startsItem = indentOf(line) === indent && !CLOSER.test(line);
    const previousEnded = previous === undefined || (indentOf(previous) === indent && ENDS_ITEM.test(previous.trimEnd()));
    if (startsItem && previousEnded) starts.push(i);
    previous = line;
  }
  if (starts.length === 0 || starts[0] !== firstNonBlank(lines, from, to)) return [];
  return starts.map((start, k) => [k === 0 ? from : start, starts[k + 1] ?? to]);
}

function firstNonBlank(lines: readonly string[], from: number, to: number): number {
  let i = from;
  while (i < to && isBlank(lines[i]!)) i += 1;
  return i;
}

function lastNonBlank(lines: readonly string[], from: number, to: number): number {
  let i = to - 1;
  while (i >= from && isBlank(lines[i]!)) i -= 1;
  return i;
}

const bytesOf = (lines: readonly string[], from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i += 1) n += lines[i]!.length + 1;
  return n;
};

/**
 * The item [from, to) as a container: the line that opens it (the first line at the item's
 * indentation ending with `{`, after any leading comment) and the one that closes it (its last
 * line), or undefined when it is not one.
 */
function containerOf(lines: readonly string[], from: number, to: number, indent: number): { open: number; close: number } | undefined {
  const close = lastNonBlank(lines, from, to);
  if (close <= from || indentOf(lines[close]!) !== indent || !CLOSING.test(lines[close]!)) return undefined;
  for (let i = from; i < close; i += 1) {
    const line = lines[i]!;
    if (indentOf(line) !== indent || isBlank(line)) continue;
    if (line.trimEnd().endsWith('{')) {
      // One brace pair: nothing between opener and closer is back at the item's indentation
      // (`} | {` would make it a union of object types, not one container).
      for (let j = i + 1; j < close; j += 1) if (!isBlank(lines[j]!) && indentOf(lines[j]!) <= indent) return undefined;
      return i + 1 < close ? { open: i, close } : undefined;
    }
    // A line at the item's indentation that is neither comment nor opener: not a plain container.
    if (!/^\s*(\/\*\*|\/\/|\/\*)/.test(line)) return undefined;
  }
  return undefined;
}

/**
 * The pieces of `lines`, or undefined when the file does not split (one piece would be the
 * whole file anyway, or its layout is not the one described above).
 */
export function splitPieces(text: string, pieceBytes = PIECE_BYTES): Piece[] | undefined {
  const lines = text.split('\n');
  const pieces: Piece[] = [];
  const ok = splitRange(lines, 0, lines.length, 0, [], [], pieceBytes, pieces);
  return ok && pieces.length > 1 ? pieces : undefined;
}

/** Appends the pieces of the items at `indent` in [from, to); false when they cannot be told apart. */
function splitRange(
  lines: readonly string[],
  from: number,
  to: number,
  indent: number,
  before: string[],
  after: string[],
  pieceBytes: number,
  out: Piece[],
): boolean {
  const items = itemsAt(lines, from, to, indent);
  if (items.length === 0) return false;
  let group: [number, number] | undefined;
  const flush = (): void => {
    if (group === undefined) return;
    const [start, end] = group;
    out.push({ before, lines: lines.slice(start, end), after, blankAfter: isBlank(lines[end - 1] ?? 'x') && end < to });
    group = undefined;
  };
  for (const [start, end] of items) {
    const size = bytesOf(lines, start, end);
    const container = size > pieceBytes ? containerOf(lines, start, end, indent) : undefined;
    if (container !== undefined) {
      const childIndent = indentOf(lines[firstNonBlank(lines, container.open + 1, container.close)]!);
      if (childIndent > indent) {
        flush();
        const first = out.length;
        const opening = lines.slice(start, container.open + 1);
        const closing = lines.slice(container.close, end);
        if (!splitRange(lines, container.open + 1, container.close, childIndent, [...before, lines[container.open]!], [lines[container.close]!, ...after], pieceBytes, out)) {
          out.length = first;
        } else {
          // The container's own lines go with its first and last pieces, uncut.
          const head = out[first]!;
          out[first] = { ...head, before: head.before.slice(0, -1), lines: [...opening, ...head.lines] };
          const tail = out[out.length - 1]!;
          out[out.length - 1] = { ...tail, after: tail.after.slice(1), lines: [...tail.lines, ...closing], blankAfter: isBlank(lines[end - 1] ?? 'x') && end < to };
          // A blank line inside the last piece before the closing line is prettier's to drop.
          continue;
        }
      }
    }
    if (group !== undefined && bytesOf(lines, group[0], end) > pieceBytes) flush();
    group = group === undefined ? [start, end] : [group[0], end];
  }
  flush();
  return true;
}

/**
 * The whole file's formatted text from its pieces' formatted texts (same order), or undefined when
 * a piece's wrapper did not come out as the one line per wrapper line that cutting assumes.
 */
export function joinPieces(pieces: readonly Piece[], formatted: readonly string[]): string | undefined {
  let out = '';
  for (const [k, piece] of pieces.entries()) {
    const lines = formatted[k]!.replace(/\n$/, '').split('\n');
    const head = lines.slice(0, piece.before.length);
    const tail = lines.slice(lines.length - piece.after.length);
    if (head.some((line) => !line.trimEnd().endsWith('{')) || tail.some((line) => !CLOSING.test(line))) return undefined;
    const body = lines.slice(piece.before.length, lines.length - piece.after.length);
    if (body.length === 0) return undefined;
    out += `${body.join('\n')}\n`;
    if (piece.blankAfter && k < pieces.length - 1) out += '\n';
  }
  return out;
}

/** The text prettier is given for a piece. */
export const pieceText = (piece: Piece): string => [...piece.before, ...piece.lines, ...piece.after].join('\n');
