import { describeLifecycle } from '@libs/testing/lifecycle-conformance';

import {
  FollowUpAction as FA,
  FollowUpStatus as F,
  MilestoneAction as MA,
  MilestoneStatus as M,
  OperationAction as OA,
  OperationStatus as O,
} from './repatriation.enums';
import { FOLLOW_UP_LIFECYCLE, MILESTONE_LIFECYCLE, OPERATION_LIFECYCLE } from './repatriation.lifecycles';

/** The only legal (from, action) → to moves, written out independently of the tables. */
describeLifecycle(OPERATION_LIFECYCLE, [
  [O.PLANNED, OA.DEPART, O.DEPARTED],
  [O.DEPARTED, OA.ARRIVE, O.ARRIVED],
  [O.PLANNED, OA.CANCEL, O.CANCELLED],
]);

describeLifecycle(MILESTONE_LIFECYCLE, [
  [M.PENDING, MA.RECORD, M.DONE],
  [M.PENDING, MA.RECORD_FOR_OWNER, M.DONE],
  [M.PENDING, MA.WAIVE, M.WAIVED],
  [M.PENDING, MA.CANCEL, M.CANCELLED],
]);

describeLifecycle(FOLLOW_UP_LIFECYCLE, [
  [F.SCHEDULED, FA.RECORD_MET, F.MET],
  [F.SCHEDULED, FA.RECORD_NOT_REACHED, F.NOT_REACHED],
  [F.SCHEDULED, FA.RECORD_MOVED, F.MOVED],
  [F.SCHEDULED, FA.RECORD_RE_MIGRATED, F.RE_MIGRATED],
  [F.SCHEDULED, FA.RECORD_DECLINED, F.DECLINED],
  [F.SCHEDULED, FA.CANCEL, F.CANCELLED],
]);
