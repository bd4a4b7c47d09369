import type { McpIR, OperationIR } from '../ir/types.js';
import { escapeInvisible } from '../text/invisible.js';

/**
 * The words an agent reads: tool titles and descriptions, and the argument descriptions that
 * differ from the spec's because the MCP result shape differs (`nextCursor` at the top level).
 */

/**
 * Spec text as an agent reads it: a bidi override or tag characters (invisible "ASCII smuggling")
 * would say something to the model that a person reviewing the tool list cannot see, so they are
 * spelled as visible escapes (generator/text/invisible.ts).
 */
function clean(text: string | undefined): string | undefined {
  const trimmed = text === undefined ? undefined : escapeInvisible(text.replace(/\r\n?/g, '\n')).trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

export function toolTitle(op: OperationIR, name: string): string {
  const summary = clean(op.summary)?.replace(/\s+/g, ' ');
  if (summary !== undefined) return summary;
  const text = name.replace(/_/g, ' ');
  return text[0]!.toUpperCase() + text.slice(1);
}

/** `cursorArgument`: where a list tool takes nextCursor back (its position parameter, or a `Link` list's own argument). */
export function toolDescription(op: OperationIR, mcp: McpIR, pageSize: number | undefined, cursorArgument?: string): string {
  // The summary is the tool's title already; the description says more when there is one.
  const parts = [clean(op.description) ?? clean(op.summary)].filter((p): p is string => p !== undefined);
  if (op.paging !== undefined && cursorArgument !== undefined) {
    const size = pageSize === undefined ? '' : ` (${pageSize} items unless pageSize says otherwise)`;
    parts.push(
      `Returns one page as {items, nextCursor, hasMore}${size}; pass nextCursor back as ${cursorArgument} for the next page. ` +
        `Results are capped at ${mcp.resultBudget} characters: a page that would exceed it returns fewer items, and nextCursor resumes right after them.`,
    );
  }
  if (op.deprecated) parts.push('Deprecated.');
  return parts.join('\n\n') || escapeInvisible(`${op.method.toUpperCase()} ${op.path}`);
}

export function cursorDescription(): string {
  return 'Opaque cursor from the previous result\'s nextCursor: pass it back unchanged, with the same other arguments, for the next page. Omit it for the first page.';
}

export function pageSizeDescription(specText: string | undefined, pageSize: number): string {
  return [clean(specText), `When omitted, this tool asks for ${pageSize}.`].filter(Boolean).join(' ');
}

export function fieldsDescription(): string {
  return 'Return only these properties of each item (smaller results, so more items fit the result budget). Omit for every property.';
}

export function maxItemsDescription(mcp: McpIR): string {
  return (
    `Collect up to this many items by walking pages (omit for one page). Stops early at the ${mcp.resultBudget}-character result budget; ` +
    'nextCursor then resumes right after the last item returned.'
  );
}
