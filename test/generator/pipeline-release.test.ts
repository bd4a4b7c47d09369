import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';

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
  });
});
