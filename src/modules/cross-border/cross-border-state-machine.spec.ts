import { decideRequestTransition, REQUEST_TRANSITIONS, runningStages } from './cross-border-state-machine';
import { RequestAction as A, RequestSide, RequestStage, RequestStatus as S } from './cross-border.enums';

const HOME = [RequestSide.HOME];
const COUNTERPART = [RequestSide.COUNTERPART];

describe('cross-border request lifecycle', () => {
  it('runs the whole way: submitted, acknowledged, accepted, partially answered, answered, closed', () => {
    expect(decideRequestTransition(S.DRAFT, A.SUBMIT, HOME)).toEqual({ to: S.SUBMITTED });
    expect(decideRequestTransition(S.SUBMITTED, A.ACKNOWLEDGE, COUNTERPART)).toEqual({ to: S.ACKNOWLEDGED });
    expect(decideRequestTransition(S.ACKNOWLEDGED, A.ACCEPT, COUNTERPART)).toEqual({ to: S.ACCEPTED });
    expect(decideRequestTransition(S.ACCEPTED, A.ANSWER_PARTIALLY, COUNTERPART)).toEqual({ to: S.ACCEPTED });
    expect(decideRequestTransition(S.ACCEPTED, A.ANSWER, COUNTERPART)).toEqual({ to: S.ANSWERED });
    expect(decideRequestTransition(S.ANSWERED, A.CLOSE, HOME)).toEqual({ to: S.CLOSED });
    expect(decideRequestTransition(S.IN_REVIEW, A.APPROVE, [RequestSide.HOME_SUPERVISOR])).toEqual({ to: S.SUBMITTED });
  });

  it('allows each action only from its statuses and by its side; refusal and withdrawal need a reason', () => {
    for (const action of Object.values(A)) {
      const transition = REQUEST_TRANSITIONS[action];
      for (const status of Object.values(S)) {
        const result = decideRequestTransition(status, action, [transition.by], 'grounds');
        if (transition.from.includes(status)) expect(result).toEqual({ to: transition.to });
        else expect(result).toMatchObject({ refused: { kind: 'ILLEGAL_TRANSITION' } });
      }
    }
    expect(decideRequestTransition(S.SUBMITTED, A.ACKNOWLEDGE, HOME)).toMatchObject({
      refused: { kind: 'WRONG_SIDE' },
    });
    expect(decideRequestTransition(S.ANSWERED, A.CLOSE, COUNTERPART)).toMatchObject({
      refused: { kind: 'WRONG_SIDE' },
    });
    expect(decideRequestTransition(S.SUBMITTED, A.REFUSE, COUNTERPART, '')).toMatchObject({
      refused: { kind: 'REASON_REQUIRED' },
    });
  });

  it('runs the deadlines of the steps not yet done', () => {
    expect(runningStages(S.SUBMITTED)).toEqual([RequestStage.ACKNOWLEDGE, RequestStage.DECIDE, RequestStage.EXECUTE]);
    expect(runningStages(S.ACKNOWLEDGED)).toEqual([RequestStage.DECIDE, RequestStage.EXECUTE]);
    expect(runningStages(S.ACCEPTED)).toEqual([RequestStage.EXECUTE]);
    expect(runningStages(S.ANSWERED)).toEqual([]);
    expect(runningStages(S.DRAFT)).toEqual([]);
  });
});
