import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../generator/config.js';
import { GeneratorError } from '../../generator/errors.js';

const resolve = (responseHeaders: unknown) => resolveConfig({ data: { responseHeaders }, file: 'codegen.config.yaml' }, { title: 'Acme' }).responseHeaders;
const pointerOf = (responseHeaders: unknown): string => {
  try {
    resolve(responseHeaders);
  } catch (error) {
    if (error instanceof GeneratorError) return `${error.pointer} ${error.message}`;
    throw error;
  }
  throw new Error('accepted');
};

describe('config: responseHeaders', () => {
  it('defaults to no fields and x-request-id', () => {
    expect(resolve(undefined)).toEqual({ fields: {}, requestId: ['x-request-id'] });
  });

  it('takes text fields by header name and numeric ones with a type, lower-casing headers', () => {
    expect(resolve({ fields: { tier: 'X-Plan-Tier', rateLimitRemaining: { header: 'X-RateLimit-Remaining', type: 'integer' } }, requestId: ['X-Req'] })).toEqual({
      fields: { tier: { header: 'x-plan-tier', type: 'string' }, rateLimitRemaining: { header: 'x-ratelimit-remaining', type: 'integer' } },
      requestId: ['x-req'],
    });
  });

  it.each([
    [{ tier: 'x-plan-tier' }, '#/responseHeaders/tier', /unknown key "tier".*fields: \{ tier: <header> \}/],
    [{ fields: { status: 'x-status' } }, '#/responseHeaders/fields/status', /taken/],
    [{ fields: { 'rate-limit': 'x-rl' } }, '#/responseHeaders/fields/rate-limit', /property name/],
    [{ fields: { n: { header: 'x-n', type: 'float' } } }, '#/responseHeaders/fields/n/type', /integer, number/],
    [{ fields: { n: { header: 'x n' } } }, '#/responseHeaders/fields/n/header', /header name/],
    [{ fields: { n: { header: 'x-n', parse: true } } }, '#/responseHeaders/fields/n/parse', /unknown key/],
    [{ requestId: 'x-req' }, '#/responseHeaders/requestId', /list of header names/],
    [{ extra: 1 }, '#/responseHeaders/extra', /unknown key/],
  ])('rejects %j at its pointer', (section, pointer, message) => {
    const got = pointerOf(section);
    expect(got.startsWith(`${pointer} `), got).toBe(true);
    expect(got).toMatch(message);
  });
});
