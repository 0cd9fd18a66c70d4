import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';

import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { WorkCalendar } from '@libs/deadlines';

import { loadConfig } from '@app/config/load-config';
import { dataSourceOptions } from '@app/persistence/data-source-options';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { PolicySnapshot, RungStatus } from '@app/modules/escalations/escalation.types';
import { isReminder, planLadder } from '@app/modules/escalations/ladder';
import { TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';
import { TASK_DEADLINE_KIND, TASK_ITEM_TYPE } from '@app/modules/tasks/task.constants';
import { defaultJobOptions } from '@app/queue/queue.constants';
import { QueueName } from '@app/queue/queue.names';

import { BenchEnv, benchClient, clearRedis, processEnv } from '../support/bench-env';
import { CountingSmtpSink } from '../support/counting-smtp-sink';
import { CpuSpent, cpuBetween, readCpu } from '../support/cpu-usage';
import { BenchProcess } from '../support/processes';
import { round, seconds, sleep, waitFor } from '../support/stats';

export interface DeadlineStormResult {
  /** Open tasks whose due date is the storm instant T. */
  tasks: number;
  /** Agencies the tasks are assigned to (every active agency with an active liaison). */
  assigneeAgencies: number;
  /** Rung rows written (every rung of every task's ladder); rungs are scheduled in PostgreSQL, with no outbox rows. */
  rungRows: number;
  /**
   * Redis memory before the storm's tasks were written, with all their rungs scheduled (written, before a worker
   * runs), and just before T with the first rungs armed (the worker up). `used_memory` is the whole server's (on a
   * shared Redis it moves with everyone's keys); the prefix figures add up MEMORY USAGE over this run's keys,
   * `delayedJobs` counts what the escalations queue holds and `delayedEmailJobs` the email batches waiting for T.
   * PostgreSQL schedules rungs, so the run's keys do not grow with them; arming queues the emails of the rungs due
   * within RUNG_ARM_AHEAD_MS, one job per batch of 50, which is what the armed figure adds.
   */
  redisMemory: {
    usedMemoryBefore: number;
    usedMemoryScheduled: number;
    usedMemoryArmed: number;
    prefixBytesBefore: number;
    prefixBytesScheduled: number;
    prefixBytesArmed: number;
    prefixKeysScheduled: number;
    delayedJobs: number;
    delayedEmailJobs: number;
  };
  /** First rungs armed by T (decided ahead, written visible from T): at T these are only settled. */
  armedAtT: number;
  setup: {
    /** VACUUM (ANALYZE) of what the storm writes to, before T is chosen (autovacuum's work; see vacuumLeftovers). */
    vacuumSeconds: number;
    /** Whether the server's autovacuum is on (`SHOW autovacuum`); off on this project's machines. */
    autovacuum: boolean;
    /** T − the moment T was chosen. */
    marginSeconds: number;
    /** Bulk insert of tasks, histories, ladders and outbox rows, plus ANALYZE. */
    insertSeconds: number;
    /** From spawning the worker until it logged "Worker started.". */
    workerBootSeconds: number;
    /** Whether setup (writing, booting) finished before T (else the storm also measures the setup). */
    finishedBeforeDeadline: boolean;
    /** T − the moment setup finished (negative: setup ran past T). */
    slackSeconds: number;
  };
  storm: {
    /** From T until every first rung is FIRED and the escalations queue has nothing waiting or active. */
    seconds: number;
    /** From T until the last first rung was settled (settled_at), without the polling granularity. */
    lastFiredSeconds: number;
    fired: number;
    rungsPerSecond: number;
    /** settled_at − fire_at of the first rungs, percentile_cont in PostgreSQL. */
    latenessP50Ms: number;
    latenessP99Ms: number;
    latenessMaxMs: number;
    /** Rungs fired in each window after T (the storm's throughput curve; at most about 30 windows of ≥ 5 s). */
    curve: { windowSeconds: number; fired: number[] };
    /** Escalation notifications of the storm's tasks; those with email requested each had an email job added. */
    notifications: number;
    emailJobsEnqueued: number;
    /** Emails already SENT when the storm was done, and messages the sink had by then and when the worker stopped. */
    emailsSentAtDone: number;
    sinkReceivedAtDone: number;
    sinkReceivedAtStop: number;
    /**
     * The storm's email backlog drained by a worker running the email queue only (`--queues email --nice 10`, beside the
     * decision worker, which runs every other queue): from T until every email of the storm's notifications was
     * SENT, and how many there were. Null when it did not drain within the time allowed.
     */
    emailDrainSeconds: number | null;
    emailsDrained: number;
    workerPeakRssMiB: number;
    /** Jobs of the escalations queue that failed (each is retried; any at all deserves a look). */
    failedJobs: number;
    /**
     * Where the machine's CPU went from T until the storm was done (Linux /proc; null elsewhere): the whole machine,
     * PostgreSQL's processes, the decision worker, the email worker and this harness.
     */
    cpu: CpuSpent | null;
    /**
     * CPU per fired rung spent by PostgreSQL and the decision worker together, in microseconds, and the rungs per
     * second the machine's cores would fire at that cost if they did nothing else: the ceiling of this design here.
     */
    cpuMicrosPerRung: number | null;
    ceilingRungsPerSecond: number | null;
  };
  rawBullmq: {
    jobs: number;
    /** The escalations queue's concurrency in a Simpul worker (WORKER_CONCURRENCY). */
    concurrency: number;
    addSeconds: number;
    /** From constructing the Worker in its own process until the last job completed. */
    processSeconds: number;
    jobsPerSecond: number;
  };
  /** Storm rungs/s ÷ raw BullMQ jobs/s. */
  ratio: number;
  /** Issue 8's goals for B, reported and not asserted. */
  goals: { withinSixtySeconds: boolean; p99WithinFiveSeconds: boolean; atLeastHalfOfRawBullmq: boolean };
  /** What the run did with the storm's tasks afterwards. */
  cleanup: string;
}

/** Tasks inserted per transaction (five rungs and three outbox rows each). */
const BATCH = 5_000;
/** When the storm's tasks were created: spread over these days before T, so every rung was still ahead then. */
const CREATED_DAYS_BEFORE = { first: 14, last: 3 };
const DAY_MS = 86_400_000;
const RAW_QUEUE = 'bench-raw';

const TITLES = [
  'Verifikasi dokumen perjalanan',
  'Koordinasi pemulangan',
  'Laporan perkembangan penanganan',
  'Asesmen kebutuhan layanan',
  'Permintaan data statistik',
  'Tindak lanjut rujukan',
];

interface Agency {
  id: string;
  country: string;
  timeZone: string;
  liaisons: string[];
}

/** One rung as every storm task of one calendar has it. */
interface RungPlan {
  key: string;
  index: number;
  fireAt: Date;
  targets: string;
  action: string | null;
  status: RungStatus;
}

/**
 * B: `stormTasks` open tasks fall due at the same instant T. They are written as if created days ago (the two
 * reminders fired already; `due`, `supervisor` and `secretariat` still SCHEDULED with their outbox rows
 * as PostgreSQL's scheduler sees them), then a production worker process claims and fires the first
 * escalation rung of every task when T comes. Afterwards a bare BullMQ worker processes as many trivial jobs on
 * the same Redis, which says how much of the queue's own speed the escalation path keeps.
 */
export async function deadlineStorm(env: BenchEnv, smtp: CountingSmtpSink): Promise<DeadlineStormResult> {
  const count = env.sizes.stormTasks;
  const workerEnv = processEnv(env, { SMTP_URL: smtp.url });
  // The worker's own configuration, so the raw run uses its concurrency and lock settings, not a copy of them.
  const config = loadConfig(workerEnv);
  await clearRedis(env);
  const db = await benchClient(env);
  const typeorm = await new DataSource(dataSourceOptions(env.databaseUrl, { extra: { max: 2 } })).initialize();
  const connection = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
  const escalations = new Queue(QueueName.ESCALATIONS, { connection, prefix: env.redisPrefix });
  const emails = new Queue(QueueName.EMAIL, { connection, prefix: env.redisPrefix });
  let worker: BenchProcess | undefined;
  let mailer: BenchProcess | undefined;
  try {
    const vacuumStarted = Date.now();
    const autovacuum = await vacuumLeftovers(db);
    const vacuumMs = Date.now() - vacuumStarted;
    env.log(
      `B: vacuumed what earlier work left in the storm's tables in ${seconds(vacuumMs)} s (autovacuum ${autovacuum ? 'on' : 'off'})`,
    );
    const chosenAt = Date.now();
    // Measured at 100,000 tasks: ~22 s to write, ~2 s to boot (there is no relay of rungs any more); the rest is
    // slack for a bigger
    // database or a busier machine (setup.slackSeconds says what was left).
    // Two worker processes boot now (decisions, email), and a shared machine can take 20 s for each.
    const marginMs = 40_000 + Math.ceil(count / 1.2);
    // A whole second, so T reads plainly in logs and SQL.
    const deadline = new Date(Math.ceil((chosenAt + marginMs) / 1000) * 1000);
    env.log(`B: ${count} tasks fall due at ${deadline.toISOString()} (in ${seconds(deadline.getTime() - chosenAt)} s)`);

    const unpublishedBefore = await scalar(db, `SELECT count(*)::int FROM outbox_event WHERE published_at IS NULL`);
    if (unpublishedBefore > 0) env.log(`B: note: ${unpublishedBefore} outbox rows were unpublished before the storm`);

    const redisBefore = { used: await usedMemory(connection), prefix: await prefixMemory(connection, env.redisPrefix) };
    const insertStarted = Date.now();
    const written = await insertStorm(db, typeorm, deadline, count);
    const insertMs = Date.now() - insertStarted;
    env.log(
      `B: wrote ${count} tasks over ${written.agencies} agencies, ${written.rungRows} rungs, ` +
        `in ${seconds(insertMs)} s`,
    );

    // Every rung is scheduled now, in PostgreSQL, and no worker has run: what Redis holds for them.
    const redisScheduled = {
      used: await usedMemory(connection),
      prefix: await prefixMemory(connection, env.redisPrefix),
    };
    const delayedJobs = await escalations.getDelayedCount();
    env.log(
      `B: Redis with the storm's ${written.rungRows} rungs scheduled: this run's keys ${redisBefore.prefix.bytes} -> ` +
        `${redisScheduled.prefix.bytes} bytes (${redisScheduled.prefix.keys} keys, ${delayedJobs} delayed jobs); ` +
        `server used_memory ${redisBefore.used} -> ${redisScheduled.used} bytes (shared)`,
    );

    const spawnedAt = new Date();
    // The decision work (rungs, events, digests, sweeps) in one worker and email delivery in another, so the storm's
    // mail waits behind its firing (issue 22).
    [worker, mailer] = await Promise.all([
      BenchProcess.worker(
        { ...workerEnv, WORKER_QUEUES: 'notifications,escalations,digests,maintenance' },
        'worker-storm',
      ),
      // At nice 10, as the README advises on a shared host: the storm's decisions come first, its mail after.
      BenchProcess.worker({ ...workerEnv, WORKER_QUEUES: 'email', WORKER_NICE: '10' }, 'worker-email'),
    ]);
    const bootMs = Date.now() - spawnedAt.getTime();
    // Events due now (an armed rung's `task.overdue` waits for T).
    await waitFor(
      'the relay to publish the outbox',
      async () =>
        (await scalar(
          db,
          `SELECT count(*)::int FROM outbox_event
           WHERE published_at IS NULL AND (available_at IS NULL OR available_at <= now())`,
        )) === 0
          ? true
          : undefined,
      30 * 60_000,
      200,
    );
    const setupDoneAt = Date.now();
    const slackMs = deadline.getTime() - setupDoneAt;
    env.log(`B: worker up in ${seconds(bootMs)} s; ${seconds(slackMs)} s before T`);

    const sinkBefore = smtp.received;
    // Arming runs in the worker as soon as the rungs are within RUNG_ARM_AHEAD_MS: Redis and the armed count are
    // read a second before T (later would disturb the storm).
    if (slackMs > 1_000) await sleep(slackMs - 1_000);
    const redisArmed = {
      used: await usedMemory(connection),
      prefix: await prefixMemory(connection, env.redisPrefix),
    };
    const delayedEmailJobs = await emails.getDelayedCount();
    const armedAtT = await scalar(
      db,
      `SELECT count(*)::int FROM escalation_rung WHERE status = 'SCHEDULED' AND armed_at IS NOT NULL AND fire_at = $1`,
      [deadline],
    );
    env.log(
      `B: ${armedAtT} of ${count} first rungs armed before T; Redis: this run's keys ${redisArmed.prefix.bytes} bytes ` +
        `(${redisArmed.prefix.keys} keys, ${delayedEmailJobs} email batches waiting for T); server used_memory ` +
        `${redisArmed.used} bytes` +
        (Date.now() > deadline.getTime() ? ' (read after T: the storm had begun)' : ''),
    );
    const untilT = deadline.getTime() - Date.now();
    if (untilT > 0) await sleep(untilT);
    const pids = { decisionWorker: worker.pid, emailWorker: mailer.pid, harness: process.pid };
    const cpuAtT = readCpu(pids);
    const firstKey = written.firstRungKey;
    const remaining = () =>
      scalar(db, `SELECT count(*)::int FROM escalation_rung WHERE status = 'SCHEDULED' AND fire_at = $1`, [deadline]);
    let lastReport = Date.now();
    await waitFor(
      'every first rung to fire',
      async () => {
        // Rungs are no longer jobs: PostgreSQL says whether any is left, through the partial index of SCHEDULED rungs
        // (which shrinks as they fire), every 250 ms; the count for the log line every 10 s. Counting them every time
        // read 100,000 index entries four times a second, PostgreSQL's CPU taken from the storm it measures.
        const left = await db.query(
          `SELECT 1 FROM escalation_rung WHERE status = 'SCHEDULED' AND fire_at = $1 LIMIT 1`,
          [deadline],
        );
        if (Date.now() - lastReport >= 10_000) {
          lastReport = Date.now();
          env.log(
            `B: ${count - (await remaining())}/${count} fired at T+${seconds(Date.now() - deadline.getTime())} s`,
          );
        }
        return left.rows.length === 0 ? true : undefined;
      },
      Math.max(30 * 60_000, count * 20),
      250,
    );
    const doneMs = Date.now() - deadline.getTime();
    const cpu = cpuBetween(cpuAtT, readCpu(pids));
    const sinkReceivedAtDone = smtp.received - sinkBefore;
    const workerPeakRssMiB = worker.peakRssMiB();
    const failedJobs = (await escalations.getJobCounts('failed')).failed;
    env.log(`B: storm done ${seconds(doneMs)} s after T; waiting for its emails`);
    const stormEmails = `FROM notification n JOIN storm_task t ON t.id = n.subject_id
       WHERE n.kind = 'ESCALATION' AND n.subject_type = 'Task' AND n.created_at >= $1`;
    const drain = await waitFor(
      'the storm’s emails to go out',
      async () => {
        // Whether any is still to send, through the partial index of emails to send (which shrinks as they go); the
        // full count once none is. Counting every storm email each second took ~8% of PostgreSQL from the drain.
        const waiting = await db.query(
          `SELECT 1 FROM notification n JOIN storm_task t ON t.id = n.subject_id
           WHERE n.email_status IN ('PENDING', 'SENDING') AND n.kind = 'ESCALATION' AND n.subject_type = 'Task'
             AND n.created_at >= $1 LIMIT 1`,
          [deadline],
        );
        if (waiting.rows.length > 0) return undefined;
        const row = (
          await db.query(
            `SELECT count(*) FILTER (WHERE n.email_status IN ('PENDING', 'SENDING'))::int AS left,
               count(*) FILTER (WHERE n.email_status = 'SENT')::int AS sent,
               (extract(epoch FROM max(n.email_sent_at) - $1) * 1000)::float8 AS "lastMs"
             ${stormEmails}`,
            [deadline],
          )
        ).rows[0] as { left: number; sent: number; lastMs: number | null };
        return row.left === 0 ? row : undefined;
      },
      // Bounded: the CI smoke run has 10 minutes for everything (small scale drains in about a minute).
      Math.max(3 * 60_000, count * 20),
      1_000,
    ).catch((error: Error) => {
      env.log(`B: ${error.message}`);
      return undefined;
    });
    if (drain) env.log(`B: ${drain.sent} emails sent by T+${seconds(drain.lastMs ?? 0)} s`);
    await worker.stop();
    worker = undefined;
    await mailer.stop();
    mailer = undefined;
    const sinkReceivedAtStop = smtp.received - sinkBefore;

    const fired = (
      await db.query(
        `SELECT count(*)::int AS fired,
           coalesce(sum(r.recipient_count), 0)::int AS reached,
           (extract(epoch FROM max(r.settled_at) - $2) * 1000)::float8 AS "lastMs",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.settled_at - r.fire_at) * 1000) AS p50,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM r.settled_at - r.fire_at) * 1000) AS p99,
           max(extract(epoch FROM r.settled_at - r.fire_at) * 1000)::float8 AS "maxMs"
         FROM storm_task t
         JOIN escalation_rung r ON r.item_type = $3 AND r.item_id = t.id AND r.deadline_kind = $4 AND r.rung_key = $1
         WHERE r.status = 'FIRED'`,
        [firstKey, deadline, TASK_ITEM_TYPE, TASK_DEADLINE_KIND],
      )
    ).rows[0] as { fired: number; reached: number; lastMs: number; p50: number; p99: number; maxMs: number };
    const windowSeconds = Math.max(5, Math.ceil(doneMs / 1000 / 30));
    const curve = (
      await db.query(
        `SELECT floor(extract(epoch FROM r.settled_at - $2) / $5)::int AS bucket, count(*)::int AS fired
         FROM storm_task t
         JOIN escalation_rung r ON r.item_type = $3 AND r.item_id = t.id AND r.deadline_kind = $4 AND r.rung_key = $1
         WHERE r.status = 'FIRED' GROUP BY 1 ORDER BY 1`,
        [firstKey, deadline, TASK_ITEM_TYPE, TASK_DEADLINE_KIND, windowSeconds],
      )
    ).rows as { bucket: number; fired: number }[];
    const firedPerWindow: number[] = [];
    for (const { bucket, fired: n } of curve)
      firedPerWindow[Math.max(0, bucket)] = (firedPerWindow[Math.max(0, bucket)] ?? 0) + n;
    const notifications = (
      await db.query(
        `SELECT count(*)::int AS total,
           count(*) FILTER (WHERE n.email_status <> 'NOT_REQUESTED')::int AS "emailJobs",
           count(*) FILTER (WHERE n.email_status = 'SENT' AND n.email_sent_at <= $2)::int AS "sentAtDone"
         FROM notification n JOIN storm_task t ON t.id = n.subject_id
         WHERE n.kind = 'ESCALATION' AND n.subject_type = 'Task' AND n.created_at >= $1`,
        [deadline, new Date(deadline.getTime() + doneMs)],
      )
    ).rows[0] as { total: number; emailJobs: number; sentAtDone: number };
    if (notifications.total !== fired.reached) {
      env.log(`B: note: rungs reached ${fired.reached} people but ${notifications.total} notifications exist`);
    }

    const raw = await rawBullmq(env, connection, count, config.jobs);

    const stormSeconds = doneMs / 1000;
    const rungsPerSecond = fired.fired / stormSeconds;
    const firingCpu = cpu ? cpu.postgresCoreSeconds + cpu.processCoreSeconds.decisionWorker : 0;
    const cpuMicrosPerRung = cpu && fired.fired > 0 ? Math.round((firingCpu / fired.fired) * 1e6) : null;
    const ceilingRungsPerSecond = cpuMicrosPerRung ? Math.round((cpus().length * 1e6) / cpuMicrosPerRung) : null;
    if (cpu) {
      env.log(
        `B: CPU from T to done (${cpu.wallSeconds} s, ${cpus().length} cores): machine ${cpu.machineBusyCoreSeconds} ` +
          `core-s, PostgreSQL ${cpu.postgresCoreSeconds}, decision worker ${cpu.processCoreSeconds.decisionWorker}, ` +
          `email worker ${cpu.processCoreSeconds.emailWorker}, harness ${cpu.processCoreSeconds.harness}; ` +
          `${cpuMicrosPerRung} µs per rung (PostgreSQL + decision worker): at most ${ceilingRungsPerSecond} rungs/s here`,
      );
    }
    const cleanup = await cancelStormTasks(db);
    env.log(`B: ${cleanup}`);
    return {
      tasks: count,
      assigneeAgencies: written.agencies,
      rungRows: written.rungRows,
      redisMemory: {
        usedMemoryBefore: redisBefore.used,
        usedMemoryScheduled: redisScheduled.used,
        usedMemoryArmed: redisArmed.used,
        prefixBytesBefore: redisBefore.prefix.bytes,
        prefixBytesScheduled: redisScheduled.prefix.bytes,
        prefixBytesArmed: redisArmed.prefix.bytes,
        prefixKeysScheduled: redisScheduled.prefix.keys,
        delayedJobs,
        delayedEmailJobs,
      },
      armedAtT,
      setup: {
        vacuumSeconds: seconds(vacuumMs),
        autovacuum,
        marginSeconds: seconds(deadline.getTime() - chosenAt),
        insertSeconds: seconds(insertMs),
        workerBootSeconds: seconds(bootMs),
        finishedBeforeDeadline: slackMs > 0,
        slackSeconds: seconds(slackMs),
      },
      storm: {
        seconds: round(stormSeconds, 2),
        lastFiredSeconds: seconds(fired.lastMs),
        fired: fired.fired,
        rungsPerSecond: round(rungsPerSecond, 1),
        latenessP50Ms: Math.round(fired.p50),
        latenessP99Ms: Math.round(fired.p99),
        latenessMaxMs: Math.round(fired.maxMs),
        curve: { windowSeconds, fired: Array.from(firedPerWindow, (n) => n ?? 0) },
        notifications: notifications.total,
        emailJobsEnqueued: notifications.emailJobs,
        emailsSentAtDone: notifications.sentAtDone,
        sinkReceivedAtDone,
        sinkReceivedAtStop,
        emailDrainSeconds: drain ? seconds(drain.lastMs ?? 0) : null,
        emailsDrained: drain?.sent ?? 0,
        workerPeakRssMiB,
        failedJobs,
        cpu,
        cpuMicrosPerRung,
        ceilingRungsPerSecond,
      },
      rawBullmq: raw,
      ratio: round(rungsPerSecond / raw.jobsPerSecond, 3),
      goals: {
        withinSixtySeconds: stormSeconds <= 60,
        p99WithinFiveSeconds: fired.p99 <= 5_000,
        atLeastHalfOfRawBullmq: rungsPerSecond / raw.jobsPerSecond >= 0.5,
      },
      cleanup,
    };
  } finally {
    await worker?.stop();
    await mailer?.stop();
    await escalations.close();
    await emails.close();
    connection.disconnect();
    await typeorm.destroy();
    await db.end();
    await clearRedis(env);
  }
}

/**
 * Writes the storm's tasks through the real tables, with the rows the app writes: the task with its frozen
 * policy, its CREATED history entry, its ladder as `syncLadder` planned it at creation (then the reminders
 * fired; PostgreSQL is the rungs' scheduler, so there is no outbox row or Redis job per rung).
 * Their ids go into the session's temp table `storm_task` for the readings.
 */
/** Redis's own figure for the memory it uses (INFO memory, used_memory), in bytes. */
async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** MEMORY USAGE summed over the keys of one prefix (this run's queues, schedulers and worker registrations). */
async function prefixMemory(redis: Redis, prefix: string): Promise<{ keys: number; bytes: number }> {
  let cursor = '0';
  let keys = 0;
  let bytes = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    // One round trip per scanned batch: key by key, 30,000 keys took minutes on a busy machine.
    const pipeline = redis.pipeline();
    for (const key of batch) pipeline.memory('USAGE', key);
    for (const [, usage] of (await pipeline.exec()) ?? []) {
      keys += 1;
      bytes += Number(usage ?? 0);
    }
  } while (cursor !== '0');
  return { keys, bytes };
}

async function insertStorm(
  db: Client,
  typeorm: DataSource,
  deadline: Date,
  count: number,
): Promise<{ agencies: number; rungRows: number; firstRungKey: string }> {
  const agencies = (
    await db.query(
      `SELECT a.id, a.country, a.time_zone AS "timeZone", array_agg(u.id ORDER BY u.id) AS liaisons
       FROM agency a JOIN app_user u ON u.agency_id = a.id AND u.active AND 'LIAISON' = ANY(u.roles)
       WHERE a.active GROUP BY a.id ORDER BY a.id`,
    )
  ).rows as Agency[];
  if (agencies.length < 2) throw new Error('The storm needs at least two active agencies with active liaisons.');

  // The policy createTask freezes onto a NORMAL task (policyFor: the urgency's own policy, else ANY).
  const policies = (
    await db.query(
      `SELECT name, rungs, urgency FROM escalation_policy
       WHERE item_type = $1 AND urgency IN ('NORMAL', 'ANY') AND active ORDER BY urgency = 'NORMAL' DESC`,
      [TASK_ITEM_TYPE],
    )
  ).rows as (PolicySnapshot & { urgency: string })[];
  if (policies.length === 0) throw new Error('No active TASK escalation policy; the reference seed makes one.');
  const policy: PolicySnapshot = { name: policies[0].name, rungs: policies[0].rungs };
  const first = policy.rungs.find((rung) => !isReminder(rung));
  if (!first || (first.offset.hours ?? 0) !== 0 || first.offset.workingDays) {
    throw new Error(`The storm needs a TASK policy whose first escalation is at the deadline (${policy.name}).`);
  }

  // Every task was created between 14 and 3 days before T, so at creation every rung lay ahead: the plan is
  // the same for all tasks of one calendar, and planning it at the latest creation instant stands for all.
  const createdFirst = deadline.getTime() - CREATED_DAYS_BEFORE.first * DAY_MS;
  const createdSpan = (CREATED_DAYS_BEFORE.first - CREATED_DAYS_BEFORE.last) * DAY_MS;
  const plannedAt = new Date(createdFirst + createdSpan);
  const now = new Date();
  const calendars = new CalendarsService(typeorm);
  const plans = new Map<string, RungPlan[]>();
  for (const agency of agencies) {
    const key = `${agency.country}|${agency.timeZone}`;
    if (plans.has(key)) continue;
    const calendar: WorkCalendar = await calendars.workCalendar(agency.country, agency.timeZone);
    const planned = planLadder(policy, deadline, calendar, plannedAt);
    plans.set(
      key,
      planned.map((rung) => {
        if (rung.status !== RungStatus.SCHEDULED) throw new Error(`Rung ${rung.definition.key} was not ahead`);
        return {
          key: rung.definition.key,
          index: rung.index,
          fireAt: rung.fireAt,
          targets: `{${rung.definition.targets.join(',')}}`,
          action: rung.definition.action ?? null,
          // Since then the reminders' times came and they fired; the rest is still ahead of `now`.
          status: rung.fireAt <= now ? RungStatus.FIRED : RungStatus.SCHEDULED,
        };
      }),
    );
  }

  await db.query(`DROP TABLE IF EXISTS storm_task`);
  await db.query(`CREATE TEMP TABLE storm_task (id uuid PRIMARY KEY)`);
  const pillars = Object.values(TaskPillar);
  const duties = Object.values(TaskForceDuty);
  const n = agencies.length;
  let rungRows = 0;
  for (let start = 0; start < count; start += BATCH) {
    const task = {
      id: [] as string[],
      createdAt: [] as Date[],
      assigning: [] as string[],
      assignee: [] as string[],
      assigneeUser: [] as (string | null)[],
      createdBy: [] as string[],
      title: [] as string[],
      pillar: [] as string[],
      duty: [] as string[],
    };
    const rung = {
      id: [] as string[],
      itemId: [] as string[],
      createdAt: [] as Date[],
      key: [] as string[],
      index: [] as number[],
      fireAt: [] as Date[],
      targets: [] as string[],
      action: [] as (string | null)[],
      status: [] as string[],
      settledAt: [] as (Date | null)[],
      recipients: [] as (number | null)[],
    };
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const lap = Math.floor(i / n);
      const assignee = agencies[i % n];
      // 1..n−1 agencies further on: never the assignee itself, and each pair recurs only every n(n−1) tasks.
      const assigning = agencies[(i + 1 + (lap % (n - 1))) % n];
      const id = randomUUID();
      const createdAt = new Date(createdFirst + Math.floor((createdSpan * i) / count));
      // Half the tasks name a person of the assignee agency, half go to the agency (its liaisons).
      const assigneeUser = i % 2 === 0 ? assignee.liaisons[lap % assignee.liaisons.length] : null;
      task.id.push(id);
      task.createdAt.push(createdAt);
      task.assigning.push(assigning.id);
      task.assignee.push(assignee.id);
      task.assigneeUser.push(assigneeUser);
      task.createdBy.push(assigning.liaisons[lap % assigning.liaisons.length]);
      task.title.push(`${TITLES[i % TITLES.length]} (uji beban ${i + 1})`);
      task.pillar.push(pillars[i % pillars.length]);
      task.duty.push(duties[i % duties.length]);
      for (const plan of plans.get(`${assignee.country}|${assignee.timeZone}`)!) {
        const fired = plan.status === RungStatus.FIRED;
        rung.id.push(randomUUID());
        rung.itemId.push(id);
        rung.createdAt.push(createdAt);
        rung.key.push(plan.key);
        rung.index.push(plan.index);
        rung.fireAt.push(plan.fireAt);
        rung.targets.push(plan.targets);
        rung.action.push(plan.action);
        rung.status.push(plan.status);
        rung.settledAt.push(fired ? plan.fireAt : null);
        // A reminder reaches the assignee: the named person, or else the agency's liaisons.
        rung.recipients.push(fired ? (assigneeUser ? 1 : assignee.liaisons.length) : null);
      }
    }
    await db.query('BEGIN');
    await db.query(
      `WITH inserted AS (
         INSERT INTO task (id, created_at, updated_at, assigning_agency_id, assignee_agency_id, assignee_user_id,
           created_by_user_id, title, description, pillar, duty, priority, status, due_at, deadline_version,
           escalation_policy, version)
         SELECT t.id, t.created_at, t.created_at, t.assigning, t.assignee, t.assignee_user, t.created_by, t.title, '',
           t.pillar::task_pillar, t.duty::task_force_duty, 'NORMAL', 'OPEN', $10, 1, $11::jsonb, 1
         FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[],
           $8::text[], $9::text[]) AS t(id, created_at, assigning, assignee, assignee_user, created_by, title, pillar, duty)
         RETURNING id, created_at, created_by_user_id, assigning_agency_id
       ), history AS (
         INSERT INTO work_item_event (item_type, item_id, occurred_at, actor_user_id, acting_agency_id, kind, to_status, details)
         SELECT 'TASK', id, created_at, created_by_user_id, assigning_agency_id, 'CREATED', 'OPEN', '{}'::jsonb FROM inserted
       )
       INSERT INTO storm_task (id) SELECT id FROM inserted`,
      [
        task.id,
        task.createdAt,
        task.assigning,
        task.assignee,
        task.assigneeUser,
        task.createdBy,
        task.title,
        task.pillar,
        task.duty,
        deadline,
        JSON.stringify(policy),
      ],
    );
    await db.query(
      `INSERT INTO escalation_rung (id, created_at, item_type, item_id, deadline_kind, deadline_version, deadline_at,
         policy_name, rung_key, rung_index, fire_at, targets, action, status, settled_at, note, recipient_count)
       SELECT r.id, r.created_at, $12, r.item_id, $13, 1, $14, $15, r.key, r.index, r.fire_at, r.targets::varchar[],
         r.action, r.status::escalation_rung_status, r.settled_at, NULL, r.recipients
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::int[], $6::timestamptz[], $7::text[],
         $8::text[], $9::text[], $10::timestamptz[], $11::int[])
         AS r(id, item_id, created_at, key, index, fire_at, targets, action, status, settled_at, recipients)`,
      [
        rung.id,
        rung.itemId,
        rung.createdAt,
        rung.key,
        rung.index,
        rung.fireAt,
        rung.targets,
        rung.action,
        rung.status,
        rung.settledAt,
        rung.recipients,
        TASK_ITEM_TYPE,
        TASK_DEADLINE_KIND,
        deadline,
        policy.name,
      ],
    );
    await db.query('COMMIT');
    rungRows += rung.id.length;
  }
  // Tasks written days ago would have been analysed by autovacuum long since; plans should see them.
  await db.query(`ANALYZE task, work_item_event, escalation_rung, outbox_event, storm_task`);
  return { agencies: n, rungRows, firstRungKey: first.key };
}

/**
 * VACUUM (ANALYZE) of the tables the storm writes to, as autovacuum keeps them between a day's work and a deadline.
 * This project's PostgreSQL runs with autovacuum off, so without it each scenario before B (and each earlier storm on
 * a kept database: its cancelled tasks, settled rungs, dispatched events) left its dead row versions in the indexes
 * the release and the firing walk: the same storm measured 4.2 s after a fresh load and 6.6 s on the database one
 * storm later. Returns whether the server's autovacuum is on.
 */
async function vacuumLeftovers(db: Client): Promise<boolean> {
  for (const table of ['escalation_rung', 'notification', 'outbox_event', 'task', 'work_item_event']) {
    await db.query(`VACUUM (ANALYZE) ${table}`);
  }
  const { rows } = await db.query(`SHOW autovacuum`);
  return (rows[0] as { autovacuum: string }).autovacuum === 'on';
}

/**
 * The same number of trivial jobs on the same Redis and prefix, run by a bare BullMQ worker in a process of
 * its own with the Simpul worker's concurrency and lock settings: the queue's own speed on this machine.
 */
async function rawBullmq(
  env: BenchEnv,
  connection: Redis,
  count: number,
  jobs: { concurrency: number; lockMs: number; backoffMs: number; backoffMaxMs: number; attempts: number },
): Promise<DeadlineStormResult['rawBullmq']> {
  const queue = new Queue(RAW_QUEUE, {
    connection,
    prefix: env.redisPrefix,
    defaultJobOptions: defaultJobOptions(jobs),
  });
  try {
    const addStarted = Date.now();
    for (let start = 0; start < count; start += 1_000) {
      const size = Math.min(1_000, count - start);
      await queue.addBulk(
        Array.from({ length: size }, (_, i) => ({
          name: 'bench.trivial',
          data: { n: start + i },
          opts: { jobId: `raw.${start + i}` },
        })),
      );
    }
    const addMs = Date.now() - addStarted;
    const child = BenchProcess.start(
      'raw-bullmq',
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'bench/scenarios/raw-bullmq-worker.ts',
      ],
      {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'production',
        REDIS_URL: env.redisUrl,
        REDIS_PREFIX: env.redisPrefix,
        RAW_QUEUE,
        RAW_JOBS: String(count),
        RAW_CONCURRENCY: String(jobs.concurrency),
        RAW_LOCK_MS: String(jobs.lockMs),
      },
    );
    await waitFor('the raw BullMQ worker to finish', async () => (child.running ? undefined : true), 30 * 60_000, 100);
    const line = child
      .output()
      .split('\n')
      .find((text) => text.startsWith('{"rawBullmq"'));
    if (!line) throw new Error(`The raw BullMQ worker gave no result (see ${child.logFile}):\n${child.output()}`);
    const result = (JSON.parse(line) as { rawBullmq: { completed: number; failed: number; ms: number } }).rawBullmq;
    if (result.completed !== count) throw new Error(`The raw BullMQ worker completed ${result.completed} of ${count}`);
    env.log(`B: raw BullMQ: ${count} trivial jobs in ${seconds(result.ms)} s`);
    return {
      jobs: count,
      concurrency: jobs.concurrency,
      addSeconds: seconds(addMs),
      processSeconds: seconds(result.ms),
      jobsPerSecond: round(count / (result.ms / 1000), 1),
    };
  } finally {
    await queue.close();
  }
}

/**
 * Cancels the storm's tasks as the app would (status, version, a TRANSITION history entry, the ladder's
 * waiting rungs CANCELLED with syncLadder's note), so later scenarios see closed tasks and no ladders that
 * would fire days from now.
 */
async function cancelStormTasks(db: Client): Promise<string> {
  await db.query('BEGIN');
  const tasks = await db.query(
    `UPDATE task SET status = 'CANCELLED', version = version + 1, updated_at = now()
     FROM storm_task s WHERE task.id = s.id AND task.status = 'OPEN'`,
  );
  await db.query(
    `INSERT INTO work_item_event (item_type, item_id, actor_user_id, acting_agency_id, kind, action, from_status, to_status, reason)
     SELECT 'TASK', t.id, t.created_by_user_id, t.assigning_agency_id, 'TRANSITION', 'CANCEL', 'OPEN', 'CANCELLED',
       'benchmark clean-up'
     FROM task t JOIN storm_task s ON s.id = t.id`,
  );
  const rungs = await db.query(
    `UPDATE escalation_rung r SET status = 'CANCELLED', settled_at = now(), note = 'the step was done or the item closed'
     FROM storm_task s WHERE r.item_type = $1 AND r.item_id = s.id AND r.status = 'SCHEDULED'`,
    [TASK_ITEM_TYPE],
  );
  await db.query('COMMIT');
  return `cancelled the storm's ${tasks.rowCount ?? 0} tasks and their ${rungs.rowCount ?? 0} waiting rungs (kept in the database)`;
}

async function scalar(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  const row = (await db.query(sql, params)).rows[0] as Record<string, number>;
  return Object.values(row)[0];
}
