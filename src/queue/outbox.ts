import { EntityManager } from 'typeorm';

import { DomainEvent } from '@app/kernel/topics';

import { EventPayload, OutboxEventEntity } from './outbox-event.entity';

export type { DomainEvent } from '@app/kernel/topics';

/** Records domain events in the caller's transaction; they exist exactly when the change does. */
export async function recordEvents(manager: EntityManager, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await manager.insert(
    OutboxEventEntity,
    events.map((event) => ({ ...event, payload: event.payload as EventPayload })),
  );
}
