import { describe, expect, it } from 'vitest';
import { ERROR_CLASSES, errorClassFor } from '../../generator/ir/error-classes.js';
import { RESERVED_EXPORTS } from '../../generator/ir/build.js';
import * as runtime from '../../templates/runtime/errors.js';

/**
 * The generator's description of the runtime's error classes (generator/ir/error-classes.ts, which
 * the README, the JSDoc `@throws` lines and the reserved names are printed from) against the
 * classes themselves: a class, parent, status or field changed on one side only fails here.
 */
type AnyClass = abstract new (...args: never[]) => unknown;
const classes = runtime as unknown as Record<string, AnyClass>;
const settings = { responseHeaders: { requestId: ['x-request-id'] } };

/** One instance of each class, built the way the runtime builds it. */
function instanceOf(name: string): object {
  const init = { status: 500, message: 'm', code: undefined, details: undefined, headers: new Headers(), requestId: undefined, retries: 0, body: undefined };
  switch (name) {
    case 'ClientError':
      return new runtime.ClientError('m');
    case 'APIConnectionError':
      return new runtime.APIConnectionError('m', { cause: new Error('c'), retries: 1 });
    case 'APITimeoutError':
      return new runtime.APITimeoutError('m', { retries: 1 });
    case 'APIUserAbortError':
      return new runtime.APIUserAbortError('reason');
    case 'InvalidResponseError':
      return new runtime.InvalidResponseError('m', 200, new Headers(), settings);
    case 'ResponseTooLargeError':
      return new runtime.ResponseTooLargeError('m', 200, new Headers(), settings, { limit: 1, url: 'https://a.test' });
    default: {
      const ErrorClass = classes[name] as unknown as new (i: typeof init) => object;
      return new ErrorClass(init);
    }
  }
}

describe('the error-class table', () => {
  it('names every error class the runtime exports, and nothing else', () => {
    const exported = Object.entries(classes)
      .filter(([, value]) => typeof value === 'function' && (value === runtime.ClientError || value.prototype instanceof runtime.ClientError))
      .map(([name]) => name)
      .sort();
    expect(ERROR_CLASSES.map((c) => c.name).sort()).toEqual(exported);
  });

  it.each(ERROR_CLASSES.map((c) => [c.name, c] as const))('%s: its parent and fields are the runtime class’s', (name, info) => {
    const ErrorClass = classes[name]!;
    const parent = Object.getPrototypeOf(ErrorClass) as unknown;
    expect(parent).toBe('parent' in info ? classes[info.parent] : Error);
    const instance = instanceOf(name);
    expect(instance).toBeInstanceOf(ErrorClass);
    for (const field of info.fields) expect(field in instance, `${name}.${field}`).toBe(true);
  });

  it('chooses the class APIError.from builds for every status', () => {
    for (let status = 400; status < 600; status += 1) {
      const error = runtime.APIError.from(status, '', new Headers(), 0, settings);
      expect([status, error.constructor.name]).toEqual([status, errorClassFor(String(status))]);
    }
    expect(errorClassFor('5XX')).toBe('InternalServerError');
    expect(errorClassFor('4XX')).toBe('APIError');
  });

  it('reserves every class name in the generated package', () => {
    for (const { name } of ERROR_CLASSES) expect(RESERVED_EXPORTS).toContain(name);
  });
});
