import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager } from 'typeorm';

import { WorkCalendar } from '@libs/deadlines';

import { RequestException } from '@app/kernel/domain.exception';

import { CAMBODIA_FIXED_HOLIDAYS, CAMBODIA_HOLIDAY_SOURCE } from './cambodia-holidays';
import { HolidayEntity } from './holiday.entity';

/** Country calendars the task force works in: Indonesia, Cambodia, Malaysia. */
export const CALENDAR_COUNTRIES = ['ID', 'KH', 'MY'] as const;
const HOLIDAY_SOURCE = 'date-holidays';

/** Holiday kinds from date-holidays that close government offices. */
const OFFICE_CLOSING_KINDS = new Set(['public', 'bank']);

/** Public-holiday calendars, stored as data so deadlines can be computed (and corrected) without code changes. */
@Injectable()
export class CalendarsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async holidays(country: string, year: number): Promise<HolidayEntity[]> {
    if (!/^[A-Z]{2}$/.test(country)) {
      throw RequestException.invalidInput(
        'Invalid input: country must be a two-letter ISO code such as ID.',
        'country',
      );
    }
    if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      throw RequestException.invalidInput('Invalid input: year must be between 1990 and 2100.', 'year');
    }
    return this.dataSource.getRepository(HolidayEntity).find({
      where: { country, date: Between(`${year}-01-01`, `${year}-12-31`) },
      order: { date: 'ASC', name: 'ASC' },
    });
  }

  /** The working-day calendar of a country in a time zone, with the holidays stored for that country. */
  /** The working calendar of an agency: its country's holidays in its own time zone (deadlines it must meet). */
  async agencyCalendar(manager: EntityManager, agencyId: string): Promise<WorkCalendar> {
    const [agency]: { country: string; time_zone: string }[] = await manager.query(
      'SELECT country, time_zone FROM agency WHERE id = $1',
      [agencyId],
    );
    if (!agency) throw new Error(`No agency ${agencyId} for a calendar.`);
    return this.workCalendar(agency.country, agency.time_zone);
  }

  async workCalendar(country: string, timeZone: string): Promise<WorkCalendar> {
    const rows = await this.dataSource.getRepository(HolidayEntity).find({ where: { country }, select: ['date'] });
    return new WorkCalendar({ timeZone, holidays: rows.map((row) => row.date) });
  }

  /**
   * Loads the office-closing holidays of `countries` for `years` from the date-holidays library, for each country
   * and year not loaded yet: once a year of a country is stored, its rows are the calendar (an administrator may
   * have corrected, added or removed some), so running it twice changes nothing. A year is loaded in one statement,
   * whole or not at all. The library (0.1 s to load, as much again to compute) is loaded only when a year is missing,
   * so a warm start does not pay for it.
   */
  async importHolidays(
    manager: EntityManager,
    countries: readonly string[],
    years: readonly number[],
  ): Promise<number> {
    if (countries.length === 0 || years.length === 0) return 0;
    const stored: { country: string; year: number }[] = await manager.query(
      `SELECT DISTINCT country, extract(year FROM "date")::int AS year FROM holiday
       WHERE source = ANY($1) AND country = ANY($2) AND "date" BETWEEN $3::date AND $4::date`,
      [
        [HOLIDAY_SOURCE, CAMBODIA_HOLIDAY_SOURCE],
        countries,
        `${Math.min(...years)}-01-01`,
        `${Math.max(...years)}-12-31`,
      ],
    );
    const loaded = new Set(stored.map((row) => `${row.country}:${row.year}`));
    const rows: Partial<HolidayEntity>[] = [];
    for (const country of countries) {
      const missing = years.filter((year) => !loaded.has(`${country}:${year}`));
      if (missing.length === 0) continue;
      if (country === 'KH') {
        for (const year of missing) {
          for (const holiday of CAMBODIA_FIXED_HOLIDAYS) {
            rows.push({
              country,
              date: `${year}-${holiday.monthDay}`,
              name: holiday.name,
              kind: 'public',
              source: CAMBODIA_HOLIDAY_SOURCE,
            });
          }
        }
        continue;
      }
      const { default: Holidays } = await import('date-holidays');
      const calendar = new Holidays(country);
      for (const year of missing) {
        for (const holiday of calendar.getHolidays(year) ?? []) {
          if (!OFFICE_CLOSING_KINDS.has(holiday.type)) continue;
          rows.push({
            country,
            date: holiday.date.slice(0, 10),
            name: holiday.name.slice(0, 200),
            kind: holiday.type,
            source: HOLIDAY_SOURCE,
          });
        }
      }
    }
    if (rows.length === 0) return 0;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(HolidayEntity)
      .values(rows)
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.identifiers.filter((identifier) => identifier?.id).length;
  }
}
