import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { TARGETS } from '../../generator/targets/index.js';

const SPEC = join(import.meta.dirname, '..', 'fixtures', 'recursive-union', 'openapi.json');

describe('generate releases what later stages do not read', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('lets the document behind types.ts go once every target has printed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pipeline-release-'));
    dirs.push(dir);
    const result = await generate({ spec: SPEC, out: join(dir, 'client'), format: false, check: false });
    // The IR still names everything the command reports; only the spec document is gone.
    expect(result.ir.operations.length).toBeGreaterThan(0);
    expect(result.ir.typesInput.document).toEqual({});
    expect(result.files.get('src/types.ts')).toContain('export interface components');
    // Printing types.ts from that IR again says why it cannot, instead of printing one without paths.
    const client = TARGETS.find((t) => t.stage === 'emit')!;
    const lock = { generatorVersion: '0.0.0', specSha256: 'x', configSha256: null };
    await expect(client.emit({ ir: result.ir, lock, typescriptVersion: '5.9.3' })).rejects.toThrow(/released its spec document.*keepDocument: true/);
  });

  it('keeps it when asked to (keepDocument), for a caller that prints from the IR again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pipeline-release-'));
    dirs.push(dir);
    const result = await generate({ spec: SPEC, out: join(dir, 'client'), format: false, check: false, keepDocument: true });
    expect(result.ir.typesInput.released).toBeUndefined();
    expect(Object.keys(result.ir.typesInput.document)).toContain('paths');
  });
});
