import { runningStages } from '@app/modules/cross-border/cross-border.lifecycle';
import { RequestStatus } from '@app/modules/cross-border/cross-border.enums';
import { FOLLOW_UP_WORK, MILESTONE_WORK } from '@app/modules/repatriation/repatriation-work-sources';
import { OPEN_STATUSES } from '@app/modules/tasks/task.lifecycle';

/** Requests still waiting for a stage (the counterpart's, or ours for an incoming one). */
export const OPEN_REQUEST_STATUSES = [RequestStatus.SUBMITTED, RequestStatus.ACKNOWLEDGED, RequestStatus.ACCEPTED];

/**
 * SQL condition on a request alias: a stage whose deadline passed is still running. A stage marked overdue that
 * was done late since (acknowledged after its acknowledge-by) stays in overdue_stages as history, but the request
 * is no longer late for it. Built from the lifecycle table so the two never disagree.
 */
export const overdueNowSql = (alias: string): string =>
  `${alias}.overdue_stages::text[] && (CASE ${alias}.status::text ${OPEN_REQUEST_STATUSES.map(
    (status) => `WHEN '${status}' THEN ARRAY[${runningStages(status).map((stage) => `'${stage}'`)}]`,
  ).join(' ')} ELSE ARRAY[]::text[] END)`;

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * One kind of work one agency owes another, as the accountability views read it. `sql` selects, with `$1` the
 * instant of the view, one row per (item, responsible agency):
 *   kind, item_id, agency_id, province (text, or NULL), country (text, or NULL),
 *   opened_at, closed_at (when it stopped being owed; NULL while open), due_at, open_now, overdue_now,
 *   asked_at, answered_at (the first answer of the responsible side, for response times; NULL when none).
 * The list is open: repatriation milestones and follow-up contacts join it with a declaration of their own
 * (repatriation/repatriation-work-sources.ts), listed here so every process (api, worker, digest CLI) counts them.
 */
export interface WorkSource {
  kind: string;
  sql: string;
}

const province = (agency: string) => `NULLIF(split_part(${agency}.region_code, '.', 1), '')`;

/** Tasks, owed by the assignee: open in the lifecycle's open statuses, overdue past their due instant. */
const TASKS: WorkSource = {
  kind: 'TASK',
  sql: `SELECT 'TASK'::text AS kind, t.id AS item_id, t.assignee_agency_id AS agency_id, ${province('a')} AS province,
         cb.counterpart_country::text AS country, t.created_at AS opened_at,
         CASE WHEN t.status IN (${list(OPEN_STATUSES)}) THEN NULL ELSE COALESCE(t.completed_at, t.updated_at) END AS closed_at,
         t.due_at, t.status IN (${list(OPEN_STATUSES)}) AS open_now,
         (t.status IN (${list(OPEN_STATUSES)}) AND t.due_at < $1) AS overdue_now,
         t.created_at AS asked_at,
         (SELECT min(h.occurred_at) FROM work_item_event h
           WHERE h.item_type = 'TASK' AND h.item_id = t.id AND h.from_status = 'OPEN'
             AND h.to_status NOT IN ('OPEN', 'CANCELLED')) AS answered_at
    FROM task t JOIN agency a ON a.id = t.assignee_agency_id
    LEFT JOIN cross_border_request cb ON cb.id = t.cross_border_request_id`,
};

/** Referrals awaiting the recipient's answer (PROPOSED), overdue past their respond-by. */
const REFERRALS: WorkSource = {
  kind: 'REFERRAL',
  sql: `SELECT 'REFERRAL'::text AS kind, r.id AS item_id, r.recipient_agency_id AS agency_id, ${province('a')} AS province,
         NULL::text AS country, r.created_at AS opened_at,
         CASE WHEN r.status = 'PROPOSED' THEN NULL ELSE COALESCE(answer.at, r.updated_at) END AS closed_at,
         r.respond_by AS due_at, r.status = 'PROPOSED' AS open_now,
         (r.status = 'PROPOSED' AND r.respond_by < $1) AS overdue_now,
         r.created_at AS asked_at, answer.at AS answered_at
    FROM referral r JOIN agency a ON a.id = r.recipient_agency_id
    LEFT JOIN LATERAL (SELECT min(h.occurred_at) AS at FROM work_item_event h
       WHERE h.item_type = 'REFERRAL' AND h.item_id = r.id AND h.from_status = 'PROPOSED'
         AND h.to_status IN ('ACCEPTED', 'DECLINED')) answer ON TRUE`,
};

/**
 * Cross-border requests with a stage running, owed on our side by the home agency and the filing one (each answers
 * for it), overdue when a running stage's deadline passed.
 */
const CROSS_BORDER_STAGES: WorkSource = {
  kind: 'CROSS_BORDER_REQUEST',
  sql: `SELECT DISTINCT ON (c.id, side.agency_id) 'CROSS_BORDER_REQUEST'::text AS kind, c.id AS item_id,
         side.agency_id, ${province('a')} AS province, c.counterpart_country::text AS country,
         COALESCE(c.submitted_at, c.created_at) AS opened_at,
         CASE WHEN c.status IN (${list(OPEN_REQUEST_STATUSES)}) THEN NULL ELSE COALESCE(c.ended_at, c.answered_at, c.updated_at) END AS closed_at,
         COALESCE(CASE c.status WHEN 'SUBMITTED' THEN c.acknowledge_by WHEN 'ACKNOWLEDGED' THEN c.decide_by ELSE c.execute_by END,
                  c.execute_by) AS due_at,
         c.status IN (${list(OPEN_REQUEST_STATUSES)}) AS open_now,
         (c.status IN (${list(OPEN_REQUEST_STATUSES)}) AND ${overdueNowSql('c')}) AS overdue_now,
         -- Only an incoming request's acknowledgement is ours to give; the counterparts' own times are elsewhere
         -- (cross-border/statistics).
         CASE WHEN c.direction = 'INCOMING' THEN c.submitted_at END AS asked_at,
         CASE WHEN c.direction = 'INCOMING' THEN c.acknowledged_at END AS answered_at
    FROM cross_border_request c
    CROSS JOIN LATERAL (VALUES (c.on_behalf_of_agency_id), (c.filing_agency_id)) side(agency_id)
    JOIN agency a ON a.id = side.agency_id
   WHERE c.submitted_at IS NOT NULL`,
};

/** Every kind of work the accountability views count. Add a kind here (or through `addWorkSource`) to count it. */
export const WORK_SOURCES: WorkSource[] = [TASKS, REFERRALS, CROSS_BORDER_STAGES, MILESTONE_WORK, FOLLOW_UP_WORK];

/** Lets a module that owns a kind of work (repatriation milestones) add it without editing this file. */
export function addWorkSource(source: WorkSource): void {
  if (!WORK_SOURCES.some((known) => known.kind === source.kind)) WORK_SOURCES.push(source);
}

/** The union of every source, as one SQL relation named `work`. */
export function workSql(): string {
  return WORK_SOURCES.map((source) => `(${source.sql})`).join('\n UNION ALL \n');
}
