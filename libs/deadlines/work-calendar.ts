import { DateTime } from 'luxon';

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface WorkCalendarOptions {
  /** IANA time zone in which days begin and end, e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA). */
  timeZone: string;
  /** Public holidays as local dates (YYYY-MM-DD); usually read from the `holiday` table. */
  holidays: Iterable<string>;
  /** Days off every week; Saturday and Sunday unless given (some Malaysian states rest Friday and Saturday). */
  weekend?: IsoWeekday[];
}

/**
 * The working days of one country (or state) in one time zone. Pure data: holidays are passed in, so the
 * same calendar answers identically in tests, in the API and in workers.
 */
export class WorkCalendar {
  readonly timeZone: string;
  private readonly holidays: ReadonlySet<string>;
  private readonly weekend: ReadonlySet<number>;

  constructor(options: WorkCalendarOptions) {
    if (!DateTime.local().setZone(options.timeZone).isValid) {
      throw new RangeError(`Unknown time zone "${options.timeZone}"`);
    }
    const weekend = options.weekend ?? [6, 7];
    if (weekend.length >= 7) throw new RangeError('A calendar needs at least one working day a week');
    this.timeZone = options.timeZone;
    this.holidays = new Set(options.holidays);
    this.weekend = new Set(weekend);
  }

  /** The instant seen on this calendar's wall clock. */
  local(instant: Date): DateTime {
    return DateTime.fromJSDate(instant, { zone: this.timeZone });
  }

  /** Whether the local day is neither a weekend day nor a public holiday. */
  isWorkingDay(day: DateTime): boolean {
    const local = day.setZone(this.timeZone);
    return !this.weekend.has(local.weekday) && !this.holidays.has(local.toISODate() as string);
  }
}
