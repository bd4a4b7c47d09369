import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../templates/runtime/logger.js';
import { createLogger } from '../../templates/runtime/logger.js';
import type { RequestHookInfo, ResponseHookInfo } from '../../templates/runtime/options.js';
import { createRedactor, REDACTED } from '../../templates/runtime/redact.js';
import { VALID_KEY, api, clearKeyEnv, failure, getSpec, makeClient, settle, useFakeClock } from './fixtures.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => clearKeyEnv());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  nock.cleanAll();
});

type Line = [level: string, message: string, data: Record<string, unknown> | undefined];

function spyLogger(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const at =
    (level: string) =>
    (message: string, data?: Record<string, unknown>): void => {
      lines.push([level, message, data]);
    };
  return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

describe('levelled logger', () => {
  it('is silent by default, with console as the sink', async () => {
    const spies = (['error', 'warn', 'info', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
    api().get('/v1/x').reply(200, {});
    await makeClient().request(getSpec('/v1/x'));
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('takes its default level from the API log env var; invalid values are ignored', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    vi.stubEnv('EXAMPLE_LOG', 'debug');
    api().get('/v1/x').reply(200, {});
    await makeClient().request(getSpec('/v1/x'));
    expect(debug).toHaveBeenCalledTimes(1);
    expect(debug.mock.calls[0]?.[0]).toBe('GET https://api.example.test/v1/x (attempt 1)');

    vi.stubEnv('EXAMPLE_LOG', 'verbose');
    api().get('/v1/x').reply(200, {});
    await makeClient().request(getSpec('/v1/x'));
    expect(debug).toHaveBeenCalledTimes(1);
  });

  it('the logLevel option wins over the env var', async () => {
    vi.stubEnv('EXAMPLE_LOG', 'debug');
    const logger = spyLogger();
    api().get('/v1/x').reply(200, {});
    await makeClient({ logger, logLevel: 'warn' }).request(getSpec('/v1/x'));
    expect(logger.lines).toEqual([]);
  });

  it('debug per attempt, info per retry with the delay, warn on giving up', async () => {
    useFakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    api().get('/v1/x').times(3).reply(503, { error: { code: 'DOWN', message: 'down' } });
    const logger = spyLogger();
    await failure(makeClient({ logger, logLevel: 'debug' }).request(getSpec('/v1/x')));
    expect(logger.lines.map(([level, message]) => [level, message])).toEqual([
      ['debug', 'GET https://api.example.test/v1/x (attempt 1)'],
      ['info', 'Retrying GET https://api.example.test/v1/x in 500 ms (retry 1 of 2): down'],
      ['debug', 'GET https://api.example.test/v1/x (attempt 2)'],
      ['info', 'Retrying GET https://api.example.test/v1/x in 1000 ms (retry 2 of 2): down'],
      ['debug', 'GET https://api.example.test/v1/x (attempt 3)'],
      ['warn', 'Giving up on GET https://api.example.test/v1/x after 2 retries: down'],
    ]);
    expect(logger.lines[1]?.[2]).toEqual({
      method: 'GET',
      url: 'https://api.example.test/v1/x',
      operationId: 'testOp',
      attempt: 1,
      delayMs: 500,
    });
  });

  it('level filtering: warn keeps warn and error only', () => {
    const sink = spyLogger();
    const logger = createLogger('warn', sink, createRedactor(undefined, []));
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(sink.lines.map(([level]) => level)).toEqual(['warn', 'error']);
  });

  it('redacts credential headers and the key itself, in messages and nested data', () => {
    const sink = spyLogger();
    const logger = createLogger('debug', sink, createRedactor(VALID_KEY, ['x-custom-auth']));
    logger.error(`bad key ${VALID_KEY}`, {
      headers: { Authorization: `Bearer ${VALID_KEY}`, 'X-API-Key': VALID_KEY, 'x-custom-auth': 'opaque', accept: 'application/json' },
      nested: [{ note: `key=${VALID_KEY};` }],
      error: new Error(`echo ${VALID_KEY}`),
    });
    expect(sink.lines).toEqual([
      [
        'error',
        `bad key ${REDACTED}`,
        {
          headers: { Authorization: REDACTED, 'X-API-Key': REDACTED, 'x-custom-auth': REDACTED, accept: 'application/json' },
          nested: [{ note: `key=${REDACTED};` }],
          error: `Error: echo ${REDACTED}`,
        },
      ],
    ]);
  });

  it('survives cyclic data and a throwing logger', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    const broken: Logger = {
      error: () => {
        throw new Error('logger down');
      },
      warn: () => undefined,
      info: () => undefined,
      debug: () => undefined,
    };
    const logger = createLogger('debug', broken, createRedactor(VALID_KEY, []));
    expect(() => logger.error('x', cyclic)).not.toThrow();
  });
});

describe('hooks', () => {
  it('run around every attempt with redacted headers, status and duration', async () => {
    useFakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    api().get('/v1/x').reply(500, {});
    api().get('/v1/x').reply(200, { ok: true });
    const requests: RequestHookInfo[] = [];
    const responses: ResponseHookInfo[] = [];
    const client = makeClient({
      hooks: { onRequest: (info) => requests.push(info), onResponse: (info) => responses.push(info) },
      headers: { 'x-trace': 't1' },
    });
    await settle(client.request(getSpec('/v1/x')));
    expect(requests.map((r) => r.attempt)).toEqual([1, 2]);
    expect(requests[0]).toEqual({
      method: 'GET',
      url: 'https://api.example.test/v1/x',
      attempt: 1,
      headers: { accept: 'application/json', 'user-agent': 'example-client/3.2.1', authorization: REDACTED, 'x-trace': 't1' },
    });
    expect(responses.map((r) => [r.attempt, r.status, r.error?.name])).toEqual([
      [1, 500, 'InternalServerError'],
      [2, 200, undefined],
    ]);
    expect(JSON.stringify([requests, responses])).not.toContain(VALID_KEY);
  });

  it('x-api-key is redacted too', async () => {
    api().get('/v1/x').reply(200, {});
    const requests: RequestHookInfo[] = [];
    await makeClient({ authHeader: 'x-api-key', hooks: { onRequest: (info) => requests.push(info) } }).request(getSpec('/v1/x'));
    expect(requests[0]?.headers['x-api-key']).toBe(REDACTED);
  });

  it('a throwing hook is logged and ignored', async () => {
    api().get('/v1/x').reply(200, { ok: 1 });
    const logger = spyLogger();
    const client = makeClient({
      logger,
      logLevel: 'warn',
      hooks: {
        onRequest: () => {
          throw new Error('hook bug');
        },
      },
    });
    await expect(client.request(getSpec('/v1/x'))).resolves.toEqual({ ok: 1 });
    expect(logger.lines.map(([level, message]) => [level, message])).toEqual([['warn', 'The onRequest hook threw; ignoring it']]);
  });
});
