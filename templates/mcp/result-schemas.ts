/**
 * The fixed parts of every output schema (see structured.ts). Data only, with no import of the
 * SDK, so the generator can put them into the tool table.
 */
import type { JsonObject } from './types.js';

/**
 * The `truncated` note of a result cut to the budget (truncate.ts, list.ts). Kept short: every
 * tool's listing carries it; the server's instructions say what the note means.
 */
export const TRUNCATION_NOTE_SCHEMA: JsonObject = {
  type: 'object',
  properties: { note: { type: 'string' } },
  required: ['note'],
};

/** The second branch of every output schema: a result that is not the documented shape, and says why. */
export const FLAGGED_RESULT_SCHEMA: JsonObject = {
  type: 'object',
  description:
    'Cut to the result budget (truncated says what went), or not as documented (mismatch says where; the answer is in result).',
  properties: { truncated: TRUNCATION_NOTE_SCHEMA, mismatch: { type: 'string' } },
  anyOf: [{ required: ['truncated'] }, { required: ['mismatch'] }],
};
