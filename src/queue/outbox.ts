import { EntityManager } from 'typeorm';

import { DomainEvent } from '@app/kernel/topics';
import { TraceContext } from '@app/observability/trace-context';

import { EventPayload } from './outbox-event.entity';

export type { DomainEvent } from '@app/kernel/topics';

/** Records domain events in the caller's transaction; they exist exactly when the change does. */
export async function recordEvents(manager: EntityManager, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const traceParent = TraceContext.current() ?? null;
  // One statement over arrays: an escalation batch records hundreds of events, and the ORM's multi-row INSERT
  // cost more CPU to build than PostgreSQL spent on it. created_at is the commit's clock, or an armed event's time
  // (so the relay, reading in created_at order, finds it behind what is due now).
  await manager.query(
    `INSERT INTO outbox_event (topic, aggregate_type, aggregate_id, payload, trace_parent, created_at, available_at)
     SELECT e.topic, e.aggregate_type, e.aggregate_id, e.payload, $5, COALESCE(e.available_at, clock_timestamp()),
       e.available_at
     FROM unnest($1::text[], $2::text[], $3::uuid[], $4::jsonb[], $6::timestamptz[])
       AS e(topic, aggregate_type, aggregate_id, payload, available_at)`,
    [
      events.map((event) => event.topic),
      events.map((event) => event.aggregateType),
      events.map((event) => event.aggregateId),
      events.map((event) => JSON.stringify(event.payload as EventPayload)),
      traceParent,
      events.map((event) => event.availableAt ?? null),
    ],
  );
}
