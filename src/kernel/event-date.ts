import { DateTime } from 'luxon';

/**
 * Dates of the events themselves (a rescue, an identification, a service, a protection-track step), kept apart from
 * when they were recorded. Historical entries are allowed (a 2023 case entered in 2026 with its 2023 dates); an
 * entry recorded more than LATE_ENTRY_DAYS after its event is marked as recorded late. Deadlines of new work are
 * never counted from these dates: they run from now.
 */
export const LATE_ENTRY_DAYS = 30;

/** The calendar day (YYYY-MM-DD) of `instant` in `timeZone`. */
export function dayIn(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() as string;
}

/** Whole days from `fromDay` to `toDay` (both YYYY-MM-DD); negative when `toDay` is earlier. */
export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round(
    DateTime.fromISO(toDay, { zone: 'UTC' }).diff(DateTime.fromISO(fromDay, { zone: 'UTC' }), 'days').days,
  );
}

/** Whether an entry about an event on `eventDay` was recorded late (more than LATE_ENTRY_DAYS after it). */
export function recordedLate(eventDay: string | null | undefined, recordedAt: Date): boolean {
  if (!eventDay) return false;
  return daysBetween(eventDay, dayIn(recordedAt, 'UTC')) > LATE_ENTRY_DAYS;
}

/** A bound an event date must not precede, with the words that explain it. */
export interface EarliestDay {
  day: string;
  what: string;
}

/**
 * Why an event date cannot be stored, or null: it may not lie after `today` (the actor's own calendar day), nor
 * before any of `earliest` (the person's birth, the start of a period …).
 */
export function eventDateProblem(
  day: string,
  today: string,
  earliest: readonly (EarliestDay | null)[] = [],
): string | null {
  if (day > today) return `${day} is in the future (today is ${today}); record events once they happened.`;
  for (const bound of earliest) {
    if (bound && day < bound.day) return `${day} is before ${bound.what} (${bound.day}).`;
  }
  return null;
}
