import { decideReferralTransition, REFERRAL_TRANSITIONS } from './referral-state-machine';
import { ReferralAction, ReferralSide, ReferralStatus } from './referral.enums';

const S = ReferralStatus;
const A = ReferralAction;

describe('referral lifecycle', () => {
  it('runs the main path: proposed, accepted, in service, completed', () => {
    expect(decideReferralTransition(S.PROPOSED, A.ACCEPT, ReferralSide.PROVIDER)).toEqual({ to: S.ACCEPTED });
    expect(decideReferralTransition(S.ACCEPTED, A.START_SERVICE, ReferralSide.PROVIDER)).toEqual({ to: S.IN_SERVICE });
    expect(decideReferralTransition(S.IN_SERVICE, A.COMPLETE, ReferralSide.PROVIDER, 'Treated and discharged')).toEqual(
      {
        to: S.COMPLETED,
      },
    );
  });

  it('allows each action only from its statuses, by its side, with a reason where one is needed', () => {
    for (const action of Object.values(A)) {
      const transition = REFERRAL_TRANSITIONS[action];
      for (const status of Object.values(S)) {
        const result = decideReferralTransition(status, action, transition.by, 'because');
        if (transition.from.includes(status)) expect(result).toEqual({ to: transition.to });
        else expect(result).toMatchObject({ refused: { kind: 'ILLEGAL_TRANSITION' } });
      }
      const other = transition.by === ReferralSide.PROVIDER ? ReferralSide.SENDER : ReferralSide.PROVIDER;
      expect(decideReferralTransition(transition.from[0], action, other, 'because')).toMatchObject({
        refused: { kind: 'WRONG_SIDE' },
      });
    }
    expect(decideReferralTransition(S.PROPOSED, A.DECLINE, ReferralSide.PROVIDER, '  ')).toMatchObject({
      refused: { kind: 'REASON_REQUIRED' },
    });
    expect(decideReferralTransition(S.PROPOSED, A.EXPIRE, ReferralSide.PROVIDER)).toMatchObject({
      refused: { kind: 'WRONG_SIDE' },
    });
  });
});
