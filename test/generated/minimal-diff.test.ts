import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { canonicalJson } from '../../generator/schema/json.js';
import { tempDir } from '../helpers/ir.js';
import { FROZEN_VERSION, frozenSpecDir } from '../helpers/pinned.js';

/** Lines that differ between two versions of a file: the span between the common prefix and suffix. */
function changedSpan(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

describe('a one-field spec change is a one-field diff', () => {
  it('adding one response field changes only the lines that mention it', async () => {
    // The frozen 1.0.17.0 spec directory, where PublicSession has no referrerUrl yet.
    const work = await tempDir('mindiff-');
    await frozenSpecDir(join(work, 'spec'));
    const specFile = join(work, 'spec', FROZEN_VERSION, 'openapi.json');
    const before = await generate({ spec: join(work, 'spec'), out: join(work, 'out'), check: true });

    const spec = JSON.parse(await readFile(specFile, 'utf8')) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    spec.components.schemas.PublicSession!.properties.referrerUrl = { description: 'The referrerUrl of the first page view.', type: ['string', 'null'] };
    await writeFile(specFile, canonicalJson(spec));
    const after = await generate({ spec: join(work, 'spec'), out: join(work, 'out'), check: true });

    expect([...after.files.keys()]).toEqual([...before.files.keys()]);
    const changed: Record<string, { removed: string[]; added: string[] }> = {};
    for (const [path, text] of after.files) {
      if (text !== before.files.get(path)) changed[path] = changedSpan(before.files.get(path)!, text);
    }
    expect(Object.keys(changed).sort()).toEqual(['codegen.lock.json', 'src/types.ts']);
    // The lock records the new spec hash: one line.
    expect(changed['codegen.lock.json']!.removed).toHaveLength(1);
    expect(changed['codegen.lock.json']!.added[0]).toMatch(/"sha256": "[0-9a-f]{64}"/);
    const types = changed['src/types.ts']!;
    expect(types.removed).toEqual([]);
    expect(types.added.length).toBeGreaterThan(0);
    for (const line of types.added) expect(line).toContain('referrerUrl');
  });
});
