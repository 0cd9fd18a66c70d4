import { EntityManager } from 'typeorm';

import { formatReference } from '@app/kernel/reference';

import { FollowUpDueItem, RepatriationMoveItem } from '../digest-content';
import { Scope } from './digest-scope';
import { AGENCY, localDay, perRecipient, WEEK_END } from './per-recipient';

export interface DigestRepatriation {
  /** "Departures and arrivals this week": operations the recipient's agency takes part in. */
  moves: RepatriationMoveItem[];
  /** "Follow-ups due": contacts after return the recipient's agency owes, due this week or overdue. */
  followUpsDue: FollowUpDueItem[];
}

interface Row {
  section: 'MOVE' | 'FOLLOW_UP';
  id: string;
  number: number;
  move: string | null;
  country: string | null;
  day: string | null;
  done: boolean | null;
  people: number | null;
  victimCode: string | null;
  months: number | null;
  dueAt: Date | null;
}

/**
 * The digest's two repatriation sections, in one statement (the digest runs a fixed number of queries per person):
 *
 * - Departures and arrivals of the week (the days of the recipient's time zone), planned or recorded, of operations
 *   not called off whose departure side, receiving side or a milestone's owner is the recipient's agency.
 * - Follow-up contacts still scheduled that the recipient's agency owes and that fall due before the week ends
 *   (overdue ones included), by the person's pseudonymous code.
 *
 * Codes, days and counts only: never a route, a place or anything of a person beyond the code.
 */
export async function readRepatriation(
  manager: EntityManager,
  scopes: readonly Scope[],
): Promise<DigestRepatriation[]> {
  const perScope = await perRecipient<Row>(
    manager,
    scopes,
    {
      agency_id: AGENCY,
      first_day: { type: 'date', value: (scope) => localDay(scope.week.start, scope.timeZone) },
      end_day: { type: 'date', value: (scope) => localDay(scope.week.end, scope.timeZone) },
      week_end: WEEK_END,
    },
    `WITH concerned AS (
       SELECT o.* FROM repatriation_operation o
        WHERE o.status <> 'CANCELLED'
          AND (o.sending_agency_id = recipient.agency_id OR o.receiving_agency_id = recipient.agency_id
               OR EXISTS (SELECT 1 FROM repatriation_milestone m WHERE m.operation_id = o.id AND m.owner_agency_id = recipient.agency_id))
     ), moves AS (
       SELECT o.id, o.number, 'DEPARTURE' AS move, o.from_country AS country,
              COALESCE(o.departed_on, o.planned_departure_on) AS day, o.departed_on IS NOT NULL AS done
         FROM concerned o
       UNION ALL
       SELECT o.id, o.number, 'ARRIVAL', o.from_country, COALESCE(o.arrived_on, o.planned_arrival_on), o.arrived_on IS NOT NULL
         FROM concerned o
     )
     SELECT 'MOVE' AS section, mv.id, mv.number, mv.move, mv.country::text AS country, mv.day::text AS day, mv.done,
            (SELECT count(*)::int FROM repatriation_operation_person p
              WHERE p.operation_id = mv.id AND (p.onboard OR p.arrived)) AS people,
            NULL::text AS "victimCode", NULL::int AS months, NULL::timestamptz AS "dueAt"
       FROM moves mv
      WHERE mv.day >= recipient.first_day AND mv.day < recipient.end_day
     UNION ALL
     SELECT 'FOLLOW_UP', f.id, f.number, NULL, NULL, NULL, NULL, NULL, f.victim_code, f.months_after_return, f.due_at
       FROM follow_up_contact f
      WHERE f.responsible_agency_id = recipient.agency_id AND f.status = 'SCHEDULED' AND f.due_at < recipient.week_end
      ORDER BY 1, 6, 11, 3`,
  );
  return scopes.map((scope, index) => repatriationOf(perScope[index], scope));
}

function repatriationOf(rows: Row[], scope: Scope): DigestRepatriation {
  return {
    moves: rows
      .filter((row) => row.section === 'MOVE')
      .map((row) => ({
        reference: formatReference('RPT', row.number),
        link: `${scope.publicUrl}/repatriation-operations/${row.id}`,
        move: row.move as string,
        country: row.country as string,
        day: row.day as string,
        done: row.done as boolean,
        people: row.people as number,
      })),
    followUpsDue: rows
      .filter((row) => row.section === 'FOLLOW_UP')
      .map((row) => ({
        reference: formatReference('FUC', row.number),
        link: `${scope.publicUrl}/follow-up-contacts/${row.id}`,
        victimCode: row.victimCode as string,
        monthsAfterReturn: row.months as number,
        dueAt: (row.dueAt as Date).toISOString(),
        overdue: (row.dueAt as Date).getTime() < scope.now.getTime(),
      })),
  };
}
