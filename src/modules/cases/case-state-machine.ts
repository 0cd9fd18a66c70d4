import { JusticeStatus } from './case.enums';

interface CaseTransition {
  from: JusticeStatus;
  to: JusticeStatus;
  /** Side exits and reopenings need a reason (kept in the case's history); the main track does not. */
  reasonRequired: boolean;
}

const S = JusticeStatus;

/**
 * The justice track (DOMAIN.md section 3), in one table:
 * REPORTED → VERIFIED → INVESTIGATION → PROSECUTION → TRIAL → VERDICT → CLOSED, one step at a time.
 * Side exits, each with a reason: NOT_TRAFFICKING from REPORTED or VERIFIED (the facts are not trafficking),
 * INVESTIGATION_STOPPED from INVESTIGATION (SP3). A stopped investigation can resume (with a reason): an SP3
 * can be annulled in pre-trial proceedings (praperadilan) or reopened on new evidence.
 */
export const CASE_TRANSITIONS: readonly CaseTransition[] = [
  { from: S.REPORTED, to: S.VERIFIED, reasonRequired: false },
  { from: S.VERIFIED, to: S.INVESTIGATION, reasonRequired: false },
  { from: S.INVESTIGATION, to: S.PROSECUTION, reasonRequired: false },
  { from: S.PROSECUTION, to: S.TRIAL, reasonRequired: false },
  { from: S.TRIAL, to: S.VERDICT, reasonRequired: false },
  { from: S.VERDICT, to: S.CLOSED, reasonRequired: false },
  { from: S.REPORTED, to: S.NOT_TRAFFICKING, reasonRequired: true },
  { from: S.VERIFIED, to: S.NOT_TRAFFICKING, reasonRequired: true },
  { from: S.INVESTIGATION, to: S.INVESTIGATION_STOPPED, reasonRequired: true },
  { from: S.INVESTIGATION_STOPPED, to: S.INVESTIGATION, reasonRequired: true },
];

/** Statuses a case never leaves. */
export const FINAL_STATUSES: readonly JusticeStatus[] = [S.CLOSED, S.NOT_TRAFFICKING];

export type CaseTransitionRefusal =
  { kind: 'ILLEGAL_TRANSITION'; message: string } | { kind: 'REASON_REQUIRED'; message: string };

/** The statuses a case in `status` may move to next. */
export function nextStatuses(status: JusticeStatus): JusticeStatus[] {
  return CASE_TRANSITIONS.filter((transition) => transition.from === status).map((transition) => transition.to);
}

/** Whether the step from `from` to `to` is one that needs a reason (false for the main track and illegal steps). */
export function requiresReason(from: JusticeStatus, to: JusticeStatus): boolean {
  return CASE_TRANSITIONS.some(
    (transition) => transition.from === from && transition.to === to && transition.reasonRequired,
  );
}

/**
 * Decides whether a case in `status` may move to `to`. Returns the new status, or why not.
 * This is the only place that knows the justice track.
 */
export function decideCaseTransition(
  status: JusticeStatus,
  to: JusticeStatus,
  reason?: string | null,
): { to: JusticeStatus } | { refused: CaseTransitionRefusal } {
  const transition = CASE_TRANSITIONS.find((candidate) => candidate.from === status && candidate.to === to);
  if (!transition) {
    const allowed = nextStatuses(status);
    return {
      refused: {
        kind: 'ILLEGAL_TRANSITION',
        message: `A case that is ${status} cannot move to ${to} (${
          allowed.length > 0 ? `allowed next: ${allowed.join(', ')}` : 'it is final'
        }).`,
      },
    };
  }
  if (transition.reasonRequired && !reason?.trim()) {
    return {
      refused: { kind: 'REASON_REQUIRED', message: `reason: moving a case from ${status} to ${to} needs a reason.` },
    };
  }
  return { to };
}
