import { Actor } from '@app/auth/actor';
import { Role } from '@app/kernel/role.enum';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { MembershipRole } from '@app/modules/task-forces/task-force.enums';

import { actorOf, Factories, TEST_PASSWORD } from './factories';
import { TestApp } from './test-app';

/** Everyone a meeting's access rules tell apart. */
export type CastMember =
  | 'secretariat'
  | 'organiser'
  | 'member'
  | 'memberSupervisor'
  | 'outsider'
  | 'partner'
  | 'otherPartner'
  | 'counterpart'
  | 'otherCounterpart';

export interface CoordinationCast {
  unitId: string;
  /** Agency ids: secretariat, organiser, member and other (members); outsider; partners; counterparts. */
  agency: Record<string, string>;
  actor: Record<CastMember, Actor>;
  token: Record<CastMember, string>;
}

/**
 * A task-force unit of its own and the people its meetings concern: the unit's secretariat, the organising member,
 * another member (liaison and supervisor), an agency outside the unit, two partners of the unit (IOM-like and an
 * NGO) and two Cambodian counterparts, each with a logged-in user.
 */
export async function coordinationCast(api: TestApp, factories: Factories): Promise<CoordinationCast> {
  const unitId = (await factories.unit()).id;
  const agency: Record<string, string> = {};
  const make = async (name: string, role: MembershipRole | null, overrides = {}) => {
    agency[name] = (await factories.agency(overrides)).id;
    if (role) await factories.membership({ unitId, agencyId: agency[name], role });
  };
  const cambodian = { type: AgencyType.FOREIGN_COUNTERPART, country: 'KH', timeZone: 'Asia/Phnom_Penh' };
  await make('secretariat', MembershipRole.SECRETARIAT);
  await make('organiser', MembershipRole.MEMBER);
  await make('member', MembershipRole.MEMBER);
  await make('other', MembershipRole.MEMBER);
  await make('outsider', null);
  await make('partner', MembershipRole.PARTNER, { type: AgencyType.INTERNATIONAL_ORGANISATION });
  await make('otherPartner', MembershipRole.PARTNER, { type: AgencyType.NGO });
  await make('counterpart', null, cambodian);
  await make('otherCounterpart', null, cambodian);
  const people: [CastMember, Role, string][] = [
    ['secretariat', Role.SECRETARIAT, 'secretariat'],
    ['organiser', Role.LIAISON, 'organiser'],
    ['member', Role.LIAISON, 'member'],
    ['memberSupervisor', Role.SUPERVISOR, 'member'],
    ['outsider', Role.LIAISON, 'outsider'],
    ['partner', Role.PARTNER, 'partner'],
    ['otherPartner', Role.PARTNER, 'otherPartner'],
    ['counterpart', Role.COUNTERPART, 'counterpart'],
    ['otherCounterpart', Role.COUNTERPART, 'otherCounterpart'],
  ];
  const actor = {} as Record<CastMember, Actor>;
  const token = {} as Record<CastMember, string>;
  for (const [who, role, agencyName] of people) {
    const created = await factories.user([role], { agencyId: agency[agencyName] });
    actor[who] = actorOf(created);
    token[who] = await api.login(created.email, TEST_PASSWORD);
  }
  return { unitId, agency, actor, token };
}
