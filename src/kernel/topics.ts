/**
 * The catalogue of domain events: every outbox topic and the payload it carries. Emitters (domain modules and the
 * work-item kernel), the outbox relay and the notification rules all type against it, so a misspelt topic or a
 * payload of the wrong shape fails to compile. It is plain types, no code, so it sits in the bottom layer where
 * infrastructure (the relay) and domain modules can both see it.
 *
 * Payloads carry ids, codes, statuses and instants only: never personal data and never free text.
 */

/** Who did it: empty for the system (escalations, expiry, lapses). */
interface ActedBy {
  actorUserId: string | null;
  actingAgencyId: string | null;
}

export type TaskEventPayload = ActedBy & {
  taskId: string;
  reference: string;
  assigningAgencyId: string;
  assigneeAgencyId: string;
  status: string;
  dueAt: string;
  deadlineVersion: number;
  createdByUserId: string;
  assigneeUserId: string | null;
  /** For lifecycle steps: the action taken and the status before it. */
  action?: string;
  fromStatus?: string;
};

export type ReferralEventPayload = ActedBy & {
  referralId: string;
  reference: string;
  /** The person's pseudonymous code (VCT-…), never their identity. */
  victimCode: string;
  fromAgencyId: string;
  recipientAgencyId: string;
  proposedByUserId: string;
  service: string;
  urgency: string;
  status: string;
  respondBy: string;
};

export type CrossBorderEventPayload = ActedBy & {
  requestId: string;
  reference: string;
  direction: string;
  counterpartCountry: string;
  counterpartAgencyId: string;
  onBehalfOfAgencyId: string;
  filingAgencyId: string;
  filedByUserId: string;
  channel: string;
  category: string;
  urgency: string;
  status: string;
  acknowledgeBy: string | null;
  decideBy: string | null;
  executeBy: string | null;
  /** The stage an overdue mark, an extension or a lapse is about. */
  stage: string | null;
  formalRequestId: string | null;
  formalReference: string | null;
};

export type CaseEventPayload = ActedBy & {
  caseId: string;
  reference: string;
  leadAgencyId: string;
  unitId: string;
  status: string;
  fromStatus?: string;
};

/** A change to a case's team: the agency concerned, its role in the case, and the lead after the change. */
export type CaseTeamEventPayload = ActedBy & {
  caseId: string;
  reference: string;
  leadAgencyId: string;
  participantId: string;
  /** The agency added, whose participation ended, or that took over the lead. */
  participantAgencyId: string;
  /** Its role in the case (INVESTIGATION, SOCIAL_REHABILITATION …). */
  role: string;
  /** For a handover: the agency that led the case before. */
  previousLeadAgencyId?: string;
};

export type VictimEventPayload = { victimId: string; code: string; owningAgencyId: string };
export type ProtectionStatusPayload = VictimEventPayload & { from: string; to: string };
export type ConsentEventPayload = {
  consentId: string;
  victimId: string;
  victimCode: string;
  recipientAgencyId: string;
};
/** A registration matched a record the registering agency cannot see; both records are linked for the secretariat. */
export type DuplicateFlagPayload = {
  flagId: string;
  victimId: string;
  existingVictimId: string;
  reportingAgencyId: string;
  matchedOn: string;
};
/** A meeting of a task-force unit: scheduled, or a decision recorded (with the tasks its action items became). */
export type MeetingEventPayload = ActedBy & {
  meetingId: string;
  reference: string;
  unitId: string;
  organiserAgencyId: string;
  type: string;
  startsAt: string;
  decisionId?: string;
  decisionNumber?: number;
  actionItemTaskIds?: string[];
};
/** The meeting closed an action item with an outcome code (the note stays in Simpul: it is free text). */
export type ActionItemClosedPayload = ActedBy & {
  actionItemId: string;
  taskId: string;
  decisionId: string;
  meetingId: string;
  ownerAgencyId: string;
  outcome: string;
};
/** A prevention, training or partnership activity recorded or corrected by its organising agency. */
export type ActivityEventPayload = ActedBy & {
  activityId: string;
  reference: string;
  organiserAgencyId: string;
  type: string;
  startsOn: string;
};
/** A repatriation operation: planned, departed, arrived or called off (codes, agencies and days only). */
export type RepatriationOperationPayload = ActedBy & {
  operationId: string;
  reference: string;
  fromCountry: string;
  sendingAgencyId: string;
  receivingAgencyId: string;
  /** Every agency owing a milestone of the operation. */
  ownerAgencyIds: string[];
  status: string;
  plannedDepartureOn: string;
  plannedArrivalOn: string;
  departedOn: string | null;
  arrivedOn: string | null;
  peopleOnboard: number;
  action?: string;
  fromStatus?: string;
};
/** A milestone of an operation (the person by code, for per-person steps). */
export type RepatriationMilestonePayload = ActedBy & {
  milestoneId: string;
  reference: string;
  operationId: string;
  operationReference: string;
  type: string;
  victimCode: string | null;
  ownerAgencyId: string;
  sendingAgencyId: string;
  receivingAgencyId: string;
  status: string;
  dueAt: string;
  deadlineVersion: number;
  happenedOn: string | null;
  action?: string;
  fromStatus?: string;
};
/** A person moved between operations, or handed to the home region on arrival. */
export type RepatriationPersonPayload = ActedBy & {
  operationId: string;
  reference: string;
  victimCode: string;
  toOperationId?: string | null;
  homeAgencyId?: string | null;
  homeUnitId?: string | null;
  handoverTaskId?: string | null;
  planId?: string | null;
};
/** A follow-up contact after return, or the plan it belongs to (the person by code). */
export type FollowUpEventPayload = ActedBy & {
  followUpId: string | null;
  reference: string;
  planId: string;
  victimCode: string;
  responsibleAgencyId: string;
  sequence: number | null;
  status: string;
  dueAt: string | null;
  deadlineVersion: number | null;
  contactedOn: string | null;
  action?: string;
  fromStatus?: string;
};
export type CommitmentStalledPayload = { commitmentId: string; instrumentId: string; code: string };
/** A job request rather than an event: the relay turns it into the export's job. */
export type ExportRequestedPayload = { exportId: string };
/** An export's file is ready for its requester (ids, codes and instants only). */
export type ExportReadyPayload = {
  exportId: string;
  reference: string;
  requestedByUserId: string;
  kind: string;
  format: string;
  expiresAt: string;
};
/** A job request rather than an event: the relay turns it into the rung's delayed job. */
export type RungScheduledPayload = { fireAt: string };

export interface TopicPayloads {
  'task.assigned': TaskEventPayload;
  'task.acknowledged': TaskEventPayload;
  'task.declined': TaskEventPayload;
  'task.status-changed': TaskEventPayload;
  'task.completed': TaskEventPayload;
  'task.reopened': TaskEventPayload;
  'task.due-date-changed': TaskEventPayload;
  'task.commented': TaskEventPayload;
  /** The due date passed with the task still open (the ladder's first rung at or after it fired). */
  'task.overdue': TaskEventPayload;

  'referral.proposed': ReferralEventPayload;
  'referral.accepted': ReferralEventPayload;
  'referral.declined': ReferralEventPayload;
  'referral.expired': ReferralEventPayload;
  'referral.withdrawn': ReferralEventPayload;
  'referral.in-service': ReferralEventPayload;
  'referral.completed': ReferralEventPayload;
  'referral.discontinued': ReferralEventPayload;

  'cross-border.submitted': CrossBorderEventPayload;
  'cross-border.acknowledged': CrossBorderEventPayload;
  'cross-border.accepted': CrossBorderEventPayload;
  'cross-border.answered': CrossBorderEventPayload;
  'cross-border.partially-answered': CrossBorderEventPayload;
  'cross-border.refused': CrossBorderEventPayload;
  'cross-border.withdrawn': CrossBorderEventPayload;
  'cross-border.closed': CrossBorderEventPayload;
  'cross-border.lapsed': CrossBorderEventPayload;
  'cross-border.deadline-extended': CrossBorderEventPayload;
  'cross-border.stage-overdue': CrossBorderEventPayload;
  'cross-border.formal-channel-proposed': CrossBorderEventPayload;

  'case.opened': CaseEventPayload;
  'case.status-changed': CaseEventPayload;
  'case.participant-added': CaseTeamEventPayload;
  'case.participation-ended': CaseTeamEventPayload;
  'case.lead-handed-over': CaseTeamEventPayload;

  'victim.registered': VictimEventPayload;
  'victim.protection-status-changed': ProtectionStatusPayload;
  'victim.possible-duplicate': DuplicateFlagPayload;
  'consent.recorded': ConsentEventPayload;
  'consent.revoked': ConsentEventPayload;

  'meeting.scheduled': MeetingEventPayload;
  'meeting.decision-recorded': MeetingEventPayload;
  'meeting.action-item-closed': ActionItemClosedPayload;
  'activity.recorded': ActivityEventPayload;
  'activity.corrected': ActivityEventPayload;

  'repatriation.operation-planned': RepatriationOperationPayload;
  'repatriation.departed': RepatriationOperationPayload;
  'repatriation.arrived': RepatriationOperationPayload;
  'repatriation.operation-cancelled': RepatriationOperationPayload;
  'repatriation.milestone-recorded': RepatriationMilestonePayload;
  'repatriation.milestone-closed': RepatriationMilestonePayload;
  'repatriation.person-moved': RepatriationPersonPayload;
  'repatriation.handed-over': RepatriationPersonPayload;
  'reintegration.plan-made': FollowUpEventPayload;
  'follow-up.recorded': FollowUpEventPayload;
  'follow-up.cancelled': FollowUpEventPayload;

  'commitment.stalled': CommitmentStalledPayload;

  'escalation.rung-scheduled': RungScheduledPayload;

  'export.requested': ExportRequestedPayload;
  'export.ready': ExportReadyPayload;
}

export type Topic = keyof TopicPayloads;

/** Every topic, for the checks that walk them (a rule or a declared silence for each). */
export const TOPICS: readonly Topic[] = Object.keys({
  'task.assigned': 1,
  'task.acknowledged': 1,
  'task.declined': 1,
  'task.status-changed': 1,
  'task.completed': 1,
  'task.reopened': 1,
  'task.due-date-changed': 1,
  'task.commented': 1,
  'task.overdue': 1,
  'referral.proposed': 1,
  'referral.accepted': 1,
  'referral.declined': 1,
  'referral.expired': 1,
  'referral.withdrawn': 1,
  'referral.in-service': 1,
  'referral.completed': 1,
  'referral.discontinued': 1,
  'cross-border.submitted': 1,
  'cross-border.acknowledged': 1,
  'cross-border.accepted': 1,
  'cross-border.answered': 1,
  'cross-border.partially-answered': 1,
  'cross-border.refused': 1,
  'cross-border.withdrawn': 1,
  'cross-border.closed': 1,
  'cross-border.lapsed': 1,
  'cross-border.deadline-extended': 1,
  'cross-border.stage-overdue': 1,
  'cross-border.formal-channel-proposed': 1,
  'case.opened': 1,
  'case.status-changed': 1,
  'case.participant-added': 1,
  'case.participation-ended': 1,
  'case.lead-handed-over': 1,
  'victim.registered': 1,
  'victim.protection-status-changed': 1,
  'victim.possible-duplicate': 1,
  'consent.recorded': 1,
  'consent.revoked': 1,
  'meeting.scheduled': 1,
  'meeting.decision-recorded': 1,
  'meeting.action-item-closed': 1,
  'activity.recorded': 1,
  'activity.corrected': 1,
  'repatriation.operation-planned': 1,
  'repatriation.departed': 1,
  'repatriation.arrived': 1,
  'repatriation.operation-cancelled': 1,
  'repatriation.milestone-recorded': 1,
  'repatriation.milestone-closed': 1,
  'repatriation.person-moved': 1,
  'repatriation.handed-over': 1,
  'reintegration.plan-made': 1,
  'follow-up.recorded': 1,
  'follow-up.cancelled': 1,
  'commitment.stalled': 1,
  'escalation.rung-scheduled': 1,
  'export.requested': 1,
  'export.ready': 1,
} satisfies Record<Topic, 1>) as Topic[];

/**
 * One event about one aggregate, typed by its topic. `availableAt`: an armed rung's event, written ahead of its time
 * and published only from then; absent for everything else, published once committed.
 */
export type DomainEvent<T extends Topic = Topic> = {
  [K in T]: { topic: K; aggregateType: string; aggregateId: string; payload: TopicPayloads[K]; availableAt?: Date };
}[T];
