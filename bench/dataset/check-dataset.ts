/**
 * Loads the bench dataset at a scale and checks that the app works on it, without starting the app:
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/dataset/check-dataset.ts --scale small
 *
 * Options: --scale small|full (default small), --seed N, --database NAME (another simpul_bench_* database).
 * Prints the per-step timings and row counts, then the checks; exits non-zero when a check fails.
 */
import { In } from 'typeorm';
import { DataSource } from 'typeorm';

import { addWorkingDays, rollToWorkingDay, WorkCalendar } from '@libs/deadlines';
import { PiiCipher } from '@libs/crypto';

import { PasswordHasher } from '@app/modules/users/password-hasher';
import { Clock } from '@app/kernel/clock';
import { loadConfig } from '@app/config/load-config';
import { dataSourceOptions } from '@app/persistence/data-source-options';
import { DigestContentService } from '@app/modules/digests/digest-content.service';
import { isEmptyDigest } from '@app/modules/digests/digest-content';
import { isoWeekOf } from '@app/modules/digests/iso-week';
import { PolicySnapshot } from '@app/modules/escalations/escalation.types';
import { planLadder, rungTime } from '@app/modules/escalations/ladder';
import { OPEN_STATUSES } from '@app/modules/tasks/task.lifecycle';
import { TaskEntity } from '@app/modules/tasks/task.entity';
import { UserEntity } from '@app/modules/users/user.entity';
import { IdentityVault } from '@app/modules/victims/identity-vault';
import { VictimEntity } from '@app/modules/victims/victim.entity';

import { BenchEnv, createBenchEnv, prepareDatabase } from '../support/bench-env';
import { parseScale } from '../support/scale';
import { FastCalendar } from './calendars';
import { BenchDataset } from './dataset.types';
import { BENCH_PASSWORD, DatasetGenerator } from './generator';
import { SCHEDULED_HORIZON_MS } from './ladders';
import { SeededRandom } from './random';

const DAY_MS = 86_400_000;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function benchEnv(): BenchEnv {
  const env = createBenchEnv(parseScale(process.argv));
  const database = option('--database');
  if (!database) return env;
  if (!/^simpul_bench_[a-z0-9_]+$/.test(database)) throw new Error('--database must be a simpul_bench_* database');
  const url = new URL(env.databaseUrl);
  url.pathname = `/${database}`;
  return { ...env, databaseName: database, databaseUrl: url.toString() };
}

async function load(env: BenchEnv, seed: number): Promise<BenchDataset> {
  await prepareDatabase(env);
  const generator = new DatasetGenerator(env, seed);
  await generator.loadDirectory();
  await generator.loadTasks(env.sizes.growthFirstTasks);
  await generator.loadTasks(env.sizes.tasks - env.sizes.growthFirstTasks);
  await generator.loadCaseload();
  await generator.analyze();
  return generator.dataset();
}

type Check = { name: string; ok: boolean; detail: unknown };

async function check(env: BenchEnv, dataset: BenchDataset): Promise<Check[]> {
  const checks: Check[] = [];
  const record = (name: string, ok: boolean, detail: unknown = null) => checks.push({ name, ok, detail });
  const dataSource = await new DataSource(dataSourceOptions(env.databaseUrl, { extra: { max: 4 } })).initialize();
  const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => dataSource.query(query, params);
  const one = async (query: string, params: unknown[] = []): Promise<number> =>
    Number(Object.values((await sql<Record<string, unknown>>(query, params))[0])[0]);
  try {
    const now = new Date();

    // The worker would fire anything SCHEDULED and due; the benchmarks must find nothing of the kind.
    const early = await one(`SELECT count(*) FROM escalation_rung WHERE status = 'SCHEDULED' AND fire_at < $1`, [
      new Date(now.getTime() + SCHEDULED_HORIZON_MS),
    ]);
    record('no SCHEDULED rung due within 3 days', early === 0, { early });
    const pending = await one(
      `SELECT (SELECT count(*) FROM outbox_event) + (SELECT count(*) FROM notification) + (SELECT count(*) FROM digest_run)`,
    );
    record('no outbox events, notifications or digest runs', pending === 0, { pending });

    // Reading through the app's entities and its vault.
    const liaison = await dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id: dataset.liaison.userId })
      .getOneOrFail();
    record(
      'the shared password logs the liaison in',
      await new PasswordHasher().verify(liaison.passwordHash, dataset.password),
      { email: liaison.email },
    );
    const queue = await dataSource.getRepository(TaskEntity).find({
      where: { assigneeAgencyId: dataset.liaison.agencyId, status: In([...OPEN_STATUSES]) },
      order: { dueAt: 'ASC' },
      take: 20,
    });
    const queueSize = await one(
      `SELECT count(*) FROM task WHERE assignee_agency_id = $1 AND status = ANY($2::task_status[])`,
      [dataset.liaison.agencyId, OPEN_STATUSES],
    );
    const queues = await sql<{ p10: number; median: number; p90: number; max: number }>(
      `SELECT percentile_cont(0.1) WITHIN GROUP (ORDER BY n) AS p10, percentile_cont(0.5) WITHIN GROUP (ORDER BY n) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY n) AS p90, max(n) AS max
         FROM (SELECT a.id, count(t.id) AS n FROM agency a LEFT JOIN task t ON t.assignee_agency_id = a.id AND t.status = ANY($1::task_status[])
                WHERE a.code LIKE 'POLRES-%' GROUP BY a.id) per_office`,
      [OPEN_STATUSES],
    );
    record('the liaison has an ordinary work queue', queue.length > 0, {
      liaisonOpenTasks: queueSize,
      polresOpenTasks: queues[0],
      first: queue[0]?.title,
    });

    const config = loadConfig({ NODE_ENV: 'test', PII_ENCRYPTION_KEY: env.piiKey, AUTH_TOKEN_SECRET: env.tokenSecret });
    const vault = new IdentityVault(config);
    const cipher = new PiiCipher(config.piiEncryptionKey);
    const victims = await dataSource.getRepository(VictimEntity).find({ order: { code: 'ASC' }, take: 200 });
    let opened = 0;
    let indexesAgree = 0;
    for (const victim of victims) {
      const identity = vault.open(victim);
      if (JSON.parse(cipher.open(victim.identitySealed, `victim:${victim.id}:identity`)).fullName === identity.fullName)
        opened += 1;
      const indexes = vault.indexes(identity, victim.originRegion);
      if (
        indexes.passportIndex === victim.passportIndex &&
        indexes.nationalIdIndex === victim.nationalIdIndex &&
        indexes.birthOriginIndex === victim.birthOriginIndex
      )
        indexesAgree += 1;
    }
    record('victim identities open with PiiCipher and the bench key', opened === victims.length, {
      opened,
      of: victims.length,
      sample: victims[0]?.code,
    });
    record('blind indexes are those IdentityVault computes', indexesAgree === victims.length, { indexesAgree });

    // Domain rules the API enforces, checked over every row.
    const violations = {
      referralsWithoutMatchingConsent: await one(
        `SELECT count(*) FROM referral r JOIN consent c ON c.id = r.consent_id WHERE c.victim_id <> r.victim_id OR c.recipient_agency_id <> r.recipient_agency_id OR c.given_at > r.created_at OR c.revoked_at IS NOT NULL`,
      ),
      referralsToIncapableProviders: await one(
        `SELECT count(*) FROM referral r JOIN agency a ON a.id = r.recipient_agency_id WHERE NOT (r.service::text = ANY(a.capabilities::text[]))`,
      ),
      referralsNotFromTheOwner: await one(
        `SELECT count(*) FROM referral r JOIN victim v ON v.id = r.victim_id WHERE r.from_agency_id <> v.owning_agency_id`,
      ),
      proposedReferralsDueSoon: await one(
        `SELECT count(*) FROM referral WHERE status = 'PROPOSED' AND respond_by < $1`,
        [new Date(now.getTime() + 4 * DAY_MS)],
      ),
      iomReferralsWithoutGap: await one(
        `SELECT count(*) FROM referral r JOIN agency a ON a.id = r.recipient_agency_id WHERE a.type = 'INTERNATIONAL_ORGANISATION' AND r.capacity_gap_reason IS NULL`,
      ),
      requestsToWrongCountry: await one(
        `SELECT count(*) FROM cross_border_request c JOIN agency a ON a.id = c.counterpart_agency_id WHERE a.country <> c.counterpart_country`,
      ),
      requestsWithUnbindingBasis: await one(
        `SELECT count(*) FROM cross_border_request c WHERE c.legal_instrument_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM legal_instrument_party p JOIN agency a ON a.id = p.agency_id WHERE p.instrument_id = c.legal_instrument_id AND a.country = c.counterpart_country)`,
      ),
      requestsWithForeignCommitment: await one(
        `SELECT count(*) FROM cross_border_request c JOIN agreement_commitment m ON m.id = c.agreement_commitment_id WHERE m.instrument_id IS DISTINCT FROM c.legal_instrument_id`,
      ),
      openInformalRequestsOverdue: await one(
        `SELECT count(*) FROM cross_border_request WHERE status IN ('SUBMITTED', 'ACKNOWLEDGED', 'ACCEPTED') AND channel <> 'FORMAL_MLA' AND cardinality(overdue_stages) > 0`,
      ),
      overdueTasksWithLadderLeft: await one(
        `SELECT count(*) FROM task t JOIN escalation_rung e ON e.item_id = t.id AND e.item_type = 'TASK' WHERE t.due_at < $1 AND e.status = 'SCHEDULED'`,
        [now],
      ),
      openTasksWithoutLadder: await one(
        `SELECT count(*) FROM task t WHERE t.status = ANY($1::task_status[]) AND NOT EXISTS (SELECT 1 FROM escalation_rung e WHERE e.item_type = 'TASK' AND e.item_id = t.id)`,
        [OPEN_STATUSES],
      ),
      tasksWithoutCreatedEvent: await one(
        `SELECT count(*) FROM task t WHERE NOT EXISTS (SELECT 1 FROM work_item_event e WHERE e.item_id = t.id AND e.item_type = 'TASK' AND e.kind = 'CREATED')`,
      ),
      doneTasksWithoutCompletion: await one(
        `SELECT count(*) FROM task t WHERE t.status = 'DONE' AND (t.completed_at IS NULL OR NOT EXISTS (SELECT 1 FROM work_item_event e WHERE e.item_id = t.id AND e.item_type = 'TASK' AND e.to_status = 'DONE'))`,
      ),
      selfAssignedTasks: await one(`SELECT count(*) FROM task WHERE assigning_agency_id = assignee_agency_id`),
      unitsWithoutSecretariat: await one(
        `SELECT count(*) FROM task_force_unit u WHERE NOT EXISTS (SELECT 1 FROM membership m WHERE m.unit_id = u.id AND m.role = 'SECRETARIAT' AND m.valid_to IS NULL)`,
      ),
      usersTooNew: await one(`SELECT count(*) FROM app_user WHERE created_at > $1`, [
        new Date(now.getTime() - 30 * DAY_MS),
      ]),
      numbersAheadOfSequences: await one(
        `SELECT (SELECT count(*) FROM task WHERE number > (SELECT last_value FROM task_number_seq))
              + (SELECT count(*) FROM referral WHERE number > (SELECT last_value FROM referral_number_seq))
              + (SELECT count(*) FROM cross_border_request WHERE number > (SELECT last_value FROM cross_border_request_number_seq))`,
      ),
    };
    record(
      'domain rules hold on every row',
      Object.values(violations).every((count) => count === 0),
      violations,
    );

    // The memoised calendar arithmetic against the app's own functions.
    const holidays: { date: string }[] = await sql(`SELECT date::text AS date FROM holiday WHERE country = 'ID'`);
    const calendar = new WorkCalendar({ timeZone: 'Asia/Makassar', holidays: holidays.map((row) => row.date) });
    const fast = new FastCalendar(calendar);
    const policy = (
      await sql<PolicySnapshot>(`SELECT name, rungs FROM escalation_policy WHERE name = 'task-default-2026'`)
    )[0];
    const random = new SeededRandom(7);
    let mismatches = 0;
    for (let i = 0; i < 3_000; i++) {
      const at = new Date(now.getTime() + random.between(-400, 400) * DAY_MS);
      const days = random.int(1, 6);
      if (fast.addWorkingDays(at, days).getTime() !== addWorkingDays(at, days, calendar).getTime()) mismatches += 1;
      if (fast.rollToWorkingDay(at).getTime() !== rollToWorkingDay(at, calendar).getTime()) mismatches += 1;
      const definition = random.pick(policy.rungs);
      if (fast.rungTime(at, definition).getTime() !== rungTime(at, definition, calendar).getTime()) mismatches += 1;
    }
    record('memoised working-day arithmetic equals libs/deadlines', mismatches === 0, { mismatches });

    // Stored ladders of open tasks are what planLadder plans (Makassar-time offices, same calendar as above).
    const sample = await sql<{ id: string; due_at: Date; created_at: Date }>(
      `SELECT t.id, t.due_at, t.created_at FROM task t JOIN agency a ON a.id = t.assignee_agency_id
        WHERE a.time_zone = 'Asia/Makassar' AND a.country = 'ID' AND t.status = ANY($1::task_status[]) AND t.deadline_version = 1 LIMIT 300`,
      [OPEN_STATUSES],
    );
    let ladderMismatches = 0;
    for (const task of sample) {
      const stored = await sql<{ rung_key: string; fire_at: Date }>(
        `SELECT rung_key, fire_at FROM escalation_rung WHERE item_type = 'TASK' AND item_id = $1`,
        [task.id],
      );
      for (const planned of planLadder(policy, task.due_at, calendar, task.created_at)) {
        const row = stored.find((candidate) => candidate.rung_key === planned.definition.key);
        if (!row || row.fire_at.getTime() !== planned.fireAt.getTime()) ladderMismatches += 1;
      }
    }
    record('stored task ladders match planLadder', ladderMismatches === 0, { tasks: sample.length, ladderMismatches });

    // The weekly digest (as the worker computes it) for a sample of recipients.
    const digests = new DigestContentService(dataSource, config, new Clock());
    const recipients = await sql<{ id: string; time_zone: string }>(
      `SELECT id, time_zone FROM app_user ORDER BY md5(id::text) LIMIT 60`,
    );
    let withContent = 0;
    const started = Date.now();
    for (const recipient of recipients) {
      const content = await digests.compute(recipient.id, isoWeekOf(now, recipient.time_zone), now);
      if (!isEmptyDigest(content)) withContent += 1;
    }
    const perDigestMs = Math.round((Date.now() - started) / recipients.length);
    record('most weekly digests have content', withContent >= recipients.length * 0.6, {
      withContent,
      of: recipients.length,
      perDigestMs,
    });

    const recent = await sql<Record<string, number>>(
      `SELECT (SELECT count(*) FROM task WHERE created_at >= $1)::int AS "tasksCreated",
              (SELECT count(*) FROM task WHERE completed_at >= $1)::int AS "tasksCompleted",
              (SELECT count(*) FROM escalation_rung WHERE status = 'FIRED' AND settled_at >= $1)::int AS "rungsFired",
              (SELECT count(*) FROM referral WHERE status = 'PROPOSED')::int AS "referralsAwaiting",
              (SELECT count(*) FROM cross_border_request WHERE status IN ('SUBMITTED', 'ACKNOWLEDGED', 'ACCEPTED'))::int AS "openRequests"`,
      [new Date(now.getTime() - 14 * DAY_MS)],
    );
    record(
      'activity in the last two weeks',
      recent[0].tasksCreated > 0 && recent[0].tasksCompleted > 0 && recent[0].rungsFired > 0,
      recent[0],
    );
  } finally {
    await dataSource.destroy();
  }
  return checks;
}

async function main(): Promise<void> {
  const env = benchEnv();
  const seed = Number(option('--seed') ?? 20_261_123);
  env.log(`dataset: loading scale ${env.scale} into ${env.databaseName} (seed ${seed})`);
  const dataset = await load(env, seed);
  const total = Object.values(dataset.loadMs).reduce((sum, ms) => sum + ms, 0);
  process.stdout.write(`${JSON.stringify({ ...dataset, password: BENCH_PASSWORD, totalMs: total }, null, 2)}\n`);
  const checks = await check(env, dataset);
  for (const result of checks)
    process.stdout.write(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name} ${JSON.stringify(result.detail)}\n`);
  if (checks.some((result) => !result.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
