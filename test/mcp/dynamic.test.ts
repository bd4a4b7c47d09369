import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMode } from '../../generated-mcp/src/runtime/server.js';
import { searchTools } from '../../generated-mcp/src/runtime/dynamic.js';
import { MCP_SETTINGS } from '../../generated-mcp/src/settings.js';
import { TOOLS } from '../../generated-mcp/src/tools.js';
import { TEST_KEYS } from '../contract-server/keys.js';
import { startContractServer, type ContractServer } from '../contract-server/server.js';
import { asPage, connect, type Harness } from './harness.js';

let api: ContractServer;
let mcp: Harness;
beforeAll(async () => {
  api = await startContractServer({ region: 'us' });
  mcp = await connect({ baseUrl: api.url, apiKey: TEST_KEYS.us.pro, mode: 'dynamic' });
});
afterAll(async () => {
  await mcp.close();
  await api.close();
});

describe('dynamic mode', () => {
  it('is the default only above the configured number of tools', () => {
    expect(MCP_SETTINGS.dynamicAbove).toBe(40);
    expect(defaultMode(MCP_SETTINGS, TOOLS)).toBe('static');
    expect(defaultMode({ ...MCP_SETTINGS, dynamicAbove: TOOLS.length - 1 }, TOOLS)).toBe('dynamic');
  });

  it('lists three tools: search, describe, call', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['search_operations', 'describe_operation', 'call_operation']);
    expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
  });

  it('searches by keywords', async () => {
    expect(searchTools(TOOLS, 'session events', 3).map((t) => t.name)[0]).toBe('list_session_events');
    const { json } = await mcp.call('search_operations', { query: 'user sessions', limit: 2 });
    expect(json).toMatchObject({ total: TOOLS.length, operations: [{ name: 'list_user_sessions', method: 'GET', path: '/v1/users/{userId}/sessions' }, expect.any(Object)] });
    expect(((await mcp.call('search_operations', { query: '' })).json['operations'] as unknown[]).length).toBe(10);
  });

  it('describes and calls an operation through the same executor', async () => {
    const described = await mcp.call('describe_operation', { name: 'list_sessions' });
    expect(described.json).toMatchObject({ name: 'list_sessions', inputSchema: { type: 'object', additionalProperties: false } });
    expect(described.json['outputSchema']).toEqual(TOOLS.find((t) => t.name === 'list_sessions')!.outputSchema);
    const called = await mcp.call('call_operation', { name: 'list_sessions', arguments: { pageSize: 2, fields: ['id'] } });
    // call_operation has no outputSchema of its own (it answers for every operation), but passes the operation's structured content on.
    expect(called.structured).toEqual(called.json);
    const page = asPage(called.json);
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('validates the operation arguments and names unknown operations', async () => {
    const invalid = await mcp.call('call_operation', { name: 'list_sessions', arguments: { pageSize: 1000 } });
    expect(invalid.isError).toBe(true);
    expect(invalid.json['error']).toMatchObject({ code: 'INVALID_ARGUMENTS', message: expect.stringMatching(/pageSize/) });
    const unknown = await mcp.call('call_operation', { name: 'drop_everything' });
    expect(unknown.json['error']).toMatchObject({ code: 'UNKNOWN_OPERATION' });
    expect((await mcp.call('describe_operation', { name: 'nope' })).isError).toBe(true);
    expect((await mcp.call('search_operations', { limit: 5 })).json['error']).toMatchObject({ code: 'INVALID_ARGUMENTS', message: expect.stringMatching(/"query"/) });
  });
});
