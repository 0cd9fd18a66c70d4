import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';

import { VictimEventEntity, VictimEventKind } from './victim-event.entity';

/**
 * The one writer of a victim record's history, in the caller's transaction. Details hold ids, codes and
 * statuses, never identity values.
 */
export async function recordVictimEvent(
  manager: EntityManager,
  actor: Actor,
  victimId: string,
  kind: VictimEventKind,
  details: Record<string, unknown>,
): Promise<void> {
  await manager.insert(VictimEventEntity, {
    victimId,
    actorUserId: actor.userId,
    actingAgencyId: actor.agencyId,
    kind,
    details: details as VictimEventEntity['details'] & object,
  });
}
