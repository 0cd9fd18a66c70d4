import { EntityManager } from 'typeorm';

import { TraceContext } from '@app/observability/trace-context';

import { EventPayload, OutboxEventEntity } from './outbox-event.entity';

export interface DomainEvent {
  topic: string;
  aggregateType: string;
  aggregateId: string;
  /** Ids and codes only: never personal data. */
  payload: EventPayload;
}

/** Records domain events in the caller's transaction; they exist exactly when the change does. */
export async function recordEvents(manager: EntityManager, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const traceParent = TraceContext.current() ?? null;
  await manager.insert(
    OutboxEventEntity,
    events.map((event) => ({ ...event, traceParent })),
  );
}
