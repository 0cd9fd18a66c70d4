import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, Job } from 'bullmq';
import { DataSource } from 'typeorm';

import { updateReturning } from '@app/database/update-returning';
import { failureMessage, isTransientFailure } from '@app/queue/job-failures';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { payloadUuids } from '@app/queue/job-errors';
import { EVENT_BATCH_SIZE } from '@app/queue/outbox-routes';
import { JobName } from '@app/queue/queue.names';
import { RungBacklog } from '@app/queue/rung-backlog';

import { EmailQueue } from './email-queue';
import { EventNotice } from './event-rules';
import { DispatchedEvent, draftsOf, noticeOf } from './event-notices';
import { NotificationsService } from './notifications.service';
import { RecipientLoader } from './recipient-loader';
import { RecipientsService } from './recipients.service';

/**
 * How long a batch waits at least each time it gives way to a backlog of due rungs (it waits until the hold lapses),
 * and for how long at most in all.
 */
const GIVE_WAY_MS = 1_000;
const GIVE_WAY_AT_MOST_MS = 5 * 60_000;

/**
 * Turns a batch of committed domain events (what the relay publishes together: a storm's `task.overdue`, a group
 * operation's steps) into notifications in one transaction: the events still unprocessed are marked processed and
 * their notifications written together, their emails queued in batches (issue 22: one job and one transaction per
 * event kept the worker from firing rungs). A rerun finds them processed, or hits the dedupe keys, and adds nothing.
 *
 * While this process works through a backlog of due rungs (RungBacklog), a batch waits for it, up to five minutes:
 * a storm's own events then do not slow its firing. A person's action's events go one job each and never wait.
 *
 * An event whose rule fails (a bug, not an outage) is left unprocessed while the others are dispatched, and the job
 * fails naming it: its retries dispatch only what is left, and the queue board shows the batch's job failed.
 */
@Injectable()
export class EventBatchDispatchJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly recipients: RecipientsService,
    private readonly emails: EmailQueue,
    private readonly backlog: RungBacklog,
  ) {}

  @JobHandler(JobName.DISPATCH_EVENT_BATCH)
  async dispatchBatch(job: Job, token?: string): Promise<string> {
    const ids = payloadUuids(JobName.DISPATCH_EVENT_BATCH, job.data, 'eventIds', EVENT_BATCH_SIZE * 4);
    if (this.backlog.firing && token && Date.now() - job.timestamp < GIVE_WAY_AT_MOST_MS) {
      // Due rungs first: a storm's events (its own task.overdue) wait for its firing, without using an attempt, until
      // the hold lapses (a storm's hundreds of batches would otherwise come round every second, each a Redis move).
      await job.moveToDelayed(Date.now() + Math.max(GIVE_WAY_MS, this.backlog.remainingMs), token);
      throw new DelayedError();
    }
    const events: DispatchedEvent[] = await this.dataSource.query(
      `SELECT id, topic, payload, created_at AS "occurredAt" FROM outbox_event
       WHERE id = ANY($1::uuid[]) AND processed_at IS NULL ORDER BY created_at`,
      [ids],
    );
    // The rules run side by side on one loader: their lookups are read for the whole batch at once.
    const recipients = new RecipientLoader(this.recipients);
    const outcomes = await Promise.all(
      events.map(async (event) => {
        try {
          return { failed: false as const, event, notice: await noticeOf(event, recipients) };
        } catch (error) {
          return { failed: true as const, event, error };
        }
      }),
    );
    const noticed: { event: DispatchedEvent; notice: EventNotice | undefined }[] = [];
    const broken: { event: DispatchedEvent; error: unknown }[] = [];
    for (const outcome of outcomes) {
      if (!outcome.failed) noticed.push(outcome);
      // PostgreSQL away: nothing is written yet, the whole batch is tried again.
      else if (isTransientFailure(outcome.error)) throw outcome.error;
      else broken.push(outcome);
    }
    const { claimed, emailBatches } = await this.dataSource.transaction(async (manager) => {
      const claimedRows =
        noticed.length === 0
          ? []
          : await updateReturning<{ id: string }>(
              manager,
              `UPDATE outbox_event SET processed_at = clock_timestamp()
               WHERE id = ANY($1::uuid[]) AND processed_at IS NULL RETURNING id`,
              [noticed.map(({ event }) => event.id)],
            );
      const mine = new Set(claimedRows.map((row) => row.id));
      const drafts = noticed.flatMap(({ event, notice }) =>
        mine.has(event.id) && notice ? draftsOf(event, notice) : [],
      );
      return { claimed: mine.size, emailBatches: await this.notifications.createInBatches(manager, drafts) };
    });
    await this.emails.enqueueBatches(emailBatches);
    const summary = `${claimed} dispatched, ${ids.length - events.length} already processed or gone`;
    if (broken.length > 0) {
      const first = broken[0];
      throw new Error(
        `${summary}; ${broken.length} not dispatched, first event ${first.event.id} (${first.event.topic}): ` +
          failureMessage(first.error),
      );
    }
    return summary;
  }
}
