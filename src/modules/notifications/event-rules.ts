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
};
