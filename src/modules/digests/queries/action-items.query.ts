import { EntityManager } from 'typeorm';

import { decisionReference } from '@app/modules/meetings/meeting.constants';
import { taskReference } from '@app/modules/tasks/task.constants';
import { OPEN_STATUSES } from '@app/modules/tasks/task.lifecycle';

import { ActionItemDueItem, ActionItemsByAgencyItem } from '../digest-content';
import { hasAudience, itemLink, Scope } from './digest-scope';
import { AGENCY, perRecipient, SECRETARIAT, SUPERVISOR, TODAY, USER, WEEK_END, WEEK_START } from './per-recipient';

export interface DigestActionItems {
  /** "Meeting decisions due this week" for the recipient's agency. */
  due: ActionItemDueItem[];
  /** The secretariat's open action items per owner agency. */
  byAgency: ActionItemsByAgencyItem[];
}

interface Row {
  kind: 'DUE' | 'BY_AGENCY';
  taskId: string | null;
  taskNumber: number | null;
  status: string | null;
  dueAt: Date | null;
  meetingNumber: number | null;
  decisionNumber: number | null;
  agency: string | null;
  overdue: number | null;
  open: number | null;
}

/**
 * The digest's two meeting sections, in one statement whatever the recipient's roles (the digest runs a fixed number
 * of queries per person; each part answers nothing for an audience it is not for):
 *
 * - "Meeting decisions due this week": action items the recipient's agency owes, not yet closed by the meeting, whose
 *   task is still in play and due within the digest's week. Named by the task's reference and the decision's
 *   (MTG-000012/3), never by the decision's text (free text stays in Simpul). A supervisor sees all of the agency's;
 *   a liaison those named for them and those named for nobody, as with tasks.
 * - For a secretariat, who owes what: per owner agency, the action items not yet closed of meetings of every unit
 *   whose secretariat the recipient's agency holds (on the digest's day in the recipient's time zone), and how many
 *   are overdue. Agencies owing nothing are left out; the most overdue first.
 */
export async function readActionItems(manager: EntityManager, scopes: readonly Scope[]): Promise<DigestActionItems[]> {
  if (scopes.length === 0) return [];
  const perScope = await perRecipient<Row>(
    manager,
    scopes,
    {
      agency_id: AGENCY,
      user_id: USER,
      week_start: WEEK_START,
      week_end: WEEK_END,
      supervisor: SUPERVISOR,
      home_side: {
        type: 'boolean',
        value: (scope) => hasAudience(scope, 'LIAISON') || hasAudience(scope, 'SUPERVISOR'),
      },
      secretariat: SECRETARIAT,
      today: TODAY,
    },
    `SELECT 'DUE' AS kind, t.id AS "taskId", t.number AS "taskNumber", t.status::text AS status, t.due_at AS "dueAt",
            m.number AS "meetingNumber", d.number AS "decisionNumber",
            NULL::text AS agency, NULL::int AS overdue, NULL::int AS open
       FROM action_item i
       JOIN task t ON t.id = i.task_id
       JOIN meeting_decision d ON d.id = i.decision_id
       JOIN meeting m ON m.id = d.meeting_id
      WHERE recipient.home_side AND i.outcome IS NULL AND t.assignee_agency_id = recipient.agency_id
        AND t.status = ANY($1::task_status[]) AND t.due_at >= recipient.week_start AND t.due_at < recipient.week_end
        AND (recipient.supervisor OR t.assignee_user_id IS NULL OR t.assignee_user_id = recipient.user_id)
     UNION ALL
     SELECT 'BY_AGENCY', NULL, NULL, NULL, NULL, NULL, NULL, owner.acronym,
            (count(*) FILTER (WHERE t.status = ANY($1::task_status[]) AND t.due_at < $2))::int, count(*)::int
       FROM action_item i
       JOIN task t ON t.id = i.task_id
       JOIN agency owner ON owner.id = t.assignee_agency_id
       JOIN meeting_decision d ON d.id = i.decision_id
       JOIN meeting m ON m.id = d.meeting_id
      WHERE recipient.secretariat AND i.outcome IS NULL
        AND m.unit_id IN (
          SELECT secretariat.unit_id FROM membership secretariat
           WHERE secretariat.agency_id = recipient.agency_id AND secretariat.role = 'SECRETARIAT'
             AND secretariat.valid_from <= recipient.today
             AND (secretariat.valid_to IS NULL OR secretariat.valid_to > recipient.today))
      GROUP BY owner.id, owner.acronym
      ORDER BY 1, 5, 3, 9 DESC, 10 DESC, 8`,
    [OPEN_STATUSES, scopes[0].now],
  );
  return scopes.map((scope, index) => actionItemsOf(perScope[index], scope));
}

function actionItemsOf(rows: Row[], scope: Scope): DigestActionItems {
  return {
    due: rows
      .filter((row) => row.kind === 'DUE')
      .map((row) => ({
        reference: taskReference({ number: row.taskNumber as number }),
        link: itemLink(scope, 'TASK', row.taskId as string),
        decision: decisionReference({ number: row.meetingNumber as number }, { number: row.decisionNumber as number }),
        dueAt: (row.dueAt as Date).toISOString(),
        status: row.status as string,
      })),
    byAgency: rows
      .filter((row) => row.kind === 'BY_AGENCY')
      .map((row) => ({ agency: row.agency as string, overdue: row.overdue as number, open: row.open as number })),
  };
}
