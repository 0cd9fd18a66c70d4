import { EntityManager } from 'typeorm';

import { runningStages } from '@app/modules/cross-border/cross-border.lifecycle';
import { RequestStage, RequestStatus } from '@app/modules/cross-border/cross-border.enums';
import { OPEN_REQUEST_STATUSES } from '@app/modules/statistics/accountability/work-sources';
import { requestReference } from '@app/modules/cross-border/cross-border.constants';

import { CrossBorderCountryGroup, OverdueItem } from '../digest-content';
import { hasAudience, itemLink, Scope, wholeDays } from './digest-scope';
import { AGENCY, perRecipient, USER } from './per-recipient';

// One definition of an open and an overdue request, shared with the accountability views (the secretariat's ranking
// and the accountability query count the same work).
export { OPEN_REQUEST_STATUSES, overdueNowSql } from '@app/modules/statistics/accountability/work-sources';

const STAGE_DEADLINE: Record<RequestStage, 'acknowledgeBy' | 'decideBy' | 'executeBy'> = {
  ACKNOWLEDGE: 'acknowledgeBy',
  DECIDE: 'decideBy',
  EXECUTE: 'executeBy',
};

interface RequestRow {
  id: string;
  number: number;
  status: RequestStatus;
  country: string;
  counterpartAgency: string;
  overdueStages: RequestStage[];
  acknowledgeBy: Date | null;
  decideBy: Date | null;
  executeBy: Date | null;
  outstandingSince: Date;
  filedByMe: boolean;
  ofMyAgency: boolean;
}

export interface CrossBorderRequests {
  /** The agency's requests with a running stage overdue. */
  overdue: OverdueItem[];
  /** The requests the recipient follows, per country: an attaché's own, the agency's for liaisons and supervisors. */
  groups: CrossBorderCountryGroup[];
}

/**
 * Open requests of the agency (filed by it, or on its behalf) and those the recipient filed, by country and
 * counterpart. Both directions: for an incoming request the stage still owed is the home agency's.
 */
export async function readCrossBorderRequests(
  manager: EntityManager,
  scopes: readonly Scope[],
): Promise<CrossBorderRequests[]> {
  const perScope = await perRecipient<RequestRow>(
    manager,
    scopes,
    { agency_id: AGENCY, user_id: USER },
    `SELECT c.id, c.number, c.status::text AS status, c.counterpart_country AS country,
            counterpart.acronym AS "counterpartAgency", c.overdue_stages::text[] AS "overdueStages",
            c.acknowledge_by AS "acknowledgeBy", c.decide_by AS "decideBy", c.execute_by AS "executeBy",
            COALESCE(c.submitted_at, c.created_at) AS "outstandingSince",
            c.filed_by_user_id = recipient.user_id AS "filedByMe",
            (c.on_behalf_of_agency_id = recipient.agency_id OR c.filing_agency_id = recipient.agency_id) AS "ofMyAgency"
       FROM cross_border_request c JOIN agency counterpart ON counterpart.id = c.counterpart_agency_id
      WHERE c.status = ANY($1::cross_border_status[])
        AND (c.on_behalf_of_agency_id = recipient.agency_id OR c.filing_agency_id = recipient.agency_id
             OR c.filed_by_user_id = recipient.user_id)
      ORDER BY c.counterpart_country, counterpart.acronym, "outstandingSince", c.number`,
    [OPEN_REQUEST_STATUSES],
  );
  return scopes.map((scope, index) => requestsOf(perScope[index], scope));
}

function requestsOf(requests: RequestRow[], scope: Scope): CrossBorderRequests {
  const homeSide = hasAudience(scope, 'LIAISON') || hasAudience(scope, 'SUPERVISOR');
  return {
    overdue: requests.filter((request) => request.ofMyAgency).flatMap((request) => overdueRequest(request, scope)),
    groups: countryGroups(
      requests.filter(
        (request) => (hasAudience(scope, 'ATTACHE') && request.filedByMe) || (homeSide && request.ofMyAgency),
      ),
      scope,
    ),
  };
}

/** A request is overdue while one of its running stages is; it is late since the earliest such deadline. */
function overdueRequest(request: RequestRow, scope: Scope): OverdueItem[] {
  const deadlines = runningStages(request.status)
    .filter((stage) => request.overdueStages.includes(stage))
    .map((stage) => request[STAGE_DEADLINE[stage]])
    .filter((deadline): deadline is Date => deadline !== null)
    .sort((a, b) => a.getTime() - b.getTime());
  if (deadlines.length === 0) return [];
  return [
    {
      kind: 'CROSS_BORDER_REQUEST',
      reference: requestReference(request),
      link: itemLink(scope, 'CROSS_BORDER_REQUEST', request.id),
      counterpartAgency: request.counterpartAgency,
      dueAt: deadlines[0].toISOString(),
      daysOverdue: wholeDays(scope.now, deadlines[0]),
    },
  ];
}

/** Requests (already ordered by country, counterpart, age) grouped per country. */
function countryGroups(requests: RequestRow[], scope: Scope): CrossBorderCountryGroup[] {
  const groups: CrossBorderCountryGroup[] = [];
  for (const request of requests) {
    const openStage = runningStages(request.status)[0] ?? null;
    let group = groups.at(-1);
    if (group?.country !== request.country) {
      group = { country: request.country, requests: [] };
      groups.push(group);
    }
    group.requests.push({
      reference: requestReference(request),
      link: itemLink(scope, 'CROSS_BORDER_REQUEST', request.id),
      counterpartAgency: request.counterpartAgency,
      status: request.status,
      openStage,
      daysOutstanding: wholeDays(scope.now, request.outstandingSince),
      overdue: openStage !== null && request.overdueStages.includes(openStage),
    });
  }
  return groups;
}
