import { DataSource } from 'typeorm';

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
