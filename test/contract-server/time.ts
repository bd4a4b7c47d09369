/** The fixed fixture clock and the date formats the server emits and accepts. */

/** "Now" for all fixture data: the docs' last-updated date, Jun 22 2026 12:00 UTC (a Monday). */
export const FIXTURE_EPOCH_MS = Date.UTC(2026, 5, 22, 12, 0, 0);

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** ISO-8601 with milliseconds and Z, e.g. 2026-06-22T12:00:00.000Z. */
export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** .NET DateTimeOffset round-trip form, as in the docs' health example: 2026-06-10T12:00:00.0000000+00:00. */
export function dotnetDateTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-06-10T12:00:00.123Z
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}0000+00:00`;
}

/** Calendar date, e.g. 2026-06-22. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

/**
 * Parses an ISO-8601 date ("2026-06-01") or date-time ("2026-06-01T10:00:00Z", any fraction, Z or ±hh:mm;
 * no offset means UTC). Returns Unix ms, or undefined when the text is not a valid date.
 */
export function parseDateTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const millis = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const base = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(base).getUTCDate() !== day) return undefined; // e.g. 2026-02-30
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return base - offsetMinutes * MINUTE;
}
