/**
 * The parser TypeScript is formatted with. babel-ts prints what the typescript parser prints for
 * everything this generator emits (checked on every formatted file of the corpus) and is faster to
 * load and to run (~0.1 s of a small spec's critical path). It rejects a few constructs the
 * typescript parser accepts (a labelled type alias, `a ?? b || c`, `override` in some positions);
 * those go to the typescript parser (`withParserFallback`).
 */
export const TYPESCRIPT_PARSER = 'babel-ts';

/** The parser tried when `parser` rejects the input. */
const FALLBACK: Readonly<Record<string, string>> = { [TYPESCRIPT_PARSER]: 'typescript' };

/**
 * Formats one piece of code with `parser`; rejects with `syntax: true` when prettier cannot parse
 * it. Unless `exact`, input the parser rejects is tried with its fallback parser; `exact` asks for
 * `parser` alone (code-blocks.ts needs that: a fallback for a joined program would format every
 * block with the other parser).
 */
export type FormatCode = (code: string, parser: string, exact?: boolean) => Promise<string>;

/** An error the formatter marks as "the code does not parse" (prettier then leaves the code as is). */
export function isSyntaxError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { syntax?: unknown }).syntax === true;
}

/** `format` (one parser, no fallback) made into a FormatCode with the fallback above. */
export function withParserFallback(format: (code: string, parser: string) => Promise<string>): FormatCode {
  return async (code, parser, exact = false) => {
    try {
      return await format(code, parser);
    } catch (error) {
      const fallback = exact ? undefined : FALLBACK[parser];
      if (fallback === undefined || !isSyntaxError(error)) throw error;
      return format(code, fallback);
    }
  };
}

/** The code that decides which parser formats what (for the format cache's keys). */
export const PARSERS_SOURCE = `${TYPESCRIPT_PARSER}\n${JSON.stringify(FALLBACK)}\n${String(withParserFallback)}\n${String(isSyntaxError)}`;
