import { DateTime } from 'luxon';
import { Client } from 'pg';

import { addWorkingDays, rollToWorkingDay, WorkCalendar } from '@libs/deadlines';

import { RungDefinition } from '@app/modules/escalations/escalation.types';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The app's working-day arithmetic (libs/deadlines), memoised per local day so that a million deadlines cost
 * seconds instead of minutes (one luxon-based addWorkingDays takes ~100 µs).
 *
 * Exact, not approximate: every zone used here keeps one UTC offset all year (checked at construction), so
 * for starts on the same local day addWorkingDays either keeps the time of day and adds the same number of
 * whole days (a working-day start) or returns the same instant (a start on a day off counts from the next
 * working morning). The first start seen on a day is computed by the real function and the answer reused.
 * check-dataset.ts compares samples with the app's functions.
 */
export class FastCalendar {
  private readonly offsetMs: number;
  private readonly working = new Map<number, { delta: number } | { at: number }>();
  private readonly rolls = new Map<number, number>();

  constructor(readonly calendar: WorkCalendar) {
    const offsets = [-3, 0, 1].flatMap((years) =>
      [1, 7].map(
        (month) =>
          DateTime.fromObject({ year: DateTime.now().year + years, month }, { zone: calendar.timeZone }).offset,
      ),
    );
    if (new Set(offsets).size !== 1)
      throw new Error(`${calendar.timeZone} changes its UTC offset; FastCalendar needs a fixed one`);
    this.offsetMs = offsets[0] * 60_000;
  }

  private localDay(at: number): number {
    return Math.floor((at + this.offsetMs) / DAY_MS);
  }

  /** The instant at `hour` o'clock local time on the local day of `at`. */
  atLocalHour(at: number, hour: number): Date {
    return new Date(this.localDay(at) * DAY_MS - this.offsetMs + hour * HOUR_MS);
  }

  addWorkingDays(start: Date, days: number): Date {
    const key = this.localDay(start.getTime()) * 64 + days;
    let known = this.working.get(key);
    if (!known) {
      const result = addWorkingDays(start, days, this.calendar).getTime();
      known = this.calendar.isWorkingDay(this.calendar.local(start))
        ? { delta: result - start.getTime() }
        : { at: result };
      this.working.set(key, known);
    }
    return new Date('delta' in known ? start.getTime() + known.delta : known.at);
  }

  /** A deadline on a day off moves to the same local time on the next working day. */
  rollToWorkingDay(deadline: Date): Date {
    const day = this.localDay(deadline.getTime());
    let delta = this.rolls.get(day);
    if (delta === undefined) {
      delta = rollToWorkingDay(deadline, this.calendar).getTime() - deadline.getTime();
      this.rolls.set(day, delta);
    }
    return new Date(deadline.getTime() + delta);
  }

  /** ladder.ts rungTime, on the memoised arithmetic. */
  rungTime(deadline: Date, definition: RungDefinition): Date {
    const { hours, workingDays } = definition.offset;
    if (workingDays !== undefined && workingDays > 0) return this.addWorkingDays(deadline, workingDays);
    if (hours !== undefined && hours !== 0) return new Date(deadline.getTime() + hours * HOUR_MS);
    return deadline;
  }
}

/** The work calendars of the holiday table, one per country and time zone (as CalendarsService.workCalendar). */
export class Calendars {
  private readonly calendars = new Map<string, FastCalendar>();

  private constructor(private readonly holidays: Map<string, string[]>) {}

  static async load(client: Client): Promise<Calendars> {
    const rows: { country: string; date: string }[] = (
      await client.query(`SELECT country, date::text AS date FROM holiday`)
    ).rows;
    const holidays = new Map<string, string[]>();
    for (const row of rows) holidays.set(row.country, [...(holidays.get(row.country) ?? []), row.date]);
    return new Calendars(holidays);
  }

  of(country: string, timeZone: string): FastCalendar {
    const key = `${country}|${timeZone}`;
    let calendar = this.calendars.get(key);
    if (!calendar) {
      calendar = new FastCalendar(new WorkCalendar({ timeZone, holidays: this.holidays.get(country) ?? [] }));
      this.calendars.set(key, calendar);
    }
    return calendar;
  }
}
