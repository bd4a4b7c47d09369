import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { generate, outputOf } from '../../generator/pipeline.js';
import { TARGETS, type Target } from '../../generator/targets/index.js';
import { json, specWith, tempDir } from '../helpers/ir.js';

/**
 * Outputs are targets (issue #17 item 3): the pipeline runs every target the config enables,
 * checks and writes them alike. The toy target below is what "adding a target" means: one object,
 * added to a list, with no change to the pipeline.
 */
const spec = specWith({ '/things/{id}': { get: { operationId: 'getThing', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object', properties: { id: { type: 'string' } } }) } } } });

/** A mock-server-like output beside the client: one route file per operation. */
const routesTarget: Target = {
  stage: 'routes',
  enabled: (config) => config.package.name.endsWith('-client'),
  place: (input) => {
    const out = resolve(input.clientOut, '..', 'routes');
    return { out, label: relative(resolve(input.clientOut), out).split(sep).join('/') };
  },
  emit: async (input, onFile) => {
    const files = new Map(input.ir.operations.map((op) => [`${op.operationId}.ts`, `export const route={method:"${op.method.toUpperCase()}",path:"${op.path}"}`]));
    for (const [path, text] of files) onFile?.(path, text);
    return { files, summary: `${files.size} routes` };
  },
};

async function project(configData: Record<string, unknown>): Promise<{ dir: string; spec: string; config: string; out: string }> {
  const dir = await tempDir('targets-');
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
  await writeFile(join(dir, 'codegen.config.yaml'), stringify(configData));
  return { dir, spec: join(dir, 'openapi.json'), config: join(dir, 'codegen.config.yaml'), out: join(dir, 'client') };
}

describe('targets', () => {
  it('lists the client first, then the MCP server', () => {
    expect(TARGETS.map((t) => t.stage)).toEqual(['emit', 'mcp']);
  });

  it('runs only the targets the config enables', async () => {
    const without = await project({});
    const plain = await generate({ ...without, format: false });
    expect(plain.outputs.map((o) => o.stage)).toEqual(['emit']);
    expect(outputOf(plain, 'mcp')).toBeUndefined();

    const withMcp = await project({ mcp: { out: 'things-mcp' } });
    const both = await generate({ ...withMcp, format: false });
    expect(both.outputs.map((o) => [o.stage, o.label])).toEqual([
      ['emit', ''],
      ['mcp', '../things-mcp'],
    ]);
    expect(both.files).toBe(both.outputs[0]!.files);
    expect(await readFile(join(withMcp.dir, 'things-mcp', 'package.json'), 'utf8')).toContain('"name"');
  });

  it('formats, writes and checks an added target like the built-in ones', async () => {
    const { dir, ...paths } = await project({});
    const targets = [...TARGETS, routesTarget];
    const first = await generate({ ...paths, targets });
    const routes = outputOf(first, 'routes')!;
    expect(routes).toMatchObject({ label: '../routes', summary: '1 routes' });
    // Formatted by the same stage as the client: prettier's quotes and spacing, not the emitter's.
    expect(await readFile(join(dir, 'routes', 'getThing.ts'), 'utf8')).toBe("export const route = { method: 'GET', path: '/things/{id}' };\n");

    expect((await generate({ ...paths, targets, check: true })).drift).toEqual([]);
    await writeFile(join(dir, 'routes', 'getThing.ts'), 'edited by hand\n');
    expect((await generate({ ...paths, targets, check: true })).drift).toEqual(['../routes/getThing.ts (changed)']);
  });

  it('places every target before emitting any, so a bad place writes nothing', async () => {
    const { dir, ...paths } = await project({ mcp: { out: 'client' } });
    await expect(generate({ ...paths, format: false })).rejects.toThrow(/overlaps the client output/);
    await expect(readFile(join(dir, 'client', 'package.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
