import { ActionItemOutcome } from '@app/modules/meetings/meeting.enums';
import { TaskStatus } from '@app/modules/tasks/task.enums';

import { Timeliness } from './indicator-catalogue';

/** What decides whether an action item was on time: its task and how the meeting closed it. */
export interface ActionItemState {
  dueAt: Date;
  taskStatus: TaskStatus;
  completedAt: Date | null;
  outcome: ActionItemOutcome | null;
  closedAt: Date | null;
}

/**
 * How an action item stands at `now` (ACTION_ITEMS_DUE in the catalogue). The meeting's judgement comes first: an
 * item closed as superseded was withdrawn, one closed as not achieved was late whatever the task says. Otherwise it
 * was done when the owner completed the task, or when the meeting closed it as (partly) achieved, whichever was
 * first; done by the due date is on time. Undone, it is late once the due date has passed, withdrawn if its task
 * was cancelled, and not yet due before.
 */
export function timeliness(item: ActionItemState, now: Date): Timeliness {
  if (item.outcome === ActionItemOutcome.SUPERSEDED) return Timeliness.WITHDRAWN;
  if (item.outcome === ActionItemOutcome.NOT_ACHIEVED) return Timeliness.LATE;
  const done = [
    item.taskStatus === TaskStatus.DONE ? item.completedAt : null,
    item.outcome !== null ? item.closedAt : null,
  ].filter((at): at is Date => at !== null);
  if (done.length > 0) {
    const first = Math.min(...done.map((at) => at.getTime()));
    return first <= item.dueAt.getTime() ? Timeliness.ON_TIME : Timeliness.LATE;
  }
  if (item.taskStatus === TaskStatus.CANCELLED) return Timeliness.WITHDRAWN;
  return item.dueAt.getTime() < now.getTime() ? Timeliness.LATE : Timeliness.NOT_YET_DUE;
}
