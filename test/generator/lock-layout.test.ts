import { describe, expect, it } from 'vitest';
import { jsonByLevel } from '../../generator/emit/package-files.js';
import { formatParser } from '../../generator/format/rules.js';
import { pinnedGeneration } from '../helpers/shared-generation.js';

/**
 * codegen.lock.json: the same JSON, one line per recorded name, so a release that adds or renames
 * an operation changes one line; and the format step leaves that layout alone.
 */
describe('the lock is laid out one name a line', () => {
  it('reads back as the same value at any depth', () => {
    const value = { a: 1, b: { c: [1, 'x', null, { d: true }], e: {}, f: [] }, g: 'h"i', u: undefined };
    for (const level of [0, 1, 2, 3, 9]) expect(JSON.parse(jsonByLevel(value, level))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(jsonByLevel(value, 0)).not.toContain('\n');
  });

  it('the pinned client: one line per operation, resource and schema, and the format step skips it', async () => {
    const result = await pinnedGeneration();
    const text = result.files.get('codegen.lock.json')!;
    const lock = JSON.parse(text) as { names: { operations: Record<string, unknown>; resources: Record<string, unknown>; schemas: Record<string, unknown> } };
    const lines = text.split('\n');
    for (const section of ['operations', 'resources', 'schemas'] as const) {
      for (const [key, value] of Object.entries(lock.names[section])) {
        const line = lines.filter((l) => l.trimStart().startsWith(`${JSON.stringify(key)}: `));
        expect(line, key).toHaveLength(1);
        expect(JSON.parse(`{${line[0]!.replace(/,$/, '')}}`)[key], key).toEqual(value);
      }
    }
    expect(formatParser('codegen.lock.json')).toBeUndefined();
    expect(formatParser('package.json')).toBe('json');
  });
});
