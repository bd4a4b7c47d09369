import { GeneratorError } from '../errors.js';
import { FormatCache } from './cache.js';
import { formatGeneratedMarkdown, GENERATED_MARKDOWN_VERSION } from './markdown.js';
import { formatPool } from './pool.js';
import { PRETTIER, formatParser } from './rules.js';

export { MAX_FORMAT_BYTES, PRETTIER } from './rules.js';

/** Starts the formatting workers early, so prettier loads while the spec is still being read. */
export function warmFormatter(): void {
  formatPool.start();
}

/**
 * Stage 4: prettier over every emitted file that is worth it (rules.ts), in worker threads, with
 * a content-addressed cache in front. A failure here is a generator bug, reported with the file.
 */
export async function formatFiles(files: Map<string, string>, options: { cache?: FormatCache | false } = {}): Promise<Map<string, string>> {
  const cache = options.cache === false ? undefined : (options.cache ?? FormatCache.open(PRETTIER));
  const entries = await Promise.all(
    [...files].map(async ([path, text]): Promise<[string, string]> => {
      const parser = formatParser(path, text);
      if (parser === undefined) return [path, text];
      // Markdown goes through our own finisher, not prettier's Markdown parser: its entries are
      // keyed by the finisher's version, so changing the finisher cannot serve stale output.
      const key = FormatCache.key(parser === 'markdown' ? `generated-markdown@${GENERATED_MARKDOWN_VERSION}` : parser, text);
      const cached = await cache?.get(key);
      if (cached !== undefined) return [path, cached];
      try {
        const formatted =
          parser === 'markdown'
            ? await formatGeneratedMarkdown(text, (code, codeParser) => formatPool.format(code, { ...PRETTIER, parser: codeParser }))
            : await formatPool.format(text, { ...PRETTIER, parser });
        await cache?.set(key, formatted);
        return [path, formatted];
      } catch (error) {
        throw new GeneratorError(`Generated ${path} could not be formatted (a generator bug): ${(error as Error).message.split('\n')[0]}`, '#', path, { cause: error });
      }
    }),
  );
  return new Map(entries);
}
