import { describe, expect, it } from 'vitest';
import { cutArrays, fitCount, jsonSize } from '../../templates/mcp/budget.js';
import { fitObject } from '../../templates/mcp/truncate.js';

describe('fitCount', () => {
  it('is exact for compact JSON', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ id: `item-${i}`, text: 'x'.repeat(i) }));
    const wrap = (list: readonly unknown[]) => ({ items: list, nextCursor: 'abc', hasMore: true });
    expect(fitCount(items, 10, wrap)).toBe(0);
    for (const budget of [60, 200, 777, 5_000]) {
      const k = fitCount(items, budget, wrap);
      if (k > 0) expect(jsonSize(wrap(items.slice(0, k)))).toBeLessThanOrEqual(budget);
      if (k < items.length) expect(jsonSize(wrap(items.slice(0, k + 1)))).toBeGreaterThan(budget);
    }
  });
});

describe('cutArrays', () => {
  const body = {
    id: 'x',
    story: 'a "quoted" string with \\ escapes and ünïcödé that must stay whole '.repeat(4),
    timeline: Array.from({ length: 200 }, (_, i) => ({ at: i, label: `event ${i}` })),
    pages: Array.from({ length: 50 }, (_, i) => `https://example.test/page/${i}`),
    nested: { deep: [[1, 2, 3], Array.from({ length: 100 }, (_, i) => i)] },
  };

  it('drops whole trailing elements only, spreading cuts over the big arrays', () => {
    const { value, cuts, fits } = cutArrays(body, 2_000);
    expect(fits).toBe(true);
    expect(jsonSize(value)).toBeLessThanOrEqual(2_000);
    const cut = value as typeof body;
    expect(cut.story).toBe(body.story);
    expect(cut.timeline).toEqual(body.timeline.slice(0, cut.timeline.length));
    expect(cut.pages).toEqual(body.pages.slice(0, cut.pages.length));
    expect(cuts.map((c) => c.path)).toEqual(expect.arrayContaining(['/timeline', '/pages']));
    for (const c of cuts) expect(c.kept).toBeLessThan(c.total);
    expect(cut.timeline.length).toBeGreaterThan(0);
  });

  it('never yields invalid JSON, whatever the budget', () => {
    for (let budget = 0; budget < 6_000; budget += 97) {
      const { value, fits } = cutArrays(body, budget);
      const text = JSON.stringify(value);
      expect(JSON.parse(text)).toEqual(value);
      if (fits) expect(text.length).toBeLessThanOrEqual(budget);
    }
  });

  it('reports when even empty arrays do not fit', () => {
    expect(cutArrays({ text: 'y'.repeat(500), list: [1, 2, 3] }, 100).fits).toBe(false);
  });
});

describe('fitObject', () => {
  it('returns a fitting value unchanged', () => {
    const value = { a: [1, 2, 3] };
    expect(fitObject(value, 100)).toBe(value);
  });

  it('adds a truncated note and stays within the budget', () => {
    const value = { data: { rows: Array.from({ length: 500 }, (_, i) => ({ i })) } };
    const out = fitObject(value, 1_000) as { data: { rows: unknown[] }; truncated: { note: string; arrays: { path: string; kept: number; total: number }[] } };
    expect(jsonSize(out)).toBeLessThanOrEqual(1_000);
    expect(out.truncated.arrays).toEqual([{ path: '/data/rows', kept: out.data.rows.length, total: 500 }]);
    expect(out.truncated.note).toMatch(/\/data\/rows kept \d+ of 500/);
  });

  it('wraps arrays and objects that already use the key, and gives up honestly', () => {
    const list = Array.from({ length: 300 }, (_, i) => i);
    expect(fitObject(list, 400)).toMatchObject({ data: expect.any(Array), truncated: { note: expect.any(String) } });
    expect(fitObject({ truncated: false, rows: list }, 400)).toMatchObject({ data: { truncated: false }, truncated: expect.any(Object) });
    const huge = fitObject({ blob: 'z'.repeat(5_000) }, 1_000) as { truncated: { note: string } };
    expect(Object.keys(huge)).toEqual(['truncated']);
    expect(huge.truncated.note).toMatch(/does not fit/);
  });
});
