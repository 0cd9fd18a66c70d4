import { CaseRole } from '@app/kernel/case-role';
import { AgencyCapability as C, AgencyType as T } from '@app/modules/agencies/agency.enums';

/** What a role check needs of an agency. */
export interface AgencyProfile {
  acronym: string;
  type: T;
  country: string;
  capabilities: readonly C[];
  timeZone: string;
}

/** Time zones of Indonesia: an Indonesian office working in another one is a post abroad. */
const INDONESIAN_ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'];

const any = (agency: AgencyProfile, capabilities: C[]) => capabilities.some((c) => agency.capabilities.includes(c));

/**
 * Which agencies may hold which role in a case, as one table: a rule and the words that explain it. A role must fit
 * the body (a police force investigates, a prosecution service prosecutes, a social-affairs body rehabilitates …),
 * judged from the directory's type and capabilities, so the team reads true in reports.
 */
const FITS: Readonly<Record<CaseRole, { fits: (agency: AgencyProfile) => boolean; who: string }>> = {
  INVESTIGATION: { fits: (a) => a.type === T.POLICE, who: 'a police body' },
  PROSECUTION: { fits: (a) => a.type === T.PROSECUTION, who: 'a prosecution service' },
  SOCIAL_REHABILITATION: {
    fits: (a) =>
      [T.MINISTRY, T.GOVERNMENT_AGENCY, T.LOCAL_GOVERNMENT, T.SERVICE_PROVIDER].includes(a.type) &&
      any(a, [C.SHELTER, C.PSYCHOSOCIAL, C.LIVELIHOOD]),
    who: 'a social-affairs body or provider offering shelter, psychosocial care or livelihood support',
  },
  CONSULAR_PROTECTION: {
    fits: (a) => a.type === T.OVERSEAS_MISSION || any(a, [C.CONSULAR_PROTECTION]),
    who: 'a mission abroad or a body offering consular protection',
  },
  IMMIGRATION: { fits: (a) => a.type === T.IMMIGRATION, who: 'an immigration body' },
  ATTACHE_POST: {
    fits: (a) =>
      [T.IMMIGRATION, T.OVERSEAS_MISSION].includes(a.type) &&
      a.country === 'ID' &&
      !INDONESIAN_ZONES.includes(a.timeZone),
    who: 'an Indonesian attaché or mission post abroad',
  },
  LABOUR_MIGRATION_PROTECTION: {
    fits: (a) => [T.MINISTRY, T.GOVERNMENT_AGENCY].includes(a.type) && any(a, [C.LIVELIHOOD, C.REPATRIATION]),
    who: 'a body protecting migrant workers (placement, repatriation, livelihood)',
  },
  HEALTH: { fits: (a) => any(a, [C.MEDICAL]), who: 'a body offering medical care' },
  PROVIDER: {
    fits: (a) =>
      [T.SERVICE_PROVIDER, T.NGO, T.INTERNATIONAL_ORGANISATION].includes(a.type) && a.capabilities.length > 0,
    who: 'a service provider, partner organisation or NGO with a service to offer',
  },
  WITNESS_PROTECTION: { fits: (a) => any(a, [C.WITNESS_PROTECTION]), who: 'a witness and victim protection body' },
  COORDINATION: {
    fits: (a) =>
      a.country === 'ID' &&
      [T.COORDINATING_MINISTRY, T.MINISTRY, T.GOVERNMENT_AGENCY, T.LOCAL_GOVERNMENT, T.INDEPENDENT_COMMISSION].includes(
        a.type,
      ),
    who: 'an Indonesian ministry, agency, commission or local government',
  },
};

/** Why `agency` cannot hold `role` in a case, or null when it can. */
export function roleProblem(role: CaseRole, agency: AgencyProfile): string | null {
  if (agency.type === T.FOREIGN_COUNTERPART) {
    return `${agency.acronym} is a foreign counterpart: it answers cross-border requests and takes no part in a case team.`;
  }
  const rule = FITS[role];
  return rule.fits(agency)
    ? null
    : `${role} does not fit ${agency.acronym} (${agency.type}): it is a role for ${rule.who}.`;
}

/** The roles `agency` may hold, in the table's order (the first is the default role of a case's opener). */
export function rolesFor(agency: AgencyProfile): CaseRole[] {
  return (Object.keys(FITS) as CaseRole[]).filter((role) => roleProblem(role, agency) === null);
}
