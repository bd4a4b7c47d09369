import { describe, expect, it } from 'vitest';
import { outputOf } from '../../generator/pipeline.js';
import { specWith } from '../helpers/ir.js';
import { scaled } from '../helpers/slowdown.js';
import { generateWithMcp } from './spec-tools.js';

/**
 * The MCP README tells an agent which argument takes `nextCursor` back: the list tools' own
 * position argument (`offset` for an offset-paginated API), not a `cursor` the tools may not have.
 */
const item = { type: 'object', properties: { id: { type: 'string' } } };
const int = (name: string) => ({ name, in: 'query', schema: { type: 'integer' } });
const list = (path: string, operationId: string, parameters: unknown[], schema: unknown, headers?: unknown) => ({
  [path]: { get: { operationId, parameters, responses: { '200': { description: 'ok', ...(headers ? { headers } : {}), content: { 'application/json': { schema } } } } } },
});
const OFFSET = specWith(list('/v1/things', 'listThings', [int('offset'), int('limit')], { type: 'object', properties: { results: { type: 'array', items: item }, total: { type: 'integer' } } }));
const MIXED = specWith({
  ...list('/v1/things', 'listThings', [int('offset'), int('limit')], { type: 'object', properties: { results: { type: 'array', items: item }, total: { type: 'integer' } } }),
  ...list('/v1/links', 'listLinks', [int('page'), int('per_page')], { type: 'array', items: item }, { Link: { schema: { type: 'string' } } }),
});

async function resultsSection(spec: Record<string, unknown>): Promise<string> {
  const readme = outputOf(await generateWithMcp(spec), 'mcp')!.files.get('README.md')!;
  const start = readme.indexOf('## Results\n');
  expect(start).toBeGreaterThan(-1);
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
}

describe('the MCP README names the argument that takes nextCursor back', () => {
  it('one style: its own argument', async () => {
    const text = await resultsSection(OFFSET);
    expect(text).toContain('Pass `nextCursor` back unchanged as `offset`, with the same other arguments');
    expect(text).not.toContain('as `cursor`');
  }, scaled(60_000));

  it('several: each named, and each tool says its own', async () => {
    const text = await resultsSection(MIXED);
    expect(text).toContain("as the tool's cursor argument (its description names it: `cursor`, `offset`)");
  }, scaled(60_000));
});
