import { Lifecycle } from '@app/workflow/lifecycle';

import {
  FollowUpAction,
  FollowUpSide,
  FollowUpStatus,
  MilestoneAction,
  MilestoneSide,
  MilestoneStatus,
  OperationAction,
  OperationSide,
  OperationStatus,
} from './repatriation.enums';

const O = OperationStatus;

/**
 * An operation: PLANNED → DEPARTED (the departure side records it, once every person on it is ready) → ARRIVED (the
 * receiving side records it, and the people are handed to their home regions); a planned operation can be called
 * off by the departure side, with a reason.
 */
export const OPERATION_LIFECYCLE: Lifecycle<OperationStatus, OperationAction, OperationSide> = {
  noun: 'repatriation operation',
  statuses: Object.values(OperationStatus),
  initial: O.PLANNED,
  transitions: {
    DEPART: { from: [O.PLANNED], to: O.DEPARTED, by: OperationSide.SENDING, reasonRequired: false },
    ARRIVE: { from: [O.DEPARTED], to: O.ARRIVED, by: OperationSide.RECEIVING, reasonRequired: false },
    CANCEL: { from: [O.PLANNED], to: O.CANCELLED, by: OperationSide.SENDING, reasonRequired: true },
  },
  sideNames: {
    SENDING: "the departure side's officers",
    RECEIVING: "the receiving side's officers",
  },
  open: [O.PLANNED, O.DEPARTED],
  terminal: [O.ARRIVED, O.CANCELLED],
};

const M = MilestoneStatus;

/**
 * A milestone: PENDING until its owner records it done (or one of the operation's responsible agencies records it
 * for the owner, e.g. the attaché for a foreign immigration office answering by letter), or the coordinators waive it
 * (with a reason). It is cancelled when its person leaves the operation or the operation is called off.
 */
export const MILESTONE_LIFECYCLE: Lifecycle<MilestoneStatus, MilestoneAction, MilestoneSide> = {
  noun: 'milestone',
  statuses: Object.values(MilestoneStatus),
  initial: M.PENDING,
  transitions: {
    RECORD: { from: [M.PENDING], to: M.DONE, by: MilestoneSide.OWNER, reasonRequired: false },
    RECORD_FOR_OWNER: { from: [M.PENDING], to: M.DONE, by: MilestoneSide.COORDINATOR, reasonRequired: false },
    WAIVE: { from: [M.PENDING], to: M.WAIVED, by: MilestoneSide.COORDINATOR, reasonRequired: true },
    CANCEL: { from: [M.PENDING], to: M.CANCELLED, by: MilestoneSide.COORDINATOR, reasonRequired: true },
  },
  sideNames: {
    OWNER: "the owner agency's officers",
    COORDINATOR: "the operation's responsible agencies",
  },
  open: [M.PENDING],
  terminal: [M.DONE, M.WAIVED, M.CANCELLED],
};

const F = FollowUpStatus;
const RESPONSIBLE = FollowUpSide.RESPONSIBLE;

/**
 * A follow-up contact: SCHEDULED until the responsible agency records what it found; cancelled by Simpul when an
 * earlier outcome ended the person's track (no later contact is owed).
 */
export const FOLLOW_UP_LIFECYCLE: Lifecycle<FollowUpStatus, FollowUpAction, FollowUpSide> = {
  noun: 'follow-up contact',
  statuses: Object.values(FollowUpStatus),
  initial: F.SCHEDULED,
  transitions: {
    RECORD_MET: { from: [F.SCHEDULED], to: F.MET, by: RESPONSIBLE, reasonRequired: false },
    RECORD_NOT_REACHED: { from: [F.SCHEDULED], to: F.NOT_REACHED, by: RESPONSIBLE, reasonRequired: false },
    RECORD_MOVED: { from: [F.SCHEDULED], to: F.MOVED, by: RESPONSIBLE, reasonRequired: false },
    RECORD_RE_MIGRATED: { from: [F.SCHEDULED], to: F.RE_MIGRATED, by: RESPONSIBLE, reasonRequired: false },
    RECORD_DECLINED: { from: [F.SCHEDULED], to: F.DECLINED, by: RESPONSIBLE, reasonRequired: false },
    CANCEL: { from: [F.SCHEDULED], to: F.CANCELLED, by: FollowUpSide.SYSTEM, reasonRequired: true },
  },
  sideNames: { RESPONSIBLE: "the responsible agency's officers", SYSTEM: 'Simpul itself' },
  open: [F.SCHEDULED],
  terminal: [F.MET, F.NOT_REACHED, F.MOVED, F.RE_MIGRATED, F.DECLINED, F.CANCELLED],
};

/** The action that records each outcome. */
export const OUTCOME_ACTION: Readonly<Record<string, FollowUpAction>> = {
  MET: FollowUpAction.RECORD_MET,
  NOT_REACHED: FollowUpAction.RECORD_NOT_REACHED,
  MOVED: FollowUpAction.RECORD_MOVED,
  RE_MIGRATED: FollowUpAction.RECORD_RE_MIGRATED,
  DECLINED: FollowUpAction.RECORD_DECLINED,
};
