import { DateTime } from 'luxon';

import { WorkCalendar } from '@libs/deadlines';

/** The hour a day-bound step is due by, on the owner's wall clock: the end of the office day. */
const END_OF_DAY_HOUR = 17;

/** `day` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

/** `day` plus `months` calendar months (31 January + 1 month is the last day of February). */
export function addMonths(day: string, months: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ months }).toISODate() as string;
}

/**
 * The working day nearest `day` in the calendar, looking back (a step due before a departure must not slip past it)
 * or forward (a step after an arrival, a follow-up), and the end of its office day as an instant.
 */
export function endOfWorkingDay(
  day: string,
  calendar: WorkCalendar,
  direction: 'back' | 'forward',
): { day: string; at: Date } {
  let local = DateTime.fromISO(day, { zone: calendar.timeZone }).set({ hour: END_OF_DAY_HOUR });
  for (let guard = 0; guard < 30 && !calendar.isWorkingDay(local); guard++) {
    local = local.plus({ days: direction === 'back' ? -1 : 1 });
  }
  return { day: local.toISODate() as string, at: local.toJSDate() };
}
