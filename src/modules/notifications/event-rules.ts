import {
  CaseTeamEventPayload,
  ExportReadyPayload,
  CrossBorderEventPayload,
  FollowUpEventPayload,
  ReferralEventPayload,
  RepatriationMilestonePayload,
  RepatriationOperationPayload,
  TaskEventPayload,
  Topic,
  TopicPayloads,
} from '@app/kernel/topics';
import { Role } from '@app/kernel/role.enum';

import { NotificationKind } from './notification.enums';
import { NotificationParams } from './notification.entity';
import { RecipientLookup } from './recipient-loader';

/** What one domain event means for people: a kind, who gets it, and the template parameters. */
export interface EventNotice {
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  reference: string;
  recipients: string[];
  params: NotificationParams;
}

export type Rule<P> = (payload: P, recipients: RecipientLookup) => Promise<EventNotice>;
type Who<P> = (payload: P, recipients: RecipientLookup) => Promise<string[]>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** The people doing the work: the named assignee, else the assignee agency's liaisons. */
async function assigneeSide(p: TaskEventPayload, recipients: RecipientLookup): Promise<string[]> {
  const named = await recipients.active([str(p.assigneeUserId)]);
  if (named.length > 0) return named;
  return recipients.withRole([p.assigneeAgencyId], [Role.LIAISON]);
}

/** The people who asked: the task's creator and the assigning agency's liaisons. */
async function assigningSide(p: TaskEventPayload, recipients: RecipientLookup): Promise<string[]> {
  const liaisons = await recipients.withRole([p.assigningAgencyId], [Role.LIAISON]);
  return [...new Set([...(await recipients.active([str(p.createdByUserId)])), ...liaisons])];
}

function taskRule(kind: NotificationKind, who: Who<TaskEventPayload>): Rule<TaskEventPayload> {
  return async (p, recipients) => {
    const names = await recipients.agencyNames([
      str(p.assigningAgencyId),
      str(p.assigneeAgencyId),
      str(p.actingAgencyId),
    ]);
    const actor = str(p.actorUserId);
    return {
      kind,
      subjectType: 'Task',
      subjectId: String(p.taskId),
      reference: String(p.reference),
      // Nobody is told about what they did themselves.
      recipients: (await who(p, recipients)).filter((id) => id !== actor),
      params: {
        dueAt: String(p.dueAt ?? ''),
        assigningAgency: names.get(String(p.assigningAgencyId)) ?? '',
        assigneeAgency: names.get(String(p.assigneeAgencyId)) ?? '',
        actingAgency: names.get(String(p.actingAgencyId)) ?? '',
      },
    };
  };
}

/**
 * The agency a case-team change is about: its liaisons and case officers (they now see the case, no longer see it,
 * or lead it). Codes only: the case's reference, the agency's role.
 */
function caseTeamRule(status: 'ADDED' | 'ENDED' | 'LEAD'): Rule<CaseTeamEventPayload> {
  return async (p, recipients) => {
    const names = await recipients.agencyNames([str(p.participantAgencyId), str(p.actingAgencyId)]);
    const actor = str(p.actorUserId);
    const people = await agencyRoles(p.participantAgencyId, [Role.LIAISON, Role.CASE_OFFICER], recipients);
    return {
      kind: NotificationKind.CASE_TEAM_CHANGED,
      subjectType: 'Case',
      subjectId: String(p.caseId),
      reference: code(p.reference),
      recipients: people.filter((id) => id !== actor),
      params: {
        status,
        caseRole: code(p.role),
        assigneeAgency: names.get(String(p.participantAgencyId)) ?? '',
        actingAgency: names.get(String(p.actingAgencyId)) ?? '',
      },
    };
  };
}

/** A code as the system writes them (REF-000042, VCT-7K3QX9MB, MEDICAL): anything else is left out, not shown. */
const code = (value: unknown): string => {
  const text = str(value);
  return text !== undefined && /^[A-Z0-9][A-Z0-9_-]{0,39}$/.test(text) ? text : '';
};

/** Users of one agency (when the payload names one) holding any of the roles. */
const agencyRoles = (agencyId: unknown, roles: Role[], recipients: RecipientLookup): Promise<string[]> => {
  const id = str(agencyId);
  return id ? recipients.withRole([id], roles) : Promise.resolve([]);
};

/**
 * The provider's side of a referral: the recipient agency's liaisons and case officers, and its partner staff
 * (IOM and NGOs receive referrals through PARTNER accounts).
 */
function providerSide(p: ReferralEventPayload, recipients: RecipientLookup): Promise<string[]> {
  return agencyRoles(p.recipientAgencyId, [Role.LIAISON, Role.CASE_OFFICER, Role.PARTNER], recipients);
}

/** The referring side: the officer who proposed the referral, and the referring agency's liaisons and officers. */
async function referringSide(p: ReferralEventPayload, recipients: RecipientLookup): Promise<string[]> {
  const staff = await agencyRoles(p.fromAgencyId, [Role.LIAISON, Role.CASE_OFFICER], recipients);
  return [...new Set([...(await recipients.active([str(p.proposedByUserId)])), ...staff])];
}

/** Both sides: an expired referral needs re-routing by one and is no longer open to the other. */
async function bothSides(p: ReferralEventPayload, recipients: RecipientLookup): Promise<string[]> {
  return [...new Set([...(await referringSide(p, recipients)), ...(await providerSide(p, recipients))])];
}

/**
 * Referral events carry codes only (reference, the victim's pseudonymous code, service, urgency); the agencies
 * appear by acronym from the directory. Reasons and outcomes stay in Simpul: they are free text.
 */
function referralRule(kind: NotificationKind, who: Who<ReferralEventPayload>): Rule<ReferralEventPayload> {
  return async (p, recipients) => {
    const names = await recipients.agencyNames([str(p.fromAgencyId), str(p.recipientAgencyId), str(p.actingAgencyId)]);
    const actor = str(p.actorUserId);
    return {
      kind,
      subjectType: 'Referral',
      subjectId: String(p.referralId),
      reference: code(p.reference),
      // Nobody is told about what they did themselves.
      recipients: (await who(p, recipients)).filter((id) => id !== actor),
      params: {
        dueAt: String(p.respondBy ?? ''),
        victimCode: code(p.victimCode),
        service: code(p.service),
        urgency: code(p.urgency),
        assigningAgency: names.get(String(p.fromAgencyId)) ?? '',
        assigneeAgency: names.get(String(p.recipientAgencyId)) ?? '',
        actingAgency: names.get(String(p.actingAgencyId)) ?? '',
      },
    };
  };
}

/** The deadline of each cross-border stage, by its field in the event payload. */
const STAGE_DEADLINE: Record<string, string> = {
  ACKNOWLEDGE: 'acknowledgeBy',
  DECIDE: 'decideBy',
  EXECUTE: 'executeBy',
};

/** An instant from the payload, normalised to ISO; anything that is not one is left out. */
const instant = (value: unknown): string => {
  const text = str(value);
  const time = text === undefined ? NaN : Date.parse(text);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
};

const distinct = (...groups: string[][]): string[] => [...new Set(groups.flat())];

/**
 * The counterpart agency's own accounts (COUNTERPART). Most counterparts have none: then nobody is told here,
 * and the request travels by its channel (the attaché, the embassy) as it always did.
 */
function counterpartSide(p: CrossBorderEventPayload, recipients: RecipientLookup): Promise<string[]> {
  return agencyRoles(p.counterpartAgencyId, [Role.COUNTERPART], recipients);
}

/**
 * The side waiting on the counterpart: the officer who filed the request (usually the attaché), the home
 * agency's liaisons, and the attachés of the filing agency (the post that carries the request).
 */
async function requestingSide(p: CrossBorderEventPayload, recipients: RecipientLookup): Promise<string[]> {
  return distinct(
    await recipients.active([str(p.filedByUserId)]),
    await agencyRoles(p.onBehalfOfAgencyId, [Role.LIAISON], recipients),
    await agencyRoles(p.filingAgencyId, [Role.ATTACHE], recipients),
  );
}

/** Who decides what follows a lapse (another channel, the formal one): the filer, the home agency's liaisons and supervisors. */
async function deciderSide(p: CrossBorderEventPayload, recipients: RecipientLookup): Promise<string[]> {
  return distinct(
    await recipients.active([str(p.filedByUserId)]),
    await agencyRoles(p.onBehalfOfAgencyId, [Role.LIAISON, Role.SUPERVISOR], recipients),
  );
}

interface CrossBorderOptions {
  /** The stage whose deadline the message shows; PAYLOAD: the event's own `stage` (overdue, extended). */
  stage?: 'ACKNOWLEDGE' | 'DECIDE' | 'EXECUTE' | 'PAYLOAD';
  /** The status the message names, when the topic fixes it. */
  status?: string;
  partial?: boolean;
  deadlineExtended?: boolean;
}

/**
 * Cross-border events carry codes only (the CBR- reference, category, urgency, country, stage, status); agencies
 * appear by acronym from the directory, the deadline as an instant shown in the reader's time zone. The subject,
 * the body, grounds and reasons stay in Simpul: they are free text.
 */
function crossBorderRule(
  kind: NotificationKind,
  who: Who<CrossBorderEventPayload>,
  options: CrossBorderOptions = {},
): Rule<CrossBorderEventPayload> {
  return async (p, recipients) => {
    const names = await recipients.agencyNames([
      str(p.counterpartAgencyId),
      str(p.onBehalfOfAgencyId),
      str(p.filingAgencyId),
      str(p.actingAgencyId),
    ]);
    const name = (id: unknown) => names.get(String(id)) ?? '';
    const stage = options.stage === 'PAYLOAD' ? code(p.stage) : (options.stage ?? '');
    const deadlineField = STAGE_DEADLINE[stage];
    const actor = str(p.actorUserId);
    return {
      kind,
      subjectType: 'CrossBorderRequest',
      subjectId: String(p.requestId),
      reference: code(p.reference),
      // Nobody is told about what they did themselves.
      recipients: (await who(p, recipients)).filter((id) => id !== actor),
      params: {
        dueAt: deadlineField ? instant(p[deadlineField as keyof CrossBorderEventPayload]) : '',
        stage,
        status: options.status ?? code(p.status),
        direction: code(p.direction),
        country: code(p.counterpartCountry),
        category: code(p.category),
        urgency: code(p.urgency),
        formalReference: code(p.formalReference),
        counterpartAgency: name(p.counterpartAgencyId),
        homeAgency: name(p.onBehalfOfAgencyId),
        filingAgency: name(p.filingAgencyId),
        actingAgency: name(p.actingAgencyId),
        ...(options.partial ? { partial: 'true' } : {}),
        ...(options.deadlineExtended ? { deadlineExtended: 'true' } : {}),
      },
    };
  };
}

/** The people who act on repatriation work for an agency: liaisons, case officers and attachés at a post. */
const REPATRIATION_STAFF = [Role.LIAISON, Role.CASE_OFFICER, Role.ATTACHE];

/**
 * An operation's change, told to the agencies it concerns (owners of its milestones, both responsible sides) other
 * than the one that made it. Codes only: the RPT- reference, the country, the status.
 */
function operationRule(
  kind: NotificationKind,
  agencies: (p: RepatriationOperationPayload) => string[],
): Rule<RepatriationOperationPayload> {
  return async (p, recipients) => {
    const names = await recipients.agencyNames([str(p.actingAgencyId)]);
    const told = distinct(agencies(p)).filter((id) => id !== p.actingAgencyId);
    return {
      kind,
      subjectType: 'RepatriationOperation',
      subjectId: String(p.operationId),
      reference: code(p.reference),
      recipients: told.length > 0 ? await recipients.withRole(told, REPATRIATION_STAFF) : [],
      params: {
        status: code(p.status),
        country: code(p.fromCountry),
        actingAgency: names.get(String(p.actingAgencyId)) ?? '',
      },
    };
  };
}

/**
 * A milestone recorded: the owner hears when another agency recorded its step for it; a step of the whole group (the
 * escort, the departure, the arrival) is told to both sides. A person's own step recorded by its owner tells nobody:
 * it shows in the operation's readiness, and a message per person and step would bury the ones that matter.
 */
const milestoneRecorded: Rule<RepatriationMilestonePayload> = async (p, recipients) => {
  const names = await recipients.agencyNames([str(p.actingAgencyId), str(p.ownerAgencyId)]);
  const byOwner = p.actingAgencyId === p.ownerAgencyId;
  const concerned = byOwner
    ? p.victimCode
      ? []
      : [p.sendingAgencyId, p.receivingAgencyId]
    : [p.ownerAgencyId, ...(p.victimCode ? [] : [p.sendingAgencyId, p.receivingAgencyId])];
  const told = distinct(concerned).filter((id) => id !== p.actingAgencyId);
  return {
    kind: NotificationKind.REPATRIATION_UPDATED,
    subjectType: 'RepatriationMilestone',
    subjectId: String(p.milestoneId),
    reference: code(p.reference),
    recipients: told.length > 0 ? await recipients.withRole(told, REPATRIATION_STAFF) : [],
    params: {
      milestoneType: code(p.type),
      operationReference: code(p.operationReference),
      victimCode: code(p.victimCode),
      status: code(p.status),
      assigneeAgency: names.get(String(p.ownerAgencyId)) ?? '',
      actingAgency: names.get(String(p.actingAgencyId)) ?? '',
    },
  };
};

/** A plan made on return: the home region's agency is now responsible for it (the person by code). */
const planAssigned: Rule<FollowUpEventPayload> = async (p, recipients) => ({
  kind: NotificationKind.REINTEGRATION_PLAN_ASSIGNED,
  subjectType: 'ReintegrationPlan',
  subjectId: String(p.planId),
  reference: code(p.victimCode),
  recipients: (await agencyRoles(p.responsibleAgencyId, REPATRIATION_STAFF, recipients)).filter(
    (id) => id !== str(p.actorUserId),
  ),
  params: { victimCode: code(p.victimCode) },
});

/** Only the person who asked for an export is told it is ready (nobody else may download it). */
const exportReadyRule: Rule<ExportReadyPayload> = async (p, recipients) => ({
  kind: NotificationKind.EXPORT_READY,
  subjectType: 'Export',
  subjectId: String(p.exportId),
  reference: code(p.reference),
  recipients: await recipients.active([str(p.requestedByUserId)]),
  params: { dueAt: instant(p.expiresAt), exportKind: code(p.kind), exportFormat: code(p.format) },
});

/** The rules, each typed by its topic's payload. */
export type EventRules = { [T in Topic]?: Rule<TopicPayloads[T]> };

/**
 * Domain events that notify someone, by outbox topic. Every other topic is in SILENT_TOPICS with the reason it
 * tells nobody (a test fails on a topic that is in neither); escalation rungs notify through their own job.
 */
export const EVENT_RULES: EventRules = {
  'task.assigned': taskRule(NotificationKind.TASK_ASSIGNED, assigneeSide),
  'task.declined': taskRule(NotificationKind.TASK_DECLINED, assigningSide),
  'task.completed': taskRule(NotificationKind.TASK_COMPLETED, assigningSide),
  'task.reopened': taskRule(NotificationKind.TASK_REOPENED, assigneeSide),
  // The assignee's side gets the escalation (critical); the side that asked is told too, as a normal notice.
  'task.overdue': taskRule(NotificationKind.TASK_OVERDUE, assigningSide),
  'case.participant-added': caseTeamRule('ADDED'),
  'case.participation-ended': caseTeamRule('ENDED'),
  'case.lead-handed-over': caseTeamRule('LEAD'),
  'task.commented': taskRule(NotificationKind.TASK_COMMENTED, (p, r) =>
    p.actingAgencyId === p.assigningAgencyId ? assigneeSide(p, r) : assigningSide(p, r),
  ),
  'referral.proposed': referralRule(NotificationKind.REFERRAL_PROPOSED, providerSide),
  'referral.accepted': referralRule(NotificationKind.REFERRAL_ACCEPTED, referringSide),
  'referral.declined': referralRule(NotificationKind.REFERRAL_DECLINED, referringSide),
  'referral.expired': referralRule(NotificationKind.REFERRAL_EXPIRED, bothSides),
  'referral.withdrawn': referralRule(NotificationKind.REFERRAL_WITHDRAWN, providerSide),
  'referral.completed': referralRule(NotificationKind.REFERRAL_COMPLETED, referringSide),
  'referral.discontinued': referralRule(NotificationKind.REFERRAL_DISCONTINUED, referringSide),
  // The counterpart's accounts hear what asks something of them or ends their work on it.
  'cross-border.submitted': crossBorderRule(NotificationKind.CROSS_BORDER_SUBMITTED, counterpartSide, {
    stage: 'ACKNOWLEDGE',
  }),
  'cross-border.withdrawn': crossBorderRule(NotificationKind.CROSS_BORDER_UPDATED, counterpartSide, {
    status: 'WITHDRAWN',
  }),
  'cross-border.closed': crossBorderRule(NotificationKind.CROSS_BORDER_UPDATED, counterpartSide, { status: 'CLOSED' }),
  // The requesting side hears every move of the counterpart and every change to the clock.
  'cross-border.acknowledged': crossBorderRule(NotificationKind.CROSS_BORDER_ACKNOWLEDGED, requestingSide, {
    stage: 'DECIDE',
  }),
  'cross-border.accepted': crossBorderRule(NotificationKind.CROSS_BORDER_UPDATED, requestingSide, {
    stage: 'EXECUTE',
    status: 'ACCEPTED',
  }),
  'cross-border.answered': crossBorderRule(NotificationKind.CROSS_BORDER_ANSWERED, requestingSide),
  'cross-border.partially-answered': crossBorderRule(NotificationKind.CROSS_BORDER_ANSWERED, requestingSide, {
    stage: 'EXECUTE',
    partial: true,
  }),
  'cross-border.refused': crossBorderRule(NotificationKind.CROSS_BORDER_REFUSED, requestingSide),
  'cross-border.deadline-extended': crossBorderRule(NotificationKind.CROSS_BORDER_UPDATED, requestingSide, {
    stage: 'PAYLOAD',
    deadlineExtended: true,
  }),
  'cross-border.stage-overdue': crossBorderRule(NotificationKind.CROSS_BORDER_STAGE_OVERDUE, requestingSide, {
    stage: 'PAYLOAD',
  }),
  // A lapse needs a decision on the home side: another channel, the formal one, or letting it go.
  'cross-border.lapsed': crossBorderRule(NotificationKind.CROSS_BORDER_UPDATED, deciderSide, { status: 'LAPSED' }),
  'cross-border.formal-channel-proposed': crossBorderRule(
    NotificationKind.CROSS_BORDER_FORMAL_CHANNEL_PROPOSED,
    deciderSide,
  ),
  // Every agency owing a step hears of the plan once (not once per step); the ladders remind them of each deadline.
  'repatriation.operation-planned': operationRule(NotificationKind.REPATRIATION_PLANNED, (p) => p.ownerAgencyIds),
  'repatriation.departed': operationRule(NotificationKind.REPATRIATION_UPDATED, (p) => [
    ...p.ownerAgencyIds,
    p.sendingAgencyId,
    p.receivingAgencyId,
  ]),
  'repatriation.arrived': operationRule(NotificationKind.REPATRIATION_UPDATED, (p) => [
    ...p.ownerAgencyIds,
    p.sendingAgencyId,
    p.receivingAgencyId,
  ]),
  'repatriation.milestone-recorded': milestoneRecorded,
  'reintegration.plan-made': planAssigned,
  'export.ready': exportReadyRule,
};

/** Topics that notify nobody, on purpose, and why. */
export const SILENT_TOPICS: { readonly [T in Topic]?: string } = {
  'task.acknowledged':
    'The assigning side sees it on the task and in the work queue; acknowledging only stops the reminders.',
  'task.status-changed':
    'Starting, blocking, unblocking and cancelling show on the task; the two sides work on it daily and the digest counts them.',
  'task.due-date-changed':
    "The new date shows in the assignee's work queue and the ladder's reminders now come for it.",
  'referral.in-service': 'Acceptance was notified; the service starting is on the referral, and its end is notified.',
  'case.opened': 'Only the lead agency works a case, and its own officers opened it.',
  'case.status-changed': 'Only the lead agency works a case, and its own officers moved it.',
  'victim.registered': 'A registration tells nobody outside the owning agency that a person exists.',
  'victim.protection-status-changed': 'The protection track is the owning agency’s own record.',
  'victim.possible-duplicate':
    'The unit secretariat finds the flag in possibleDuplicates; a message would announce that the person exists.',
  'consent.recorded':
    'Consent is recorded by the owning agency; the recipient learns of the person through a referral.',
  'consent.revoked':
    'Access ends on the next request; a message would only repeat the person’s code to another agency.',
  'meeting.scheduled':
    'Invitations go out from the secretariat as letters, as they do today; the meeting shows in `meetings` for every member and invitee.',
  'meeting.decision-recorded':
    'Each action item is a task, and its owner agency is told by task.assigned; the decision itself is on the meeting.',
  'meeting.action-item-closed':
    'The outcome shows on the meeting and at the next one; the owner agency closed its task or was at the meeting that closed it.',
  'activity.recorded': 'Activities are records of what happened; they count in the figures and ask nothing of anyone.',
  'activity.corrected':
    'A correction is kept in the activity’s history and changes the figures; it asks nothing of anyone.',
  'repatriation.operation-cancelled':
    'No mutation calls an operation off yet; the lifecycle keeps the step for when one does, and it would show on the operation.',
  'repatriation.milestone-closed':
    'A waived or cancelled step shows on the operation and in its readiness; its ladder stops, which is what the owner needs.',
  'repatriation.person-moved':
    'Both operations show the move in their people and history; the pending steps on the new one reach their owners by their ladders.',
  'repatriation.handed-over':
    'The home region hears through its handover task (task.assigned), its joining the case (case.participant-added) and the plan (reintegration.plan-made).',
  'follow-up.recorded':
    'The outcome shows on the plan and, when it ends the track, on the person; the responsible agency recorded it itself.',
  'follow-up.cancelled': 'A contact no longer owed after the track ended; the plan shows why.',
  'commitment.stalled': 'Stalled commitments are listed in the weekly digest, where the owners read them together.',
  'escalation.rung-scheduled':
    'No longer written (rungs are scheduled in PostgreSQL); a row left from before is dropped.',
  'export.requested': 'A job request, not an event: the relay turns it into the export’s job.',
};
