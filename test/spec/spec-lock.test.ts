import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSpecLock } from '../../generator/spec-source.js';
import { canonicalJson } from '../../generator/schema/json.js';

const SPEC = join(import.meta.dirname, '..', '..', 'spec');

describe('spec lock', () => {
  it('records the sha256 of every pinned file, and each file is canonical', async () => {
    const lock = await readSpecLock(SPEC);
    expect(lock.versions[lock.current]).toBeDefined();
    for (const [version, entry] of Object.entries(lock.versions)) {
      const text = await readFile(join(SPEC, entry.file), 'utf8');
      expect(createHash('sha256').update(text).digest('hex'), version).toBe(entry.sha256);
      expect(canonicalJson(JSON.parse(text)), version).toBe(text);
      expect((JSON.parse(text) as { info: { version: string } }).info.version).toBe(version.split('+')[0]);
    }
  });
});
