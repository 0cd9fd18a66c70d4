import { performance } from 'node:perf_hooks';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';

import { RenderedDigest, renderDigest } from '@libs/mailer';

import { OutgoingMailer } from '@app/common/outgoing-mail';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { Clock } from '@app/kernel/clock';
import { AcceptedDeliveries } from '@app/queue/accepted-deliveries';
import { AcceptedButUnrecordedError, deliveryGuard } from '@app/queue/delivery-guard';
import { failureMessage, isTransientFailure, TransientDeliveryError } from '@app/queue/job-failures';
import { GroupCommit } from '@app/database/group-commit';
import { updateReturning } from '@app/database/update-returning';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { payloadUuid } from '@app/queue/job-errors';
import { JobName } from '@app/queue/queue.names';

import { DigestContentService } from './digest-content.service';
import { DigestRunStatus } from './digest.enums';
import { previousIsoWeek } from './iso-week';

/** The row a claim returns: the run, its new status, where it goes and the lease's end as PostgreSQL wrote it. */
export interface ClaimedRun {
  id: string;
  status: DigestRunStatus;
  email: string;
  lease: string | null;
}

/** A digest the mail server accepted, to record as SENT. */
interface SentRun {
  runId: string;
  sentAt: Date;
}

/** What one try did: a message for the job's result, or the time another worker's lease still runs. */
type Outcome = { done: string } | { leasedForMs: number };

/**
 * Sends one digest run, the way notification emails go (see EmailDeliveryJob): the content is computed first, in
 * its own read-only snapshot; then the run is claimed (SENDING with a lease, committed on its own), handed to the
 * mail server only while the lease holds, and SENT is recorded in its own statement as soon as the server accepts
 * (in Redis first if PostgreSQL cannot take it then). Transient failures return it to PENDING until
 * DELIVERY_RETRY_SPAN_MS after it was queued; permanent ones, and the end of the span, make it FAILED for an
 * administrator. The Message-ID is the run's id, so the one resend the README's window allows is recognisable.
 *
 * No database connection is held while the mail server talks, so a job never needs two at once (at
 * WORKER_CONCURRENCY=20 with the pool of 20, jobs that did once waited for each other forever).
 */
@Injectable()
export class DigestSender {
  private readonly logger = new Logger('Digests');
  /** SENT of digests accepted side by side, recorded in one statement (a group commit; see GroupCommit). */
  private readonly sentTogether = new GroupCommit<SentRun>((sent) => this.recordAll(sent));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: DigestContentService,
    private readonly clock: Clock,
    private readonly mailer: OutgoingMailer,
    private readonly accepted: AcceptedDeliveries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @JobHandler(JobName.SEND_DIGEST)
  async sendJob(job: Job, token?: string): Promise<string> {
    const id = payloadUuid(JobName.SEND_DIGEST, job.data, 'digestRunId');
    // A job that ran before meets its run FAILED only when an operator retried the failed job (Bull Board).
    const outcome = await this.deliver(id, job.attemptsMade > 0);
    if ('done' in outcome) return outcome.done;
    if (!token) throw new TransientDeliveryError(`digest run ${id} is being sent by another worker`);
    // Another worker holds it: look again when its lease ends, without using up an attempt.
    await job.moveToDelayed(Date.now() + outcome.leasedForMs + 100, token);
    throw new DelayedError();
  }

  /** Sends one run now (npm run digest:send); a run another worker is sending is left to it. */
  async send(runId: string): Promise<string> {
    const outcome = await this.deliver(runId, false);
    return 'done' in outcome ? outcome.done : 'another worker is sending it';
  }

  private async deliver(runId: string, operatorRetry: boolean): Promise<Outcome> {
    const acceptance = await this.accepted.recall('digest', runId);
    if (acceptance) {
      await this.recordSent(runId, new Date(acceptance.acceptedAt));
      await this.accepted.forget('digest', runId).catch(() => undefined);
      return { done: 'sent (recorded after the database came back)' };
    }
    if (operatorRetry) await this.reopenForOperator(runId);

    const [peek]: {
      status: DigestRunStatus;
      iso_week: string;
      user_id: string;
      active: boolean;
      lease_left_ms: number | null;
    }[] = await this.dataSource.query(
      `SELECT r.status, r.iso_week, r.user_id, u.active,
           (EXTRACT(EPOCH FROM r.lease_until - now()) * 1000)::float8 AS lease_left_ms
         FROM digest_run r JOIN app_user u ON u.id = r.user_id WHERE r.id = $1`,
      [runId],
    );
    if (!peek) return { done: 'no such run' };
    if (peek.status === DigestRunStatus.SENDING && (peek.lease_left_ms ?? 0) > 0) {
      return { leasedForMs: peek.lease_left_ms! };
    }
    if (peek.status !== DigestRunStatus.PENDING && peek.status !== DigestRunStatus.SENDING) {
      return { done: `already ${peek.status}` };
    }

    let rendered: RenderedDigest | undefined;
    if (peek.active) {
      try {
        // Sent in week W, it reports on week W-1 (escalations, counts) and on what is due from now on.
        const week = previousIsoWeek(peek.iso_week);
        rendered = await renderDigest(await this.content.compute(peek.user_id, week, this.clock.now()));
      } catch (error) {
        if (isTransientFailure(error)) throw error;
        await this.failUnclaimed(runId, error);
        throw new UnrecoverableError(`FAILED: ${failureMessage(error)}`);
      }
    }

    return this.claimAndSend(runId, rendered);
  }

  /**
   * Claims a run (PENDING, or SENDING whose lease ran out), hands its rendered digest to the mail server while the
   * lease holds and records SENT; `rendered` is undefined when the recipient was inactive at the first look.
   * Throws what the job should throw when the run is not sent now (a retry, or UnrecoverableError when FAILED).
   */
  async claimAndSend(runId: string, rendered: RenderedDigest | undefined): Promise<{ done: string }> {
    const claimedAt = performance.now();
    const [claim] = await this.claim([runId]);
    if (!claim) throw new TransientDeliveryError(`digest run ${runId} changed hands during the claim; trying again`);
    if (claim.status === DigestRunStatus.SKIPPED) return { done: 'recipient deactivated' };
    await this.sendClaimed(claim, rendered, claimedAt);
    return { done: 'sent' };
  }

  /**
   * PENDING, or SENDING whose lease ran out (its worker died or hung: it hands nothing over after its lease),
   * becomes SENDING with a fresh lease, in one statement for all of `runIds`, committed before the mail server is
   * spoken to. A deactivated recipient's run becomes SKIPPED instead (returned with that status). Runs settled,
   * gone or leased by a live worker are left out.
   */
  claim(runIds: readonly string[]): Promise<ClaimedRun[]> {
    return updateReturning(
      this.dataSource.manager,
      `UPDATE digest_run r SET
         status = (CASE WHEN u.active THEN 'SENDING' ELSE 'SKIPPED' END)::digest_run_status,
         note = CASE WHEN u.active THEN r.note ELSE 'account deactivated' END,
         lease_until = CASE WHEN u.active THEN now() + make_interval(secs => $2::float8 / 1000) END,
         updated_at = now()
       FROM app_user u
       WHERE r.id = ANY($1::uuid[]) AND u.id = r.user_id
         AND (r.status = 'PENDING' OR (r.status = 'SENDING' AND r.lease_until < now()))
       RETURNING r.id, r.status, u.email, r.lease_until::text AS lease`,
      [runIds, this.config.delivery.leaseMs],
    );
  }

  /**
   * Hands a claimed run's digest to the mail server while its lease holds (`claimedAt`: `performance.now()` just
   * before the claim was asked for) and records SENT, in one statement with the runs accepted beside it. A failure
   * is recorded and thrown as what the job should throw (see recordFailure).
   */
  async sendClaimed(claim: ClaimedRun, rendered: RenderedDigest | undefined, claimedAt: number): Promise<void> {
    const runId = claim.id;
    try {
      // Inactive at the first look, active again by now: rare; the retry prepares the content.
      if (!rendered) throw new TransientDeliveryError('the recipient was reactivated while the digest was prepared');
      await this.mailer.send(
        {
          to: claim.email,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId: `<${runId}@digest.simpul>`,
          headers: { 'X-Simpul-Digest': runId },
        },
        deliveryGuard({
          kind: 'digest',
          id: runId,
          claimedAt,
          leaseMs: this.config.delivery.leaseMs,
          accepted: this.accepted,
          record: () => this.sentTogether.add({ runId, sentAt: this.clock.now() }),
        }),
      );
    } catch (error) {
      if (error instanceof AcceptedButUnrecordedError) throw error;
      throw await this.recordFailure(runId, claim.lease, error);
    }
  }

  async recordSent(runId: string, sentAt: Date): Promise<void> {
    await this.recordAll([{ runId, sentAt }]);
  }

  private async recordAll(sent: SentRun[]): Promise<void> {
    const updated: { id: string }[] = await updateReturning(
      this.dataSource.manager,
      `UPDATE digest_run r SET status = 'SENT', sent_at = s.at, attempts = attempts + 1, note = NULL,
         lease_until = NULL, failed_at = NULL, updated_at = now()
       FROM unnest($1::uuid[], $2::timestamptz[]) AS s(id, at)
       WHERE r.id = s.id AND r.status IN ('PENDING', 'SENDING', 'FAILED') RETURNING r.id`,
      [sent.map((entry) => entry.runId), sent.map((entry) => entry.sentAt)],
    );
    if (updated.length === sent.length) return;
    const recorded = new Set(updated.map((row) => row.id));
    for (const { runId } of sent.filter((entry) => !recorded.has(entry.runId))) {
      this.logger.warn({ msg: 'accepted digest was already recorded', digestRunId: runId });
    }
  }

  private async reopenForOperator(runId: string): Promise<void> {
    const rows: unknown[] = await updateReturning(
      this.dataSource.manager,
      `UPDATE digest_run SET status = 'PENDING', queued_at = now(), failed_at = NULL, updated_at = now()
       WHERE id = $1 AND status = 'FAILED' RETURNING id`,
      [runId],
    );
    if (rows.length > 0) this.logger.log({ msg: 'failed digest retried from the queue board', digestRunId: runId });
  }

  /** Its content cannot be computed (a bug, not an outage): FAILED now, for an administrator to look at. */
  async failUnclaimed(runId: string, error: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE digest_run SET status = 'FAILED', failed_at = now(), attempts = attempts + 1, note = $2,
         lease_until = NULL, updated_at = now()
       WHERE id = $1 AND (status = 'PENDING' OR (status = 'SENDING' AND lease_until < now()))`,
      [runId, failureMessage(error)],
    );
    this.logger.warn({ msg: 'digest failed for good; it waits for an administrator', digestRunId: runId });
  }

  /**
   * Records a failed attempt (unless the claim passed to another worker meanwhile) and returns what the job should
   * throw: the error itself for a retry, or an UnrecoverableError when the run is FAILED now.
   */
  private async recordFailure(runId: string, lease: string | null, error: unknown): Promise<Error> {
    const permanent = !isTransientFailure(error);
    const reason = failureMessage(error);
    const rows: { status: DigestRunStatus }[] = await updateReturning(
      this.dataSource.manager,
      `UPDATE digest_run SET attempts = attempts + 1, note = $2, lease_until = NULL,
         status = (CASE WHEN $3 OR queued_at <= now() - make_interval(secs => $4::float8 / 1000)
           THEN 'FAILED' ELSE 'PENDING' END)::digest_run_status,
         failed_at = CASE WHEN $3 OR queued_at <= now() - make_interval(secs => $4::float8 / 1000) THEN now() END,
         updated_at = now()
       WHERE id = $1 AND status = 'SENDING' AND lease_until = $5::timestamptz RETURNING status`,
      [runId, reason, permanent, this.config.delivery.retrySpanMs, lease],
    );
    if (rows[0]?.status !== DigestRunStatus.FAILED) return error instanceof Error ? error : new Error(reason);
    this.logger.warn({
      msg: 'digest failed for good; it waits for an administrator',
      digestRunId: runId,
      why: permanent ? 'refused' : 'retry span passed',
      error: reason,
    });
    return new UnrecoverableError(`FAILED: ${reason}`);
  }
}
