import { decideTransition, TASK_TRANSITIONS } from './task-state-machine';
import { TaskAction, TaskSide, TaskStatus } from './task.enums';

/** The lifecycle as a list of the only legal (from, action) → to moves, written out independently. */
const LEGAL: [TaskStatus, TaskAction, TaskStatus][] = [
  [TaskStatus.OPEN, TaskAction.ACKNOWLEDGE, TaskStatus.ACKNOWLEDGED],
  [TaskStatus.REOPENED, TaskAction.ACKNOWLEDGE, TaskStatus.ACKNOWLEDGED],
  [TaskStatus.OPEN, TaskAction.DECLINE, TaskStatus.DECLINED],
  [TaskStatus.ACKNOWLEDGED, TaskAction.DECLINE, TaskStatus.DECLINED],
  [TaskStatus.REOPENED, TaskAction.DECLINE, TaskStatus.DECLINED],
  [TaskStatus.ACKNOWLEDGED, TaskAction.START, TaskStatus.IN_PROGRESS],
  [TaskStatus.IN_PROGRESS, TaskAction.BLOCK, TaskStatus.BLOCKED],
  [TaskStatus.BLOCKED, TaskAction.UNBLOCK, TaskStatus.IN_PROGRESS],
  [TaskStatus.IN_PROGRESS, TaskAction.COMPLETE, TaskStatus.DONE],
  [TaskStatus.OPEN, TaskAction.CANCEL, TaskStatus.CANCELLED],
  [TaskStatus.ACKNOWLEDGED, TaskAction.CANCEL, TaskStatus.CANCELLED],
  [TaskStatus.IN_PROGRESS, TaskAction.CANCEL, TaskStatus.CANCELLED],
  [TaskStatus.BLOCKED, TaskAction.CANCEL, TaskStatus.CANCELLED],
  [TaskStatus.REOPENED, TaskAction.CANCEL, TaskStatus.CANCELLED],
  [TaskStatus.DONE, TaskAction.REOPEN, TaskStatus.REOPENED],
  [TaskStatus.DECLINED, TaskAction.REASSIGN, TaskStatus.OPEN],
];

const legalTo = (from: TaskStatus, action: TaskAction) => LEGAL.find(([f, a]) => f === from && a === action)?.[2];

describe('task state machine', () => {
  for (const from of Object.values(TaskStatus)) {
    for (const action of Object.values(TaskAction)) {
      const expected = legalTo(from, action);
      const side = TASK_TRANSITIONS[action].by;
      it(`${from} --${action}--> ${expected ?? 'refused'}`, () => {
        const sut = decideTransition(from, action, side, 'a reason');
        if (expected) expect(sut).toEqual({ to: expected });
        else expect(sut).toMatchObject({ refused: { kind: 'ILLEGAL_TRANSITION' } });
      });
    }
  }

  it('lets only the assignee work the task and only the assigner cancel, reopen or reassign it', () => {
    for (const action of [TaskAction.ACKNOWLEDGE, TaskAction.START, TaskAction.COMPLETE, TaskAction.DECLINE]) {
      expect(decideTransition(TaskStatus.OPEN, action, TaskSide.ASSIGNER, 'x')).toMatchObject({
        refused: { kind: 'WRONG_SIDE' },
      });
    }
    for (const action of [TaskAction.CANCEL, TaskAction.REOPEN, TaskAction.REASSIGN]) {
      expect(decideTransition(TaskStatus.OPEN, action, TaskSide.ASSIGNEE, 'x')).toMatchObject({
        refused: { kind: 'WRONG_SIDE' },
      });
    }
  });

  it('needs a reason to decline, block, cancel or reopen', () => {
    expect(decideTransition(TaskStatus.OPEN, TaskAction.DECLINE, TaskSide.ASSIGNEE, '  ')).toMatchObject({
      refused: { kind: 'REASON_REQUIRED' },
    });
    expect(decideTransition(TaskStatus.IN_PROGRESS, TaskAction.BLOCK, TaskSide.ASSIGNEE)).toMatchObject({
      refused: { kind: 'REASON_REQUIRED' },
    });
    expect(decideTransition(TaskStatus.DONE, TaskAction.REOPEN, TaskSide.ASSIGNER, null)).toMatchObject({
      refused: { kind: 'REASON_REQUIRED' },
    });
    expect(decideTransition(TaskStatus.OPEN, TaskAction.ACKNOWLEDGE, TaskSide.ASSIGNEE)).toEqual({
      to: TaskStatus.ACKNOWLEDGED,
    });
  });
});
