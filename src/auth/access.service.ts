import { Injectable } from '@nestjs/common';

import { CaseRole, IDENTITY_PURPOSES_BY_ROLE, LAW_ENFORCEMENT_ROLES } from '@app/kernel/case-role';
import { RequestException } from '@app/kernel/domain.exception';
import { Role } from '@app/kernel/role.enum';

import { Actor, hasRole } from './actor';

/**
 * Record-level access decisions, in one place. A denied read answers exactly like a missing record, so
 * callers cannot learn what exists in another agency.
 */
@Injectable()
export class AccessService {
  /** Staff details (names, mail addresses, roles) are visible to the same agency and to administrators. */
  canSeeAgencyStaff(actor: Actor, agencyId: string): boolean {
    return actor.agencyId === agencyId || hasRole(actor, Role.ADMINISTRATOR);
  }

  /**
   * SQL condition on a victim alias that holds when the actor may see the record (its code and non-identity
   * fields): case officers, liaisons and supervisors of the owning agency; an agency holding consent in force
   * for the person (it is about to receive them); officers and attachés of an agency currently taking part in the
   * person's case (by code and non-identity fields); the secretariat of a task-force unit the owning agency is a
   * current member of (to reconcile duplicates and follow the caseload). Nobody else: "not found".
   */
  victimVisibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { victimViewerAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...VICTIM_OFFICERS)) conditions.push(`${alias}.owning_agency_id = :victimViewerAgencyId`);
    if (hasRole(actor, ...CASE_PARTICIPANT_STAFF)) {
      conditions.push(currentParticipantOf(':victimViewerAgencyId', `${alias}.case_id`, 'victim_participation'));
    }
    if (hasRole(actor, ...PROVIDER_STAFF)) {
      conditions.push(`EXISTS (SELECT 1 FROM consent visible_consent WHERE visible_consent.victim_id = ${alias}.id
        AND visible_consent.recipient_agency_id = :victimViewerAgencyId AND visible_consent.revoked_at IS NULL)`);
      // A provider that was referred the person keeps seeing the code (its referral's history stays readable).
      conditions.push(`EXISTS (SELECT 1 FROM referral visible_referral WHERE visible_referral.victim_id = ${alias}.id
        AND visible_referral.recipient_agency_id = :victimViewerAgencyId)`);
    }
    if (hasRole(actor, Role.SECRETARIAT)) {
      conditions.push(unitSecretariatOf(':victimViewerAgencyId', [`${alias}.owning_agency_id`]));
    }
    return anyOf(conditions, params);
  }

  /**
   * SQL condition on a victim alias that holds when the actor may see the person's identity fields: case
   * officers, liaisons and supervisors of the owning agency, and the staff of a provider holding a referral for
   * the person (proposed, accepted or in service) whose consent is still in force, and officers and attachés of
   * an agency currently taking part in the person's case that holds consent in force for a purpose its role in
   * the case serves (IDENTITY_PURPOSES_BY_ROLE). Secretariats, auditors, administrators and everyone else see the
   * code only. Revoking consent, the referral ending or the participation ending ends the access on the next
   * request: this is read fresh every time.
   */
  victimIdentityVisibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { identityViewerAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...VICTIM_OFFICERS)) conditions.push(`${alias}.owning_agency_id = :identityViewerAgencyId`);
    if (hasRole(actor, ...CASE_PARTICIPANT_STAFF)) {
      conditions.push(`EXISTS (
        SELECT 1 FROM case_participant identity_participation
        JOIN consent participation_consent ON participation_consent.victim_id = ${alias}.id
          AND participation_consent.recipient_agency_id = identity_participation.agency_id
          AND participation_consent.revoked_at IS NULL
        WHERE identity_participation.case_id = ${alias}.case_id
          AND identity_participation.agency_id = :identityViewerAgencyId
          AND identity_participation.ended_at IS NULL
          AND (identity_participation.role::text, participation_consent.purpose::text) IN (${ROLE_PURPOSE_PAIRS}))`);
    }
    if (hasRole(actor, ...PROVIDER_STAFF)) {
      conditions.push(`EXISTS (
        SELECT 1 FROM referral identity_referral
        JOIN consent identity_consent ON identity_consent.id = identity_referral.consent_id
        WHERE identity_referral.victim_id = ${alias}.id
          AND identity_referral.recipient_agency_id = :identityViewerAgencyId
          AND identity_referral.status IN ('PROPOSED', 'ACCEPTED', 'IN_SERVICE')
          AND identity_consent.revoked_at IS NULL)`);
    }
    return anyOf(conditions, params);
  }

  /**
   * SQL condition on a victim alias that holds when the actor may record what their agency did for the person (an
   * identification decision, a protection-track step, a service, a referral): officers of the owning agency, and
   * officers and attachés of an agency currently taking part in the person's case. Identity and consent stay with
   * the owning agency (actsForVictimOwner).
   */
  victimWorkVisibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { victimWorkerAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...VICTIM_OFFICERS)) conditions.push(`${alias}.owning_agency_id = :victimWorkerAgencyId`);
    if (hasRole(actor, ...CASE_PARTICIPANT_STAFF)) {
      conditions.push(currentParticipantOf(':victimWorkerAgencyId', `${alias}.case_id`, 'work_participation'));
    }
    return anyOf(conditions, params);
  }

  /** Whether the actor may act for the owning agency of a victim record (consent, corrections). */
  actsForVictimOwner(actor: Actor, victim: { owningAgencyId: string }): boolean {
    return actor.agencyId === victim.owningAgencyId && hasRole(actor, ...VICTIM_OFFICERS);
  }

  /** Throws NOT_FOUND unless the actor may see the staff of `agencyId`. */
  requireAgencyStaff(actor: Actor, agencyId: string, what: string, id: string): void {
    if (!this.canSeeAgencyStaff(actor, agencyId)) throw RequestException.notFound(what, id);
  }

  /**
   * SQL condition on a case alias (table trafficking_case) that holds when the actor may see the case:
   * liaisons, supervisors and case officers of the lead agency; officers and attachés of an agency currently
   * taking part in the case (its case team; ending the participation ends this on the next request); the
   * secretariat of the case's own unit and of every task-force unit the lead agency is a current member of.
   * Nobody else sees it at all, administrators, auditors, partners and counterparts included unless they also
   * hold one of those roles (reads answer "not found"). Every read of a case, and of what hangs off it, goes
   * through this one condition.
   */
  caseVisibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { caseVisibilityAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...CASE_HOLDERS)) {
      conditions.push(`${alias}.lead_agency_id = :caseVisibilityAgencyId`);
    }
    if (hasRole(actor, ...CASE_PARTICIPANT_STAFF)) {
      conditions.push(currentParticipantOf(':caseVisibilityAgencyId', `${alias}.id`, 'case_participation'));
    }
    if (hasRole(actor, Role.SECRETARIAT)) conditions.push(caseSecretariatOf(':caseVisibilityAgencyId', alias));
    return anyOf(conditions, params);
  }

  /**
   * SQL condition on a case alias: the actor may add and end participants and hand the lead over. The lead
   * agency's case officers, liaisons and supervisors, and the case's unit secretariat (as in caseVisibility).
   */
  caseTeamManagement(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { caseTeamAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...CASE_HOLDERS)) conditions.push(`${alias}.lead_agency_id = :caseTeamAgencyId`);
    if (hasRole(actor, Role.SECRETARIAT)) conditions.push(caseSecretariatOf(':caseTeamAgencyId', alias));
    return anyOf(conditions, params);
  }

  /**
   * SQL condition on a case alias: the actor works the criminal side of the case (records its suspects): case
   * officers, liaisons and supervisors of an agency taking part in it in a law-enforcement role.
   */
  caseLawEnforcement(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { caseEnforcerAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...CASE_HOLDERS)) {
      conditions.push(
        currentParticipantOf(':caseEnforcerAgencyId', `${alias}.id`, 'enforcer_participation', LAW_ENFORCEMENT_ROLES),
      );
    }
    return anyOf(conditions, params);
  }

  /**
   * SQL condition on a suspect alias (table suspect): officers of an agency taking part in the suspect's case in a
   * law-enforcement role (investigation, prosecution), and the case's unit secretariat (codes only, see
   * suspectIdentityVisibility). Nobody else: "not found".
   */
  suspectVisibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { suspectViewerAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...CASE_HOLDERS)) {
      conditions.push(
        currentParticipantOf(
          ':suspectViewerAgencyId',
          `${alias}.case_id`,
          'suspect_participation',
          LAW_ENFORCEMENT_ROLES,
        ),
      );
    }
    if (hasRole(actor, Role.SECRETARIAT)) {
      conditions.push(`EXISTS (SELECT 1 FROM trafficking_case suspect_case WHERE suspect_case.id = ${alias}.case_id
        AND ${caseSecretariatOf(':suspectViewerAgencyId', 'suspect_case')})`);
    }
    return anyOf(conditions, params);
  }

  /**
   * SQL condition on a suspect alias: the actor may see (and record) the suspect's identity and status: officers of
   * an agency taking part in the case in a law-enforcement role. The secretariat sees codes only.
   */
  suspectWorkVisibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { suspectWorkerAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...CASE_HOLDERS)) {
      conditions.push(
        currentParticipantOf(':suspectWorkerAgencyId', `${alias}.case_id`, 'suspect_work', LAW_ENFORCEMENT_ROLES),
      );
    }
    return anyOf(conditions, params);
  }

  /**
   * Whether the actor works the case (edits it, moves it on the justice track): a case officer, liaison or
   * supervisor of the lead agency. Secretariats only read.
   */
  mayWorkOnCase(actor: Actor, kase: { leadAgencyId: string }): boolean {
    return actor.agencyId === kase.leadAgencyId && hasRole(actor, ...CASE_HOLDERS);
  }
}

/**
 * Roles that open cases. A case is always led by the opener's own agency (never an agency named in the input),
 * so opening a case is something an agency does for itself.
 */
export const CASE_OPENERS = [Role.CASE_OFFICER, Role.LIAISON] as const;

/** Roles that see and work the cases their agency leads. */
export const CASE_HOLDERS = [Role.CASE_OFFICER, Role.LIAISON, Role.SUPERVISOR] as const;

/**
 * Roles whose holders see and work a case their agency takes part in (its case team), and its people by code:
 * the case officers, liaisons and supervisors, and attachés (an attaché post takes part in cases abroad).
 * Partners see only what is referred to them; counterparts only requests addressed to them.
 */
export const CASE_PARTICIPANT_STAFF = [Role.CASE_OFFICER, Role.LIAISON, Role.SUPERVISOR, Role.ATTACHE] as const;

/** Who works a victim's record for the owning agency, and refers people from it. */
export const VICTIM_OFFICERS = [Role.CASE_OFFICER, Role.LIAISON, Role.SUPERVISOR] as const;

/** Who works referrals at a provider (partner organisations such as IOM included). */
export const PROVIDER_STAFF = [Role.CASE_OFFICER, Role.LIAISON, Role.SUPERVISOR, Role.PARTNER] as const;

/** Who works cross-border requests for the Indonesian side. */
export const CROSS_BORDER_HOME = [Role.ATTACHE, Role.LIAISON, Role.CASE_OFFICER, Role.SUPERVISOR] as const;

/**
 * SQL condition: the viewer's agency (`viewerParam`, e.g. ':visibilityAgencyId') holds the SECRETARIAT role,
 * today, in a task-force unit that one of `agencyColumns` is a current member of. The one definition of "the
 * unit secretariat sees it" for tasks, victims, referrals and cross-border requests.
 */
export function unitSecretariatOf(viewerParam: string, agencyColumns: string[]): string {
  return `EXISTS (
        SELECT 1 FROM membership secretariat
        JOIN membership member ON member.unit_id = secretariat.unit_id
        WHERE secretariat.agency_id = ${viewerParam} AND secretariat.role = 'SECRETARIAT'
          AND secretariat.valid_from <= CURRENT_DATE AND (secretariat.valid_to IS NULL OR secretariat.valid_to > CURRENT_DATE)
          AND member.valid_from <= CURRENT_DATE AND (member.valid_to IS NULL OR member.valid_to > CURRENT_DATE)
          AND member.agency_id IN (${agencyColumns.join(', ')}))`;
}

/**
 * SQL condition: the agency `viewerParam` currently takes part in the case `caseColumn` (the lead included), in one
 * of `roles` when given. `name` is the subquery's alias, distinct per use so conditions can be combined.
 */
export function currentParticipantOf(
  viewerParam: string,
  caseColumn: string,
  name: string,
  roles?: readonly CaseRole[],
): string {
  const roleCondition = roles ? ` AND ${name}.role IN (${roles.map((role) => `'${role}'`).join(', ')})` : '';
  return `EXISTS (SELECT 1 FROM case_participant ${name} WHERE ${name}.case_id = ${caseColumn}
        AND ${name}.agency_id = ${viewerParam} AND ${name}.ended_at IS NULL${roleCondition})`;
}

/**
 * SQL condition on a case alias: the agency `viewerParam` holds the SECRETARIAT role, today, in the case's own
 * task-force unit or in a unit the lead agency is a current member of.
 */
export function caseSecretariatOf(viewerParam: string, alias: string): string {
  return `EXISTS (
        SELECT 1 FROM membership secretariat
        WHERE secretariat.agency_id = ${viewerParam} AND secretariat.role = 'SECRETARIAT'
          AND secretariat.valid_from <= CURRENT_DATE AND (secretariat.valid_to IS NULL OR secretariat.valid_to > CURRENT_DATE)
          AND (secretariat.unit_id = ${alias}.unit_id OR EXISTS (
            SELECT 1 FROM membership member
            WHERE member.unit_id = secretariat.unit_id AND member.agency_id = ${alias}.lead_agency_id
              AND member.valid_from <= CURRENT_DATE AND (member.valid_to IS NULL OR member.valid_to > CURRENT_DATE))))`;
}

/** (role, consent purpose) pairs under which a participant sees identity, as an SQL VALUES list (constants only). */
const ROLE_PURPOSE_PAIRS = `VALUES ${Object.entries(IDENTITY_PURPOSES_BY_ROLE)
  .flatMap(([role, purposes]) => purposes.map((purpose) => `('${role}', '${purpose}')`))
  .join(', ')}`;

/** SQL that holds when any of `conditions` holds (FALSE when there are none: the actor sees nothing). */
export function anyOf(
  conditions: readonly string[],
  params: Record<string, unknown>,
): { sql: string; params: Record<string, unknown> } {
  return { sql: conditions.length > 0 ? `(${conditions.join(' OR ')})` : 'FALSE', params };
}
