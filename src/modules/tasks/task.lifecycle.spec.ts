import { describeLifecycle } from '@libs/testing/lifecycle-conformance';

import { TASK_LIFECYCLE } from './task.lifecycle';
import { TaskAction as A, TaskStatus as S } from './task.enums';

/** The only legal (from, action) → to moves, written out independently of the table. */
describeLifecycle(TASK_LIFECYCLE, [
  [S.OPEN, A.ACKNOWLEDGE, S.ACKNOWLEDGED],
  [S.REOPENED, A.ACKNOWLEDGE, S.ACKNOWLEDGED],
  [S.OPEN, A.DECLINE, S.DECLINED],
  [S.ACKNOWLEDGED, A.DECLINE, S.DECLINED],
  [S.REOPENED, A.DECLINE, S.DECLINED],
  [S.ACKNOWLEDGED, A.START, S.IN_PROGRESS],
  [S.IN_PROGRESS, A.BLOCK, S.BLOCKED],
  [S.BLOCKED, A.UNBLOCK, S.IN_PROGRESS],
  [S.IN_PROGRESS, A.COMPLETE, S.DONE],
  [S.OPEN, A.CANCEL, S.CANCELLED],
  [S.ACKNOWLEDGED, A.CANCEL, S.CANCELLED],
  [S.IN_PROGRESS, A.CANCEL, S.CANCELLED],
  [S.BLOCKED, A.CANCEL, S.CANCELLED],
  [S.REOPENED, A.CANCEL, S.CANCELLED],
  [S.DONE, A.REOPEN, S.REOPENED],
  [S.DECLINED, A.REASSIGN, S.OPEN],
]);
