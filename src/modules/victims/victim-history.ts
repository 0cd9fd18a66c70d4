import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { CaseEventKind } from '@app/modules/cases/case-event.entity';
import { recordCaseEvent } from '@app/modules/cases/case-history';

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
  occurredOn: string | null = null,
): Promise<void> {
  await manager.insert(VictimEventEntity, {
    victimId,
    actorUserId: actor.userId,
    actingAgencyId: actor.agencyId,
    kind,
    occurredOn,
    details: details as VictimEventEntity['details'] & object,
  });
}

/**
 * Work an agency did for a person (registration into a case, identification, a protection step, a service, a
 * referral): one entry in the person's history and, when the person belongs to a case, one in the case's, both
 * naming who and which agency. Details hold ids, codes and statuses only.
 */
export async function recordPersonWork(
  manager: EntityManager,
  actor: Actor,
  victim: { id: string; code: string; caseId: string | null },
  kind: VictimEventKind,
  details: Record<string, unknown>,
  occurredOn: string | null = null,
): Promise<void> {
  await recordVictimEvent(manager, actor, victim.id, kind, details, occurredOn);
  if (victim.caseId) {
    await recordCaseEvent(manager, actor, victim.caseId, {
      kind: CaseEventKind.PERSON_RECORD,
      details: { victimId: victim.id, code: victim.code, what: kind, ...details },
      occurredOn,
    });
  }
}
