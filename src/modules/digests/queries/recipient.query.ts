import { EntityManager } from 'typeorm';

import { Role } from '@app/kernel/role.enum';

import { DigestAudience } from '../digest-content';

/** Which roles put a person in which digest audience; case officers read what their liaison reads. */
const AUDIENCE_ROLES: ReadonlyArray<[DigestAudience, readonly Role[]]> = [
  ['LIAISON', [Role.LIAISON, Role.CASE_OFFICER]],
  ['SUPERVISOR', [Role.SUPERVISOR]],
  ['SECRETARIAT', [Role.SECRETARIAT]],
  ['ATTACHE', [Role.ATTACHE]],
];

export interface RecipientRow {
  id: string;
  displayName: string;
  locale: 'id' | 'en';
  timeZone: string;
  agencyId: string;
  agencyAcronym: string;
  roles: Role[];
}

/** The audiences a person's roles put them in; roles without a digest (administrators, auditors …) none. */
export function audiencesOf(roles: readonly Role[]): DigestAudience[] {
  return AUDIENCE_ROLES.filter(([, holders]) => holders.some((role) => roles.includes(role))).map(
    ([audience]) => audience,
  );
}

/** The people the digests are for, with their agencies' acronyms; ids without a user are left out. */
export async function readRecipients(manager: EntityManager, userIds: readonly string[]): Promise<RecipientRow[]> {
  return manager.query(
    `SELECT u.id, u.display_name AS "displayName", u.locale::text AS locale, u.time_zone AS "timeZone",
            u.agency_id AS "agencyId", a.acronym AS "agencyAcronym", u.roles::text[] AS roles
       FROM app_user u JOIN agency a ON a.id = u.agency_id
      WHERE u.id = ANY($1::uuid[])
      ORDER BY u.id`,
    [userIds],
  );
}
