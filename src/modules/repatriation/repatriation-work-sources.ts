import { FOLLOW_UP_ITEM_TYPE, MILESTONE_ITEM_TYPE } from './repatriation.constants';
import { FollowUpStatus, MilestoneStatus } from './repatriation.enums';

/*
 * Repatriation's kinds of work as the secretariat's accountability views count them (a WorkSource of
 * statistics/accountability/work-sources.ts, which lists them; typed there, so this file imports nothing of it).
 */

const province = (agency: string) => `NULLIF(split_part(${agency}.region_code, '.', 1), '')`;

/** When an item left its open status, from its history (else its last change). */
const closedAt = (type: string, alias: string, open: string) =>
  `CASE WHEN ${alias}.status = '${open}' THEN NULL ELSE COALESCE((SELECT min(h.occurred_at) FROM work_item_event h
     WHERE h.item_type = '${type}' AND h.item_id = ${alias}.id AND h.from_status = '${open}'
       AND h.to_status <> '${open}'), ${alias}.updated_at) END`;

/**
 * Milestones, owed by their owner agency while PENDING, overdue past their due instant; the country is the one the
 * operation leaves. A milestone is a planned step, not a question put to the owner, so it has no response time.
 */
export const MILESTONE_WORK = {
  kind: MILESTONE_ITEM_TYPE,
  sql: `SELECT '${MILESTONE_ITEM_TYPE}'::text AS kind, m.id AS item_id, m.owner_agency_id AS agency_id,
         ${province('a')} AS province, o.from_country::text AS country, m.created_at AS opened_at,
         ${closedAt(MILESTONE_ITEM_TYPE, 'm', MilestoneStatus.PENDING)} AS closed_at,
         m.due_at, m.status = '${MilestoneStatus.PENDING}' AS open_now,
         (m.status = '${MilestoneStatus.PENDING}' AND m.due_at < $1) AS overdue_now,
         NULL::timestamptz AS asked_at, NULL::timestamptz AS answered_at
    FROM repatriation_milestone m
    JOIN repatriation_operation o ON o.id = m.operation_id
    JOIN agency a ON a.id = m.owner_agency_id`,
};

/**
 * Follow-up contacts after return, owed by the home region's responsible agency while SCHEDULED, overdue past their
 * due instant. Work at home: no counterpart country; scheduled months ahead, so no response time either.
 */
export const FOLLOW_UP_WORK = {
  kind: FOLLOW_UP_ITEM_TYPE,
  sql: `SELECT '${FOLLOW_UP_ITEM_TYPE}'::text AS kind, f.id AS item_id, f.responsible_agency_id AS agency_id,
         ${province('a')} AS province, NULL::text AS country, f.created_at AS opened_at,
         ${closedAt(FOLLOW_UP_ITEM_TYPE, 'f', FollowUpStatus.SCHEDULED)} AS closed_at,
         f.due_at, f.status = '${FollowUpStatus.SCHEDULED}' AS open_now,
         (f.status = '${FollowUpStatus.SCHEDULED}' AND f.due_at < $1) AS overdue_now,
         NULL::timestamptz AS asked_at, NULL::timestamptz AS answered_at
    FROM follow_up_contact f JOIN agency a ON a.id = f.responsible_agency_id`,
};
