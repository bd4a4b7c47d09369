/**
 * The generated client under a hostile network: a full auto-pagination walk against the contract
 * server (real sockets on 127.0.0.1) while a fault hits page 3 of the walk. Every scenario must
 * end either with exactly the fault-free item list (same ids, same order, none twice) or, where
 * the data cannot be trusted or the fault is not worth retrying, with a specific error class and
 * a message that says what went wrong.
 *
 * Scenarios run concurrently (each on its own server) in beforeAll, so the file costs about as
 * much wall time as its slowest scenario (a 1 s Retry-After plus a little backoff); each `it`
 * then checks one outcome. Retry waits are real: the runtime has no test-only knobs. Nothing
 * assumes how fast this machine is: the timeout scenarios' timeout, and the slack on the one upper
 * bound of a wait, are derived from the fault-free walks measured first, so a loaded machine
 * stretches them instead of failing them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  InternalServerError,
  InvalidResponseError,
  NotAi,
  RateLimitError,
  type NotAiError,
  type NotAiOptions,
} from '../../generated/src/index.js';
import type { FaultControl, FaultKind, FaultScope } from '../contract-server/faults.js';
import { BIG_SESSION_EVENT_COUNT, BIG_SESSION_ID, SESSION_COUNT } from '../contract-server/fixtures.js';
import { TEST_KEYS } from '../contract-server/keys.js';
import { startContractServer, type RecordedRequest } from '../contract-server/server.js';

type ErrorClass = abstract new (...args: never[]) => Error;

// ---------------------------------------------------------------------------------------------
// The two walks: every session, and every event of the 1,234-event session.

type WalkName = 'sessions' | 'events';

interface WalkSpec {
  label: string;
  pathPrefix: string;
  pageSize: number;
  total: number;
}

const WALKS: Record<WalkName, WalkSpec> = {
  sessions: { label: 'sessions', pathPrefix: '/v1/sessions', pageSize: 50, total: SESSION_COUNT },
  events: {
    label: 'events of BIG_SESSION_ID',
    pathPrefix: `/v1/sessions/${BIG_SESSION_ID}/events`,
    pageSize: 100,
    total: BIG_SESSION_EVENT_COUNT,
  },
};

/** Walks every item with `for await`, calling `onItem` with each id as it arrives. */
async function walk(name: WalkName, client: NotAi, onItem: (id: string, index: number) => void): Promise<void> {
  let index = 0;
  const { pageSize } = WALKS[name];
  if (name === 'sessions') {
    for await (const session of client.sessions.list({ pageSize })) onItem(session.id, index++);
  } else {
    for await (const event of client.sessions.events(BIG_SESSION_ID, { pageSize })) onItem(event.eventId, index++);
  }
}

// ---------------------------------------------------------------------------------------------
// The scenarios. Each fault is armed the moment the last item of page 2 has been consumed, so the
// request for page 3 is the first to meet it (FIFO, scoped to the walk's path).

type Outcome =
  | {
      kind: 'complete';
      /** Class of the error each failed attempt produced (one per extra attempt). */
      attemptErrors: readonly ErrorClass[];
    }
  | {
      kind: 'fails';
      error: ErrorClass;
      /** A function when it names a figure measured at run time. */
      message: RegExp | (() => RegExp);
      /** `error.retries` where the class carries it. */
      retries?: number;
      /** Pages whose items were yielded before the error. */
      pagesBefore: number;
    };

interface Scenario {
  name: string;
  arm(faults: FaultControl, scope: FaultScope): void;
  /** Fault kinds the server must have served, in order. */
  served: readonly FaultKind[];
  /** Requests the server sees for page 3 (1 = no retry). */
  page3Attempts: number;
  /** A function when it names a figure measured at run time (the timeout). */
  options?: Partial<NotAiOptions> | (() => Partial<NotAiOptions>);
  outcome: Outcome;
  /** Bounds on the wait before the first retry of page 3, in ms. */
  firstRetryWait?: { min: number; max?: number };
}

/** The slowest request of the fault-free walks, in ms: how loaded this machine is right now. */
let slowestRequestMs = 0;
/**
 * The timeout of the slow-headers scenarios: far above what a request takes here (the scenarios
 * run twenty walks at once, and since the suite runs two forks another file may start a
 * compilation meanwhile: sixty times the slowest sequential request), never below 1 s. Twenty
 * times, at least 250 ms, let a fault-free page time out under two forks (a 677 ms timeout).
 * The server holds the headers four times as long, so the timeout is what ends the attempt.
 */
const slowTimeoutMs = (): number => Math.min(5000, Math.max(1000, Math.ceil(60 * slowestRequestMs)));
/** Added to the upper bound of a measured wait: timers fire late on a busy machine, never early. */
const schedulingSlackMs = (): number => Math.ceil(20 * slowestRequestMs);

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'connection reset before headers',
    arm: (f, scope) => f.resetBeforeHeaders(scope),
    served: ['resetBeforeHeaders'],
    page3Attempts: 2,
    outcome: { kind: 'complete', attemptErrors: [APIConnectionError] },
  },
  {
    name: 'connection reset on every attempt',
    arm: (f, scope) => f.resetBeforeHeaders({ ...scope, count: 3 }),
    served: ['resetBeforeHeaders', 'resetBeforeHeaders', 'resetBeforeHeaders'],
    page3Attempts: 3,
    outcome: { kind: 'fails', error: APIConnectionError, message: /^Connection error: /, retries: 2, pagesBefore: 2 },
  },
  {
    name: 'connection reset mid-body',
    arm: (f, scope) => f.resetMidBody(scope),
    served: ['resetMidBody'],
    page3Attempts: 2,
    outcome: { kind: 'complete', attemptErrors: [APIConnectionError] },
  },
  {
    name: 'slow headers past the timeout',
    arm: (f, scope) => f.delay(4 * slowTimeoutMs(), scope),
    served: ['delay'],
    page3Attempts: 2,
    options: () => ({ timeout: slowTimeoutMs() }),
    outcome: { kind: 'complete', attemptErrors: [APITimeoutError] },
  },
  {
    name: 'slow headers on every attempt',
    arm: (f, scope) => f.delay(4 * slowTimeoutMs(), { ...scope, count: 2 }),
    served: ['delay', 'delay'],
    page3Attempts: 2,
    options: () => ({ timeout: slowTimeoutMs(), maxRetries: 1 }),
    outcome: { kind: 'fails', error: APITimeoutError, message: () => new RegExp(`^Request timed out after ${slowTimeoutMs()} ms$`), retries: 1, pagesBefore: 2 },
  },
  {
    name: '5xx burst (503 twice) within the retry budget',
    arm: (f, scope) => f.status(503, { ...scope, count: 2 }),
    served: ['status', 'status'],
    page3Attempts: 3,
    outcome: { kind: 'complete', attemptErrors: [InternalServerError, InternalServerError] },
  },
  {
    name: '5xx burst (500 three times) outlasting the retries',
    arm: (f, scope) => f.status(500, { ...scope, count: 3 }),
    served: ['status', 'status', 'status'],
    page3Attempts: 3,
    outcome: { kind: 'fails', error: InternalServerError, message: /^Injected 500 fault\.$/, retries: 2, pagesBefore: 2 },
  },
  {
    name: 'reset, then 503, then success',
    arm: (f, scope) => {
      f.resetBeforeHeaders(scope);
      f.status(503, scope);
    },
    served: ['resetBeforeHeaders', 'status'],
    page3Attempts: 3,
    outcome: { kind: 'complete', attemptErrors: [APIConnectionError, InternalServerError] },
  },
  {
    name: '429 with Retry-After: 1 (honoured)',
    arm: (f, scope) => f.rateLimited(1, scope),
    served: ['rateLimit'],
    page3Attempts: 2,
    outcome: { kind: 'complete', attemptErrors: [RateLimitError] },
    firstRetryWait: { min: 990 },
  },
  {
    name: '429 storm without Retry-After (twice, exponential backoff)',
    arm: (f, scope) => f.rateLimited(null, { ...scope, count: 2 }),
    served: ['rateLimit', 'rateLimit'],
    page3Attempts: 3,
    outcome: { kind: 'complete', attemptErrors: [RateLimitError, RateLimitError] },
    firstRetryWait: { min: 370, max: 950 },
  },
  {
    name: '429 storm with Retry-After outlasting the retries',
    arm: (f, scope) => f.rateLimited(1, { ...scope, count: 2 }),
    served: ['rateLimit', 'rateLimit'],
    page3Attempts: 2,
    options: { maxRetries: 1 },
    outcome: { kind: 'fails', error: RateLimitError, message: /^Rate limit exceeded\.$/, retries: 1, pagesBefore: 2 },
    firstRetryWait: { min: 990 },
  },
  {
    name: '429 storm without Retry-After outlasting the retries',
    arm: (f, scope) => f.rateLimited(null, { ...scope, count: 3 }),
    served: ['rateLimit', 'rateLimit', 'rateLimit'],
    page3Attempts: 3,
    outcome: { kind: 'fails', error: RateLimitError, message: /^Rate limit exceeded\.$/, retries: 2, pagesBefore: 2 },
  },
  {
    name: 'HTML 502 from a proxy',
    arm: (f, scope) => f.html502(scope),
    served: ['html502'],
    page3Attempts: 2,
    outcome: { kind: 'complete', attemptErrors: [InternalServerError] },
  },
  {
    name: 'HTML 502 from a proxy with no retries left',
    arm: (f, scope) => f.html502(scope),
    served: ['html502'],
    page3Attempts: 1,
    options: { maxRetries: 0 },
    outcome: { kind: 'fails', error: InternalServerError, message: /^HTTP 502: 502 Bad Gateway 502 Bad Gateway edge$/, retries: 0, pagesBefore: 2 },
  },
  {
    name: 'truncated JSON (matching Content-Length)',
    arm: (f, scope) => f.truncatedJson(scope),
    served: ['truncatedJson'],
    page3Attempts: 1,
    outcome: { kind: 'fails', error: InvalidResponseError, message: /^Expected a JSON body but the 200 response \(application\/json; charset=utf-8\) is not valid JSON: it stops mid-document after \d+ characters \(truncated\?\): \{"data":\[/, pagesBefore: 2 },
  },
  {
    name: 'wrong content-type (JSON labelled text/plain)',
    arm: (f, scope) => f.wrongContentType(scope),
    served: ['wrongContentType'],
    page3Attempts: 1,
    outcome: { kind: 'complete', attemptErrors: [] },
  },
  {
    name: 'empty 200 body',
    arm: (f, scope) => f.emptyBody(scope),
    served: ['emptyBody'],
    page3Attempts: 1,
    outcome: { kind: 'fails', error: InvalidResponseError, message: /^Expected a JSON body but the 200 response was empty$/, pagesBefore: 2 },
  },
  {
    name: 'a page whose cursor repeats',
    arm: (f, scope) => f.repeatCursor(scope),
    served: ['repeatCursor'],
    page3Attempts: 1,
    outcome: { kind: 'fails', error: InvalidResponseError, message: /^Pagination cursor repeated: .*stopping the walk/, pagesBefore: 3 },
  },
];

// ---------------------------------------------------------------------------------------------
// Running them.

interface Attempt {
  attempt: number;
  cursor: string | null;
  startedAt: number;
  endedAt?: number;
  error?: NotAiError;
}

interface Result {
  items: string[];
  error: unknown;
  attempts: Attempt[];
  requests: RecordedRequest[];
}

async function run(name: WalkName, scenario: Scenario | undefined): Promise<Result> {
  const server = await startContractServer();
  const attempts: Attempt[] = [];
  const items: string[] = [];
  const { pageSize, pathPrefix } = WALKS[name];
  try {
    const client = new NotAi({
      apiKey: TEST_KEYS.us.pro,
      baseUrl: server.url,
      timeout: 5000,
      ...(typeof scenario?.options === 'function' ? scenario.options() : scenario?.options),
      hooks: {
        onRequest: (info) => {
          attempts.push({ attempt: info.attempt, cursor: new URL(info.url).searchParams.get('cursor'), startedAt: performance.now() });
        },
        onResponse: (info) => {
          const last = attempts[attempts.length - 1]!;
          last.endedAt = performance.now();
          if (info.error !== undefined) last.error = info.error;
        },
      },
    });
    let error: unknown;
    try {
      await walk(name, client, (id, index) => {
        items.push(id);
        if (scenario !== undefined && index === 2 * pageSize - 1) scenario.arm(server.faults, { pathPrefix });
      });
    } catch (caught) {
      error = caught;
    }
    return { items, error, attempts, requests: [...server.requests] };
  } finally {
    await server.close();
  }
}

const baseline: Partial<Record<WalkName, string[]>> = {};
const results = new Map<string, Result>();
const key = (walkName: WalkName, scenario: Scenario): string => `${walkName}: ${scenario.name}`;
let ran = 0;
let held = 0;

beforeAll(async () => {
  for (const name of Object.keys(WALKS) as WalkName[]) {
    const clean = await run(name, undefined);
    if (clean.error !== undefined) throw clean.error;
    baseline[name] = clean.items;
    // The first request of a walk also opens the connection and warms the code up: not a page's cost.
    for (const attempt of clean.attempts.slice(1)) slowestRequestMs = Math.max(slowestRequestMs, attempt.endedAt! - attempt.startedAt);
  }
  const jobs = (Object.keys(WALKS) as WalkName[]).flatMap((name) =>
    SCENARIOS.map(async (scenario) => results.set(key(name, scenario), await run(name, scenario))),
  );
  await Promise.all(jobs);
});

afterAll(() => {
  console.log(`hostile network: ${ran} scenarios ran, ${held} held (slowest fault-free request ${slowestRequestMs.toFixed(1)} ms, so a ${slowTimeoutMs()} ms timeout)`);
  expect(ran).toBe((Object.keys(WALKS).length) * SCENARIOS.length);
  expect(held).toBe(ran);
});

describe('fault-free baseline', () => {
  it.each(Object.keys(WALKS) as WalkName[])('%s: every item once, in order', (name) => {
    const items = baseline[name]!;
    expect(items).toHaveLength(WALKS[name].total);
    expect(new Set(items).size).toBe(items.length);
  });
});

describe.each(Object.keys(WALKS) as WalkName[])('%s walk, fault on page 3', (name) => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_label, scenario) => {
    ran += 1;
    const result = results.get(key(name, scenario))!;
    const expected = baseline[name]!;
    const { pageSize } = WALKS[name];
    const { outcome } = scenario;

    // The fault really happened, on page 3, and page 3 was requested as often as expected.
    expect(result.requests.filter((r) => r.fault !== null).map((r) => r.fault)).toEqual(scenario.served);
    const page3Cursor = result.attempts[2]?.cursor;
    expect(page3Cursor).toEqual(expect.any(String));
    expect(result.attempts.filter((a) => a.cursor === page3Cursor)).toHaveLength(scenario.page3Attempts);

    // No item lost, none twice, same order.
    expect(new Set(result.items).size).toBe(result.items.length);
    if (outcome.kind === 'complete') {
      expect(result.error).toBeUndefined();
      expect(result.items).toEqual(expected);
      const failed = result.attempts.filter((a) => a.error !== undefined);
      expect(failed.map((a) => a.error?.constructor)).toEqual(outcome.attemptErrors);
    } else {
      expect(result.error).toBeInstanceOf(outcome.error);
      const error = result.error as Error & { retries?: number };
      expect(error.message).toMatch(typeof outcome.message === 'function' ? outcome.message() : outcome.message);
      if (outcome.retries !== undefined) expect(error.retries).toBe(outcome.retries);
      expect(result.items).toEqual(expected.slice(0, outcome.pagesBefore * pageSize));
    }

    if (scenario.firstRetryWait !== undefined) {
      const page3 = result.attempts.filter((a) => a.cursor === page3Cursor);
      const waited = page3[1]!.startedAt - page3[0]!.endedAt!;
      expect(waited).toBeGreaterThanOrEqual(scenario.firstRetryWait.min);
      if (scenario.firstRetryWait.max !== undefined) expect(waited).toBeLessThanOrEqual(scenario.firstRetryWait.max + schedulingSlackMs());
    }
    held += 1;
  });
});
