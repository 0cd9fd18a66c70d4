import { Lifecycle } from '@app/workflow/lifecycle';

import { RequestAction, RequestSide, RequestStage, RequestStatus } from './cross-border.enums';

const S = RequestStatus;
const IN_PLAY = [S.SUBMITTED, S.ACKNOWLEDGED, S.ACCEPTED] as const;

/** Statuses in which the counterpart still owes a step (deadlines run, stages can go overdue). */
export const OPEN_STATUSES: readonly RequestStatus[] = IN_PLAY;

/**
 * The cross-border request lifecycle (DOMAIN.md section 3), in one table:
 * DRAFT → (IN_REVIEW, for channels a supervisor reviews) → SUBMITTED → ACKNOWLEDGED → ACCEPTED → ANSWERED →
 * CLOSED; a partial answer keeps it ACCEPTED. The counterpart (or the attaché recording its reply) acknowledges,
 * accepts, answers or refuses (with grounds); the home side withdraws (with a reason) or closes; the escalation
 * engine lets an informal request LAPSE when its last rung passes.
 */
export const REQUEST_LIFECYCLE: Lifecycle<RequestStatus, RequestAction, RequestSide> = {
  noun: 'request',
  statuses: Object.values(RequestStatus),
  initial: S.DRAFT,
  transitions: {
    SUBMIT_FOR_REVIEW: { from: [S.DRAFT], to: S.IN_REVIEW, by: RequestSide.HOME, reasonRequired: false },
    SUBMIT: { from: [S.DRAFT], to: S.SUBMITTED, by: RequestSide.HOME, reasonRequired: false },
    APPROVE: { from: [S.IN_REVIEW], to: S.SUBMITTED, by: RequestSide.HOME_SUPERVISOR, reasonRequired: false },
    ACKNOWLEDGE: { from: [S.SUBMITTED], to: S.ACKNOWLEDGED, by: RequestSide.COUNTERPART, reasonRequired: false },
    ACCEPT: { from: [S.SUBMITTED, S.ACKNOWLEDGED], to: S.ACCEPTED, by: RequestSide.COUNTERPART, reasonRequired: false },
    ANSWER: { from: [S.ACCEPTED], to: S.ANSWERED, by: RequestSide.COUNTERPART, reasonRequired: false },
    ANSWER_PARTIALLY: { from: [S.ACCEPTED], to: S.ACCEPTED, by: RequestSide.COUNTERPART, reasonRequired: false },
    REFUSE: { from: [S.SUBMITTED, S.ACKNOWLEDGED], to: S.REFUSED, by: RequestSide.COUNTERPART, reasonRequired: true },
    WITHDRAW: { from: [S.DRAFT, S.IN_REVIEW, ...IN_PLAY], to: S.WITHDRAWN, by: RequestSide.HOME, reasonRequired: true },
    CLOSE: { from: [S.ANSWERED], to: S.CLOSED, by: RequestSide.HOME, reasonRequired: false },
    LAPSE: { from: [...IN_PLAY], to: S.LAPSED, by: RequestSide.SYSTEM, reasonRequired: false },
  },
  sideNames: {
    HOME: 'the home side (the filer or the home agency)',
    HOME_SUPERVISOR: 'a supervisor of the home agency',
    COUNTERPART: 'the counterpart (or the attaché recording its reply)',
    SYSTEM: 'the system',
  },
  open: OPEN_STATUSES,
  terminal: [S.CLOSED, S.REFUSED, S.WITHDRAWN, S.LAPSED],
};

/** The deadlines still running in a status: the stages whose step is not done yet. */
export function runningStages(status: RequestStatus): RequestStage[] {
  switch (status) {
    case S.SUBMITTED:
      return [RequestStage.ACKNOWLEDGE, RequestStage.DECIDE, RequestStage.EXECUTE];
    case S.ACKNOWLEDGED:
      return [RequestStage.DECIDE, RequestStage.EXECUTE];
    case S.ACCEPTED:
      return [RequestStage.EXECUTE];
    default:
      return [];
  }
}
