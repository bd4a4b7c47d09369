import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onTimeout } from '../../templates/runtime/timer.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
});
afterEach(() => vi.useRealTimers());

describe('shared attempt timer', () => {
  it('fires each deadline on time with a single timer armed', () => {
    const fired: string[] = [];
    const cancelSlow = onTimeout(100, () => fired.push('slow'));
    onTimeout(50, () => fired.push('fast'));
    onTimeout(70, () => fired.push('middle'));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(49);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['fast']);
    vi.advanceTimersByTime(20);
    expect(fired).toEqual(['fast', 'middle']);
    cancelSlow();
    vi.advanceTimersByTime(1000);
    expect(fired).toEqual(['fast', 'middle']);
  });

  it('a cancelled deadline never fires, and an idle process holds no timer after one turn', async () => {
    const fire = vi.fn();
    const cancel = onTimeout(1000, fire);
    cancel();
    cancel(); // idempotent
    await nextTurn();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(fire).not.toHaveBeenCalled();
  });

  it('back-to-back attempts reuse the armed timer', async () => {
    const fire = vi.fn();
    onTimeout(1000, fire)();
    const cancel = onTimeout(1000, fire); // before the event loop turns: same timer
    expect(vi.getTimerCount()).toBe(1);
    await nextTurn();
    expect(vi.getTimerCount()).toBe(1);
    cancel();
    await nextTurn();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('shared attempt timer, entries changed while it fires', () => {
  it('an entry cancelled by an earlier one firing in the same tick does not fire', () => {
    const fired: string[] = [];
    let cancelSecond = (): void => undefined;
    onTimeout(50, () => {
      fired.push('first');
      cancelSecond();
    });
    cancelSecond = onTimeout(50, () => fired.push('second'));
    onTimeout(50, () => fired.push('third'));
    vi.advanceTimersByTime(50);
    expect(fired).toEqual(['first', 'third']);
  });

  it('an entry added while firing is kept and fires on time', () => {
    const fired: string[] = [];
    onTimeout(50, () => {
      fired.push('first');
      onTimeout(0, () => fired.push('added'));
      onTimeout(30, () => fired.push('later'));
    });
    vi.advanceTimersByTime(50);
    expect(fired).toEqual(['first']);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['first', 'added']);
    vi.advanceTimersByTime(29);
    expect(fired).toEqual(['first', 'added', 'later']);
  });
});
