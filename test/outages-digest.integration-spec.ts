import { Redis } from 'ioredis';
import { DateTime } from 'luxon';

import { isoWeekOf } from '@app/modules/digests/iso-week';
import { JobQueues } from '@app/queue/job-queues';
import { QueueName } from '@app/queue/queue.names';
import { digestLedger } from '@libs/testing/delivery-ledger';
import { eventually } from '@libs/testing/eventually';
import { Factories } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { WorkerProcess } from '@libs/testing/worker-process';

/** A Redis database of this suite's own: it is flushed here. */
const REDIS_DATABASE = 12;
/** The fan-out had 5,000 recipients; OUTAGES_DIGEST_RECIPIENTS=5000 runs it at that size (a few minutes). */
const RECIPIENTS = Number(process.env.OUTAGES_DIGEST_RECIPIENTS) || 1_000;

/**
 * A zone where this week's digest is due now (its Monday 07:00 has passed) and stays due for the test (its week
 * does not end within the hour): the worker runs on the real clock. One of the three always qualifies.
 */
function dueZone(now: Date): string {
  for (const zone of ['Asia/Jakarta', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
    const local = DateTime.fromJSDate(now, { zone });
    const monday = local.startOf('week');
    if (local >= monday.set({ hour: 7 }) && local < monday.plus({ weeks: 1 }).minus({ hours: 1 })) return zone;
  }
  throw new Error('no zone has its digest due now');
}

/**
 * Issue 21, "the weekly digest under the same faults": during one fan-out, Redis is flushed, the worker process is
 * SIGKILLed and the mail server goes away for longer than the retries. Each person still gets the week's digest,
 * once (at most one duplicate per fault, carrying the run's own Message-ID), without an operator.
 */
describe('outages: the weekly digest through a Redis flush, a worker kill and a mail outage', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let redis: Redis;
  let settings: Record<string, string>;
  const processes: WorkerProcess[] = [];

  beforeAll(async () => {
    env = await isolatedEnvironment({ redisDatabase: REDIS_DATABASE });
    redis = new Redis(env.redisUrl);
    await redis.flushdb();
    sink = await SmtpSink.start();
    settings = {
      ...env.env,
      SMTP_URL: sink.url,
      JOB_LOCK_MS: '2000',
      JOB_ATTEMPTS: '3',
      JOB_BACKOFF_MS: '100',
      JOB_BACKOFF_MAX_MS: '500',
      SWEEP_INTERVAL_MS: '1000',
      OUTBOX_POLL_MS: '50',
    };
    api = await TestApp.start(settings);
  });

  afterAll(async () => {
    for (const worker of processes) await worker.stop().catch(() => undefined);
    await api?.stop();
    await sink?.stop();
    await redis?.flushdb();
    await redis?.quit();
    await env?.drop();
  });

  const startWorker = async () => {
    const worker = await WorkerProcess.start(settings);
    processes.push(worker);
    return worker;
  };

  it(`${RECIPIENTS.toLocaleString('en')} digests through a Redis flush, a worker kill and a mail outage: each person's once`, async () => {
    const zone = dueZone(new Date());
    const week = isoWeekOf(new Date(), zone);
    const agency = await new Factories(api).agency();
    // Liaisons who were there when this week's digest fell due (last Monday 07:00).
    await api.dataSource.query(
      `INSERT INTO app_user (email, display_name, agency_id, roles, locale, time_zone, password_hash, created_at)
       SELECT 'reader-' || i || '-' || $2 || '@test.simpul.id', 'Digest reader', $1, ARRAY['LIAISON']::user_role[],
         'id', $3, 'not-a-password-hash', now() - interval '14 days'
       FROM generate_series(1, $4::int) i`,
      [agency.id, agency.code.toLowerCase(), zone, RECIPIENTS],
    );
    const digests = () => sink.received.filter((mail) => mail.digestRunId !== undefined).length;
    const queues = api.app.get(JobQueues);

    // The sweep starts the week's fan-out within a second of the worker's start.
    const first = await startWorker();
    await eventually(() => expect(digests()).toBeGreaterThanOrEqual(RECIPIENTS * 0.15), 300_000);
    await redis.flushdb();
    const leftAfterFlush = RECIPIENTS - digests();

    await eventually(() => expect(digests()).toBeGreaterThanOrEqual(RECIPIENTS * 0.35), 300_000);
    await first.kill();
    const leftAtKill = RECIPIENTS - digests();
    await startWorker();

    await eventually(() => expect(digests()).toBeGreaterThanOrEqual(RECIPIENTS * 0.55), 300_000);
    const failedBefore = (await queues.queue(QueueName.DIGESTS).getJobCounts('failed')).failed;
    const sweepsBefore = (await queues.queue(QueueName.MAINTENANCE).getJobCounts('completed')).completed;
    await sink.goDown();
    const leftAtOutage = RECIPIENTS - digests();
    // Away until digest jobs have used all their attempts and the sweep has brought some back to fail again. The
    // runs go 50 to a job (a batch), so the ~450 left are in about nine jobs.
    await eventually(async () => {
      expect((await queues.queue(QueueName.DIGESTS).getJobCounts('failed')).failed).toBeGreaterThan(failedBefore + 2);
      expect((await queues.queue(QueueName.MAINTENANCE).getJobCounts('completed')).completed).toBeGreaterThanOrEqual(
        sweepsBefore + 3,
      );
    }, 120_000);
    await sink.comeBack();

    await eventually(async () => {
      const now = await digestLedger(api.dataSource, sink, week);
      expect(now.states).toEqual({ SENT: RECIPIENTS });
    }, 600_000);
    const sut = await digestLedger(api.dataSource, sink, week);
    expect(sut).toMatchObject({
      total: RECIPIENTS,
      lost: [],
      foreignMessageIds: 0,
      sentNotReceived: [],
      receivedNotSent: [],
    });
    // One run per person and week (the unique key), each delivered; a duplicate per fault at most.
    const [people] = await api.dataSource.query(
      `SELECT count(DISTINCT user_id)::int AS n FROM digest_run WHERE iso_week = $1`,
      [week],
    );
    expect(people.n).toBe(RECIPIENTS);
    expect(sut.duplicates).toBeLessThanOrEqual(3);
    expect(Math.min(leftAfterFlush, leftAtKill, leftAtOutage)).toBeGreaterThan(0);
    process.stderr.write(
      `[outages] digest fan-out (${RECIPIENTS} people) through a Redis flush, a worker kill and a mail outage: ` +
        `0 lost, ${sut.duplicates} duplicated\n`,
    );
  }, 900_000);
});
