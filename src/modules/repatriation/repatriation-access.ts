import { hasRole, Actor } from '@app/auth/actor';
import {
  anyOf,
  CASE_PARTICIPANT_STAFF,
  caseSecretariatOf,
  currentParticipantOf,
  unitSecretariatOf,
} from '@app/auth/access.service';
import { Role } from '@app/kernel/role.enum';
import { SqlCondition } from '@app/workflow/work-item-kind';

/** Who acts on operations, milestones, plans and follow-ups for their agency: the officers, and attachés at a post. */
export const REPATRIATION_OFFICERS = [Role.LIAISON, Role.CASE_OFFICER, Role.ATTACHE] as const;

/**
 * SQL on an operation alias: the actor may see the operation (its people by code, its milestones). Officers and
 * supervisors of the two responsible agencies and of every agency owing one of its milestones; officers of an
 * agency currently taking part in the case of someone on it (each person row carries the case); the secretariat of a
 * task-force unit either responsible agency is a member of. Counterparts and partners see nothing here: a foreign
 * authority's step (an exit clearance) is recorded for it by the mission or the attaché.
 */
export function operationVisibility(actor: Actor, alias: string): SqlCondition {
  const params = { repatriationViewerAgencyId: actor.agencyId };
  const viewer = ':repatriationViewerAgencyId';
  const conditions: string[] = [];
  if (hasRole(actor, ...CASE_PARTICIPANT_STAFF)) {
    conditions.push(`${alias}.sending_agency_id = ${viewer} OR ${alias}.receiving_agency_id = ${viewer}`);
    conditions.push(`EXISTS (SELECT 1 FROM repatriation_milestone ${alias}_owned WHERE ${alias}_owned.operation_id = ${alias}.id
        AND ${alias}_owned.owner_agency_id = ${viewer})`);
    conditions.push(`EXISTS (SELECT 1 FROM repatriation_operation_person ${alias}_person WHERE ${alias}_person.operation_id = ${alias}.id
        AND ${currentParticipantOf(viewer, `${alias}_person.case_id`, `${alias}_participation`)})`);
  }
  if (hasRole(actor, Role.SECRETARIAT)) {
    conditions.push(unitSecretariatOf(viewer, [`${alias}.sending_agency_id`, `${alias}.receiving_agency_id`]));
  }
  return anyOf(conditions, params);
}

/** SQL on a milestone alias: visible with its operation. */
export function milestoneVisibility(actor: Actor, alias: string): SqlCondition {
  const operation = operationVisibility(actor, `${alias}_op`);
  return {
    sql: `EXISTS (SELECT 1 FROM repatriation_operation ${alias}_op WHERE ${alias}_op.id = ${alias}.operation_id AND ${operation.sql})`,
    params: operation.params,
  };
}

/**
 * SQL on a reintegration plan or follow-up alias (both carry responsible_agency_id and case_id): officers and
 * supervisors of the responsible agency (the home region's), officers of an agency taking part in the person's case,
 * the secretariat of a unit the responsible agency is a member of (the home unit's own among them) and the
 * secretariat that sees the person's case.
 */
export function planVisibility(actor: Actor, alias: string): SqlCondition {
  const params = { reintegrationViewerAgencyId: actor.agencyId };
  const viewer = ':reintegrationViewerAgencyId';
  const conditions: string[] = [];
  if (hasRole(actor, ...CASE_PARTICIPANT_STAFF)) {
    conditions.push(`${alias}.responsible_agency_id = ${viewer}`);
    conditions.push(currentParticipantOf(viewer, `${alias}.case_id`, `${alias}_participation`));
  }
  if (hasRole(actor, Role.SECRETARIAT)) {
    conditions.push(unitSecretariatOf(viewer, [`${alias}.responsible_agency_id`]));
    conditions.push(`EXISTS (SELECT 1 FROM trafficking_case ${alias}_case WHERE ${alias}_case.id = ${alias}.case_id
        AND ${caseSecretariatOf(viewer, `${alias}_case`)})`);
  }
  return anyOf(conditions, params);
}

/** Whether the actor acts for `agencyId` on repatriation work (an officer of that agency). */
export function actsFor(actor: Actor, agencyId: string): boolean {
  return actor.agencyId === agencyId && hasRole(actor, ...REPATRIATION_OFFICERS);
}
