import { EntityManager } from 'typeorm';

import { DomainEvent } from '@app/kernel/topics';
import { TraceContext } from '@app/observability/trace-context';

import { EventPayload, OutboxEventEntity } from './outbox-event.entity';

export type { DomainEvent } from '@app/kernel/topics';

/** Records domain events in the caller's transaction; they exist exactly when the change does. */
export async function recordEvents(manager: EntityManager, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const traceParent = TraceContext.current() ?? null;
  await manager.insert(
    OutboxEventEntity,
    events.map((event) => ({ ...event, payload: event.payload as EventPayload, traceParent })),
  );
}
