import { EntityManager } from 'typeorm';

import { referralReference } from '@app/modules/referrals/referral.constants';

import { OverdueItem, ReferralAwaitingItem } from '../digest-content';
import { itemLink, Scope, wholeDays } from './digest-scope';
import { AGENCY, perRecipient } from './per-recipient';

interface ReferralRow {
  id: string;
  number: number;
  service: string;
  urgency: string;
  respondBy: Date;
  fromAgency: string;
}

export interface ReferralsAwaiting {
  /** Every referral waiting for the agency's answer. */
  awaiting: ReferralAwaitingItem[];
  /** Those of them whose respond-by has passed. */
  overdue: OverdueItem[];
}

/** Referrals waiting for the agency's answer, most pressing first (the deadline, then the urgency). */
export async function readReferralsAwaiting(
  manager: EntityManager,
  scopes: readonly Scope[],
): Promise<ReferralsAwaiting[]> {
  const perScope = await perRecipient<ReferralRow>(
    manager,
    scopes,
    { agency_id: AGENCY },
    `SELECT r.id, r.number, r.service::text AS service, r.urgency::text AS urgency, r.respond_by AS "respondBy",
            sender.acronym AS "fromAgency"
       FROM referral r JOIN agency sender ON sender.id = r.from_agency_id
      WHERE r.recipient_agency_id = recipient.agency_id AND r.status = 'PROPOSED'
      ORDER BY r.respond_by, CASE r.urgency WHEN 'EMERGENCY' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END, r.number`,
  );
  return scopes.map((scope, index) => awaitingOf(perScope[index], scope));
}

function awaitingOf(referrals: ReferralRow[], scope: Scope): ReferralsAwaiting {
  return {
    awaiting: referrals.map((referral): ReferralAwaitingItem => ({
      reference: referralReference(referral),
      link: itemLink(scope, 'REFERRAL', referral.id),
      fromAgency: referral.fromAgency,
      service: referral.service,
      urgency: referral.urgency,
      respondBy: referral.respondBy.toISOString(),
    })),
    overdue: referrals
      .filter((referral) => referral.respondBy < scope.now)
      .map((referral): OverdueItem => ({
        kind: 'REFERRAL',
        reference: referralReference(referral),
        link: itemLink(scope, 'REFERRAL', referral.id),
        counterpartAgency: referral.fromAgency,
        dueAt: referral.respondBy.toISOString(),
        daysOverdue: wholeDays(scope.now, referral.respondBy),
      })),
  };
}
