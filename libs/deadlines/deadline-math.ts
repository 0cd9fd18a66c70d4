import { DateTime } from 'luxon';

import { WorkCalendar } from './work-calendar';

const MAX_DAYS_SCANNED = 3660;

function requireWholeNonNegative(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number ≥ 0 (got ${value})`);
}

/**
 * `at` itself when it falls on a working day; else the start (local midnight) of the next working day. Work
 * that arrives on a day off is taken as arriving when the office opens.
 */
export function nextWorkingMoment(at: Date, calendar: WorkCalendar): Date {
  const local = calendar.local(at);
  if (calendar.isWorkingDay(local)) return at;
  let day = local.startOf('day');
  for (let scanned = 0; !calendar.isWorkingDay(day); scanned++) {
    if (scanned > MAX_DAYS_SCANNED) throw new RangeError('No working day within ten years');
    day = day.plus({ days: 1 });
  }
  return day.toJSDate();
}

/** A deadline that falls on a day off moves to the same local time on the next working day. */
export function rollToWorkingDay(deadline: Date, calendar: WorkCalendar): Date {
  let local = calendar.local(deadline);
  for (let scanned = 0; !calendar.isWorkingDay(local); scanned++) {
    if (scanned > MAX_DAYS_SCANNED) throw new RangeError('No working day within ten years');
    local = local.plus({ days: 1 });
  }
  return local.toJSDate();
}

/**
 * `days` working days after `start`, in the calendar's time zone: the same local time of day on the
 * `days`-th working day after the local day of `start` (weekends and holidays are skipped, not counted).
 * A start on a day off counts from the beginning of the next working day, so a later start never yields an
 * earlier deadline.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkCalendar): Date {
  requireWholeNonNegative(days, 'days');
  let local: DateTime = calendar.local(nextWorkingMoment(start, calendar));
  let counted = 0;
  for (let scanned = 0; counted < days; scanned++) {
    if (scanned > MAX_DAYS_SCANNED) throw new RangeError('No working day within ten years');
    local = local.plus({ days: 1 });
    if (calendar.isWorkingDay(local)) counted++;
  }
  return local.toJSDate();
}

/** `hours` clock hours after `start` (urgent windows run through nights, weekends and holidays). */
export function addClockHours(start: Date, hours: number): Date {
  requireWholeNonNegative(hours, 'hours');
  return new Date(start.getTime() + hours * 3_600_000);
}

/** Number of working days from the local day of `from` up to (not including) the local day of `to`. */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  if (to.getTime() < from.getTime()) return -workingDaysBetween(to, from, calendar);
  let day = calendar.local(from).startOf('day');
  const end = calendar.local(to).startOf('day');
  let count = 0;
  while (day < end) {
    if (calendar.isWorkingDay(day)) count++;
    day = day.plus({ days: 1 });
  }
  return count;
}

/**
 * The local days (YYYY-MM-DD) after the local day of `from`, up to and including that of `to`, that are not working
 * days (weekends and holidays): what a count of working days from `from` to `to` stepped over.
 */
export function daysOffBetween(from: Date, to: Date, calendar: WorkCalendar): string[] {
  let day = calendar.local(from).startOf('day').plus({ days: 1 });
  const end = calendar.local(to).startOf('day');
  const off: string[] = [];
  for (let scanned = 0; day <= end; scanned++) {
    if (scanned > MAX_DAYS_SCANNED) throw new RangeError('More than ten years between the two instants');
    if (!calendar.isWorkingDay(day)) off.push(day.toISODate() as string);
    day = day.plus({ days: 1 });
  }
  return off;
}
