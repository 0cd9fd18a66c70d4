/**
 * A work item's lifecycle, declared as data: each action moves the item from some statuses to one status, is
 * taken by one side, and may need a reason. `decide` is the only code that reads these tables; each kind of work
 * item (task, referral, cross-border request …) declares its own table next to its entity.
 */
export interface Transition<Status extends string, Side extends string> {
  from: readonly Status[];
  to: Status;
  /** The side whose people may take the action. */
  by: Side;
  /** Whether the action needs a reason (kept in the item's history). */
  reasonRequired: boolean;
}

export interface Lifecycle<Status extends string, Action extends string, Side extends string> {
  /** How people call one item, in refusals: "task", "referral", "request". */
  noun: string;
  /** Every status the item can be in. */
  statuses: readonly Status[];
  /** The status a new item starts in. */
  initial: Status;
  transitions: Readonly<Record<Action, Transition<Status, Side>>>;
  /** How each side is named in refusals: "the assigning agency". */
  sideNames: Readonly<Record<Side, string>>;
  /** Statuses in which the other party still owes work: deadlines run and the item can be overdue. */
  open: readonly Status[];
  /** Statuses no action leaves. */
  terminal: readonly Status[];
}

export type RefusalKind = 'ILLEGAL_TRANSITION' | 'WRONG_SIDE' | 'REASON_REQUIRED';

export interface Refusal {
  kind: RefusalKind;
  message: string;
}

export type Decision<Status extends string> = { to: Status } | { refused: Refusal };

/** "START_SERVICE" → "start service". */
export function actionVerb(action: string): string {
  return action.toLowerCase().replace(/_/g, ' ');
}

/**
 * Whether someone acting as any of `sides` may take `action` on an item in `status`: the new status, or why not.
 * The three refusals are checked in this order: the wrong side, then a status the action does not start from,
 * then a missing reason.
 */
export function decide<Status extends string, Action extends string, Side extends string>(
  lifecycle: Lifecycle<Status, Action, Side>,
  status: Status,
  action: Action,
  sides: readonly Side[],
  reason?: string | null,
): Decision<Status> {
  const transition = lifecycle.transitions[action];
  const verb = actionVerb(action);
  if (!sides.includes(transition.by)) {
    return {
      refused: {
        kind: 'WRONG_SIDE',
        message: `Only ${lifecycle.sideNames[transition.by]} may ${verb} a ${lifecycle.noun}.`,
      },
    };
  }
  if (!transition.from.includes(status)) {
    return {
      refused: {
        kind: 'ILLEGAL_TRANSITION',
        message: `You cannot ${verb} a ${lifecycle.noun} that is ${status} (allowed from ${transition.from.join(', ')}).`,
      },
    };
  }
  if (transition.reasonRequired && !reason?.trim()) {
    return {
      refused: { kind: 'REASON_REQUIRED', message: `A reason is required to ${verb} a ${lifecycle.noun}.` },
    };
  }
  return { to: transition.to };
}

/** The actions a side may take on an item in `status` (for screens that offer only what is possible). */
export function availableActions<Status extends string, Action extends string, Side extends string>(
  lifecycle: Lifecycle<Status, Action, Side>,
  status: Status,
  sides: readonly Side[],
): Action[] {
  return (Object.keys(lifecycle.transitions) as Action[]).filter((action) => {
    const transition = lifecycle.transitions[action];
    return sides.includes(transition.by) && transition.from.includes(status);
  });
}
