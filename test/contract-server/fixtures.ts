/**
 * Seeded, immutable fixture data shared by every server instance: 237 sessions (so page walks end on a
 * ragged page), the LMS users and courses correlated with them. Timestamps are relative to FIXTURE_EPOCH_MS.
 */

import type { Course, PublicSession, PublicUser } from './wire.js';
import { alnum, hash32, intBetween, mulberry32, pick, round, weightedPick } from './prng.js';
import type { Rng } from './prng.js';
import { DAY, FIXTURE_EPOCH_MS, HOUR, MINUTE, SECOND, isoDateTime, startOfUtcDay } from './time.js';

export const FIXTURE_SEED = 0x150a1;
export const SESSION_COUNT = 237;
export const BIG_SESSION_EVENT_COUNT = 1234;
/** Bot threshold [doc]: botOnly=true keeps sessions with botScore >= 0.7. */
export const BOT_THRESHOLD = 0.7;
/** A session that exists but belongs to another integration: every session route answers 403 FORBIDDEN. */
export const FOREIGN_SESSION_ID = 'ses_foreignintegration01';

const USER_POOL_SIZE = 57;
const HISTORY_SPAN_MS = 60 * DAY;
const BIG_SESSION_INDEX = 17;
const EXACT_THRESHOLD_INDEX = 3;
const FORCED_ACTIVE_INDEX = 1;
const FORCED_NO_URL_INDEX = 5;

export type Device = 'mobile' | 'tablet' | 'desktop';

interface UaProfile {
  readonly summary: string;
  readonly browser: string;
  readonly device: Device;
}

const HUMAN_UAS: readonly (readonly [UaProfile, number])[] = [
  [{ summary: 'Chrome 126 on Windows', browser: 'Chrome', device: 'desktop' }, 30],
  [{ summary: 'Chrome 125 on macOS', browser: 'Chrome', device: 'desktop' }, 12],
  [{ summary: 'Safari 17 on macOS', browser: 'Safari', device: 'desktop' }, 10],
  [{ summary: 'Edge 126 on Windows', browser: 'Edge', device: 'desktop' }, 10],
  [{ summary: 'Firefox 127 on Linux', browser: 'Firefox', device: 'desktop' }, 5],
  [{ summary: 'Safari 17 on iOS', browser: 'Safari', device: 'mobile' }, 12],
  [{ summary: 'Chrome 126 on Android', browser: 'Chrome', device: 'mobile' }, 10],
  [{ summary: 'Safari 17 on iPadOS', browser: 'Safari', device: 'tablet' }, 6],
];

const BOT_UAS: readonly (readonly [UaProfile, number])[] = [
  [{ summary: 'HeadlessChrome 126 on Linux', browser: 'HeadlessChrome', device: 'desktop' }, 5],
  [{ summary: 'Chrome 126 on Linux', browser: 'Chrome', device: 'desktop' }, 3],
  [{ summary: 'Chrome 126 on Windows', browser: 'Chrome', device: 'desktop' }, 2],
];

const BOT_FLAGS = ['headless_browser', 'webdriver_present', 'automation_timing', 'no_pointer_movement', 'datacenter_ip'];
const HUMAN_FLAGS = ['tab_switching', 'copy_paste_burst', 'devtools_open'];

const ORIGINS = ['https://canvas.northwind.edu', 'https://moodle.contoso.ac.uk', 'https://learn.fabrikam.org'];

const COURSE_NAMES = [
  'Introduction to Psychology', 'Calculus I', 'Organic Chemistry', 'World History since 1500',
  'Data Structures', 'Academic Writing', 'Microeconomics', 'Linear Algebra',
  'Cell Biology', 'Statistics for the Social Sciences', 'Ethics in Technology', 'Spanish II',
  'Classical Mechanics', 'Marketing Fundamentals', 'Discrete Mathematics', 'Art History Survey',
  'Nursing Foundations', 'Financial Accounting', 'Environmental Science', 'Public Speaking',
  'Operating Systems', 'Human Anatomy', 'Creative Writing Workshop', 'Macroeconomics',
];

const FIRST_NAMES = [
  'Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Tim', 'Barbara', 'Dennis', 'Frances',
  'Ken', 'Radia', 'Edsger', 'Hedy', 'John', 'Shafi', 'Donald', 'Lynn', 'Niklaus', 'Sophie',
];
const LAST_NAMES = [
  'Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Berners-Lee', 'Liskov', 'Ritchie',
  'Allen', 'Thompson', 'Perlman', 'Dijkstra', 'Lamarr', 'Backus', 'Goldwasser', 'Knuth', 'Conway', 'Wirth',
  'Wilson',
];

export interface CourseRef {
  readonly courseId: string;
  readonly courseName: string;
  readonly courseUrl: string;
  readonly origin: string;
}

export interface UserRef {
  readonly userId: string;
  readonly userName: string;
  readonly userUrl: string;
  readonly origin: string;
}

/** One session: the wire object plus the internal facts that the other endpoints derive from. */
export interface SessionRecord {
  readonly session: PublicSession;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
  readonly active: boolean;
  readonly eventCount: number;
  readonly course: CourseRef | null;
  readonly origin: string;
  readonly device: Device;
  readonly browser: string;
  /** Confidence of the LMS user correlation, null when uncorrelated. */
  readonly correlationConfidence: number | null;
}

export interface Fixtures {
  /** Sorted newest first (createdAt desc, then id): the order of every session list. */
  readonly sessions: readonly SessionRecord[];
  readonly sessionsById: ReadonlyMap<string, SessionRecord>;
  /** Users with at least one session, sorted by lastSeen desc, then userId. */
  readonly users: readonly PublicUser[];
  readonly sessionsByUser: ReadonlyMap<string, readonly SessionRecord[]>;
  /** Courses seen in at least one session URL, sorted by sessionCount desc, then courseId. */
  readonly courses: readonly Course[];
  readonly foreignSessionIds: ReadonlySet<string>;
}

function buildCourses(rng: Rng): CourseRef[] {
  const courses: CourseRef[] = [];
  ORIGINS.forEach((origin, o) => {
    for (let j = 0; j < 8; j++) {
      const courseId = String(1000 + o * 200 + j * 13 + intBetween(rng, 0, 9));
      const courseName = COURSE_NAMES[o * 8 + j] ?? `Course ${courseId}`;
      courses.push({ courseId, courseName, courseUrl: `${origin}/courses/${courseId}`, origin });
    }
  });
  return courses;
}

function buildUserPool(rng: Rng): UserRef[] {
  const seen = new Set<string>();
  const users: UserRef[] = [];
  while (users.length < USER_POOL_SIZE) {
    const digits = String(intBetween(rng, 10000, 99999));
    if (seen.has(digits)) continue;
    seen.add(digits);
    const origin = pick(rng, ORIGINS);
    users.push({
      userId: `u-${digits}`,
      userName: `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`,
      userUrl: `${origin}/users/${digits}`,
      origin,
    });
  }
  return users;
}

function buildSession(index: number, users: readonly UserRef[], courses: readonly CourseRef[]): SessionRecord {
  const rng = mulberry32(hash32(`session:${index}`) ^ FIXTURE_SEED);
  const id = `ses_${alnum(rng, 20)}`;
  const kind = weightedPick(rng, [['bot', 26], ['medium', 14], ['human', 60]] as const);
  let botScore =
    kind === 'bot' ? 0.7 + rng() * 0.29 : kind === 'medium' ? 0.4 + rng() * 0.299 : 0.01 + rng() * 0.38;
  botScore = index === EXACT_THRESHOLD_INDEX ? BOT_THRESHOLD : round(botScore, 3);
  const isBot = botScore >= BOT_THRESHOLD;

  const ua = weightedPick(rng, isBot ? BOT_UAS : HUMAN_UAS);
  const flagCount = isBot ? intBetween(rng, 1, 3) : rng() < 0.2 ? 1 : 0;
  const flagPool = isBot ? BOT_FLAGS : HUMAN_FLAGS;
  const detectionFlags = [...new Set(Array.from({ length: flagCount }, () => pick(rng, flagPool)))];

  const correlated = rng() < 0.82;
  const skew = rng();
  // plain multiplication (not Math.pow) keeps the fixtures bit-identical across V8 versions
  const user = correlated ? users[Math.floor(skew * skew * users.length)] ?? null : null;
  const origin = user?.origin ?? pick(rng, ORIGINS);
  const hasUrl = index !== FORCED_NO_URL_INDEX && rng() >= 0.06;
  const course = hasUrl ? pick(rng, courses.filter((c) => c.origin === origin)) : null;
  const moduleNo = intBetween(rng, 1, 12);
  const pageUrl = course === null ? null : rng() < 0.5 ? course.courseUrl : `${course.courseUrl}/modules/${moduleNo}`;

  const durationMs =
    index === BIG_SESSION_INDEX ? 94 * MINUTE + 13 * SECOND : intBetween(rng, 120, 3300) * SECOND + intBetween(rng, 0, 999);
  const ageRoll = rng();
  const ageMs = index === FORCED_ACTIVE_INDEX ? 40 * MINUTE : ageRoll * ageRoll * HISTORY_SPAN_MS;
  const active = ageMs < 3 * HOUR;
  let createdAtMs: number;
  let updatedAtMs: number;
  if (active) {
    updatedAtMs = FIXTURE_EPOCH_MS - intBetween(rng, 5, 120) * SECOND;
    createdAtMs = updatedAtMs - durationMs;
  } else {
    createdAtMs = Math.round(FIXTURE_EPOCH_MS - ageMs);
    if (createdAtMs + durationMs > FIXTURE_EPOCH_MS - 3 * HOUR) createdAtMs = FIXTURE_EPOCH_MS - 3 * HOUR - durationMs;
    updatedAtMs = createdAtMs + durationMs;
  }
  const eventCount = index === BIG_SESSION_INDEX ? BIG_SESSION_EVENT_COUNT : intBetween(rng, 20, isBot ? 600 : 400);
  const correlationConfidence = user === null ? null : round(0.55 + rng() * 0.44, 3);

  return {
    session: {
      id,
      createdAt: isoDateTime(createdAtMs),
      updatedAt: isoDateTime(updatedAtMs),
      status: active ? 'active' : 'closed',
      botScore,
      detectionFlags,
      pageUrl,
      userAgentSummary: ua.summary,
      userId: user?.userId ?? null,
      userName: user?.userName ?? null,
      userUrl: user?.userUrl ?? null,
    },
    createdAtMs,
    updatedAtMs,
    active,
    eventCount,
    course,
    origin,
    device: ua.device,
    browser: ua.browser,
    correlationConfidence,
  };
}

function sparkline(records: readonly SessionRecord[]): number[] {
  const today = startOfUtcDay(FIXTURE_EPOCH_MS);
  const days = Array.from({ length: 14 }, () => 0);
  for (const r of records) {
    const slot = 13 - Math.floor((today - startOfUtcDay(r.createdAtMs)) / DAY);
    if (slot >= 0 && slot < 14) days[slot] = (days[slot] ?? 0) + 1;
  }
  return days;
}

function riskLevel(maxBotScore: number, botSessions: number): string {
  if (botSessions > 0 && maxBotScore >= 0.85) return 'high';
  if (maxBotScore >= 0.5) return 'medium';
  return 'low';
}

function buildUsers(pool: readonly UserRef[], byUser: ReadonlyMap<string, readonly SessionRecord[]>): PublicUser[] {
  const users: PublicUser[] = [];
  for (const ref of pool) {
    const records = byUser.get(ref.userId);
    if (records === undefined || records.length === 0) continue;
    const scores = records.map((r) => r.session.botScore);
    const botSessionCount = scores.filter((s) => s >= BOT_THRESHOLD).length;
    const maxBotScore = Math.max(...scores);
    const times = records.map((r) => r.createdAtMs);
    users.push({
      userId: ref.userId,
      userName: ref.userName,
      sessionCount: records.length,
      botSessionCount,
      mediumSessionCount: scores.filter((s) => s >= 0.4 && s < BOT_THRESHOLD).length,
      averageBotScore: round(scores.reduce((a, b) => a + b, 0) / scores.length, 4),
      maxBotScore,
      deviceCount: new Set(records.map((r) => r.session.userAgentSummary)).size,
      firstSeen: isoDateTime(Math.min(...times)),
      lastSeen: isoDateTime(Math.max(...records.map((r) => r.updatedAtMs))),
      riskLevel: riskLevel(maxBotScore, botSessionCount),
      sparkline: sparkline(records),
      userUrl: ref.userUrl,
    });
  }
  return users.sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.userId.localeCompare(b.userId));
}

function buildCourseList(sessions: readonly SessionRecord[]): Course[] {
  const groups = new Map<string, { ref: CourseRef; records: SessionRecord[] }>();
  for (const r of sessions) {
    if (r.course === null) continue;
    const group = groups.get(r.course.courseId) ?? { ref: r.course, records: [] };
    group.records.push(r);
    groups.set(r.course.courseId, group);
  }
  return [...groups.values()]
    .map(({ ref, records }) => ({
      courseId: ref.courseId,
      courseName: ref.courseName,
      courseUrl: ref.courseUrl,
      sessionCount: records.length,
      userCount: new Set(records.flatMap((r) => (r.session.userId === null ? [] : [r.session.userId]))).size,
      botSessionCount: records.filter((r) => r.session.botScore >= BOT_THRESHOLD).length,
      firstSeen: isoDateTime(Math.min(...records.map((r) => r.createdAtMs))),
      lastSeen: isoDateTime(Math.max(...records.map((r) => r.updatedAtMs))),
    }))
    .sort((a, b) => b.sessionCount - a.sessionCount || a.courseId.localeCompare(b.courseId));
}

function buildFixtures(): Fixtures {
  const rng = mulberry32(FIXTURE_SEED);
  const courses = buildCourses(rng);
  const pool = buildUserPool(rng);
  const unsorted = Array.from({ length: SESSION_COUNT }, (_, i) => buildSession(i, pool, courses));
  const sessions = unsorted.sort((a, b) => b.createdAtMs - a.createdAtMs || a.session.id.localeCompare(b.session.id));
  const sessionsById = new Map(sessions.map((r) => [r.session.id, r] as const));
  if (sessionsById.size !== SESSION_COUNT) throw new Error('fixture session ids collided');
  const sessionsByUser = new Map<string, SessionRecord[]>();
  for (const r of sessions) {
    if (r.session.userId === null) continue;
    const list = sessionsByUser.get(r.session.userId) ?? [];
    list.push(r);
    sessionsByUser.set(r.session.userId, list);
  }
  return {
    sessions,
    sessionsById,
    users: buildUsers(pool, sessionsByUser),
    sessionsByUser,
    courses: buildCourseList(sessions),
    foreignSessionIds: new Set([FOREIGN_SESSION_ID]),
  };
}

export const FIXTURES: Fixtures = buildFixtures();

function sessionIdOf(predicate: (r: SessionRecord) => boolean, what: string): string {
  const found = FIXTURES.sessions.find(predicate);
  if (found === undefined) throw new Error(`fixtures have no ${what} session`);
  return found.session.id;
}

/** The one session with 1,000+ events (BIG_SESSION_EVENT_COUNT). */
export const BIG_SESSION_ID = sessionIdOf((r) => r.eventCount === BIG_SESSION_EVENT_COUNT, 'big');
/** A session still in progress: status "active", details endTime null. */
export const ACTIVE_SESSION_ID = sessionIdOf((r) => r.active, 'active');
/** A session not correlated with an LMS user: userId/userName/userUrl null. */
export const UNCORRELATED_SESSION_ID = sessionIdOf((r) => r.session.userId === null, 'uncorrelated');
/** A session with botScore exactly 0.7 (botOnly must include it). */
export const THRESHOLD_SESSION_ID = sessionIdOf((r) => r.session.botScore === BOT_THRESHOLD, 'threshold');
