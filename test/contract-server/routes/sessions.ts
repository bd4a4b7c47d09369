/** /v1/sessions, /v1/sessions/{sessionId}, .../details, .../events. */

import type { RouteDef } from './types.js';
import { ok, param } from './types.js';
import { ApiError, validationError } from '../errors.js';
import type { SessionRecord } from '../fixtures.js';
import { BOT_THRESHOLD, FIXTURES } from '../fixtures.js';
import { EVENT_TYPES, detailsFor, eventsFor } from '../events.js';
import type { EventType } from '../events.js';
import { paginate } from '../pagination.js';
import { readBoolean, readDateTime, readInt64, readString } from '../params.js';
import { DAY, FIXTURE_EPOCH_MS } from '../time.js';
import { TIER_HISTORY_DAYS } from '../types.js';

/** 404 for an unknown id, 403 for a session of another integration. */
export function findSession(sessionId: string): SessionRecord {
  if (FIXTURES.foreignSessionIds.has(sessionId)) {
    throw new ApiError(403, 'FORBIDDEN', 'The session belongs to another integration.');
  }
  const record = FIXTURES.sessionsById.get(sessionId);
  if (record === undefined) throw new ApiError(404, 'NOT_FOUND', `Session ${sessionId} was not found.`);
  return record;
}

export const listSessions: RouteDef = {
  pattern: '/v1/sessions',
  auth: true,
  list: true,
  handle(ctx) {
    const status = readString(ctx.query, 'status')?.toLowerCase();
    const botOnly = readBoolean(ctx.query, 'botOnly') ?? false;
    const startDate = readDateTime(ctx.query, 'startDate');
    const endDate = readDateTime(ctx.query, 'endDate');
    // A startDate outside the tier's history window returns an empty page, not an error [doc].
    const windowStart = FIXTURE_EPOCH_MS - TIER_HISTORY_DAYS[ctx.key.tier] * DAY;
    const outsideWindow = startDate !== undefined && startDate < windowStart;
    const items = outsideWindow
      ? []
      : FIXTURES.sessions
          .filter(
            (r) =>
              (status === undefined || r.session.status === status) &&
              (!botOnly || r.session.botScore >= BOT_THRESHOLD) &&
              (startDate === undefined || r.createdAtMs >= startDate) &&
              (endDate === undefined || r.createdAtMs <= endDate),
          )
          .map((r) => r.session);
    const filters = JSON.stringify([status, botOnly, startDate, endDate]);
    return ok(paginate(items, ctx.query, ctx.page, { endpoint: 'sessions', filters, encoding: 'base64url' }, 50));
  },
};

export const getSession: RouteDef = {
  pattern: '/v1/sessions/:sessionId',
  auth: true,
  list: false,
  handle: (ctx) => ok({ data: findSession(param(ctx, 'sessionId')).session }),
};

export const getSessionDetails: RouteDef = {
  pattern: '/v1/sessions/:sessionId/details',
  auth: true,
  list: false,
  handle: (ctx) => ok({ data: detailsFor(findSession(param(ctx, 'sessionId'))) }),
};

/** Event type filter: decimal byte, hex byte (0x01) or short name; undefined type means "matches nothing". */
function readEventType(query: URLSearchParams): { readonly type: EventType | undefined } | undefined {
  const raw = readString(query, 'type');
  if (raw === undefined) return undefined;
  let byte: number | undefined;
  if (/^\d{1,3}$/.test(raw)) byte = Number(raw);
  else if (/^0x[0-9a-f]{1,2}$/i.test(raw)) byte = Number.parseInt(raw.slice(2), 16);
  if (byte !== undefined) {
    if (byte > 255) throw validationError('type', 'type must be a message-type byte (0-255) or an event name');
    return { type: EVENT_TYPES.find((t) => t.byte === byte) };
  }
  const named = EVENT_TYPES.find((t) => t.name === raw.toLowerCase());
  if (named === undefined) {
    throw validationError('type', `type must be a message-type byte or one of ${EVENT_TYPES.map((t) => t.name).join(', ')}`);
  }
  return { type: named };
}

export const listEvents: RouteDef = {
  pattern: '/v1/sessions/:sessionId/events',
  auth: true,
  list: true,
  handle(ctx) {
    const typeFilter = readEventType(ctx.query);
    const startTime = readInt64(ctx.query, 'startTime');
    const endTime = readInt64(ctx.query, 'endTime');
    const record = findSession(param(ctx, 'sessionId'));
    const items = eventsFor(record)
      .filter(
        (e) =>
          (typeFilter === undefined || e.type === typeFilter.type) &&
          (startTime === undefined || e.wire.timestamp >= startTime) &&
          (endTime === undefined || e.wire.timestamp <= endTime),
      )
      .map((e) => e.wire);
    const filters = JSON.stringify([typeFilter === undefined ? null : typeFilter.type?.byte ?? -1, startTime, endTime]);
    const scope = { endpoint: `events:${record.session.id}`, filters, encoding: 'hex' } as const;
    return ok(paginate(items, ctx.query, ctx.page, scope, 100));
  },
};
