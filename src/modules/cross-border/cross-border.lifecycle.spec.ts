import { describeLifecycle } from '@libs/testing/lifecycle-conformance';

import { RequestAction as A, RequestStage, RequestStatus as S } from './cross-border.enums';
import { REQUEST_LIFECYCLE, runningStages } from './cross-border.lifecycle';

/** The only legal (from, action) → to moves, written out independently of the table. */
describeLifecycle(REQUEST_LIFECYCLE, [
  [S.DRAFT, A.SUBMIT_FOR_REVIEW, S.IN_REVIEW],
  [S.DRAFT, A.SUBMIT, S.SUBMITTED],
  [S.IN_REVIEW, A.APPROVE, S.SUBMITTED],
  [S.SUBMITTED, A.ACKNOWLEDGE, S.ACKNOWLEDGED],
  [S.SUBMITTED, A.ACCEPT, S.ACCEPTED],
  [S.ACKNOWLEDGED, A.ACCEPT, S.ACCEPTED],
  [S.ACCEPTED, A.ANSWER, S.ANSWERED],
  [S.ACCEPTED, A.ANSWER_PARTIALLY, S.ACCEPTED],
  [S.SUBMITTED, A.REFUSE, S.REFUSED],
  [S.ACKNOWLEDGED, A.REFUSE, S.REFUSED],
  [S.DRAFT, A.WITHDRAW, S.WITHDRAWN],
  [S.IN_REVIEW, A.WITHDRAW, S.WITHDRAWN],
  [S.SUBMITTED, A.WITHDRAW, S.WITHDRAWN],
  [S.ACKNOWLEDGED, A.WITHDRAW, S.WITHDRAWN],
  [S.ACCEPTED, A.WITHDRAW, S.WITHDRAWN],
  [S.ANSWERED, A.CLOSE, S.CLOSED],
  [S.SUBMITTED, A.LAPSE, S.LAPSED],
  [S.ACKNOWLEDGED, A.LAPSE, S.LAPSED],
  [S.ACCEPTED, A.LAPSE, S.LAPSED],
]);

describe('cross-border stages', () => {
  it('runs the deadlines of the steps not yet done', () => {
    expect(runningStages(S.SUBMITTED)).toEqual([RequestStage.ACKNOWLEDGE, RequestStage.DECIDE, RequestStage.EXECUTE]);
    expect(runningStages(S.ACKNOWLEDGED)).toEqual([RequestStage.DECIDE, RequestStage.EXECUTE]);
    expect(runningStages(S.ACCEPTED)).toEqual([RequestStage.EXECUTE]);
    expect(runningStages(S.ANSWERED)).toEqual([]);
    expect(runningStages(S.DRAFT)).toEqual([]);
  });
});
