import { EventPayload } from '@app/queue/outbox-event.entity';
import { Role } from '@app/modules/users/role.enum';

import { NotificationKind } from './notification.enums';
import { NotificationParams } from './notification.entity';
import { RecipientsService } from './recipients.service';

/** What one domain event means for people: a kind, who gets it, and the template parameters. */
export interface EventNotice {
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  reference: string;
  recipients: string[];
  params: NotificationParams;
}

type Rule = (payload: EventPayload, recipients: RecipientsService) => Promise<EventNotice>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** The people doing the work: the named assignee, else the assignee agency's liaisons. */
async function assigneeSide(p: EventPayload, recipients: RecipientsService): Promise<string[]> {
  const named = await recipients.active([str(p.assigneeUserId)]);
  if (named.length > 0) return named;
  return recipients.withRole([String(p.assigneeAgencyId)], [Role.LIAISON]);
}

/** The people who asked: the task's creator and the assigning agency's liaisons. */
async function assigningSide(p: EventPayload, recipients: RecipientsService): Promise<string[]> {
  const liaisons = await recipients.withRole([String(p.assigningAgencyId)], [Role.LIAISON]);
  return [...new Set([...(await recipients.active([str(p.createdByUserId)])), ...liaisons])];
}

function taskRule(kind: NotificationKind, who: (p: EventPayload, r: RecipientsService) => Promise<string[]>): Rule {
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

/** A code as the system writes them (REF-000042, VCT-7K3QX9MB, MEDICAL): anything else is left out, not shown. */
const code = (value: unknown): string => {
  const text = str(value);
  return text !== undefined && /^[A-Z0-9][A-Z0-9_-]{0,39}$/.test(text) ? text : '';
};

/** Users of one agency (when the payload names one) holding any of the roles. */
const agencyRoles = (agencyId: unknown, roles: Role[], recipients: RecipientsService): Promise<string[]> => {
  const id = str(agencyId);
  return id ? recipients.withRole([id], roles) : Promise.resolve([]);
};

/**
 * The provider's side of a referral: the recipient agency's liaisons and case officers, and its partner staff
 * (IOM and NGOs receive referrals through PARTNER accounts).
 */
function providerSide(p: EventPayload, recipients: RecipientsService): Promise<string[]> {
  return agencyRoles(p.recipientAgencyId, [Role.LIAISON, Role.CASE_OFFICER, Role.PARTNER], recipients);
}

/** The referring side: the officer who proposed the referral, and the referring agency's liaisons and officers. */
async function referringSide(p: EventPayload, recipients: RecipientsService): Promise<string[]> {
  const staff = await agencyRoles(p.fromAgencyId, [Role.LIAISON, Role.CASE_OFFICER], recipients);
  return [...new Set([...(await recipients.active([str(p.proposedByUserId)])), ...staff])];
}

/** Both sides: an expired referral needs re-routing by one and is no longer open to the other. */
async function bothSides(p: EventPayload, recipients: RecipientsService): Promise<string[]> {
  return [...new Set([...(await referringSide(p, recipients)), ...(await providerSide(p, recipients))])];
}

/**
 * Referral events carry codes only (reference, the victim's pseudonymous code, service, urgency); the agencies
 * appear by acronym from the directory. Reasons and outcomes stay in Simpul: they are free text.
 */
function referralRule(kind: NotificationKind, who: (p: EventPayload, r: RecipientsService) => Promise<string[]>): Rule {
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
function counterpartSide(p: EventPayload, recipients: RecipientsService): Promise<string[]> {
  return agencyRoles(p.counterpartAgencyId, [Role.COUNTERPART], recipients);
}

/**
 * The side waiting on the counterpart: the officer who filed the request (usually the attaché), the home
 * agency's liaisons, and the attachés of the filing agency (the post that carries the request).
 */
async function requestingSide(p: EventPayload, recipients: RecipientsService): Promise<string[]> {
  return distinct(
    await recipients.active([str(p.filedByUserId)]),
    await agencyRoles(p.onBehalfOfAgencyId, [Role.LIAISON], recipients),
    await agencyRoles(p.filingAgencyId, [Role.ATTACHE], recipients),
  );
}

/** Who decides what follows a lapse (another channel, the formal one): the filer, the home agency's liaisons and supervisors. */
async function deciderSide(p: EventPayload, recipients: RecipientsService): Promise<string[]> {
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
  who: (p: EventPayload, r: RecipientsService) => Promise<string[]>,
  options: CrossBorderOptions = {},
): Rule {
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
        dueAt: deadlineField ? instant(p[deadlineField]) : '',
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

/**
 * Domain events that notify someone, by outbox topic. Topics not listed (task.acknowledged,
 * task.status-changed, task.due-date-changed, referral.in-service …) notify nobody; escalation rungs notify
 * through their own job.
 */
export const EVENT_RULES: Record<string, Rule> = {
  'task.assigned': taskRule(NotificationKind.TASK_ASSIGNED, assigneeSide),
  'task.declined': taskRule(NotificationKind.TASK_DECLINED, assigningSide),
  'task.completed': taskRule(NotificationKind.TASK_COMPLETED, assigningSide),
  'task.reopened': taskRule(NotificationKind.TASK_REOPENED, assigneeSide),
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
};
