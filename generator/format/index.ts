import { createHash } from 'node:crypto';
import { GeneratorError } from '../errors.js';
import { FormatCache } from './cache.js';
import { joinPieces, pieceText, splitPieces, PIECE_BYTES, type Piece } from './chunks.js';
import { FINISHER_KEY, finishGeneratedMarkdown } from './markdown.js';
import { TYPESCRIPT_PARSER, withParserFallback } from './parsers.js';
import { formatPool } from './pool.js';
import { PRETTIER, formatParser } from './rules.js';

/** The workers' prettier, with babel-ts input it rejects tried with the typescript parser. */
const formatCode = withParserFallback((code, parser) => formatPool.format(code, { ...PRETTIER, parser }));

export { PRETTIER } from './rules.js';

/** TypeScript files above this size are formatted in pieces (chunks.ts); smaller ones whole. */
export const SPLIT_BYTES = 2 * PIECE_BYTES;
/** The splitting code, in the cache key of a file formatted in pieces: a change to it misses. */
const CHUNKS_KEY = createHash('sha256').update([splitPieces, joinPieces, pieceText].map(String).join('\n')).digest('hex').slice(0, 16);

/** One piece's prettier output, through the cache: a spec release reformats only changed pieces. */
async function formatPiece(piece: Piece, parser: string, cache: FormatCache | undefined): Promise<string> {
  const text = pieceText(piece);
  // A piece's output is prettier's for its text, as for a small file with that text: same key.
  const key = FormatCache.key(`${parser}+finisher-${FINISHER_KEY}`, text);
  const cached = await cache?.get(key);
  if (cached !== undefined) return cached;
  const formatted = await formatCode(text, parser);
  await cache?.set(key, formatted);
  return formatted;
}

/**
 * A large TypeScript file formatted piece by piece (chunks.ts), or undefined when it does not
 * split or a piece does not come back as expected: the caller then formats it whole.
 */
async function formatInPieces(text: string, parser: string, cache: FormatCache | undefined): Promise<string | undefined> {
  const pieces = splitPieces(text);
  if (pieces === undefined) return undefined;
  try {
    return joinPieces(pieces, await Promise.all(pieces.map((piece) => formatPiece(piece, parser, cache))));
  } catch {
    return undefined; // a piece that does not parse on its own: the whole file decides
  }
}

/**
 * Starts the formatting worker early, so prettier loads while the spec is still being read, when
 * every file will be formatted (no cache). With the cache on, the worker starts at the first miss
 * instead: a re-run of the same spec hits for every file and never needs prettier, and loading it
 * anyway cost that run CPU time and memory for nothing (pinned spec: ~0.15 s of ~1.5 s CPU, ~20 MiB of
 * ~190 MiB peak RSS). A new spec loses little: the first miss comes with the first emitted file.
 */
export function warmFormatter(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NOTAI_CODEGEN_CACHE === '0') formatPool.start();
}

export interface FormatOptions {
  /** The cache to use; default: the shared one (cache.ts), `false` for none. */
  cache?: FormatCache | false;
}

async function formatOne(path: string, text: string, cache: FormatCache | undefined): Promise<string> {
  const parser = formatParser(path);
  if (parser === undefined) return text;
  // Markdown goes through our own finisher first (prettier's Markdown parser only for what it does
  // not handle). Entries are keyed by the finisher's code, which also covers the parser choice and
  // fallback (parsers.ts): changing either misses the cache instead of serving old output. A
  // file formatted in pieces is keyed by the splitting code too.
  const pieces = parser === TYPESCRIPT_PARSER && text.length > SPLIT_BYTES ? `+pieces-${CHUNKS_KEY}` : '';
  const key = FormatCache.key(`${parser}+finisher-${FINISHER_KEY}${pieces}`, text);
  const cached = await cache?.get(key);
  if (cached !== undefined) return cached;
  try {
    const finished = parser === 'markdown' ? await finishGeneratedMarkdown(text, formatCode) : undefined;
    const pieced = pieces !== '' ? await formatInPieces(text, parser, cache) : undefined;
    const formatted = finished ?? pieced ?? (await formatCode(text, parser));
    await cache?.set(key, formatted);
    return formatted;
  } catch (error) {
    throw new GeneratorError(`Generated ${path} could not be formatted (a generator bug): ${(error as Error).message.split('\n')[0]}`, '#', path, { cause: error });
  }
}

/**
 * Stage 4: prettier over every emitted file that is worth it (rules.ts), in worker threads, with
 * a content-addressed cache in front. Files can be handed over one by one while the rest are still
 * being emitted (`add`), so formatting overlaps emission; `finish` waits for all of them. A failure
 * is a generator bug, reported with the file.
 */
export class FormatSession {
  readonly #cache: FormatCache | undefined;
  readonly #started = new Map<string, { text: string; result: Promise<string> }>();

  constructor(options: FormatOptions = {}) {
    this.#cache = options.cache === false ? undefined : (options.cache ?? FormatCache.open(PRETTIER));
  }

  add(path: string, text: string): void {
    const result = formatOne(path, text, this.#cache);
    result.catch(() => undefined); // surfaced by finish(); not "unhandled" while emission goes on
    this.#started.set(path, { text, result });
  }

  /** The formatted files, in `files`' order; files not added yet (or changed since) start now. */
  async finish(files: Map<string, string>): Promise<Map<string, string>> {
    for (const [path, text] of files) if (this.#started.get(path)?.text !== text) this.add(path, text);
    const entries = await Promise.all([...files.keys()].map(async (path): Promise<[string, string]> => [path, await this.#started.get(path)!.result]));
    void formatPool.flush();
    await this.#cache?.pruneIfDue();
    return new Map(entries);
  }
}

export function formatFiles(files: Map<string, string>, options: FormatOptions = {}): Promise<Map<string, string>> {
  return new FormatSession(options).finish(files);
}
