import { Queue } from 'bullmq';
import Redis from 'ioredis';

import { isoWeekOf } from '@app/modules/digests/iso-week';

import { BenchEnv, benchClient, clearRedis, processEnv } from '../support/bench-env';
import { CountingSmtpSink } from '../support/counting-smtp-sink';
import { BenchProcess } from '../support/processes';
import { round, sleep, waitFor } from '../support/stats';

export interface DigestResult {
  /** Active users with a digest role: everyone the fan-out should reach. */
  recipients: number;
  runsCreated: number;
  sent: number;
  skipped: number;
  failed: number;
  /** Worker processes sending (BENCH_DIGEST_WORKERS, default 1). */
  workers: number;
  /** From starting the worker processes until every run is settled and every message is at the sink. */
  wallSeconds: number;
  workerBootSeconds: number;
  messagesPerSecond: number;
  averageMessageKiB: number;
  /** Notification emails the worker delivered meanwhile (not digests). */
  otherEmails: number;
  /** The largest peak RSS of the worker processes. */
  peakRssMiB: number;
  /** Second run: a new fan-out and a second send job for every run. Messages the sink got (goal 0). */
  rerunSent: number;
  /** Message-IDs the sink saw twice over both runs. */
  duplicateMessageIds: number;
}

/**
 * C: worker processes (BENCH_DIGEST_WORKERS, default 1) send the week's digest to every recipient through a local SMTP
 * sink; then the same week is started again and every send job is queued a second time, which must send nothing.
 */
export async function digest(env: BenchEnv): Promise<DigestResult> {
  await clearRedis(env);
  const sink = await CountingSmtpSink.start();
  const db = await benchClient(env);
  const connection = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('digests', { connection, prefix: env.redisPrefix });
  const workerCount = Math.max(1, Number(process.env.BENCH_DIGEST_WORKERS ?? 1));
  const workers: BenchProcess[] = [];
  try {
    const [{ count: recipients }] = (
      await db.query(
        `SELECT count(*)::int AS count FROM app_user
         WHERE active AND roles && ARRAY['LIAISON','CASE_OFFICER','SUPERVISOR','SECRETARIAT','ATTACHE']::user_role[]`,
      )
    ).rows as { count: number }[];
    const since = new Date();
    const started = Date.now();
    workers.push(
      ...(await Promise.all(
        Array.from({ length: workerCount }, (_, i) =>
          BenchProcess.worker(processEnv(env, { SMTP_URL: sink.url }), `worker-digest-${i + 1}`),
        ),
      )),
    );
    const bootMs = Date.now() - started;
    env.log(
      `C: ${workerCount} worker process(es) up in ${(bootMs / 1000).toFixed(1)} s; starting the digest of ${recipients} recipients`,
    );
    // This week in Jakarta, given: the hourly fan-out starts a week only after its Monday 07:00 in each zone, so
    // between Monday 00:00 and 07:00 there it would find nothing due (a run at that hour measured nothing).
    const isoWeek = isoWeekOf(new Date(), 'Asia/Jakarta');
    const fanOut = await queue.add('digest.fan-out', { isoWeek }, { jobId: `bench-fan-out-${Date.now()}` });

    const runsOf = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS total,
             count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
             count(*) FILTER (WHERE status = 'SENDING')::int AS sending,
             count(*) FILTER (WHERE status = 'SENT')::int AS sent,
             count(*) FILTER (WHERE status = 'SKIPPED')::int AS skipped,
             count(*) FILTER (WHERE status = 'FAILED')::int AS failed
           FROM digest_run WHERE created_at >= $1`,
          [since],
        )
      ).rows[0] as { total: number; pending: number; sending: number; sent: number; skipped: number; failed: number };

    let lastReport = Date.now();
    // Completed jobs are trimmed (removeOnComplete), and 50,000 send jobs trim the fan-out long before the
    // last digest goes: once seen completed it stays done (its state reads 'unknown' afterwards).
    let fanOutDone = false;
    const runs = await waitFor(
      'every digest run to settle',
      async () => {
        const state = await fanOut.getState();
        if (state === 'completed') fanOutDone = true;
        const current = await runsOf();
        if (Date.now() - lastReport > 15_000) {
          lastReport = Date.now();
          env.log(`C: ${current.sent}/${current.total} sent, sink ${sink.digests} (fan-out ${state})`);
        }
        if (state === 'failed')
          throw new Error(`the fan-out job failed: ${(await queue.getJob(fanOut.id!))?.failedReason}`);
        // Not done while a run is SENDING: its message is on its way, and if it reached the sink after this phase
        // ended it would be counted as "sent by the rerun" without anything having been sent twice.
        return fanOutDone &&
          current.total > 0 &&
          current.pending + current.sending === 0 &&
          sink.digests >= current.sent
          ? current
          : undefined;
      },
      3_600_000,
      // Once a second: counting 50,000 runs more often took a share of the CPU the senders need.
      1_000,
    );
    const wallMs = Date.now() - started;
    const peakRssMiB = Math.max(...workers.map((worker) => worker.peakRssMiB()));
    const sentFirst = sink.digests;
    env.log(`C: ${runs.sent} sent in ${(wallMs / 1000).toFixed(1)} s; running the same week again`);

    // Rerun: the hourly fan-out fires again and every send job is delivered a second time (new job ids).
    const rerun = await queue.add('digest.fan-out', { isoWeek }, { jobId: `bench-fan-out-rerun-${Date.now()}` });
    const ids = (await db.query(`SELECT id FROM digest_run WHERE created_at >= $1`, [since])).rows as { id: string }[];
    for (let i = 0; i < ids.length; i += 1000) {
      await queue.addBulk(
        ids.slice(i, i + 1000).map(({ id }) => ({
          name: 'digest.send',
          data: { digestRunId: id },
          opts: { jobId: `bench-rerun.${id}` },
        })),
      );
    }
    let rerunFanOutDone = false;
    await waitFor(
      'the rerun to drain',
      async () => {
        // Not 'delayed': the hourly digest scheduler always holds its next run there.
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
        if ((await rerun.getState()) === 'completed') rerunFanOutDone = true;
        return rerunFanOutDone && Object.values(counts).every((n) => n === 0) ? true : undefined;
      },
      3_600_000,
      200,
    );
    await sleep(1_000); // a message in flight would land now
    return {
      recipients,
      workers: workerCount,
      runsCreated: runs.total,
      sent: runs.sent,
      skipped: runs.skipped,
      failed: runs.failed,
      wallSeconds: round(wallMs / 1000, 1),
      workerBootSeconds: round(bootMs / 1000, 1),
      messagesPerSecond: round(sentFirst / (wallMs / 1000), 1),
      averageMessageKiB: round(sink.bytes / Math.max(1, sink.received) / 1024, 1),
      otherEmails: sink.received - sink.digests,
      peakRssMiB,
      rerunSent: sink.digests - sentFirst,
      duplicateMessageIds: sink.duplicates,
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await queue.close();
    connection.disconnect();
    await db.end();
    await sink.stop();
    await clearRedis(env);
  }
}
