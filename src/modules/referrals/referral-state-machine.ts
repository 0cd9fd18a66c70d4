import { ReferralAction, ReferralSide, ReferralStatus } from './referral.enums';

interface Transition {
  from: readonly ReferralStatus[];
  to: ReferralStatus;
  by: ReferralSide;
  reasonRequired: boolean;
}

const S = ReferralStatus;

/**
 * The referral lifecycle (DOMAIN.md section 3), in one table: the provider accepts or declines (with a reason)
 * a PROPOSED referral, or it EXPIRES when its respond-by passes; the sender may withdraw it while it is not yet
 * in service; an accepted referral goes IN_SERVICE and ends COMPLETED (with the outcome) or DISCONTINUED (with
 * the reason). A DECLINED or EXPIRED referral is re-routed by proposing a new one that points back to it.
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralAction, Transition>> = {
  ACCEPT: { from: [S.PROPOSED], to: S.ACCEPTED, by: ReferralSide.PROVIDER, reasonRequired: false },
  DECLINE: { from: [S.PROPOSED], to: S.DECLINED, by: ReferralSide.PROVIDER, reasonRequired: true },
  EXPIRE: { from: [S.PROPOSED], to: S.EXPIRED, by: ReferralSide.SYSTEM, reasonRequired: false },
  WITHDRAW: { from: [S.PROPOSED, S.ACCEPTED], to: S.WITHDRAWN, by: ReferralSide.SENDER, reasonRequired: true },
  START_SERVICE: { from: [S.ACCEPTED], to: S.IN_SERVICE, by: ReferralSide.PROVIDER, reasonRequired: false },
  COMPLETE: { from: [S.IN_SERVICE], to: S.COMPLETED, by: ReferralSide.PROVIDER, reasonRequired: true },
  DISCONTINUE: { from: [S.IN_SERVICE], to: S.DISCONTINUED, by: ReferralSide.PROVIDER, reasonRequired: true },
};

/** Statuses a re-route may start from. */
export const REROUTABLE: readonly ReferralStatus[] = [S.DECLINED, S.EXPIRED];

/** Statuses in which the provider holds the person's identity (with consent in force). */
export const ACTIVE_STATUSES: readonly ReferralStatus[] = [S.PROPOSED, S.ACCEPTED, S.IN_SERVICE];

export type ReferralRefusal =
  | { kind: 'ILLEGAL_TRANSITION'; message: string }
  | { kind: 'WRONG_SIDE'; message: string }
  | { kind: 'REASON_REQUIRED'; message: string };

/** Decides whether `side` may take `action` on a referral in `status`. The only place that knows the lifecycle. */
export function decideReferralTransition(
  status: ReferralStatus,
  action: ReferralAction,
  side: ReferralSide | null,
  reason?: string | null,
): { to: ReferralStatus } | { refused: ReferralRefusal } {
  const transition = REFERRAL_TRANSITIONS[action];
  if (side !== transition.by) {
    const who = { SENDER: 'the referring agency', PROVIDER: 'the provider', SYSTEM: 'the system' }[transition.by];
    return {
      refused: { kind: 'WRONG_SIDE', message: `Only ${who} may ${action.toLowerCase().replace('_', ' ')} a referral.` },
    };
  }
  if (!transition.from.includes(status)) {
    return {
      refused: {
        kind: 'ILLEGAL_TRANSITION',
        message: `A referral that is ${status} cannot be ${transition.to.toLowerCase()} (allowed from ${transition.from.join(', ')}).`,
      },
    };
  }
  if (transition.reasonRequired && !reason?.trim()) {
    return {
      refused: {
        kind: 'REASON_REQUIRED',
        message: `A reason is required to ${action.toLowerCase().replace('_', ' ')} a referral.`,
      },
    };
  }
  return { to: transition.to };
}
