import { EntityManager } from 'typeorm';

import { CROSS_BORDER_ITEM_TYPE, requestReference } from '@app/modules/cross-border/cross-border.constants';
import { REFERRAL_ITEM_TYPE, referralReference } from '@app/modules/referrals/referral.constants';
import { TaskStatus } from '@app/modules/tasks/task.enums';
import { TASK_ITEM_TYPE, taskReference } from '@app/modules/tasks/task.constants';

import { DigestItemKind, EscalationItem } from '../digest-content';
import { itemLink, Scope } from './digest-scope';
import { AGENCY, LAST_WEEK_START, perRecipient, WEEK_END } from './per-recipient';

interface RungRow {
  kind: DigestItemKind;
  itemId: string;
  number: number;
  rungKey: string;
  firedAt: Date;
}

export interface FiredEscalations {
  /** The escalations of the digest's week, in the order they fired. */
  thisWeek: EscalationItem[];
  /** How many fired in the week before. */
  lastWeekCount: number;
}

/**
 * Escalation rungs that fired in this week or last week on the agency's items: tasks assigned to it (a named
 * assignee is always one of its people), referrals sent to it, requests it filed or that were filed for it.
 * Reminders (rungs before the deadline) are not escalations and are left out.
 *
 * A rung fires only while its item is open (finishing an item cancels what is pending), so a task completed
 * before the period cannot have fired in it: the years of done tasks an agency accumulates are not looked
 * into (completed_at and settled_at are both the application's clock).
 */
export async function readFiredEscalations(
  manager: EntityManager,
  scopes: readonly Scope[],
): Promise<FiredEscalations[]> {
  const perScope = await perRecipient<RungRow>(
    manager,
    scopes,
    { agency_id: AGENCY, last_week_start: LAST_WEEK_START, week_end: WEEK_END },
    `SELECT e.item_type AS kind, e.item_id AS "itemId", item.number, e.rung_key AS "rungKey",
            e.settled_at AS "firedAt"
       FROM escalation_rung e
       JOIN (SELECT $1::text AS item_type, t.id, t.number FROM task t
              WHERE t.assignee_agency_id = recipient.agency_id
                AND (t.status <> $4 OR t.completed_at IS NULL OR t.completed_at >= recipient.last_week_start)
             UNION ALL
             SELECT $2::text, r.id, r.number FROM referral r WHERE r.recipient_agency_id = recipient.agency_id
             UNION ALL
             SELECT $3::text, c.id, c.number FROM cross_border_request c
              WHERE c.on_behalf_of_agency_id = recipient.agency_id OR c.filing_agency_id = recipient.agency_id) item
         ON item.item_type = e.item_type AND item.id = e.item_id
      WHERE e.status = 'FIRED' AND e.settled_at >= recipient.last_week_start AND e.settled_at < recipient.week_end
        AND e.fire_at >= e.deadline_at
      ORDER BY e.settled_at, e.item_type, item.number, e.rung_index`,
    [TASK_ITEM_TYPE, REFERRAL_ITEM_TYPE, CROSS_BORDER_ITEM_TYPE, TaskStatus.DONE],
  );
  return scopes.map((scope, index) => escalationsOf(perScope[index], scope));
}

function escalationsOf(rungs: RungRow[], scope: Scope): FiredEscalations {
  const thisWeek = rungs.filter((rung) => rung.firedAt >= scope.week.start);
  return {
    thisWeek: thisWeek.map((rung): EscalationItem => ({
      kind: rung.kind,
      reference: itemReference(rung.kind, rung.number),
      link: itemLink(scope, rung.kind, rung.itemId),
      rungKey: rung.rungKey,
      firedAt: rung.firedAt.toISOString(),
    })),
    lastWeekCount: rungs.length - thisWeek.length,
  };
}

function itemReference(kind: DigestItemKind, number: number): string {
  switch (kind) {
    case 'TASK':
      return taskReference({ number });
    case 'REFERRAL':
      return referralReference({ number });
    case 'CROSS_BORDER_REQUEST':
      return requestReference({ number });
  }
}
