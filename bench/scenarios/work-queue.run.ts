import { Client } from 'pg';

import { BENCH_PASSWORD } from '../dataset/generator';
import { createBenchEnv } from '../support/bench-env';
import { runMain } from '../support/run-main';
import { workQueue } from './work-queue';

/**
 * Benchmark A on its own, against a database an earlier `npm run bench` loaded (BENCH_DATABASE, default
 * simpul_bench). Needs a current `dist/` (`npm run build`). The liaison is chosen the way the generator chose it
 * (the first liaison of the regency police office in the middle by amount of work), so the queue is of the same
 * size; the line "A: myWorkQueue (N open tasks)" of both runs shows it. `BENCH_API_NODE_ARGS="--cpu-prof
 * --cpu-prof-dir=.data/profiles"` profiles the API processes (then `bench/support/profile-top.ts`).
 *
 *   ts-node -r tsconfig-paths/register --transpile-only bench/scenarios/work-queue.run.ts
 */
async function main(): Promise<void> {
  const env = createBenchEnv('full');
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  let liaison: { userId: string; email: string; agencyId: string };
  try {
    const { rows } = await db.query<{ userId: string; email: string; agencyId: string }>(
      `WITH office AS (
         SELECT a.id, count(t.id) AS work FROM agency a LEFT JOIN task t ON t.assignee_agency_id = a.id
         WHERE a.code LIKE 'POLRES-%' GROUP BY a.id
       ), middle AS (
         SELECT id FROM office ORDER BY work, id OFFSET (SELECT count(*) / 2 FROM office) LIMIT 1
       )
       SELECT u.id AS "userId", u.email, u.agency_id AS "agencyId" FROM app_user u JOIN middle ON middle.id = u.agency_id
       WHERE u.active AND 'LIAISON' = ANY(u.roles) ORDER BY u.created_at, u.id LIMIT 1`,
    );
    if (!rows[0]) throw new Error(`No regency police liaison in ${env.databaseName}: load it with npm run bench first`);
    liaison = rows[0];
  } finally {
    await db.end();
  }
  env.log(`A alone on ${env.databaseName}, liaison ${liaison.email}`);
  const result = await workQueue(env, { password: BENCH_PASSWORD, liaison, counts: {}, loadMs: {} });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

runMain(main);
