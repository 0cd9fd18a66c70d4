import { DataSource } from 'typeorm';

import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { dataSourceOptions } from '@app/persistence/data-source-options';
import { seedDemoUsers } from '@app/seeds/seed-demo-users';
import { seedReferenceData } from '@app/seeds/seed-reference-data';
import { DEMO_USERS } from '@app/seeds/demo-users';
import { readTestRunState } from '@libs/testing/test-environment';

const TABLES = [
  'agency',
  'task_force_unit',
  'membership',
  'legal_instrument',
  'legal_instrument_party',
  'agreement_commitment',
  'holiday',
];

describe('reference seed', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(dataSourceOptions(readTestRunState().databaseUrl));
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  const snapshot = async (): Promise<Record<string, string>> => {
    const result: Record<string, string> = {};
    for (const table of TABLES) {
      const [row] = await dataSource.query(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
      );
      result[table] = row.digest;
    }
    return result;
  };

  it('running it again changes nothing', async () => {
    // The global setup already seeded once; a second and third run must leave every row as it was.
    const before = await snapshot();
    const second = await seedReferenceData(dataSource);
    expect(second.inserted).toBe(0);
    await seedReferenceData(dataSource);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps an administrator’s correction instead of overwriting it', async () => {
    await dataSource.query(`UPDATE agency SET name_en = 'Corrected name' WHERE code = 'BPS'`);
    await seedReferenceData(dataSource);
    const [row] = await dataSource.query(`SELECT name_en FROM agency WHERE code = 'BPS'`);
    expect(row.name_en).toBe('Corrected name');
  });

  it('loads a year of a country’s holidays once: what is stored then is the calendar, removals included', async () => {
    // A year no other test reads, in a transaction rolled back at the end, so nothing is seen outside this test.
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const calendars = new CalendarsService(dataSource);
      const manager = runner.manager;
      const days = async () =>
        (
          await manager.query(
            `SELECT "date"::text AS day, name FROM holiday WHERE country = 'MY' AND extract(year FROM "date") = 2031
             ORDER BY 1, 2`,
          )
        ).map((row: { day: string; name: string }) => `${row.day} ${row.name}`);

      const loaded = await calendars.importHolidays(manager, ['MY'], [2031]);
      expect(loaded).toBeGreaterThanOrEqual(8);
      const year = await days();
      expect(year).toHaveLength(loaded);

      // An administrator removes a day that does not close offices after all: the next start leaves it removed.
      await manager.query(`DELETE FROM holiday WHERE country = 'MY' AND "date" = $1 AND name = $2`, [
        year[0].slice(0, 10),
        year[0].slice(11),
      ]);
      expect(await calendars.importHolidays(manager, ['MY'], [2031])).toBe(0);
      expect(await days()).toEqual(year.slice(1));

      // A year with none of the library's rows (never loaded, or cleared to be loaded again) is loaded whole.
      await manager.query(`DELETE FROM holiday WHERE country = 'MY' AND extract(year FROM "date") = 2031`);
      expect(await calendars.importHolidays(manager, ['MY'], [2031])).toBe(loaded);
      expect(await days()).toEqual(year);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('creates one demo user per role, once', async () => {
    const first = await seedDemoUsers(dataSource);
    const second = await seedDemoUsers(dataSource);
    expect(first.created).toBe(DEMO_USERS.length);
    expect(second.created).toBe(0);
    const roles = await dataSource.query(
      `SELECT DISTINCT unnest(roles)::text AS role FROM app_user WHERE email LIKE '%@demo.simpul.id'`,
    );
    expect(roles.map((r: { role: string }) => r.role).sort()).toEqual([
      'ADMINISTRATOR',
      'ATTACHE',
      'AUDITOR',
      'CASE_OFFICER',
      'COUNTERPART',
      'LIAISON',
      'PARTNER',
      'SECRETARIAT',
      'SUPERVISOR',
    ]);
  });
});
