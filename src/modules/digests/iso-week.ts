import { DateTime } from 'luxon';

/** An ISO 8601 week as digests name it: four-digit week-year, `-W`, two-digit week (2026-W48). */
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

export interface WeekBounds {
  /** Monday 00:00 of the week on the zone's wall clock. */
  start: Date;
  /** Monday 00:00 of the next week: the week is [start, end). */
  end: Date;
}

/** The ISO week (e.g. 2026-W48) an instant falls in, on the wall clock of `timeZone`. */
export function isoWeekOf(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: requireZone(timeZone) });
  if (!local.isValid) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return format(local);
}

/**
 * Monday 00:00 and the next Monday 00:00 of an ISO week in `timeZone`. Throws a RangeError naming the problem
 * for anything that is not a real week: a malformed string, week 00, or a week 53 (or 54) the year lacks.
 */
export function weekBounds(isoWeek: string, timeZone: string): WeekBounds {
  const { weekYear, weekNumber } = parseIsoWeek(isoWeek);
  const start = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: requireZone(timeZone) }).startOf(
    'day',
  );
  // Next Monday's midnight, not start + 168 h: a week that crosses a daylight-saving change is 167 or 169 h long.
  const end = start.plus({ weeks: 1 }).startOf('day');
  return { start: start.toJSDate(), end: end.toJSDate() };
}

/** The ISO week before `isoWeek` (2026-W01 → 2025-W52, 2027-W01 → 2026-W53). */
export function previousIsoWeek(isoWeek: string): string {
  const { weekYear, weekNumber } = parseIsoWeek(isoWeek);
  return format(DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: 'utc' }).minus({ weeks: 1 }));
}

function parseIsoWeek(isoWeek: string): { weekYear: number; weekNumber: number } {
  const match = ISO_WEEK.exec(isoWeek);
  if (!match) throw new RangeError(`Invalid ISO week "${isoWeek}": expected the form 2026-W48.`);
  const weekYear = Number(match[1]);
  const weekNumber = Number(match[2]);
  const weeks = DateTime.fromObject({ weekYear, weekNumber: 1, weekday: 1 }, { zone: 'utc' }).weeksInWeekYear;
  if (weekNumber < 1 || weekNumber > weeks) {
    throw new RangeError(`Invalid ISO week "${isoWeek}": ${weekYear} has weeks 01 to ${weeks}.`);
  }
  return { weekYear, weekNumber };
}

function format(local: DateTime): string {
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

function requireZone(timeZone: string): string {
  if (!DateTime.local().setZone(timeZone).isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
  return timeZone;
}
