import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { MalformedJobError } from '@app/queue/job-errors';
import { JobHandler, SweepStep } from '@app/queue/job-handler.decorator';
import { JobQueues, JobRequest } from '@app/queue/job-queues';
import { SweepRound } from '@app/queue/sweep-round';
import { JobIds, JobName } from '@app/queue/queue.names';

import { DIGEST_BATCH_SIZE } from './digest-batch-sender';
import { isoWeekOf, weekBounds } from './iso-week';

/** The send job of a batch of runs, named by its first run. */
function batchJob(batch: string, ids: string[]): JobRequest {
  return { name: JobName.SEND_DIGEST_BATCH, data: { digestRunIds: ids }, jobId: JobIds.digestBatch(batch) };
}

/** Roles that get a digest (case officers read the liaison's). */
export const DIGEST_ROLES = ['LIAISON', 'CASE_OFFICER', 'SUPERVISOR', 'SECRETARIAT', 'ATTACHE'];
const BATCH = 1_000;
/** Local Monday, 07:00: the moment a week's digest becomes due. */
const SEND_HOUR = 7;

export interface FanOutResult {
  /** Time zones whose digest was due. */
  zones: string[];
  pending: number;
  skipped: number;
}

/**
 * Starts weekly digests. Each hour (and each sweep) it finds the time zones where this ISO week's Monday 07:00
 * has come, and for their recipients without a run this week inserts one (the unique key makes a second
 * firing a no-op), in batches so memory stays flat, then queues send jobs for the pending runs, 50 runs each. People who opted
 * out, or whose units' digests are all switched off, get a SKIPPED run (counted, not sent). A run still
 * PENDING without its job (Redis lost it, a worker died) is queued again by the sweep: its batch's job.
 */
@Injectable()
export class DigestScheduler {
  private readonly logger = new Logger('Digests');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly clock: Clock,
  ) {}

  /**
   * The hourly fan-out. With `isoWeek` in its payload it starts that week's digests now, in every zone, as
   * `npm run digest:send -- --week` does (a week's digest for an operator, the benchmark's at any hour); a payload
   * that is not a week fails the job naming it.
   */
  @JobHandler(JobName.DIGEST_FAN_OUT)
  async fanOutJob(job: Job): Promise<FanOutResult> {
    const week = (job.data as { isoWeek?: unknown } | undefined)?.isoWeek;
    if (week === undefined) return this.fanOut(this.clock.now());
    const problem = `isoWeek must be a week such as 2026-W48 (got ${JSON.stringify(week)})`;
    if (typeof week !== 'string' || !/^\d{4}-W\d{2}$/.test(week)) {
      throw new MalformedJobError(JobName.DIGEST_FAN_OUT, problem);
    }
    try {
      weekBounds(week, 'Asia/Jakarta');
    } catch {
      throw new MalformedJobError(JobName.DIGEST_FAN_OUT, problem);
    }
    return this.fanOut(this.clock.now(), { isoWeek: week });
  }

  /**
   * Starts the digests that fell due (when the hourly job was lost with Redis), and makes sure every run still to
   * send (PENDING, or SENDING whose lease ran out) has a job that will run: re-added if Redis lost it, revived if
   * it used its attempts while the mail server or PostgreSQL was away.
   */
  @SweepStep('digests')
  async sweep(round: SweepRound): Promise<void> {
    const now = this.clock.now();
    const started = await this.fanOut(now);
    round.tally.added += started.pending;
    const stale: { id: string; batch_id: string | null }[] = await this.dataSource.query(
      `SELECT id, batch_id FROM digest_run
       WHERE (status = 'PENDING' OR (status = 'SENDING' AND lease_until < now())) AND created_at <= $1
       ORDER BY created_at LIMIT 5000`,
      [round.staleBefore(now)],
    );
    // A run of a batch: its batch's job (re-added with every run of the batch if Redis lost it; it skips those sent).
    const batches = [...new Set(stale.map((run) => run.batch_id).filter((batch): batch is string => batch !== null))];
    const members: { batch_id: string; ids: string[] }[] = batches.length
      ? await this.dataSource.query(
          `SELECT batch_id, array_agg(id ORDER BY id) AS ids FROM digest_run WHERE batch_id = ANY($1::uuid[])
            GROUP BY batch_id`,
          [batches],
        )
      : [];
    for (const { batch_id: batch, ids } of members) {
      await round.ensure(batchJob(batch, ids), { promoteDelayed: false });
    }
    for (const { id } of stale.filter((run) => run.batch_id === null)) {
      const request: JobRequest = { name: JobName.SEND_DIGEST, data: { digestRunId: id }, jobId: JobIds.digest(id) };
      // A delayed job here is a retry waiting out its backoff (or a lease): leave it waiting.
      await round.ensure(request, { promoteDelayed: false });
    }
  }

  /** `enqueue: false` (npm run digest:send) creates the runs without jobs: the caller sends them itself. */
  async fanOut(
    now: Date,
    options: { userIds?: string[]; isoWeek?: string; enqueue?: boolean } = {},
  ): Promise<FanOutResult> {
    const zones: { time_zone: string }[] = await this.dataSource.query(
      `SELECT DISTINCT time_zone FROM app_user WHERE active`,
    );
    const result: FanOutResult = { zones: [], pending: 0, skipped: 0 };
    for (const { time_zone: zone } of zones) {
      const week = options.isoWeek ? { isoWeek: options.isoWeek, dueAt: now } : this.dueWeek(now, zone);
      if (!week) continue;
      result.zones.push(zone);
      const counts = await this.startZone(
        zone,
        week.isoWeek,
        week.dueAt,
        now,
        options.userIds,
        options.enqueue ?? true,
      );
      result.pending += counts.pending;
      result.skipped += counts.skipped;
    }
    if (result.pending + result.skipped > 0) this.logger.log({ msg: 'digests started', ...result });
    return result;
  }

  /** The ISO week whose digest is due in `zone` at `now` (Monday 07:00 local has passed), or null. */
  dueWeek(now: Date, zone: string): { isoWeek: string; dueAt: Date } | null {
    const local = DateTime.fromJSDate(now, { zone });
    if (!local.isValid) return null;
    const monday = local.startOf('week').set({ hour: SEND_HOUR });
    if (local < monday) return null;
    return { isoWeek: isoWeekOf(now, zone), dueAt: monday.toJSDate() };
  }

  private async startZone(
    zone: string,
    isoWeek: string,
    dueAt: Date,
    now: Date,
    onlyUserIds: string[] | undefined,
    enqueue: boolean,
  ): Promise<{ pending: number; skipped: number }> {
    const none = '00000000-0000-0000-0000-000000000000';
    let cursor = { agency_id: none, id: none };
    const counts = { pending: 0, skipped: 0 };
    for (;;) {
      // Recipients of this zone without a run this week, who existed when the digest fell due, agency by agency: a
      // batch's colleagues share their agency's sections, read once into PostgreSQL's cache for all of them.
      const batch: { id: string; agency_id: string }[] = await this.dataSource.query(
        `SELECT u.id, u.agency_id FROM app_user u
         WHERE u.active AND u.time_zone = $1 AND u.roles && $2::user_role[] AND (u.agency_id, u.id) > ($3, $7)
           AND u.created_at <= $5 AND ($6::uuid[] IS NULL OR u.id = ANY($6::uuid[]))
           AND NOT EXISTS (SELECT 1 FROM digest_run r WHERE r.user_id = u.id AND r.iso_week = $4)
         ORDER BY u.agency_id, u.id LIMIT ${BATCH}`,
        [zone, DIGEST_ROLES, cursor.agency_id, isoWeek, dueAt, onlyUserIds ?? null, cursor.id],
      );
      if (batch.length === 0) break;
      cursor = batch[batch.length - 1];
      const place = new Map(batch.map((row, i) => [row.id, i]));
      const inserted: { id: string; user_id: string; status: string }[] = await this.dataSource.query(
        `INSERT INTO digest_run (user_id, iso_week, status, note, created_at)
         SELECT u.id, $2,
           (CASE WHEN o.user_id IS NOT NULL OR units.off THEN 'SKIPPED' ELSE 'PENDING' END)::digest_run_status,
           CASE WHEN o.user_id IS NOT NULL THEN 'opted out'
                WHEN units.off THEN 'digests switched off for the unit' END,
           $3
         FROM app_user u
         LEFT JOIN digest_opt_out o ON o.user_id = u.id
         CROSS JOIN LATERAL (
           SELECT count(*) > 0 AND bool_and(off.unit_id IS NOT NULL) AS off
           FROM membership m LEFT JOIN digest_unit_off off ON off.unit_id = m.unit_id
           WHERE m.agency_id = u.agency_id AND m.valid_from <= CURRENT_DATE
             AND (m.valid_to IS NULL OR m.valid_to > CURRENT_DATE)
         ) units
         WHERE u.id = ANY($1::uuid[])
         ON CONFLICT (user_id, iso_week) DO NOTHING
         RETURNING id, user_id, status`,
        // created_at from the scheduler's clock, the one the sweep measures staleness against.
        [batch.map((row) => row.id), isoWeek, now],
      );
      const pending = inserted
        .filter((row) => row.status === 'PENDING')
        .sort((a, b) => place.get(a.user_id)! - place.get(b.user_id)!);
      counts.pending += pending.length;
      counts.skipped += inserted.length - pending.length;
      if (enqueue) {
        // In batches: their content is read a batch at a time (DigestBatchSender). Each run remembers its batch.
        const jobs: JobRequest[] = [];
        const members: { run: string; batch: string }[] = [];
        for (let i = 0; i < pending.length; i += DIGEST_BATCH_SIZE) {
          const ids = pending.slice(i, i + DIGEST_BATCH_SIZE).map((row) => row.id);
          jobs.push(batchJob(ids[0], ids));
          members.push(...ids.map((run) => ({ run, batch: ids[0] })));
        }
        await this.dataSource.query(
          `UPDATE digest_run r SET batch_id = m.batch FROM unnest($1::uuid[], $2::uuid[]) AS m(run, batch)
            WHERE r.id = m.run`,
          [members.map((member) => member.run), members.map((member) => member.batch)],
        );
        await this.queues.addAll(jobs);
      }
      if (batch.length < BATCH) break;
    }
    return counts;
  }
}
