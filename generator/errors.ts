import { escapeForTerminal } from './text/invisible.js';

/**
 * The one error type the generator throws on purpose. Every stage that rejects its input says
 * *where* (a JSON pointer into the spec, or into the config file) so a user can jump straight to
 * the problem; the CLI prints `message` plus the pointer and nothing else unless --verbose.
 */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';

  constructor(
    message: string,
    /** RFC 6901 pointer into the document named by `file`, e.g. `#/paths/~1v1~1sessions/get`. */
    readonly pointer: string = '#',
    /** The file (spec, config, or referenced spec part) the pointer refers to. */
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /**
   * One line for a terminal: `message (at file#/pointer)`. Messages quote the spec (names, paths),
   * so control and bidi characters are shown as escapes (`\x1b`, `\u202e`), never sent raw.
   */
  describe(): string {
    const where = `${this.file ?? ''}${this.pointer}`;
    return escapeForTerminal(`${this.message} (at ${where})`);
  }
}

/** Escapes one segment for use in a JSON pointer (RFC 6901 §3). */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds `#/a/b~1c` from segments. */
export function pointerOf(...segments: readonly (string | number)[]): string {
  return segments.length === 0 ? '#' : `#/${segments.map(escapePointerSegment).join('/')}`;
}
