/** Per-session event streams (generated lazily from the session's own seed) and the session details view. */

import type { EventCounts, PageVisit, SessionDetails, SessionEvent, TimelineEntry } from './wire.js';
import type { SessionRecord } from './fixtures.js';
import { FIXTURE_SEED } from './fixtures.js';
import { hash32, intBetween, mulberry32, pick, round, weightedPick } from './prng.js';
import { MINUTE, isoDateTime } from './time.js';

export interface EventType {
  readonly byte: number;
  readonly name: string;
  readonly category: Exclude<keyof EventCounts, 'total'> | null;
}

/** Message-type bytes and short names (inference: the docs name init, mouse_move, keypress and bytes like 0x01). */
export const EVENT_TYPES: readonly EventType[] = [
  { byte: 0x01, name: 'init', category: null },
  { byte: 0x02, name: 'mouse_move', category: 'mouse' },
  { byte: 0x03, name: 'mouse_click', category: 'mouse' },
  { byte: 0x04, name: 'scroll', category: 'scroll' },
  { byte: 0x05, name: 'keypress', category: 'keyboard' },
  { byte: 0x06, name: 'touch', category: 'touch' },
  { byte: 0x07, name: 'form_input', category: 'form' },
  { byte: 0x08, name: 'focus', category: null },
  { byte: 0x09, name: 'blur', category: null },
  { byte: 0x0a, name: 'page_view', category: null },
  { byte: 0x0b, name: 'visibility_change', category: null },
  { byte: 0x0c, name: 'resize', category: null },
];

function eventType(name: string): EventType {
  const found = EVENT_TYPES.find((t) => t.name === name);
  if (found === undefined) throw new Error(`unknown event type ${name}`);
  return found;
}

export interface EventRecord {
  readonly wire: SessionEvent;
  readonly type: EventType;
  /** Page URL for page_view events. */
  readonly url: string | null;
}

const PAYLOAD_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  init: [300, 1200],
  mouse_move: [12, 40],
  keypress: [8, 16],
  form_input: [20, 400],
  page_view: [80, 600],
};

const SUB_PAGES = ['modules', 'assignments', 'quizzes', 'discussion_topics'];

function generate(record: SessionRecord): EventRecord[] {
  const rng = mulberry32(hash32(`events:${record.session.id}`) ^ FIXTURE_SEED);
  const n = record.eventCount;
  const span = record.updatedAtMs - record.createdAtMs;
  const offsets = Array.from({ length: n - 1 }, () => 1 + Math.floor(rng() * span)).sort((a, b) => a - b);
  const isBot = record.session.botScore >= 0.7;
  const touchWeight = record.device === 'desktop' ? 0 : 30;
  const weights: readonly (readonly [string, number])[] = isBot
    ? [['keypress', 30], ['form_input', 25], ['mouse_move', 5], ['mouse_click', 6], ['scroll', 4], ['focus', 5], ['blur', 2]]
    : [
        ['mouse_move', touchWeight > 0 ? 5 : 45], ['mouse_click', 8], ['scroll', 15], ['keypress', 12],
        ['touch', touchWeight], ['form_input', 5], ['focus', 3], ['blur', 3], ['visibility_change', 2], ['resize', 1],
      ];
  const pageViews = record.course === null ? 0 : Math.min(12, 1 + Math.floor(n / 60));
  const pageSlots = new Set<number>([1]);
  while (pageSlots.size < pageViews) pageSlots.add(intBetween(rng, 2, n - 1));
  const suffix = record.session.id.slice(-8);
  const events: EventRecord[] = [];
  for (let i = 0; i < n; i++) {
    const name = i === 0 ? 'init' : pageViews > 0 && pageSlots.has(i) ? 'page_view' : weightedPick(rng, weights);
    const type = eventType(name);
    let url: string | null = null;
    if (name === 'page_view' && record.course !== null) {
      url =
        i === 1 && record.session.pageUrl !== null
          ? record.session.pageUrl
          : `${record.course.courseUrl}/${pick(rng, SUB_PAGES)}/${intBetween(rng, 1, 20)}`;
    }
    const [min, max] = PAYLOAD_RANGE[name] ?? [8, 64];
    events.push({
      wire: {
        eventId: `evt_${suffix}_${String(i + 1).padStart(5, '0')}`,
        messageId: i + 1,
        eventTypeName: name,
        timestamp: record.createdAtMs + (i === 0 ? 0 : offsets[i - 1] ?? 0),
        payloadSize: intBetween(rng, min, max),
      },
      type,
      url,
    });
  }
  return events;
}

const cache = new Map<string, readonly EventRecord[]>();

/** The session's events in ascending timestamp order (then messageId). */
export function eventsFor(record: SessionRecord): readonly EventRecord[] {
  let events = cache.get(record.session.id);
  if (events === undefined) {
    events = generate(record);
    cache.set(record.session.id, events);
  }
  return events;
}

function countEvents(events: readonly EventRecord[]): EventCounts {
  const counts: EventCounts = { total: events.length, mouse: 0, scroll: 0, keyboard: 0, touch: 0, form: 0 };
  for (const e of events) if (e.type.category !== null) counts[e.type.category] += 1;
  return counts;
}

function timeline(record: SessionRecord, events: readonly EventRecord[]): TimelineEntry[] {
  const buckets = new Map<number, Map<string, number>>();
  for (const e of events) {
    const slot = Math.floor((e.wire.timestamp - record.createdAtMs) / MINUTE);
    const byType = buckets.get(slot) ?? new Map<string, number>();
    byType.set(e.wire.eventTypeName, (byType.get(e.wire.eventTypeName) ?? 0) + 1);
    buckets.set(slot, byType);
  }
  const rows = [...buckets.entries()].sort(([a], [b]) => a - b);
  const totals = rows.map(([, byType]) => [...byType.values()].reduce((a, b) => a + b, 0));
  const peak = Math.max(1, ...totals);
  return rows.map(([slot, byType], i) => {
    const dominant = [...byType.entries()].sort(([na, ca], [nb, cb]) => cb - ca || na.localeCompare(nb))[0];
    const count = totals[i] ?? 0;
    return {
      timestamp: isoDateTime(record.createdAtMs + slot * MINUTE),
      eventCount: count,
      dominantEventType: dominant?.[0] ?? 'none',
      activityLevel: round(count / peak, 3),
    };
  });
}

function pageHistory(record: SessionRecord, events: readonly EventRecord[]): PageVisit[] {
  const rng = mulberry32(hash32(`pages:${record.session.id}`) ^ FIXTURE_SEED);
  const views = events.filter((e) => e.url !== null);
  return views.map((e, i) => {
    const next = views[i + 1]?.wire.timestamp ?? record.updatedAtMs;
    return {
      url: e.url ?? '',
      timestamp: isoDateTime(e.wire.timestamp),
      type: i === 0 ? 'navigation' : weightedPick(rng, [['navigation', 6], ['spa_route', 3], ['reload', 1]] as const),
      durationMs: next - e.wire.timestamp,
    };
  });
}

export function detailsFor(record: SessionRecord): SessionDetails {
  const events = eventsFor(record);
  return {
    sessionId: record.session.id,
    startTime: record.session.createdAt,
    endTime: record.active ? null : record.session.updatedAt,
    durationSeconds: round((record.updatedAtMs - record.createdAtMs) / 1000, 3),
    eventCounts: countEvents(events),
    timeline: timeline(record, events),
    pageHistory: pageHistory(record, events),
  };
}
