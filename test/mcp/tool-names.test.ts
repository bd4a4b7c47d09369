import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { authFromSpec } from '../../generator/auth-from-spec.js';
import { resolveConfig } from '../../generator/config.js';
import { buildIR } from '../../generator/ir/build.js';
import { namesOf, type NamesLock } from '../../generator/ir/names-lock.js';
import type { ApiIR } from '../../generator/ir/types.js';
import type { LoadedSpec } from '../../generator/load/index.js';
import { TOOL_NAME } from '../../generator/mcp/config.js';
import { generate } from '../../generator/pipeline.js';
import type { ToolDefinition } from '../../templates/mcp/types.js';
import { GITHUB_SPEC } from '../corpus/corpus.js';
import { tempDir } from '../helpers/ir.js';
import { loadedOnce } from '../helpers/shared-generation.js';
import { GENERATED_MCP_DIR, SPEC_DIR } from '../helpers/pinned.js';

/**
 * Issue #18: every API's MCP tools have unique names, derived the same way every time, and a
 * name once recorded in the lock survives a spec release that adds a colliding operation.
 */
const MODULES = join(import.meta.dirname, '..', '..', 'node_modules');
const PETSTORE = join(MODULES, '@readme', 'oas-examples', '3.0', 'json', 'petstore.json');
const FIGMA = join(MODULES, '@figma', 'rest-api-spec', 'openapi', 'openapi.yaml');

/** The IR of a spec document with an MCP server asked for (no config beyond that). */
function irOfDocument(loaded: LoadedSpec, names?: NamesLock): ApiIR {
  const title = String((loaded.document.info as { title: string }).title);
  const config = resolveConfig({ data: { mcp: {} } }, { title, authHeaders: authFromSpec(loaded.document).headers });
  return buildIR({ document: loaded.document, openapiVersion: loaded.openapiVersion, location: loaded.location, config, names });
}

const toolNames = (ir: ApiIR): string[] => ir.operations.filter((op) => op.method !== 'trace').map((op) => op.toolName!);
const key = (op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`;

describe.each([
  ['GitHub', GITHUB_SPEC],
  ['Figma', FIGMA],
  ['Petstore', PETSTORE],
])('%s', (_name, file) => {
  let loaded: LoadedSpec;
  let ir: ApiIR;
  beforeAll(async () => {
    // Loaded once per run, for this file and naming-conventions.test.ts (GitHub's takes seconds).
    loaded = await loadedOnce(file);
    ir = irOfDocument(loaded);
  }, 120_000);

  it('names every tool uniquely, within 64 characters, as MCP clients accept them', () => {
    const names = toolNames(ir);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(names.filter((name) => name.length > 64 || !TOOL_NAME.test(name))).toEqual([]);
  });

  it('names them the same way every time', () => {
    expect(toolNames(irOfDocument(loaded))).toEqual(toolNames(ir));
  });
});

describe('GitHub: operations that derive one name', () => {
  let loaded: LoadedSpec;
  beforeAll(async () => {
    loaded = await loadedOnce(GITHUB_SPEC);
  }, 120_000);

  it('both give it up and take their client method names, whichever comes first', () => {
    const ir = irOfDocument(loaded);
    const tool = (path: string) => ir.operations.find((op) => op.method === 'get' && op.path === path)!;
    expect([tool('/app'), tool('/apps/{app_slug}')].map((op) => [`${op.resource}.${op.resourceMethod}`, op.toolName])).toEqual([
      ['apps.getAuthenticated', 'apps_get_authenticated'],
      ['apps.getBySlug', 'apps_get_by_slug'],
    ]);
    expect(ir.operations.some((op) => op.toolName === 'get_app')).toBe(false);
    // Long client names keep their resource and verb, so a get/set pair stays two readable names.
    const named = (method: string, path: string) => ir.operations.find((op) => op.method === method && op.path === path)!.toolName;
    expect(named('get', '/orgs/{org}/actions/permissions/artifact-and-log-retention')).toBe('actions_get_log_retention_settings_organization');
    expect(named('put', '/orgs/{org}/actions/permissions/artifact-and-log-retention')).toBe('actions_set_log_retention_settings_organization');
    // The resource once: `copilot.copilotUsersUsageMetrics`.
    expect(named('get', '/enterprises/{enterprise}/copilot/metrics/reports/users-28-day/latest')).toBe('copilot_users_usage_metrics');
  });

  it('a release that adds the second one renames nothing: the first keeps get_app, as the lock recorded', () => {
    const paths = { ...(loaded.document.paths as Record<string, unknown>) };
    delete paths['/apps/{app_slug}'];
    const before = irOfDocument({ ...loaded, document: { ...loaded.document, paths } });
    expect(before.operations.find((op) => op.method === 'get' && op.path === '/app')!.toolName).toBe('get_app');
    const after = irOfDocument(loaded, namesOf(before));
    const named = new Map(after.operations.map((op) => [key(op), op.toolName]));
    const changed = before.operations.filter((op) => named.get(key(op)) !== op.toolName).map(key);
    expect(changed).toEqual([]);
    expect(named.get('GET /apps/{app_slug}')).toBe('apps_get_by_slug');
  }, 120_000);
});

describe('the Not AI tools', () => {
  it('keep the names generated-mcp/ has, derived afresh without the lock', async () => {
    const { TOOLS } = (await import(pathToFileURL(join(GENERATED_MCP_DIR, 'src', 'tools.ts')).href)) as { TOOLS: readonly ToolDefinition[] };
    // A first generation into an empty directory: nothing recorded, every name derived.
    const fresh = await generate({ spec: SPEC_DIR, out: join(await tempDir('notai-names-'), 'generated'), check: true, format: false });
    expect(toolNames(fresh.ir)).toEqual(TOOLS.map((tool) => tool.name));
    const lock = JSON.parse(await readFile(join(GENERATED_MCP_DIR, '..', 'generated', 'codegen.lock.json'), 'utf8')) as { names: NamesLock };
    expect(Object.fromEntries(fresh.ir.operations.map((op) => [key(op), op.toolName]))).toEqual(
      Object.fromEntries(Object.entries(lock.names.operations).map(([k, v]) => [k, v.tool])),
    );
    expect(parseYaml(await readFile(join(SPEC_DIR, 'codegen.config.yaml'), 'utf8'))).toMatchObject({ mcp: { toolNames: {} } });
  }, 120_000);
});
