import { ReferralUrgency } from './referral.enums';

/** DOMAIN.md section 4: respond-by of a referral per urgency (project defaults, seeded as data). */
export const DEFAULT_REFERRAL_RESPONSE_POLICIES: {
  urgency: ReferralUrgency;
  clockHours: number | null;
  workingDays: number | null;
}[] = [
  { urgency: ReferralUrgency.EMERGENCY, clockHours: 24, workingDays: null },
  { urgency: ReferralUrgency.HIGH, clockHours: null, workingDays: 2 },
  { urgency: ReferralUrgency.NORMAL, clockHours: null, workingDays: 5 },
];
