import { anyOf } from '@app/auth/access.service';
import { Actor, hasRole } from '@app/auth/actor';
import { Role } from '@app/kernel/role.enum';

/** Who records activities for their agency (an NGO or IOM records its own, through PARTNER accounts). */
export const ACTIVITY_RECORDERS = [Role.LIAISON, Role.SECRETARIAT, Role.ATTACHE, Role.PARTNER] as const;

/** Everyone in the task force reads activities: they are public events, with counts and no personal data. */
export const ACTIVITY_READERS = [
  Role.LIAISON,
  Role.SUPERVISOR,
  Role.SECRETARIAT,
  Role.CASE_OFFICER,
  Role.ATTACHE,
  Role.PARTNER,
  Role.AUDITOR,
  Role.ADMINISTRATOR,
] as const;

/**
 * Who may see an activity: every task-force role; a foreign counterpart only the activities its agency organised
 * or supported (a training of its officers, say). Anyone else: NOT_FOUND.
 */
export function activityVisibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
  const params = { activityViewerAgencyId: actor.agencyId };
  const conditions: string[] = [];
  if (hasRole(actor, ...ACTIVITY_READERS)) conditions.push('TRUE');
  if (hasRole(actor, Role.COUNTERPART)) {
    conditions.push(
      `(${alias}.organiser_agency_id = :activityViewerAgencyId OR :activityViewerAgencyId = ANY(${alias}.supporting_agency_ids))`,
    );
  }
  return anyOf(conditions, params);
}
