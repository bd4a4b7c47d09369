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

/** One string of an error that was shortened: which field, characters kept, characters there were. */
export interface StringCut {
  field: string;
  kept: number;
  total: number;
}

/** How many UTF-16 units of `text` to keep, at most `keep`, never splitting a surrogate pair. */
function cutPoint(text: string, keep: number): number {
  const end = Math.max(0, Math.min(keep, text.length));
  const last = text.charCodeAt(end - 1);
  return end > 0 && last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}

function errorNote(budget: number, droppedDetails: number | undefined, cuts: readonly StringCut[]): TruncationNote {
  const parts = [
    ...(droppedDetails === undefined ? [] : [`details (${droppedDetails} characters of JSON) left out`]),
    ...cuts.map((cut) => `${cut.field} cut to ${cut.kept} of ${cut.total} characters`),
  ];
  return { note: `The error did not fit the ${budget}-character result budget: ${parts.join('; ')}.` };
}

/**
 * An error result within `budget` characters, told the way a success is: `{ error, truncated }`.
 * Long arrays (in `details`) lose trailing elements first, exactly as in `fitObject`; if that is
 * not enough, `details` goes, then the longest strings (a message of megabytes) are cut, so the
 * short fields an agent acts on (code, status, hint) stay. Redact before calling: a cut through a
 * secret would leave a prefix the redactor no longer recognises.
 */
export function fitError(error: Readonly<Record<string, unknown>>, budget: number): Record<string, unknown> {
  const whole = { error };
  if (jsonSize(whole) <= budget) return whole;
  let target = budget;
  for (let attempt = 0; attempt < 5 && target > 0; attempt++) {
    const cut = cutArrays(whole, target);
    if (!cut.fits) break;
    const result = { ...(cut.value as Record<string, unknown>), truncated: arraysNote(cut.cuts, budget) };
    const size = jsonSize(result);
    if (size <= budget) return result;
    target -= size - budget;
  }

  const out: Record<string, unknown> = { ...error };
  let droppedDetails: number | undefined;
  if (out['details'] !== undefined) {
    droppedDetails = jsonSize(out['details']);
    delete out['details'];
  }
  const cuts = new Map<string, StringCut>();
  const originals = new Map<string, string>();
  for (let round = 0; round < 50; round++) {
    const result = { error: out, truncated: errorNote(budget, droppedDetails, [...cuts.values()]) };
    const over = jsonSize(result) - budget;
    if (over <= 0) return result;
    let field: string | undefined;
    let longest = 1;
    for (const [key, value] of Object.entries(out)) {
      if (typeof value === 'string' && value.length > longest) [field, longest] = [key, value.length];
    }
    if (field === undefined) break;
    const original = originals.get(field) ?? String(out[field]);
    originals.set(field, original);
    // Room for the note, which grows by a few words for each cut; escapes make JSON longer than
    // the text, so a round may fall short and the next one cuts again.
    const kept = cutPoint(original, (cuts.get(field)?.kept ?? original.length) - over - 64);
    out[field] = `${original.slice(0, kept)}…`;
    cuts.set(field, { field, kept, total: original.length });
  }
  // Only reachable with a budget too small for the fixed fields themselves.
  const code = String(error['code'] ?? 'ERROR');
  return {
    error: { code: code.slice(0, cutPoint(code, 64)) },
    truncated: errorNote(budget, droppedDetails, [...cuts.values()]),
  };
}
