import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '@app/persistence/data-source-options';
import { seedDemoUsers } from '@app/seeds/seed-demo-users';

import { createBenchEnv, prepareDatabase } from '../support/bench-env';
import { CountingSmtpSink } from '../support/counting-smtp-sink';
import { runMain } from '../support/run-main';
import { deadlineStorm } from './deadline-storm';

/**
 * Benchmark B on its own, without the national dataset: a fresh database with the reference data, the demo
 * users and a liaison and a supervisor for every active agency, then the storm. Needs a current `dist/`
 * (`npm run build`).
 *
 *   ts-node -r tsconfig-paths/register --transpile-only bench/scenarios/deadline-storm.run.ts [tasks] [--keep-db]
 *
 * `tasks` defaults to 1,000 (the small scale); 100000 is the national one. The database `simpul_bench_storm`
 * (or BENCH_DATABASE) is dropped afterwards unless --keep-db is given; its Redis prefix is always cleared.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const countArg = args.find((arg) => /^\d[\d_,]*$/.test(arg));
  const count = countArg ? Number(countArg.replace(/[_,]/g, '')) : 1_000;
  const env = createBenchEnv('small');
  env.sizes = { ...env.sizes, stormTasks: count };
  env.databaseName = process.env.BENCH_DATABASE ?? 'simpul_bench_storm';
  const url = new URL(env.adminUrl);
  url.pathname = `/${env.databaseName}`;
  env.databaseUrl = url.toString();
  env.redisPrefix = `simpul-bench-${env.databaseName}`;

  env.log(`B standalone: ${count} tasks, database ${env.databaseName}, prefix ${env.redisPrefix}`);
  await prepareDatabase(env);
  await loadDirectory(env.databaseUrl);
  const smtp = await CountingSmtpSink.start();
  try {
    const result = await deadlineStorm(env, smtp);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await smtp.stop();
    if (!args.includes('--keep-db')) {
      const admin = new Client({ connectionString: env.adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${env.databaseName} WITH (FORCE)`);
      await admin.end();
    }
  }
}

/**
 * The smallest directory that spreads the storm: the demo users, then per active agency a liaison and a
 * supervisor, and a second liaison in every third agency (so some rungs reach two people). They never log in.
 */
async function loadDirectory(databaseUrl: string): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    await seedDemoUsers(dataSource);
    await dataSource.query(
      `INSERT INTO app_user (email, display_name, agency_id, roles, locale, time_zone, password_hash)
       SELECT format('%s.%s@bench.simpul.id', lower(role), a.code), format('Bench %s %s', role, a.code), a.id,
         ARRAY[split_part(role, '-', 1)]::user_role[], 'id', a.time_zone, 'bench-no-login'
       FROM agency a
       CROSS JOIN LATERAL unnest(
         CASE WHEN abs(hashtext(a.code)) % 3 = 0 THEN ARRAY['LIAISON', 'LIAISON-2', 'SUPERVISOR'] ELSE ARRAY['LIAISON', 'SUPERVISOR'] END
       ) AS role
       WHERE a.active
       ON CONFLICT DO NOTHING`,
    );
  } finally {
    await dataSource.destroy();
  }
}

runMain(main);
