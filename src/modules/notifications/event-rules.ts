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

/**
 * Domain events that notify someone, by outbox topic. Topics not listed (task.acknowledged,
 * task.status-changed, task.due-date-changed …) notify nobody; escalation rungs notify through their own job.
 */
export const EVENT_RULES: Record<string, Rule> = {
  'task.assigned': taskRule(NotificationKind.TASK_ASSIGNED, assigneeSide),
  'task.declined': taskRule(NotificationKind.TASK_DECLINED, assigningSide),
  'task.completed': taskRule(NotificationKind.TASK_COMPLETED, assigningSide),
  'task.reopened': taskRule(NotificationKind.TASK_REOPENED, assigneeSide),
  'task.commented': taskRule(NotificationKind.TASK_COMMENTED, (p, r) =>
    p.actingAgencyId === p.assigningAgencyId ? assigneeSide(p, r) : assigningSide(p, r),
  ),
};
