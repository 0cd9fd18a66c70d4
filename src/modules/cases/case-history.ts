import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';

import { CaseEventEntity, CaseEventKind } from './case-event.entity';
import { JusticeStatus } from './case.enums';

/** One entry of a case's history as a change writes it. */
export interface CaseHistoryEntry {
  kind: CaseEventKind;
  fromStatus?: JusticeStatus | null;
  toStatus?: JusticeStatus | null;
  /** Why, or the comment; never identity. */
  reason?: string | null;
  /** Ids, codes, roles and changed fields; never identity. */
  details?: Record<string, unknown>;
  /** The day the recorded event happened, when it is not the recording itself. */
  occurredOn?: string | null;
}

/**
 * The one writer of a case's history, in the caller's transaction: who, acting for which agency, what and when.
 * Other modules call it for what their people do for the case's people (a service, a protection step …), so the
 * case's history shows every participant's work.
 */
export async function recordCaseEvent(
  manager: EntityManager,
  actor: Actor,
  caseId: string,
  entry: CaseHistoryEntry,
): Promise<void> {
  await manager.insert(CaseEventEntity, {
    caseId,
    actorUserId: actor.userId,
    actingAgencyId: actor.agencyId,
    kind: entry.kind,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    occurredOn: entry.occurredOn ?? null,
    details: (entry.details ?? {}) as CaseEventEntity['details'] & object,
  });
}
