import { EntityManager } from 'typeorm';

import { ActionItemOutcome } from '@app/modules/meetings/meeting.enums';
import { TaskStatus } from '@app/modules/tasks/task.enums';

import { Period } from '../figures-period';
import { ActionItemState } from '../timeliness';

export interface ActionItemRow extends ActionItemState {
  ownerAgencyId: string;
  ownerAgencyCode: string;
}

/**
 * Action items due on a day of the period in the owner agency's time zone, of one unit's meetings or of all, with
 * what decides their timeliness (read from their tasks; nothing here writes).
 */
export async function readActionItemsDue(
  manager: EntityManager,
  period: Period,
  unitId?: string,
): Promise<ActionItemRow[]> {
  const rows: {
    ownerAgencyId: string;
    ownerAgencyCode: string;
    dueAt: Date;
    taskStatus: TaskStatus;
    completedAt: Date | null;
    outcome: ActionItemOutcome | null;
    closedAt: Date | null;
  }[] = await manager.query(
    `SELECT t.assignee_agency_id AS "ownerAgencyId", owner.code AS "ownerAgencyCode", t.due_at AS "dueAt", t.status::text AS "taskStatus",
            t.completed_at AS "completedAt", i.outcome::text AS outcome, i.closed_at AS "closedAt"
       FROM action_item i
       JOIN task t ON t.id = i.task_id
       JOIN agency owner ON owner.id = t.assignee_agency_id
       JOIN meeting_decision d ON d.id = i.decision_id
       JOIN meeting m ON m.id = d.meeting_id
      WHERE (t.due_at AT TIME ZONE owner.time_zone)::date BETWEEN $1::date AND $2::date
        AND ($3::uuid IS NULL OR m.unit_id = $3::uuid)
      ORDER BY t.due_at, t.number`,
    [period.from, period.to, unitId ?? null],
  );
  return rows;
}
