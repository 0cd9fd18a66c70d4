import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';

import { RenderedDigest, renderDigest } from '@libs/mailer';

import { Clock } from '@app/kernel/clock';
import { OutgoingMailer } from '@app/common/outgoing-mail';
import { isLockNotAvailable } from '@app/database/db-errors';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { payloadUuid } from '@app/queue/job-errors';
import { JobName } from '@app/queue/queue.names';

import { DigestContentService } from './digest-content.service';
import { DigestRunStatus } from './digest.enums';
import { previousIsoWeek } from './iso-week';

/**
 * Sends one digest run. The content is computed first, in its own read-only snapshot; then the run row is
 * locked (FOR UPDATE NOWAIT) while the mail server talks, and marked SENT in the same transaction: two workers
 * never send it at once, a rerun finds it SENT, and a worker that dies releases the lock with its connection so
 * the retry sends it. The Message-ID is the run's id, so a resend after the unavoidable window (accepted, then
 * the worker died before the commit) is recognisable downstream.
 *
 * A job holds one database connection at a time: had it computed the content while holding the lock, every job
 * would need two, and as many jobs as the pool has connections would each hold one and wait for a second
 * forever (seen at WORKER_CONCURRENCY=20 with the pool of 20).
 */
@Injectable()
export class DigestSender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: DigestContentService,
    private readonly clock: Clock,
    private readonly mailer: OutgoingMailer,
  ) {}

  @JobHandler(JobName.SEND_DIGEST)
  async sendJob(job: Job): Promise<string> {
    const id = payloadUuid(JobName.SEND_DIGEST, job.data, 'digestRunId');
    return this.send(id, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }

  async send(runId: string, lastAttempt: boolean): Promise<string> {
    const peek: { status: DigestRunStatus; iso_week: string; user_id: string; active: boolean }[] =
      await this.dataSource.query(
        `SELECT r.status, r.iso_week, r.user_id, u.active FROM digest_run r JOIN app_user u ON u.id = r.user_id
         WHERE r.id = $1`,
        [runId],
      );
    if (!peek[0]) return 'no such run';
    if (peek[0].status !== DigestRunStatus.PENDING) return `already ${peek[0].status}`;
    let rendered: RenderedDigest | undefined;
    let failure: unknown;
    if (peek[0].active) {
      try {
        // Sent in week W, it reports on week W-1 (escalations, counts) and on what is due from now on.
        const week = previousIsoWeek(peek[0].iso_week);
        rendered = await renderDigest(await this.content.compute(peek[0].user_id, week, this.clock.now()));
      } catch (error) {
        failure = error;
      }
    }

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      let rows: { id: string; status: DigestRunStatus; email: string; active: boolean }[];
      try {
        rows = await runner.query(
          `SELECT r.id, r.status, u.email, u.active
           FROM digest_run r JOIN app_user u ON u.id = r.user_id WHERE r.id = $1 FOR UPDATE OF r NOWAIT`,
          [runId],
        );
      } catch (error) {
        if (isLockNotAvailable(error)) throw new Error('another worker is sending this digest; retrying later');
        throw error;
      }
      const run = rows[0];
      if (!run || run.status !== DigestRunStatus.PENDING) {
        await runner.commitTransaction();
        return run ? `already ${run.status}` : 'no such run';
      }
      if (!run.active) {
        await runner.query(`UPDATE digest_run SET status = 'SKIPPED', note = 'account deactivated' WHERE id = $1`, [
          runId,
        ]);
        await runner.commitTransaction();
        return 'recipient deactivated';
      }
      try {
        if (failure !== undefined) throw failure;
        // Inactive at the first look, active again by now: rare; the retry prepares the content.
        if (!rendered) throw new Error('the recipient was reactivated while the digest was prepared; retrying');
        await this.mailer.send({
          to: run.email,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId: `<${run.id}@digest.simpul>`,
          headers: { 'X-Simpul-Digest': run.id },
        });
        await runner.query(
          `UPDATE digest_run SET status = 'SENT', sent_at = $2, attempts = attempts + 1, note = NULL, updated_at = now() WHERE id = $1`,
          [runId, this.clock.now()],
        );
        await runner.commitTransaction();
        return 'sent';
      } catch (error) {
        await runner.query(
          `UPDATE digest_run SET status = $2::digest_run_status, attempts = attempts + 1, note = $3, updated_at = now() WHERE id = $1`,
          [
            runId,
            lastAttempt ? DigestRunStatus.FAILED : DigestRunStatus.PENDING,
            String((error as Error).message ?? error).slice(0, 500),
          ],
        );
        await runner.commitTransaction();
        throw error;
      }
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
