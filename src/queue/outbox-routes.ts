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

function trace(row: OutboxRow): { traceparent?: string } {
  return row.traceParent ? { traceparent: row.traceParent } : {};
}
