import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../generator/pipeline-memory.js';

// Before anything here called collectGarbage: whether new contexts see `gc` (vitest may expose it).
const initial: unknown = runInNewContext('typeof gc');

describe('collectGarbage', () => {
  it('collects what nothing references any more', async () => {
    let target: object | undefined = { payload: new Array(1000).fill('x') };
    const ref = new WeakRef(target);
    target = undefined;
    // A WeakRef's target is kept alive until the job that made or read it ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves --expose-gc as it found it (V8 checks code caches against the flags)', () => {
    collectGarbage();
    expect(runInNewContext('typeof gc')).toBe(initial);
  });
});
