// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/mcp/truncate.ts.
import { cutArrays, jsonSize, type ArrayCut } from './budget.js';

/** What an agent is told when part of a result was left out. */
export interface TruncationNote {
  note: string;
  arrays?: ArrayCut[];
}

function describeCuts(cuts: readonly ArrayCut[]): string {
  return cuts.map((cut) => `${cut.path === '' ? '(top level)' : cut.path} kept ${cut.kept} of ${cut.total}`).join('; ');
}

export function arraysNote(cuts: ArrayCut[], budget: number): TruncationNote {
  return {
    note: `Long arrays were cut to fit the ${budget}-character result budget (${describeCuts(cuts)}). Narrow the request (filters, a shorter range, fewer fields) to see the rest.`,
    arrays: cuts,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ ...body, truncated }` when the body is an object without that key, else `{ data: body, truncated }`. */
function withNote(body: unknown, note: TruncationNote): Record<string, unknown> {
  return isPlainObject(body) && !('truncated' in body) ? { ...body, truncated: note } : { data: body, truncated: note };
}

/**
 * A single (non-list) result within `budget` characters: returned unchanged when it fits;
 * otherwise its longest arrays lose trailing elements and a `truncated` note says which.
 */
export function fitObject(body: unknown, budget: number): unknown {
  if (jsonSize(body) <= budget) return body;
  let target = budget;
  for (let attempt = 0; attempt < 5 && target > 0; attempt++) {
    const cut = cutArrays(body, target);
    if (!cut.fits) break;
    const result = withNote(cut.value, arraysNote(cut.cuts, budget));
    const size = jsonSize(result);
    if (size <= budget) return result;
    target -= size - budget;
  }
  return {
    truncated: {
      note: `The result (${jsonSize(body)} characters of JSON) does not fit the ${budget}-character result budget even with its arrays emptied, so it is left out. Ask for less (filters, a shorter range, fewer fields).`,
    },
  };
}
