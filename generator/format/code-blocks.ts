import { isSyntaxError, PARSERS_SOURCE, TYPESCRIPT_PARSER, type FormatCode } from './parsers.js';

export interface CodeBlock {
  code: string;
  parser: string;
}

/** Parsers whose programs are sequences of statements that prettier prints one by one. */
const BATCHABLE = new Set([TYPESCRIPT_PARSER, 'typescript', 'babel']);
const MARKER = '@@notai-code-block-';
const separator = (index: number): string => `'${MARKER}${index}@@';`;
/** prettier prints a string statement that is not a directive in parentheses. */
const printedSeparator = (index: number): string => `(${separator(index).slice(0, -1)});`;

/** One block as prettier prints it inside Markdown: formatted, or as it is when it does not parse. */
async function formatOne(block: CodeBlock, formatCode: FormatCode): Promise<string> {
  try {
    return (await formatCode(`${block.code}\n`, block.parser)).replace(/\n+$/, '');
  } catch (error) {
    if (isSyntaxError(error)) return block.code;
    throw error;
  }
}

/**
 * Whether a block can share a program with the others: it must not start with a string statement
 * (a directive when formatted alone, an ordinary statement after a separator) or a hashbang, nor
 * contain the separators' text.
 */
function batchable(block: CodeBlock): boolean {
  if (!BATCHABLE.has(block.parser) || block.code.includes(MARKER)) return false;
  let rest = block.code;
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('//')) rest = rest.slice(rest.indexOf('\n') + 1 || rest.length);
    else if (rest.startsWith('/*') && rest.includes('*/')) rest = rest.slice(rest.indexOf('*/') + 2);
    else break;
  }
  return !/^['"#]/.test(rest);
}

/** Trims the blank lines prettier drops at the start and end of a program. */
function trimBlankLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start += 1;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end -= 1;
  return lines.slice(start, end).join('\n');
}

/**
 * Formats `blocks` of one parser as one program, joined by string-statement separators, and splits
 * the output again. Undefined when prettier cannot parse the whole, or when the separators did not
 * come back as lines of their own, in order (a block ending mid-expression or inside a comment
 * would swallow one): the caller then formats each block alone.
 */
async function formatTogether(blocks: CodeBlock[], formatCode: FormatCode): Promise<string[] | undefined> {
  const parser = blocks[0]?.parser ?? TYPESCRIPT_PARSER;
  // A separator on a line of its own after a finished statement is a statement of its own
  // (automatic semicolon insertion); after an unfinished one it joins that statement, and is then
  // not printed as a line of its own, which the split below detects. (An explicit `;` before it
  // would finish statements that do not parse alone, e.g. `if (x)`, and change what they print.)
  const program = blocks.map((block, i) => (i === 0 ? block.code : `${separator(i)}\n${block.code}`)).join('\n');
  let formatted: string;
  try {
    // Exact: a parser standing in for the whole program would format every block its own way.
    formatted = await formatCode(`${program}\n`, parser, true);
  } catch (error) {
    if (isSyntaxError(error)) return undefined;
    throw error;
  }
  const parts: string[] = [];
  let current: string[] = [];
  for (const line of formatted.split('\n')) {
    if (line === printedSeparator(parts.length + 1)) {
      parts.push(trimBlankLines(current));
      current = [];
    } else if (line.includes(MARKER)) return undefined;
    else current.push(line);
  }
  parts.push(trimBlankLines(current));
  return parts.length === blocks.length ? parts : undefined;
}

/**
 * Formats Markdown code blocks as prettier's Markdown formatter would, each as a program of its
 * own. JavaScript and TypeScript blocks go to prettier as one program per parser: prettier's
 * per-call cost (~3 ms, most of a README's formatting when it has 20 small examples) is paid once.
 * The output equals formatting each block alone because prettier prints top-level statements
 * independently; whatever the separators cannot vouch for is formatted alone.
 */
export async function formatCodeBlocks(blocks: readonly CodeBlock[], formatCode: FormatCode): Promise<string[]> {
  const results: Promise<string>[] = [];
  const groups = new Map<string, { indexes: number[]; blocks: CodeBlock[] }>();
  blocks.forEach((block, index) => {
    if (!batchable(block)) {
      results[index] = formatOne(block, formatCode);
      return;
    }
    const group = groups.get(block.parser) ?? { indexes: [], blocks: [] };
    group.indexes.push(index);
    group.blocks.push(block);
    groups.set(block.parser, group);
  });
  for (const group of groups.values()) {
    const together = group.blocks.length > 1 ? formatTogether(group.blocks, formatCode) : Promise.resolve(undefined);
    group.indexes.forEach((blockIndex, i) => {
      results[blockIndex] = together.then((parts) => parts?.[i] ?? formatOne(group.blocks[i]!, formatCode));
    });
  }
  return Promise.all(results);
}

/** The functions whose code decides this module's output (for the format cache's Markdown key). */
export const CODE_BLOCKS_SOURCE = PARSERS_SOURCE + [formatOne, batchable, trimBlankLines, formatTogether, formatCodeBlocks, separator, printedSeparator].map(String).join('\n') + [...BATCHABLE].join();
