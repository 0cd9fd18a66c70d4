import { performance } from 'node:perf_hooks';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';

import { RenderedDigest, renderDigest } from '@libs/mailer';

import { Clock } from '@app/kernel/clock';
import { AcceptedDeliveries } from '@app/queue/accepted-deliveries';
import { failureMessage, isTransientFailure, TransientDeliveryError } from '@app/queue/job-failures';
import { eachAtMost } from '@app/queue/each-at-most';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { payloadUuids } from '@app/queue/job-errors';
import { JobName } from '@app/queue/queue.names';

import { DigestContentService } from './digest-content.service';
import { RankingMemo } from './queries/agency-ranking.query';
import { DigestRunStatus } from './digest.enums';
import { DigestSender } from './digest-sender';
import { previousIsoWeek } from './iso-week';

/** Runs per batch job: the fan-out queues them this many at a time. */
export const DIGEST_BATCH_SIZE = 50;
/** Messages of one batch handed to the mail server at once (the transport's pool has five connections). */
const SENDS_AT_ONCE = 5;
/** How long a secretariat's ranking serves the batches that follow (see RankingMemo). */
const RANKING_REUSE_MS = 60_000;

interface Peek {
  id: string;
  status: DigestRunStatus;
  iso_week: string;
  user_id: string;
  active: boolean;
  lease_left_ms: number | null;
}

/**
 * Sends the digests of a batch of runs (issue 22: a dozen queries per recipient could not send 50,000 digests in five
 * minutes on two cores). The content of the whole batch is read in one snapshot, a fixed number of statements
 * (DigestContentService.computeMany); the batch's runs are then claimed in one statement, and each is handed to the
 * mail server and recorded through the same steps as a single run's job (DigestSender.sendClaimed), so every guarantee
 * of the README's "Reliability" holds per digest: one digest per person per week, a lease before the mail server is
 * spoken to, SENT recorded as soon as it is accepted (in one statement with the digests accepted beside it).
 *
 * A run another worker holds is left to it; one already settled is skipped. When some runs could not be sent now
 * (the mail server or PostgreSQL away) the job fails after the others went, and its retry sends only those (the rest
 * are SENT); a run whose job is lost altogether is queued on its own by the sweep. Unlike a single run's job, a retry
 * of a batch never reopens a FAILED run: an administrator retries those (retryFailedDeliveries).
 */
@Injectable()
export class DigestBatchSender {
  private readonly rankings = new RankingMemo(RANKING_REUSE_MS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: DigestContentService,
    private readonly sender: DigestSender,
    private readonly accepted: AcceptedDeliveries,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.SEND_DIGEST_BATCH)
  async sendBatchJob(job: Job): Promise<string> {
    const ids = payloadUuids(JobName.SEND_DIGEST_BATCH, job.data, 'digestRunIds', DIGEST_BATCH_SIZE * 4);
    return this.sendBatch(ids);
  }

  async sendBatch(runIds: readonly string[]): Promise<string> {
    const toSend = await this.runsToSend(runIds);
    const rendered = await this.render(toSend);
    const renderable = toSend.filter((run) => !(rendered.get(run.id) instanceof Error));
    const claimedAt = performance.now();
    const claims = renderable.length > 0 ? await this.sender.claim(renderable.map((run) => run.id)) : [];
    const toDeliver = claims.filter((claim) => claim.status === DigestRunStatus.SENDING);
    const tally = { sent: 0, failed: toSend.length - renderable.length, later: 0 };
    let retry: Error | undefined;
    await eachAtMost(SENDS_AT_ONCE, toDeliver, async (claim) => {
      try {
        await this.sender.sendClaimed(claim, rendered.get(claim.id) as RenderedDigest | undefined, claimedAt);
        tally.sent += 1;
      } catch (error) {
        if (error instanceof UnrecoverableError) {
          tally.failed += 1;
        } else {
          tally.later += 1;
          retry ??= error as Error;
        }
      }
    });
    const summary =
      `${tally.sent} sent, ${claims.length - toDeliver.length} skipped (recipient deactivated), ` +
      `${tally.failed} failed, ${tally.later} to retry, ${renderable.length - claims.length} settled or held elsewhere, ` +
      `${runIds.length - toSend.length} not to send now`;
    if (retry) throw new TransientDeliveryError(`${summary}; first cause: ${failureMessage(retry)}`);
    return summary;
  }

  /**
   * The runs of the batch still to send: PENDING, or SENDING whose lease ran out. An acceptance Redis kept (the
   * database was away when the server took the message) is recorded as SENT now, without sending again.
   */
  private async runsToSend(runIds: readonly string[]): Promise<Peek[]> {
    const peeks: Peek[] = await this.dataSource.query(
      `SELECT r.id, r.status, r.iso_week, r.user_id, u.active,
           (EXTRACT(EPOCH FROM r.lease_until - now()) * 1000)::float8 AS lease_left_ms
         FROM digest_run r JOIN app_user u ON u.id = r.user_id
        WHERE r.id = ANY($1::uuid[]) AND r.status IN ('PENDING', 'SENDING')
        ORDER BY r.id`,
      [runIds],
    );
    const open = peeks.filter((peek) => peek.status === DigestRunStatus.PENDING || (peek.lease_left_ms ?? 0) <= 0);
    const acceptances = await this.accepted.recallMany(
      'digest',
      open.map((peek) => peek.id),
    );
    for (const [runId, acceptance] of acceptances) {
      await this.sender.recordSent(runId, new Date(acceptance.acceptedAt));
      await this.accepted.forget('digest', runId).catch(() => undefined);
    }
    const toSend = open.filter((peek) => !acceptances.has(peek.id));
    return toSend;
  }

  /**
   * The digests of the active recipients, computed per week in one snapshot and rendered. A run whose content cannot
   * be computed or rendered (a bug, not an outage) is FAILED for an administrator and answered with its error.
   */
  private async render(runs: Peek[]): Promise<Map<string, RenderedDigest | Error | undefined>> {
    const result = new Map<string, RenderedDigest | Error | undefined>();
    const byWeek = new Map<string, Peek[]>();
    for (const run of runs) {
      if (!run.active) result.set(run.id, undefined);
      else byWeek.set(run.iso_week, [...(byWeek.get(run.iso_week) ?? []), run]);
    }
    for (const [isoWeek, weekRuns] of byWeek) {
      // Sent in week W, it reports on week W-1 (escalations, counts) and on what is due from now on.
      const contents = await this.content.computeMany(
        weekRuns.map((run) => run.user_id),
        previousIsoWeek(isoWeek),
        this.clock.now(),
        this.rankings,
      );
      for (const run of weekRuns) {
        try {
          const content = contents.get(run.user_id);
          if (!content) throw new Error(`the recipient of digest run ${run.id} does not exist`);
          result.set(run.id, await renderDigest(content));
        } catch (error) {
          if (isTransientFailure(error)) throw error;
          await this.sender.failUnclaimed(run.id, error);
          result.set(run.id, error as Error);
        }
      }
    }
    return result;
  }
}
