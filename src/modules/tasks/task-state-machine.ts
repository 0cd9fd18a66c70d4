import { TaskAction, TaskSide, TaskStatus } from './task.enums';

interface Transition {
  from: readonly TaskStatus[];
  to: TaskStatus;
  /** The side whose liaisons may take this action. */
  by: TaskSide;
  /** Whether the action needs a reason (kept in the task's history). */
  reasonRequired: boolean;
}

const ACTIVE = [
  TaskStatus.OPEN,
  TaskStatus.ACKNOWLEDGED,
  TaskStatus.IN_PROGRESS,
  TaskStatus.BLOCKED,
  TaskStatus.REOPENED,
];

/**
 * The task lifecycle (DOMAIN.md section 3), in one table:
 * OPEN → ACKNOWLEDGED → IN_PROGRESS ⇄ BLOCKED → DONE; a reopened task goes round again; the assignee may
 * decline (with a reason) before starting, which returns the task to the assigner, who may reassign it;
 * the assigner may cancel any task still in play.
 */
export const TASK_TRANSITIONS: Readonly<Record<TaskAction, Transition>> = {
  ACKNOWLEDGE: {
    from: [TaskStatus.OPEN, TaskStatus.REOPENED],
    to: TaskStatus.ACKNOWLEDGED,
    by: TaskSide.ASSIGNEE,
    reasonRequired: false,
  },
  DECLINE: {
    from: [TaskStatus.OPEN, TaskStatus.ACKNOWLEDGED, TaskStatus.REOPENED],
    to: TaskStatus.DECLINED,
    by: TaskSide.ASSIGNEE,
    reasonRequired: true,
  },
  START: { from: [TaskStatus.ACKNOWLEDGED], to: TaskStatus.IN_PROGRESS, by: TaskSide.ASSIGNEE, reasonRequired: false },
  BLOCK: { from: [TaskStatus.IN_PROGRESS], to: TaskStatus.BLOCKED, by: TaskSide.ASSIGNEE, reasonRequired: true },
  UNBLOCK: { from: [TaskStatus.BLOCKED], to: TaskStatus.IN_PROGRESS, by: TaskSide.ASSIGNEE, reasonRequired: false },
  COMPLETE: { from: [TaskStatus.IN_PROGRESS], to: TaskStatus.DONE, by: TaskSide.ASSIGNEE, reasonRequired: false },
  CANCEL: { from: ACTIVE, to: TaskStatus.CANCELLED, by: TaskSide.ASSIGNER, reasonRequired: true },
  REOPEN: { from: [TaskStatus.DONE], to: TaskStatus.REOPENED, by: TaskSide.ASSIGNER, reasonRequired: true },
  REASSIGN: { from: [TaskStatus.DECLINED], to: TaskStatus.OPEN, by: TaskSide.ASSIGNER, reasonRequired: false },
};

/** Statuses in which the task still waits for the assignee (counted as open work, can be overdue). */
export const OPEN_STATUSES: readonly TaskStatus[] = ACTIVE;

export type TransitionRefusal =
  | { kind: 'ILLEGAL_TRANSITION'; message: string }
  | { kind: 'WRONG_SIDE'; message: string }
  | { kind: 'REASON_REQUIRED'; message: string };

/**
 * Decides whether `side` may take `action` on a task in `status`. Returns the new status, or why not.
 * This is the only place that knows the lifecycle.
 */
export function decideTransition(
  status: TaskStatus,
  action: TaskAction,
  side: TaskSide,
  reason?: string | null,
): { to: TaskStatus } | { refused: TransitionRefusal } {
  const transition = TASK_TRANSITIONS[action];
  if (transition.by !== side) {
    const who = transition.by === TaskSide.ASSIGNER ? 'the assigning agency' : 'the assignee agency';
    return { refused: { kind: 'WRONG_SIDE', message: `Only ${who} can ${action.toLowerCase()} this task.` } };
  }
  if (!transition.from.includes(status)) {
    return {
      refused: {
        kind: 'ILLEGAL_TRANSITION',
        message: `A task that is ${status} cannot be ${pastTense(action)} (allowed from ${transition.from.join(', ')}).`,
      },
    };
  }
  if (transition.reasonRequired && !reason?.trim()) {
    return { refused: { kind: 'REASON_REQUIRED', message: `A reason is required to ${action.toLowerCase()} a task.` } };
  }
  return { to: transition.to };
}

function pastTense(action: TaskAction): string {
  const words: Record<TaskAction, string> = {
    ACKNOWLEDGE: 'acknowledged',
    DECLINE: 'declined',
    START: 'started',
    BLOCK: 'blocked',
    UNBLOCK: 'unblocked',
    COMPLETE: 'completed',
    CANCEL: 'cancelled',
    REOPEN: 'reopened',
    REASSIGN: 'reassigned',
  };
  return words[action];
}
