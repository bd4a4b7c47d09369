import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../contract-server/keys.js';
import { startContractServer, type ContractServer } from '../contract-server/server.js';
import { GENERATED_MCP_DIR, generatedPackageVersion, pinnedSpec, specOperations } from '../helpers/pinned.js';

/**
 * The bin as an MCP client would start it: a child process speaking JSON-RPC on stdio. In this
 * repository it runs from source through tsx, with `notai-client` mapped to generated/ by
 * tsconfig.repo.json (a published install resolves it from node_modules).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'generated-mcp', 'src', 'bin.ts');
const command = { command: process.execPath, args: ['--import', 'tsx', BIN], cwd: ROOT };
const baseEnv = { ...getDefaultEnvironment(), TSX_TSCONFIG_PATH: join(import.meta.dirname, 'tsconfig.repo.json') };
/** One tool per operation of the pinned spec. */
const operationCount = specOperations(pinnedSpec()).length;

let api: ContractServer;
beforeAll(async () => {
  api = await startContractServer({ region: 'eu' });
});
afterAll(async () => {
  await api.close();
});

describe('the bin over stdio', () => {
  it('serves the tools to a real client, logging only to stderr and never the key', async () => {
    const key = TEST_KEYS.eu.free;
    const transport = new StdioClientTransport({ ...command, env: { ...baseEnv, NOTAI_API_KEY: key, NOTAI_BASE_URL: api.url, NOTAI_LOG: 'debug' }, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'stdio-smoke', version: '1.0.0' });
    await client.connect(transport);
    try {
      expect(client.getServerVersion()).toMatchObject({ name: 'notai-mcp', version: generatedPackageVersion(GENERATED_MCP_DIR) });
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(operationCount);
      const result = await client.callTool({ name: 'get_integration', arguments: {} });
      const text = (result.content as { text: string }[])[0]!.text;
      // The tool answers the model itself, unwrapped from the `{ data: X }` envelope.
      expect(JSON.parse(text)).toMatchObject({ tier: 'free', region: 'eu' });
      expect(text).not.toContain(key);
    } finally {
      await client.close();
    }
    expect(stderr).toContain(`notai-mcp info: ready on stdio: ${operationCount} tools, API key from NOTAI_API_KEY, NOTAI_BASE_URL`);
    expect(stderr).toMatch(/notai-mcp debug: GET http:\/\/127\.0\.0\.1:\d+\/v1\/integration/);
    expect(stderr).not.toContain(key);
  });

  it('starts without a key: lists its tools, names the variables in each keyed call, runs keyless ones', async () => {
    api.reset();
    const transport = new StdioClientTransport({ ...command, env: { ...baseEnv, NOTAI_BASE_URL: api.url, NOTAI_LOG: 'info' }, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'stdio-no-key', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(operationCount);
      const keyed = await client.callTool({ name: 'get_integration', arguments: {} });
      expect(keyed.isError).toBe(true);
      const error = JSON.parse((keyed.content as { text: string }[])[0]!.text) as { error: { code: string; message: string } };
      expect(error.error).toMatchObject({ code: 'MISSING_API_KEY', message: expect.stringMatching(/set NOTAI_API_KEY or ISNOTAI_API_KEY/) });
      const health = await client.callTool({ name: 'get_health', arguments: {} });
      expect(health.isError).toBeFalsy();
      expect(health.structuredContent).toMatchObject({ status: 'healthy' });
    } finally {
      await client.close();
    }
    expect(stderr).toContain('no API key (set NOTAI_API_KEY or ISNOTAI_API_KEY; operations that need one answer MISSING_API_KEY)');
    expect(api.requests.map((r) => [r.path, r.auth])).toEqual([['/health', null]]);
  });
});
