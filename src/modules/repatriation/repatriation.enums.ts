import { registerEnumType } from '@nestjs/graphql';

/** Where a repatriation operation stands: planned, on the way, home; or called off before leaving. */
export enum OperationStatus {
  PLANNED = 'PLANNED',
  DEPARTED = 'DEPARTED',
  ARRIVED = 'ARRIVED',
  CANCELLED = 'CANCELLED',
}

export enum OperationAction {
  DEPART = 'DEPART',
  ARRIVE = 'ARRIVE',
  CANCEL = 'CANCEL',
}

/** The two responsible agencies: the one on the departure side (a mission abroad) and the one receiving at home. */
export enum OperationSide {
  SENDING = 'SENDING',
  RECEIVING = 'RECEIVING',
}

/** The steps of bringing people home (DOMAIN.md section 3, RepatriationOperation). */
export enum MilestoneType {
  TRAVEL_DOCUMENT_ISSUED = 'TRAVEL_DOCUMENT_ISSUED',
  EXIT_CLEARANCE_GRANTED = 'EXIT_CLEARANCE_GRANTED',
  MEDICAL_CLEARANCE = 'MEDICAL_CLEARANCE',
  FINES_SETTLED = 'FINES_SETTLED',
  ESCORT_ASSIGNED = 'ESCORT_ASSIGNED',
  DEPARTED = 'DEPARTED',
  ARRIVED = 'ARRIVED',
  HANDED_OVER = 'HANDED_OVER',
}

export enum MilestoneStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  /** Not needed for this person or group (a reason is kept). */
  WAIVED = 'WAIVED',
  /** The person left the operation, or the operation was called off. */
  CANCELLED = 'CANCELLED',
}

export enum MilestoneAction {
  RECORD = 'RECORD',
  RECORD_FOR_OWNER = 'RECORD_FOR_OWNER',
  WAIVE = 'WAIVE',
  CANCEL = 'CANCEL',
}

/** The owner agency records its own step; the operation's responsible agencies may record it for the owner. */
export enum MilestoneSide {
  OWNER = 'OWNER',
  COORDINATOR = 'COORDINATOR',
}

/** Which agency a policy's milestone falls to. */
export enum MilestoneOwnerSide {
  SENDING = 'SENDING',
  RECEIVING = 'RECEIVING',
  /** The foreign authority (immigration, courts): named on the operation as its counterpart. */
  COUNTERPART = 'COUNTERPART',
}

/** When a milestone is due: counted from the planned departure or the planned arrival. */
export enum MilestoneAnchor {
  DEPARTURE = 'DEPARTURE',
  ARRIVAL = 'ARRIVAL',
}

/** What a person's return and after needs (DOMAIN.md section 3, ReintegrationPlan). */
export enum ReintegrationNeed {
  MEDICAL = 'MEDICAL',
  PSYCHOSOCIAL = 'PSYCHOSOCIAL',
  SHELTER = 'SHELTER',
  FAMILY_TRACING = 'FAMILY_TRACING',
  LIVELIHOOD = 'LIVELIHOOD',
  EDUCATION = 'EDUCATION',
  LEGAL_AID = 'LEGAL_AID',
  RESTITUTION = 'RESTITUTION',
  DOCUMENTS = 'DOCUMENTS',
}

export enum NeedStatus {
  OPEN = 'OPEN',
  MET = 'MET',
  DROPPED = 'DROPPED',
}

export enum PlanStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

export enum FollowUpStatus {
  SCHEDULED = 'SCHEDULED',
  MET = 'MET',
  NOT_REACHED = 'NOT_REACHED',
  MOVED = 'MOVED',
  RE_MIGRATED = 'RE_MIGRATED',
  DECLINED = 'DECLINED',
  /** The person's track ended before this contact (reintegrated, lost, re-migrated, declined). */
  CANCELLED = 'CANCELLED',
}

/** What a follow-up contact found. */
export enum FollowUpOutcome {
  MET = 'MET',
  NOT_REACHED = 'NOT_REACHED',
  MOVED = 'MOVED',
  RE_MIGRATED = 'RE_MIGRATED',
  DECLINED = 'DECLINED',
}

export enum FollowUpAction {
  RECORD_MET = 'RECORD_MET',
  RECORD_NOT_REACHED = 'RECORD_NOT_REACHED',
  RECORD_MOVED = 'RECORD_MOVED',
  RECORD_RE_MIGRATED = 'RECORD_RE_MIGRATED',
  RECORD_DECLINED = 'RECORD_DECLINED',
  CANCEL = 'CANCEL',
}

export enum FollowUpSide {
  RESPONSIBLE = 'RESPONSIBLE',
  /** Simpul itself, when an outcome ends the person's track and the later contacts are no longer owed. */
  SYSTEM = 'SYSTEM',
}

registerEnumType(OperationStatus, {
  name: 'RepatriationOperationStatus',
  description: 'PLANNED → DEPARTED → ARRIVED; CANCELLED before departure.',
});
registerEnumType(OperationAction, { name: 'RepatriationOperationAction', description: 'A step of an operation.' });
registerEnumType(MilestoneType, { name: 'MilestoneType', description: 'A step of bringing people home.' });
registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  description:
    'PENDING until DONE, WAIVED (with a reason) or CANCELLED (the person left, the operation was called off).',
});
registerEnumType(MilestoneOwnerSide, { name: 'MilestoneOwnerSide', description: 'Which agency a milestone falls to.' });
registerEnumType(MilestoneAnchor, { name: 'MilestoneAnchor', description: 'What a milestone deadline counts from.' });
registerEnumType(ReintegrationNeed, { name: 'ReintegrationNeed', description: 'A need assessed after return.' });
registerEnumType(NeedStatus, { name: 'ReintegrationNeedStatus', description: 'OPEN, MET or DROPPED.' });
registerEnumType(PlanStatus, { name: 'ReintegrationPlanStatus', description: 'ACTIVE until the track ends.' });
registerEnumType(FollowUpStatus, {
  name: 'FollowUpStatus',
  description: 'A follow-up contact: scheduled, or its outcome.',
});
registerEnumType(FollowUpOutcome, { name: 'FollowUpOutcome', description: 'What a follow-up contact found.' });
registerEnumType(FollowUpAction, { name: 'FollowUpAction', description: 'A step on a follow-up contact.' });
registerEnumType(MilestoneAction, { name: 'MilestoneAction', description: 'A step on a milestone.' });
