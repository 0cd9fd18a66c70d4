import { Injectable } from '@nestjs/common';

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
   * for the person (it is about to receive them); the secretariat of a task-force unit the owning agency is a
   * current member of (to reconcile duplicates and follow the caseload). Nobody else: "not found".
   */
  victimVisibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { victimViewerAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...VICTIM_OFFICERS)) conditions.push(`${alias}.owning_agency_id = :victimViewerAgencyId`);
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
   * the person (proposed, accepted or in service) whose consent is still in force. Secretariats, auditors,
   * administrators and everyone else see the code only. Revoking consent (or the referral ending) ends the
   * access on the next request: this is read fresh every time.
   */
  victimIdentityVisibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { identityViewerAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...VICTIM_OFFICERS)) conditions.push(`${alias}.owning_agency_id = :identityViewerAgencyId`);
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
   * liaisons, supervisors and case officers of the lead agency; the secretariat of the case's own unit and of
   * every task-force unit the lead agency is a current member of. Nobody else sees it at all, administrators
   * and auditors included unless they also hold one of those roles (reads answer "not found"). Every read of a
   * case, and of what hangs off it, goes through this one condition.
   */
  caseVisibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { caseVisibilityAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...CASE_HOLDERS)) {
      conditions.push(`${alias}.lead_agency_id = :caseVisibilityAgencyId`);
    }
    if (hasRole(actor, Role.SECRETARIAT)) {
      conditions.push(`EXISTS (
        SELECT 1 FROM membership secretariat
        WHERE secretariat.agency_id = :caseVisibilityAgencyId AND secretariat.role = 'SECRETARIAT'
          AND secretariat.valid_from <= CURRENT_DATE AND (secretariat.valid_to IS NULL OR secretariat.valid_to > CURRENT_DATE)
          AND (secretariat.unit_id = ${alias}.unit_id OR EXISTS (
            SELECT 1 FROM membership member
            WHERE member.unit_id = secretariat.unit_id AND member.agency_id = ${alias}.lead_agency_id
              AND member.valid_from <= CURRENT_DATE AND (member.valid_to IS NULL OR member.valid_to > CURRENT_DATE))))`);
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

/** SQL that holds when any of `conditions` holds (FALSE when there are none: the actor sees nothing). */
export function anyOf(
  conditions: readonly string[],
  params: Record<string, unknown>,
): { sql: string; params: Record<string, unknown> } {
  return { sql: conditions.length > 0 ? `(${conditions.join(' OR ')})` : 'FALSE', params };
}
