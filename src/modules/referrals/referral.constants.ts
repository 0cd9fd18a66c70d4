import { formatReference } from '@app/kernel/reference';
import { WorkItemType } from '@app/workflow/work-item-kind';

/** Referrals in the history, ladders and audit: their one deadline is the provider's respond-by. */
export const REFERRAL_ITEM_TYPE = WorkItemType.REFERRAL;
export const REFERRAL_DEADLINE_KIND = 'RESPOND';
export const REFERRAL_REFERENCE_PREFIX = 'REF';

/** The human reference of a referral, e.g. REF-000042. */
export function referralReference(referral: { number: number }): string {
  return formatReference(REFERRAL_REFERENCE_PREFIX, referral.number);
}

/** The entries of a referral's history (TRANSITION and ESCALATED are the kernel's own). */
export enum ReferralHistoryKind {
  PROPOSED = 'PROPOSED',
  TRANSITION = 'TRANSITION',
  REROUTED = 'REROUTED',
  ESCALATED = 'ESCALATED',
}
