import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { INLINE_BUDGET } from '../../generator/ir/tool-json-schema.js';
import { toolsModule } from '../../generator/mcp/sources.js';
import type { ApiIR } from '../../generator/ir/types.js';
import { createLogger, createRedactor } from '../../templates/mcp/log.js';
import { createToolServer } from '../../templates/mcp/server.js';
import type { ApiClientLike, McpSettings, RequestSpecLike, ToolDefinition } from '../../templates/mcp/types.js';
import { argumentChecker } from '../../templates/mcp/validate.js';
import { outputOf } from '../../generator/pipeline.js';
import { json, specWith } from '../helpers/ir.js';
import { evaluateTools, generateWithMcp, toolsOf } from './spec-tools.js';

/**
 * `S_i = {a: S_(i-1), b: S_(i-1)}`: every level doubles what full inlining prints. One request
 * body of `S_levels`, plus whatever else the test puts beside it.
 */
function fanOut(levels: number, extra: { properties?: Record<string, unknown>; schemas?: Record<string, unknown> } = {}): Record<string, unknown> {
  const schemas: Record<string, unknown> = { S0: { type: 'object', properties: { x: { type: 'string' }, y: { type: 'integer' } }, additionalProperties: false }, ...extra.schemas };
  for (let i = 1; i <= levels; i++) {
    schemas[`S${i}`] = { type: 'object', properties: { a: { $ref: `#/components/schemas/S${i - 1}` }, b: { $ref: `#/components/schemas/S${i - 1}` } }, additionalProperties: false };
  }
  const body = extra.properties === undefined ? { $ref: `#/components/schemas/S${levels}` } : { type: 'object', properties: { tree: { $ref: `#/components/schemas/S${levels}` }, ...extra.properties } };
  return specWith(
    { '/things': { post: { operationId: 'makeThing', requestBody: { required: true, content: { 'application/json': { schema: body } } }, responses: { '200': json({ type: 'object' }) } } } },
    { components: { schemas } },
  );
}

/** The generated tools.ts text for the tools of a spec. */
const toolsText = (tools: ToolDefinition[]): string => toolsModule({ title: 'Fan' } as ApiIR, tools, 'header');

/** A value of S_level whose leaf at the path a/b/a/b… has `x` set to `leaf`. */
function tree(level: number, leaf: unknown): unknown {
  if (level === 0) return { x: leaf, y: 1 };
  const side = level % 2 === 0 ? 'a' : 'b';
  return { [side]: tree(level - 1, leaf) };
}

const settings: McpSettings = {
  name: 'fan-mcp',
  version: '1.0.0',
  apiTitle: 'Fan API',
  env: { apiKey: ['FAN_API_KEY'], region: 'FAN_REGION', baseUrl: 'FAN_BASE_URL', mode: 'FAN_MCP_TOOLS' },
  regions: ['default'],
  resultBudget: 40_000,
  defaultPageSize: 10,
  maxItemsLimit: 100,
  dynamicAbove: 40,
};

describe('input schemas stay bounded whatever the spec ($ref fan-out)', () => {
  // Fully inlined, level 12 printed 4 MB and level 24 (about 2^24 copies of S0) would not finish
  // before running out of memory: fail fast on a small level first.
  beforeAll(async () => {
    expect(Buffer.byteLength(toolsText(await toolsOf(fanOut(12))))).toBeLessThan(50_000);
  });

  it('grows linearly with the depth of a doubling schema, where inlining grew 4x every two levels', async () => {
    const bytes = new Map<number, number>();
    for (const level of [18, 21, 24]) {
      bytes.set(level, Buffer.byteLength(toolsText(await toolsOf(fanOut(level)))));
      expect(bytes.get(level)).toBeLessThan(50_000);
    }
    const [b18, b21, b24] = [bytes.get(18)!, bytes.get(21)!, bytes.get(24)!];
    // Three more levels add about the same number of bytes each time: three more definitions.
    expect(b24 - b21).toBeGreaterThan(0);
    expect(b24 - b21).toBeLessThanOrEqual(b21 - b18 + 16);
  });

  it('shares only what is large and used more than once: small schemas stay inline, and so does a tool within the budget', async () => {
    const small = (await toolsOf(fanOut(4)))[0]!;
    // Within INLINE_BUDGET, every $ref is inlined, as before.
    expect(JSON.stringify(small.inputSchema)).not.toMatch(/\$ref|\$defs/);
    expect(JSON.stringify(small.inputSchema).length).toBeLessThanOrEqual(INLINE_BUDGET);

    const [large] = await toolsOf(fanOut(24));
    const schema = large!.inputSchema as { properties: { body: Record<string, unknown> }; $defs: Record<string, Record<string, unknown>> };
    // The body (used once) is inline; S23 and down, used twice each, are definitions, in order of
    // first use; the small ones at the bottom stay inline, inside the smallest definition.
    expect(schema.properties.body).toMatchObject({ type: 'object', properties: { a: { $ref: '#/$defs/S23' }, b: { $ref: '#/$defs/S23' } } });
    const names = Object.keys(schema.$defs);
    expect(names).toEqual(Array.from({ length: names.length }, (_, i) => `S${23 - i}`));
    expect(names.length).toBeLessThan(23);
    const smallest = schema.$defs[names.at(-1)!]!;
    expect(JSON.stringify(smallest)).not.toContain('$ref');
    expect(smallest).toMatchObject({ properties: { a: { type: 'object', properties: { a: { type: 'object' } } } } });
    expect(Object.values(schema.$defs).every((def) => (def['properties'] as Record<string, unknown>)['a'] !== undefined)).toBe(true);
  });

  it('the generated server validates arguments against the shared definitions, and lists them', async () => {
    const levels = 24;
    const generated = await generateWithMcp(fanOut(levels));
    const source = outputOf(generated, 'mcp')!.files.get('src/tools.ts')!;
    expect(source.length).toBeLessThan(50_000);
    // Its README no longer promises schemas without `$ref`.
    expect(outputOf(generated, 'mcp')!.files.get('README.md')).toMatch(/shared in the schema's own `\$defs`/);
    expect(outputOf(generated, 'mcp')!.files.get('README.md')).not.toMatch(/no `\$ref`/);
    const tools = await evaluateTools(source);
    const tool = tools[0]!;
    const check = argumentChecker(tool.inputSchema);
    expect(check({ body: tree(levels, 'deep') })).toBeUndefined();
    expect(check({ body: tree(levels, 5) })?.message).toMatch(/\/body\/a\/b\/a\/b\/.*\/x/);
    expect(check({ body: { a: { b: { a: { zzz: 1 } } } } })).toBeDefined();

    const sent: RequestSpecLike[] = [];
    const client: ApiClientLike = {
      request: (spec) => {
        sent.push(spec);
        return Promise.resolve({ ok: true });
      },
      requestPage: () => {
        throw new Error('not a list');
      },
    };
    const logger = createLogger({ name: 'fan', level: 'off', redact: createRedactor(undefined), write: () => {} });
    const server = createToolServer({ settings, tools, client, logger, mode: 'static' });
    const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const mcp = new Client({ name: 'fan-test', version: '1.0.0' });
    await mcp.connect(clientSide);
    try {
      const listed = await mcp.listTools();
      const defs = Object.keys(tool.inputSchema['$defs'] as object);
      expect(defs.length).toBeGreaterThan(15);
      expect(Object.keys((listed.tools[0]!.inputSchema as { $defs?: object }).$defs ?? {})).toEqual(defs);
      const bad = await mcp.callTool({ name: tool.name, arguments: { body: tree(levels, 5) } });
      expect(bad.isError).toBe(true);
      expect(JSON.stringify(bad.content)).toMatch(/INVALID_ARGUMENTS/);
      const good = await mcp.callTool({ name: tool.name, arguments: { body: tree(levels, 'deep') } });
      expect(good.isError).not.toBe(true);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.body).toEqual(tree(levels, 'deep'));
    } finally {
      await mcp.close();
      await server.close();
    }
  });

  it('a large recursive schema, once shared, refers to itself and is validated at any depth', async () => {
    const fields = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`field${i}`, { type: 'string', description: `Field number ${i} of a node.` }]));
    const node = { type: 'object', properties: { ...fields, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } };
    const spec = fanOut(12, { schemas: { Node: node }, properties: { left: { $ref: '#/components/schemas/Node' }, right: { $ref: '#/components/schemas/Node' } } });
    const [tool] = await toolsOf(spec);
    const schema = tool!.inputSchema as { properties: { body: { properties: Record<string, unknown> } }; $defs: Record<string, { properties: Record<string, unknown> }> };
    expect(schema.properties.body.properties['left']).toEqual({ $ref: '#/$defs/Node' });
    expect(schema.$defs['Node']!.properties['children']).toEqual({ type: 'array', items: { $ref: '#/$defs/Node' } });
    const check = argumentChecker(tool!.inputSchema);
    const nested = (leaf: unknown) => ({ children: [{ children: [{ children: [{ field3: leaf }] }] }] });
    expect(check({ body: { left: nested('ok'), right: {} } })).toBeUndefined();
    expect(check({ body: { left: nested(3) } })?.message).toMatch(/children\/0\/children\/0\/children\/0\/field3/);
  });
});
