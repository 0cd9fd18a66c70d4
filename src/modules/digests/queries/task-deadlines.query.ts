import { EntityManager } from 'typeorm';

import { OPEN_STATUSES } from '@app/modules/tasks/task.lifecycle';
import { TaskStatus } from '@app/modules/tasks/task.enums';
import { taskReference } from '@app/modules/tasks/task.constants';

import { DueSoonItem, OverdueItem } from '../digest-content';
import { DAY_MS, itemLink, Scope, wholeDays } from './digest-scope';
import { AGENCY, perRecipient, SUPERVISOR, USER } from './per-recipient';

/** "Due soon": the deadline falls within this long after the digest's moment. */
const DUE_SOON_MS = 7 * DAY_MS;

interface TaskRow {
  side: 'ASSIGNED_TO_US' | 'ASSIGNED_BY_US';
  id: string;
  number: number;
  status: TaskStatus;
  dueAt: Date;
  counterpartAgency: string;
}

export interface TaskDeadlines {
  /** The agency's open tasks due within 7 days. */
  dueSoon: DueSoonItem[];
  /** The agency's open tasks past due. */
  overdue: OverdueItem[];
  /** Open tasks the agency asked of others that are past due there. */
  overdueByOthers: OverdueItem[];
}

/**
 * Open tasks of the agency due before the end of the "due soon" window (due soon and overdue alike), and open
 * tasks the agency asked of another agency that are overdue there. A supervisor sees all of the agency's
 * tasks; everyone else the tasks named for them and those named for nobody (the agency's shared queue). One
 * statement for a batch of recipients, who all share the batch's moment (`now`).
 */
export async function readTaskDeadlines(manager: EntityManager, scopes: readonly Scope[]): Promise<TaskDeadlines[]> {
  if (scopes.length === 0) return [];
  const { now } = scopes[0];
  const perScope = await perRecipient<TaskRow>(
    manager,
    scopes,
    { agency_id: AGENCY, user_id: USER, supervisor: SUPERVISOR },
    `SELECT 'ASSIGNED_TO_US' AS side, t.id, t.number, t.status::text AS status, t.due_at AS "dueAt",
              assigning.acronym AS "counterpartAgency"
         FROM task t JOIN agency assigning ON assigning.id = t.assigning_agency_id
        WHERE t.assignee_agency_id = recipient.agency_id AND t.status = ANY($1::task_status[]) AND t.due_at < $3
          AND (recipient.supervisor OR t.assignee_user_id IS NULL OR t.assignee_user_id = recipient.user_id)
       UNION ALL
       SELECT 'ASSIGNED_BY_US', t.id, t.number, t.status::text, t.due_at, assignee.acronym
         FROM task t JOIN agency assignee ON assignee.id = t.assignee_agency_id
        WHERE t.assigning_agency_id = recipient.agency_id AND t.assignee_agency_id <> recipient.agency_id
          AND t.status = ANY($1::task_status[]) AND t.due_at < $2
        ORDER BY "dueAt", number`,
    [OPEN_STATUSES, now, new Date(now.getTime() + DUE_SOON_MS)],
  );
  return scopes.map((scope, index) => deadlinesOf(perScope[index], scope));
}

function deadlinesOf(tasks: TaskRow[], scope: Scope): TaskDeadlines {
  const mine = tasks.filter((task) => task.side === 'ASSIGNED_TO_US');
  return {
    dueSoon: mine
      .filter((task) => task.dueAt >= scope.now)
      .map((task): DueSoonItem => ({
        kind: 'TASK',
        reference: taskReference(task),
        link: itemLink(scope, 'TASK', task.id),
        counterpartAgency: task.counterpartAgency,
        dueAt: task.dueAt.toISOString(),
        status: task.status,
      })),
    overdue: mine.filter((task) => task.dueAt < scope.now).map((task) => overdueTask(task, scope)),
    overdueByOthers: tasks.filter((task) => task.side === 'ASSIGNED_BY_US').map((task) => overdueTask(task, scope)),
  };
}

function overdueTask(task: TaskRow, scope: Scope): OverdueItem {
  return {
    kind: 'TASK',
    reference: taskReference(task),
    link: itemLink(scope, 'TASK', task.id),
    counterpartAgency: task.counterpartAgency,
    dueAt: task.dueAt.toISOString(),
    daysOverdue: wholeDays(scope.now, task.dueAt),
  };
}
