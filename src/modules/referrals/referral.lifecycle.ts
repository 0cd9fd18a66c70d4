import { Lifecycle } from '@app/workflow/lifecycle';

import { ReferralAction, ReferralSide, ReferralStatus } from './referral.enums';

const S = ReferralStatus;

/** Statuses a re-route may start from. */
export const REROUTABLE: readonly ReferralStatus[] = [S.DECLINED, S.EXPIRED];

/** Statuses in which the provider holds the person's identity (with consent in force). */
export const ACTIVE_STATUSES: readonly ReferralStatus[] = [S.PROPOSED, S.ACCEPTED, S.IN_SERVICE];

/**
 * The referral lifecycle (DOMAIN.md section 3), in one table: the provider accepts or declines (with a reason)
 * a PROPOSED referral, or it EXPIRES when its respond-by passes; the sender may withdraw it while it is not yet
 * in service; an accepted referral goes IN_SERVICE and ends COMPLETED (with the outcome) or DISCONTINUED (with
 * the reason). A DECLINED or EXPIRED referral is re-routed by proposing a new one that points back to it.
 */
export const REFERRAL_LIFECYCLE: Lifecycle<ReferralStatus, ReferralAction, ReferralSide> = {
  noun: 'referral',
  statuses: Object.values(ReferralStatus),
  initial: S.PROPOSED,
  transitions: {
    ACCEPT: { from: [S.PROPOSED], to: S.ACCEPTED, by: ReferralSide.PROVIDER, reasonRequired: false },
    DECLINE: { from: [S.PROPOSED], to: S.DECLINED, by: ReferralSide.PROVIDER, reasonRequired: true },
    EXPIRE: { from: [S.PROPOSED], to: S.EXPIRED, by: ReferralSide.SYSTEM, reasonRequired: false },
    WITHDRAW: { from: [S.PROPOSED, S.ACCEPTED], to: S.WITHDRAWN, by: ReferralSide.SENDER, reasonRequired: true },
    START_SERVICE: { from: [S.ACCEPTED], to: S.IN_SERVICE, by: ReferralSide.PROVIDER, reasonRequired: false },
    COMPLETE: { from: [S.IN_SERVICE], to: S.COMPLETED, by: ReferralSide.PROVIDER, reasonRequired: true },
    DISCONTINUE: { from: [S.IN_SERVICE], to: S.DISCONTINUED, by: ReferralSide.PROVIDER, reasonRequired: true },
  },
  sideNames: { SENDER: 'the referring agency', PROVIDER: 'the provider', SYSTEM: 'the system' },
  // The respond-by runs while the provider has not answered.
  open: [S.PROPOSED],
  terminal: [S.DECLINED, S.EXPIRED, S.WITHDRAWN, S.COMPLETED, S.DISCONTINUED],
};
