/**
 * Structured results: every tool with an `outputSchema` returns `structuredContent` beside the
 * text (the text is the same JSON). The generator declares each output schema as `anyOf` the
 * documented shape and FLAGGED_RESULT_SCHEMA (result-schemas.ts), so what the budget cuts, and an answer that does
 * not match the API's own documentation, still conform: the result is checked before it goes out,
 * and one that fails the check is sent flagged (`{result, mismatch}`) rather than as an error.
 */
import type { JsonSchemaType } from '@modelcontextprotocol/server';
import { fitObject } from './truncate.js';
import type { JsonObject, ToolDefinition } from './types.js';
import { argumentValidator } from './validate.js';

/** Longest validator message a `mismatch` keeps. */
const MISMATCH_CHARACTERS = 300;

type Check = (value: unknown) => string | undefined;
const checks = new WeakMap<ToolDefinition, Check>();

function checkOf(tool: ToolDefinition, schema: JsonObject): Check {
  let check = checks.get(tool);
  if (check === undefined) {
    const validate = argumentValidator.getValidator(schema as unknown as JsonSchemaType);
    check = (value) => {
      const result = validate(value);
      return result.valid ? undefined : result.errorMessage;
    };
    checks.set(tool, check);
  }
  return check;
}

/**
 * The structured content of a successful call, given the value already within `budget`:
 * the value itself when it conforms to the tool's output schema, else flagged with the first
 * reasons it does not.
 */
export function structuredResult(
  tool: ToolDefinition,
  value: Record<string, unknown>,
  budget: number,
): Record<string, unknown> {
  if (tool.outputSchema === undefined) return value;
  const problem = checkOf(tool, tool.outputSchema)(value);
  if (problem === undefined) return value;
  const mismatch = `The answer does not match the documented result schema: ${problem.slice(0, MISMATCH_CHARACTERS)}`;
  // The flagged object still goes through the budget (it is a little larger than the value).
  const flagged = fitObject({ result: value, mismatch }, budget);
  return flagged as Record<string, unknown>;
}
