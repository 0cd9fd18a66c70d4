import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { JobHandler, SweepStep } from '@app/queue/job-handler.decorator';
import { JobQueues, JobRequest } from '@app/queue/job-queues';
import { SweepRound } from '@app/queue/sweep-round';
import { JobIds, JobName } from '@app/queue/queue.names';

import { isoWeekOf } from './iso-week';

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
 * firing a no-op), in batches so memory stays flat, then queues one send job per pending run. People who opted
 * out, or whose units' digests are all switched off, get a SKIPPED run (counted, not sent). A run still
 * PENDING without its job (Redis lost it, a worker died) is queued again by the sweep.
 */
@Injectable()
export class DigestScheduler {
  private readonly logger = new Logger('Digests');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.DIGEST_FAN_OUT)
  async fanOutJob(): Promise<FanOutResult> {
    return this.fanOut(this.clock.now());
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
    const stale: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM digest_run
       WHERE (status = 'PENDING' OR (status = 'SENDING' AND lease_until < now())) AND created_at <= $1
       ORDER BY created_at LIMIT 5000`,
      [round.staleBefore(now)],
    );
    for (const { id } of stale) {
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
    // By agency: colleagues land in the same batches, whose agency-wide sections are then read once for all of them.
    let cursor = { agencyId: '00000000-0000-0000-0000-000000000000', userId: '00000000-0000-0000-0000-000000000000' };
    const counts = { pending: 0, skipped: 0 };
    for (;;) {
      // Recipients of this zone without a run this week, who existed when the digest fell due.
      const batch: { id: string; agency_id: string }[] = await this.dataSource.query(
        `SELECT u.id, u.agency_id FROM app_user u
         WHERE u.active AND u.time_zone = $1 AND u.roles && $2::user_role[] AND (u.agency_id, u.id) > ($3::uuid, $7::uuid)
           AND u.created_at <= $5 AND ($6::uuid[] IS NULL OR u.id = ANY($6::uuid[]))
           AND NOT EXISTS (SELECT 1 FROM digest_run r WHERE r.user_id = u.id AND r.iso_week = $4)
         ORDER BY u.agency_id, u.id LIMIT ${BATCH}`,
        [zone, DIGEST_ROLES, cursor.agencyId, isoWeek, dueAt, onlyUserIds ?? null, cursor.userId],
      );
      if (batch.length === 0) break;
      const last = batch[batch.length - 1];
      cursor = { agencyId: last.agency_id, userId: last.id };
      const inserted: { id: string; status: string; user_id: string }[] = await this.dataSource.query(
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
         RETURNING id, status, user_id`,
        // created_at from the scheduler's clock, the one the sweep measures staleness against.
        [batch.map((row) => row.id), isoWeek, now],
      );
      const place = new Map(batch.map((row, index) => [row.id, index]));
      const pending = inserted
        .filter((row) => row.status === 'PENDING')
        .sort((a, b) => place.get(a.user_id)! - place.get(b.user_id)!);
      counts.pending += pending.length;
      counts.skipped += inserted.length - pending.length;
      if (enqueue) {
        await this.queues.addAll(
          pending.map((row) => ({
            name: JobName.SEND_DIGEST,
            data: { digestRunId: row.id },
            jobId: JobIds.digest(row.id),
          })),
        );
      }
      if (batch.length < BATCH) break;
    }
    return counts;
  }
}
