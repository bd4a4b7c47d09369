import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIPromise, type WithResponse } from '../../templates/runtime/api-promise.js';

const response = new Response(null, { status: 200 });
const ok = <T>(data: T): Promise<WithResponse<T>> => Promise.resolve({ data, response, tier: 'pro', rateLimitRemaining: 7, requestId: 'r1' });

afterEach(() => vi.restoreAllMocks());

describe('APIPromise', () => {
  it('await gives the data', async () => {
    expect(await new APIPromise(ok(42))).toBe(42);
  });

  it('is a Promise, and then/catch/finally return plain Promises (species)', async () => {
    const promise = new APIPromise(ok('x'));
    expect(promise).toBeInstanceOf(Promise);
    const derived = promise.then((v) => `${v}!`);
    expect(derived).not.toBeInstanceOf(APIPromise);
    expect(derived).toBeInstanceOf(Promise);
    expect(await derived).toBe('x!');
    expect(promise.catch(() => 'never')).not.toBeInstanceOf(APIPromise);
    // Even the base then (which consults Symbol.species) must not build an APIPromise.
    const viaBase = Promise.prototype.then.call(promise, (v: unknown) => v) as Promise<unknown>;
    expect(viaBase).not.toBeInstanceOf(APIPromise);
    await viaBase;
    const onFinally = vi.fn();
    expect(await promise.finally(onFinally)).toBe('x');
    expect(onFinally).toHaveBeenCalledTimes(1);
  });

  it('works with Promise.all / Promise.resolve / Promise.race', async () => {
    expect(await Promise.all([new APIPromise(ok(1)), new APIPromise(ok(2))])).toEqual([1, 2]);
    expect(await Promise.resolve(new APIPromise(ok(3)))).toBe(3);
    expect(await Promise.race([new APIPromise(ok(4))])).toBe(4);
  });

  it('withResponse gives data, response, tier and request id', async () => {
    const { data, response: raw, tier, requestId } = await new APIPromise(ok({ a: 1 })).withResponse();
    expect([data, raw, tier, requestId]).toEqual([{ a: 1 }, response, 'pro', 'r1']);
  });

  it('rejections reach await, then(_, onRejected) and catch', async () => {
    const failing = (): APIPromise<number> => new APIPromise<number>(Promise.reject(new Error('nope')));
    await expect(failing()).rejects.toThrow('nope');
    expect(await failing().then(undefined, (e: unknown) => (e as Error).message)).toBe('nope');
    expect(await failing().catch((e: unknown) => (e as Error).message)).toBe('nope');
    await expect(failing().withResponse()).rejects.toThrow('nope');
  });

  it('calling only withResponse() on a failure leaves no unhandled rejection behind', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await new APIPromise(Promise.reject(new Error('x'))).withResponse().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('both await and withResponse may be used on the same promise', async () => {
    const promise = new APIPromise(ok('same'));
    expect(await promise).toBe('same');
    expect((await promise.withResponse()).data).toBe('same');
    expect(await promise).toBe('same');
  });

  it('subclasses keep working', async () => {
    class Tagged<T> extends APIPromise<T> {
      tag(): string {
        return 'tagged';
      }
    }
    const promise = new Tagged(ok(5));
    expect(promise.tag()).toBe('tagged');
    expect(await promise).toBe(5);
    expect(promise.then((v) => v)).not.toBeInstanceOf(Tagged);
  });
});
