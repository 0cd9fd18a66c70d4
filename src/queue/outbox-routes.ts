import { randomUUID } from 'node:crypto';

import { Topic } from '@app/kernel/topics';

import { JobRequest } from './job-queues';
import { EventPayload } from './outbox-event.entity';
import { JobIds, JobName } from './queue.names';

/**
 * Outbox topic that once asked for one escalation rung's delayed job. Rungs are scheduled in PostgreSQL now (see
 * RungScheduler) and nothing writes it; migration 1797500000000 settled the rows left, and one left anyway is a
 * silent event.
 */
export const RUNG_SCHEDULED_TOPIC = 'escalation.rung-scheduled' satisfies Topic;

/** Outbox topic of a job request to build one export (the export's row tracks delivery). */
export const EXPORT_REQUESTED_TOPIC = 'export.requested' satisfies Topic;

export interface OutboxRow {
  id: string;
  topic: string;
  aggregateId: string;
  payload: EventPayload;
  /** The trace the row's job continues (see observability/trace-context.ts); ids only. */
  traceParent?: string | null;
}

export interface Route {
  job: JobRequest;
  /** True when publishing settles the row: the job's own table (e.g. escalation_rung) tracks delivery. */
  settledOnPublish: boolean;
}

/** Where each outbox row goes: job requests to their job; every domain event to the notification dispatcher. */
export function routeOutboxRow(row: OutboxRow): Route {
  if (row.topic === EXPORT_REQUESTED_TOPIC) {
    return {
      job: {
        name: JobName.RUN_EXPORT,
        data: { exportId: row.aggregateId, ...trace(row) },
        jobId: JobIds.export(row.aggregateId),
      },
      settledOnPublish: true,
    };
  }
  return {
    job: { name: JobName.DISPATCH_EVENT, data: { eventId: row.id, ...trace(row) }, jobId: JobIds.event(row.id) },
    settledOnPublish: false,
  };
}

/** Events dispatched by one batch job. */
export const EVENT_BATCH_SIZE = 50;
/**
 * Fewer events than this from one transaction go one job each: what a person's action raises stays a job per event
 * (each visible and retried on its own in the queue board); a bulk (a batch of rungs firing, a group operation) is
 * batched.
 */
const EVENT_BATCH_MIN = 5;

/** What the relay publishes for a round's rows: the jobs, the rows publishing settles, the batch of each batched event. */
export interface Publication {
  jobs: JobRequest[];
  settledOnPublish: string[];
  batchOf: Map<string, string>;
}

/**
 * Routes a round's rows (routeOutboxRow), putting the domain events one transaction wrote (with one trace, or none),
 * when there are at least EVENT_BATCH_MIN of them, into batch jobs of EVENT_BATCH_SIZE (issue 22: a deadline storm
 * raises 100,000 `task.overdue` events at once; one job and one transaction each kept the worker from firing rungs).
 */
export function routeOutboxRows(rows: (OutboxRow & { transactionId?: string | null })[]): Publication {
  const publication: Publication = { jobs: [], settledOnPublish: [], batchOf: new Map() };
  const eventsWrittenTogether = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const route = routeOutboxRow(row);
    if (route.job.name === JobName.DISPATCH_EVENT) {
      // Without a transaction recorded (rows from before migration 1797900000004), an event goes on its own.
      const together = row.transactionId ? `${row.transactionId} ${row.traceParent ?? ''}` : row.id;
      const written = eventsWrittenTogether.get(together);
      if (written) written.push(row);
      else eventsWrittenTogether.set(together, [row]);
      continue;
    }
    publication.jobs.push(route.job);
    if (route.settledOnPublish) publication.settledOnPublish.push(row.id);
  }
  for (const events of eventsWrittenTogether.values()) {
    if (events.length < EVENT_BATCH_MIN) {
      publication.jobs.push(...events.map((row) => routeOutboxRow(row).job));
      continue;
    }
    for (let start = 0; start < events.length; start += EVENT_BATCH_SIZE) {
      const batch = events.slice(start, start + EVENT_BATCH_SIZE);
      const batchId = randomUUID();
      for (const row of batch) publication.batchOf.set(row.id, batchId);
      publication.jobs.push(
        eventBatchJob(
          batchId,
          batch.map((row) => row.id),
          batch[0].traceParent ?? null,
        ),
      );
    }
  }
  return publication;
}

/** The job that dispatches a batch of events (named by the batch its rows carry, so adding it twice leaves one). */
export function eventBatchJob(batchId: string, eventIds: string[], traceParent: string | null): JobRequest {
  return {
    name: JobName.DISPATCH_EVENT_BATCH,
    data: { eventIds, ...trace({ traceParent }) },
    jobId: JobIds.eventBatch(batchId),
  };
}

function trace(row: Pick<OutboxRow, 'traceParent'>): { traceparent?: string } {
  return row.traceParent ? { traceparent: row.traceParent } : {};
}
