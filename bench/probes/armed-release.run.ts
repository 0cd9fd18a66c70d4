import { Client } from 'pg';

import { createBenchEnv } from '../support/bench-env';
import { cpuBetween, readCpu } from '../support/cpu-usage';
import { runMain } from '../support/run-main';

/**
 * What releasing *armed* rungs at T would cost at national scale (README, "Issue 22, sixth step" and "seventh
 * step"): the design writes a rung's notifications, history and events before T and at T only settles it. This
 * probe measures that settlement on the database a full `npm run bench` loaded (BENCH_DATABASE, default
 * simpul_bench), with its national-scale indexes: it inserts N rungs of a probe item type due twenty seconds later,
 * then from that moment releases them in batches (claimed with FOR UPDATE SKIP LOCKED on the index of due rungs, as the firing does) from
 * two lanes: settling only; settling and writing each rung's history entry from the rung row in the same statement;
 * and also moving each rung's two notifications (PENDING email, so every index of the table is written) from a
 * staging table into `notification`, the variant in which no reader of notifications would have to change. It prints
 * wall time, rungs/s, PostgreSQL's CPU per rung and the lateness p99, and deletes what it wrote.
 *
 *   ts-node -r tsconfig-paths/register --transpile-only bench/probes/armed-release.run.ts [N] [batch]
 */
const PROBE_TYPE = 'BENCH_PROBE';
const STAGING = 'bench_probe_armed_notification';

type Variant = 'settlement only' | 'with history entries' | 'with history entries and notifications moved in';
const VARIANTS: Variant[] = [
  'settlement only',
  'with history entries',
  'with history entries and notifications moved in',
];

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const batch = Number(process.argv[3] ?? 5_000);
  for (const [name, value] of [
    ['N (rungs)', count],
    ['batch', batch],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0.`);
  }
  const env = createBenchEnv('full');
  const lanes = await Promise.all([0, 1].map(() => connect(env.databaseUrl)));
  const [db] = lanes;
  try {
    for (const variant of VARIANTS) {
      // Each variant on tables without the dead rows of the one before (their index entries slow the claim).
      await cleanUp(db);
      await db.query('VACUUM (ANALYZE) escalation_rung, work_item_event, notification');
      const due = await arm(db, count, variant === VARIANTS[2]);
      const cpuBefore = readCpu({});
      const started = Date.now();
      if (started - due.getTime() > 1_000) env.log(`note: the release began ${started - due.getTime()} ms after due`);
      const released = await Promise.all(lanes.map((lane) => releaseAll(lane, batch, variant)));
      const wallMs = Date.now() - started;
      const cpu = cpuBetween(cpuBefore, readCpu({}));
      const late = (
        await db.query(
          `SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM settled_at - $2) * 1000) AS p99
           FROM escalation_rung WHERE item_type = $1 AND status = 'FIRED'`,
          [PROBE_TYPE, new Date(started)],
        )
      ).rows[0] as { p99: number };
      const total = released.reduce((sum, n) => sum + n, 0);
      if (total !== count) env.log(`note: ${total} of ${count} rungs released (a lane stopped early)`);
      const pgMicros = cpu ? Math.round((cpu.postgresCoreSeconds / total) * 1e6) : null;
      env.log(
        `release, ${variant}: ${total} rungs in ${(wallMs / 1000).toFixed(2)} s ` +
          `(${Math.round(total / (wallMs / 1000))} rungs/s, batches of ${batch}, 2 lanes), lateness p99 ` +
          `${Math.round(late.p99)} ms after the release began; PostgreSQL ${pgMicros} µs per rung` +
          (cpu ? ` (machine ${cpu.machineBusyCoreSeconds} core-s busy)` : ''),
      );
    }
  } finally {
    await cleanUp(db).catch(() => undefined);
    await Promise.all(lanes.map((lane) => lane.end()));
  }
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    // 3D000: no such database. The probe needs the national-scale data a full run leaves behind.
    if ((error as { code?: string }).code === '3D000') {
      throw new Error(
        `No database ${new URL(url).pathname.slice(1)}: run npm run bench first (the probe uses its data).`,
      );
    }
    throw error;
  }
  return client;
}

/**
 * N rungs of the probe type, due in twenty seconds, SCHEDULED (standing in for ARMED: the same partial index), and when
 * asked two staged notifications each for real users (the foreign key is checked as it would be).
 */
async function arm(db: Client, count: number, notifications: boolean): Promise<Date> {
  // Due after the writing and ANALYZE below (seconds at this size), so the release starts at its due time.
  const due = new Date(Math.floor(Date.now() / 1000) * 1000 + 20_000);
  await db.query(
    `INSERT INTO escalation_rung (item_type, item_id, deadline_kind, deadline_version, deadline_at, policy_name,
       rung_key, rung_index, fire_at, targets, action, status)
     SELECT $1, gen_random_uuid(), 'DUE', 1, $2, 'probe', 'due', 2, $2, '{ASSIGNEE,AGENCY_LIAISON}', NULL, 'SCHEDULED'
     FROM generate_series(1, $3)`,
    [PROBE_TYPE, due, count],
  );
  if (notifications) {
    await db.query(`CREATE UNLOGGED TABLE ${STAGING} (rung_id uuid NOT NULL, LIKE notification INCLUDING DEFAULTS)`);
    await db.query(
      `INSERT INTO ${STAGING} (rung_id, recipient_user_id, kind, dedupe_key, subject_type, subject_id, reference, params,
         email_status)
       SELECT r.id, u.id, 'ESCALATION', 'probe.' || r.id || '.' || u.id, 'Task', r.item_id, 'TUG-2026-PROBE',
         '{"assigningAgency":"POLRI","assigneeAgency":"KEMLU","rungKey":"due"}', 'PENDING'
       FROM (SELECT id, item_id, row_number() OVER () AS n FROM escalation_rung WHERE item_type = $1) r
       JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM (SELECT id FROM app_user LIMIT 1000) a) u
         ON u.n IN (r.n % 1000, (r.n + 1) % 1000)`,
      [PROBE_TYPE],
    );
    await db.query(`CREATE INDEX ON ${STAGING} (rung_id)`);
    await db.query(`ANALYZE ${STAGING}`);
  }
  await db.query('ANALYZE escalation_rung');
  // Released from the moment they are due.
  const wait = due.getTime() - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return due;
}

async function releaseAll(lane: Client, batch: number, variant: Variant): Promise<number> {
  const history =
    variant !== VARIANTS[0]
      ? `, written AS (
           INSERT INTO work_item_event (item_type, item_id, kind, details)
           SELECT item_type, item_id, 'ESCALATED', jsonb_build_object('deadline', deadline_kind, 'rung', rung_key,
             'targets', targets, 'deadlineVersion', deadline_version, 'due', deadline_at, 'recipients', recipient_count)
           FROM released)`
      : '';
  const notifications =
    variant === VARIANTS[2]
      ? `, moved AS (
             DELETE FROM ${STAGING} s USING released WHERE s.rung_id = released.id RETURNING s.*
           ), notified AS (
             INSERT INTO notification (recipient_user_id, kind, dedupe_key, subject_type, subject_id, reference, params,
               email_status)
             SELECT recipient_user_id, kind, dedupe_key, subject_type, subject_id, reference, params, email_status
             FROM moved)`
      : '';
  let released = 0;
  for (;;) {
    const { rows } = await lane.query(
      `WITH claimed AS (
         SELECT id FROM escalation_rung
         WHERE status = 'SCHEDULED' AND fire_at <= now() AND item_type = $1
         ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ), released AS (
         UPDATE escalation_rung r SET status = 'FIRED', settled_at = clock_timestamp(), recipient_count = 2
         FROM claimed WHERE r.id = claimed.id
         RETURNING r.*
       )${history}${notifications}
       SELECT count(*)::int AS n FROM released`,
      [PROBE_TYPE, batch],
    );
    const n = (rows[0] as { n: number }).n;
    released += n;
    if (n < batch) return released;
  }
}

async function cleanUp(db: Client): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${STAGING}`);
  await db.query(`DELETE FROM notification WHERE dedupe_key LIKE 'probe.%'`);
  await db.query(`DELETE FROM work_item_event WHERE item_type = $1`, [PROBE_TYPE]);
  await db.query(`DELETE FROM escalation_rung WHERE item_type = $1`, [PROBE_TYPE]);
}

runMain(main);
