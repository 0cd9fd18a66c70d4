import { EntityManager } from 'typeorm';

import { OPEN_STATUSES } from '@app/modules/tasks/task.lifecycle';
import { TaskStatus } from '@app/modules/tasks/task.enums';

import { Scope } from './digest-scope';
import { AGENCY, LAST_WEEK_START, perRecipient, WEEK_END, WEEK_START } from './per-recipient';

/** The task figures of "this week against last week" (escalations are counted with the escalations). */
export interface WeekTaskCounts {
  openedThisWeek: number;
  openedLastWeek: number;
  completedThisWeek: number;
  completedLastWeek: number;
  overdueNow: number;
  overdueEndOfLastWeek: number;
}

/**
 * Task figures of the agency for this week and last week. Opened: created in the week, assigned to or by the
 * agency. Completed: tasks assigned to the agency that were completed in the week (once each, however often).
 * Overdue: the agency's open tasks past due at the digest's moment, and at the end of last week. For last
 * week, each task's status then is read from its history (a task untouched since had the status it has now);
 * its due date and assignee are taken as they are now, so a task re-dated or reassigned since is judged by its
 * current ones (an approximation, documented).
 *
 * Only tasks written since a moment can have history after it: a status change saves the task (updated_at) in
 * the transaction that writes the history line, on the same database clock. So the history of an agency's
 * untouched tasks is never read, which keeps this cheap for agencies with years of closed tasks. The history is
 * the work-item kernel's one table (work_item_event, item_type TASK).
 */
export async function readWeekTaskCounts(manager: EntityManager, scopes: readonly Scope[]): Promise<WeekTaskCounts[]> {
  if (scopes.length === 0) return [];
  const perScope = await perRecipient<WeekTaskCounts>(
    manager,
    scopes,
    {
      agency_id: AGENCY,
      last_week_start: LAST_WEEK_START,
      week_start: WEEK_START,
      week_end: WEEK_END,
      end_of_last_week: {
        type: 'timestamptz',
        value: (scope) => new Date(Math.min(scope.lastWeek.end.getTime(), scope.now.getTime())),
      },
    },
    `WITH opened AS (
       SELECT count(*) FILTER (WHERE t.created_at >= recipient.week_start)::int AS this_week,
              count(*) FILTER (WHERE t.created_at < recipient.week_start)::int AS last_week
         FROM task t
        WHERE (t.assignee_agency_id = recipient.agency_id OR t.assigning_agency_id = recipient.agency_id)
          AND t.created_at >= recipient.last_week_start AND t.created_at < recipient.week_end),
     completed AS (
       SELECT count(*) FILTER (WHERE done.this_week)::int AS this_week,
              count(*) FILTER (WHERE done.last_week)::int AS last_week
         FROM task t
         CROSS JOIN LATERAL (
           SELECT bool_or(e.occurred_at >= recipient.week_start) AS this_week,
                  bool_or(e.occurred_at < recipient.week_start) AS last_week
             FROM work_item_event e
            WHERE e.item_id = t.id AND e.item_type = 'TASK' AND e.kind = 'TRANSITION' AND e.to_status = $3
              AND e.occurred_at >= recipient.last_week_start AND e.occurred_at < recipient.week_end) done
        WHERE t.assignee_agency_id = recipient.agency_id
          AND t.updated_at >= recipient.last_week_start - interval '1 hour'),
     overdue_now AS (
       SELECT count(*)::int AS n FROM task t
        WHERE t.assignee_agency_id = recipient.agency_id AND t.status = ANY($1::task_status[]) AND t.due_at < $2),
     overdue_then AS (
       SELECT count(*)::int AS n
         FROM task t
         LEFT JOIN LATERAL (
           SELECT e.to_status FROM work_item_event e
            WHERE t.updated_at >= recipient.end_of_last_week AND e.item_id = t.id AND e.item_type = 'TASK'
              AND e.to_status IS NOT NULL AND e.occurred_at < recipient.end_of_last_week
            ORDER BY e.occurred_at DESC LIMIT 1) then_status ON TRUE
        WHERE t.assignee_agency_id = recipient.agency_id AND t.created_at < recipient.end_of_last_week
          AND t.due_at < recipient.end_of_last_week
          AND (CASE WHEN t.updated_at < recipient.end_of_last_week THEN t.status::text
                    ELSE COALESCE(then_status.to_status, $4) END) = ANY($5::text[]))
     SELECT opened.this_week AS "openedThisWeek", opened.last_week AS "openedLastWeek",
            completed.this_week AS "completedThisWeek", completed.last_week AS "completedLastWeek",
            overdue_now.n AS "overdueNow", overdue_then.n AS "overdueEndOfLastWeek"
       FROM opened, completed, overdue_now, overdue_then
      ORDER BY 1`,
    [OPEN_STATUSES, scopes[0].now, TaskStatus.DONE, TaskStatus.OPEN, OPEN_STATUSES],
  );
  return perScope.map((rows) => rows[0]);
}
