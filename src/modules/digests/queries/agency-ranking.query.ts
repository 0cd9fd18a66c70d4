import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';

import { OPEN_STATUSES } from '@app/modules/tasks/task.lifecycle';

import { AgencyRankingItem } from '../digest-content';
import { OPEN_REQUEST_STATUSES, overdueNowSql } from './cross-border-requests.query';
import { Scope } from './digest-scope';

/** The secretariat's ranking names at most this many agencies. */
const RANKING_SIZE = 20;

/**
 * The secretariat's view: every agency holding a role (member, chair, partner …) in a task-force unit whose
 * secretariat the recipient's agency holds, both on the digest's day in the recipient's time zone, ranked by
 * overdue work: open tasks past due at the agency, referrals still unanswered past their respond-by, and its
 * requests with a running stage overdue. Agencies with nothing overdue are left out.
 */
export function readAgencyRanking(
  manager: EntityManager,
  scope: Scope,
  timeZone: string,
): Promise<AgencyRankingItem[]> {
  const today = DateTime.fromJSDate(scope.now, { zone: timeZone }).toISODate();
  return manager.query(
    `WITH members AS (
       SELECT DISTINCT member.agency_id
         FROM membership secretariat
         JOIN membership member ON member.unit_id = secretariat.unit_id
        WHERE secretariat.agency_id = $1 AND secretariat.role = 'SECRETARIAT'
          AND secretariat.valid_from <= $2::date AND (secretariat.valid_to IS NULL OR secretariat.valid_to > $2::date)
          AND member.valid_from <= $2::date AND (member.valid_to IS NULL OR member.valid_to > $2::date)),
     -- Late requests are few: counted once for every agency (filing or home), not scanned again per member.
     late_requests AS (
       SELECT side.agency_id, count(DISTINCT c.id)::int AS n
         FROM cross_border_request c
         CROSS JOIN LATERAL (VALUES (c.on_behalf_of_agency_id), (c.filing_agency_id)) side(agency_id)
        WHERE c.status = ANY($5::cross_border_status[]) AND ${overdueNowSql('c')}
        GROUP BY side.agency_id)
     SELECT a.acronym AS agency, tasks.n AS "overdueTasks", referrals.n AS "overdueReferrals",
            COALESCE(requests.n, 0) AS "overdueRequests", tasks.n + referrals.n + COALESCE(requests.n, 0) AS total
       FROM members m
       JOIN agency a ON a.id = m.agency_id
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS n FROM task t
          WHERE t.assignee_agency_id = m.agency_id AND t.status = ANY($4::task_status[]) AND t.due_at < $3) tasks
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS n FROM referral r
          WHERE r.recipient_agency_id = m.agency_id AND r.status = 'PROPOSED' AND r.respond_by < $3) referrals
       LEFT JOIN late_requests requests ON requests.agency_id = m.agency_id
      WHERE tasks.n + referrals.n + COALESCE(requests.n, 0) > 0
      ORDER BY total DESC, a.acronym, a.code
      LIMIT ${RANKING_SIZE}`,
    [scope.agencyId, today, scope.now, OPEN_STATUSES, OPEN_REQUEST_STATUSES],
  );
}
