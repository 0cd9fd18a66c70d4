import { ActionItemOutcome } from '@app/modules/meetings/meeting.enums';
import { TaskStatus } from '@app/modules/tasks/task.enums';

import { Timeliness } from './indicator-catalogue';
import { ActionItemState, timeliness } from './timeliness';

const due = new Date('2026-11-13T10:00:00Z');
const before = new Date('2026-11-12T10:00:00Z');
const after = new Date('2026-11-16T10:00:00Z');
const item = (state: Partial<ActionItemState>): ActionItemState => ({
  dueAt: due,
  taskStatus: TaskStatus.OPEN,
  completedAt: null,
  outcome: null,
  closedAt: null,
  ...state,
});

describe('whether an action item was on time', () => {
  it('is on time when the owner completed the task by the due date, also when the meeting closed it later', () => {
    expect(timeliness(item({ taskStatus: TaskStatus.DONE, completedAt: before }), after)).toBe(Timeliness.ON_TIME);
    expect(
      timeliness(
        item({ taskStatus: TaskStatus.DONE, completedAt: due, outcome: ActionItemOutcome.ACHIEVED, closedAt: after }),
        after,
      ),
    ).toBe(Timeliness.ON_TIME);
  });

  it('is on time when the meeting closed it as achieved by the due date (its task then cancelled)', () => {
    const closed = item({
      taskStatus: TaskStatus.CANCELLED,
      outcome: ActionItemOutcome.PARTLY_ACHIEVED,
      closedAt: before,
    });
    expect(timeliness(closed, after)).toBe(Timeliness.ON_TIME);
  });

  it('is late when done after the due date, when still open after it, or when closed as not achieved', () => {
    expect(timeliness(item({ taskStatus: TaskStatus.DONE, completedAt: after }), after)).toBe(Timeliness.LATE);
    expect(timeliness(item({ taskStatus: TaskStatus.IN_PROGRESS }), after)).toBe(Timeliness.LATE);
    expect(timeliness(item({ taskStatus: TaskStatus.DECLINED }), after)).toBe(Timeliness.LATE);
    const notAchieved = item({
      taskStatus: TaskStatus.DONE,
      completedAt: before,
      outcome: ActionItemOutcome.NOT_ACHIEVED,
      closedAt: before,
    });
    expect(timeliness(notAchieved, before)).toBe(Timeliness.LATE);
  });

  it('is not yet due while open before its due date', () => {
    expect(timeliness(item({ taskStatus: TaskStatus.ACKNOWLEDGED }), before)).toBe(Timeliness.NOT_YET_DUE);
  });

  it('is withdrawn when closed as superseded or when its task was cancelled undone', () => {
    expect(timeliness(item({ outcome: ActionItemOutcome.SUPERSEDED, closedAt: after }), after)).toBe(
      Timeliness.WITHDRAWN,
    );
    expect(timeliness(item({ taskStatus: TaskStatus.CANCELLED }), after)).toBe(Timeliness.WITHDRAWN);
  });
});
