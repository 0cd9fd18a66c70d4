import { STUCK_STATUS_POLICIES, StuckStatusPolicy } from '../stuck-status-policies';

/**
 * Each check as one SELECT giving the same columns: check_kind, record_type, record_id, record_code,
 * responsible_agency_id, detail, since. Parameters: $1 the run's instant, $2 days to a referral, $3 days to a
 * suspect, $4 days after which an entry is late. Days count in UTC.
 */
const TODAY = `($1::timestamptz AT TIME ZONE 'UTC')::date`;
const AT_MIDNIGHT = (day: string) => `((${day})::timestamp AT TIME ZONE 'UTC')`;
const IDENTIFIED_DAY = `COALESCE(v.identified_on, (v.identified_at AT TIME ZONE 'UTC')::date)`;
const REPORTED_DAY = `COALESCE(c.reported_on, (c.created_at AT TIME ZONE 'UTC')::date)`;
const reference = (prefix: string, alias: string) => `'${prefix}-' || lpad(${alias}.number::text, 6, '0')`;

/**
 * Registrations that matched another agency's record, not reconciled yet (for the unit secretariat). The code is the
 * new registration's only: the matched record may belong to an agency outside the secretariat's units, and its code
 * would tell the reader it exists (possibleDuplicates, where the secretariat reconciles, says what it may).
 */
const POSSIBLE_DUPLICATES = `
  SELECT 'POSSIBLE_DUPLICATE_OPEN' AS check_kind, 'POSSIBLE_DUPLICATE' AS record_type, f.id AS record_id,
         COALESCE(nv.code, 'FLAG-' || upper(left(f.id::text, 8))) AS record_code,
         f.reporting_agency_id AS responsible_agency_id, f.matched_on::text AS detail, f.created_at AS since
    FROM victim_duplicate_flag f
    LEFT JOIN victim nv ON nv.id = f.new_victim_id
   WHERE f.status = 'OPEN'`;

/**
 * People identified or presumed N days ago who were never referred and never served, unless they left the track
 * (declined assistance, lost, re-migrated) or were already reintegrated.
 */
const NO_REFERRAL = `
  SELECT 'NO_REFERRAL_AFTER_IDENTIFICATION', 'VICTIM', v.id, v.code, v.owning_agency_id,
         v.identification_status::text, ${AT_MIDNIGHT(`${IDENTIFIED_DAY} + $2::int`)}
    FROM victim v
   WHERE v.identification_status IN ('IDENTIFIED', 'PRESUMED')
     AND v.protection_status NOT IN ('DECLINED_ASSISTANCE', 'LOST_TO_FOLLOW_UP', 'RE_MIGRATED', 'REINTEGRATED')
     AND ${IDENTIFIED_DAY} + $2::int <= ${TODAY}
     AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.victim_id = v.id)
     AND NOT EXISTS (SELECT 1 FROM victim_service s WHERE s.victim_id = v.id)`;

/** Cases with at least one victim and no suspect N days after they were reported (unless found not trafficking). */
const NO_SUSPECT = `
  SELECT 'CASE_WITHOUT_SUSPECT', 'CASE', c.id, ${reference('CASE', 'c')}, c.lead_agency_id, c.status::text,
         ${AT_MIDNIGHT(`${REPORTED_DAY} + $3::int`)}
    FROM trafficking_case c
   WHERE c.status <> 'NOT_TRAFFICKING'
     AND ${REPORTED_DAY} + $3::int <= ${TODAY}
     AND EXISTS (SELECT 1 FROM victim v WHERE v.case_id = c.id AND v.identification_status <> 'NOT_A_VICTIM')
     AND NOT EXISTS (SELECT 1 FROM suspect s WHERE s.case_id = c.id)`;

const STUCK_SOURCES: Partial<Record<StuckStatusPolicy['recordType'], (policy: StuckStatusPolicy) => string>> = {
  CASE: ({ status, days }) => `
  SELECT 'STUCK_IN_STATUS', 'CASE', c.id, ${reference('CASE', 'c')}, c.lead_agency_id, c.status::text,
         c.status_changed_at + interval '${days} days'
    FROM trafficking_case c WHERE c.status = '${status}' AND c.status_changed_at + interval '${days} days' <= $1`,
  REFERRAL: ({ status, days }) => `
  SELECT 'STUCK_IN_STATUS', 'REFERRAL', r.id, ${reference('REF', 'r')}, r.recipient_agency_id, r.status::text,
         r.updated_at + interval '${days} days'
    FROM referral r WHERE r.status = '${status}' AND r.updated_at + interval '${days} days' <= $1`,
  TASK: ({ status, days }) => `
  SELECT 'STUCK_IN_STATUS', 'TASK', t.id, ${reference('TSK', 't')}, t.assignee_agency_id, t.status::text,
         t.updated_at + interval '${days} days'
    FROM task t WHERE t.status = '${status}' AND t.updated_at + interval '${days} days' <= $1`,
  VICTIM: ({ status, days }) => `
  SELECT 'STUCK_IN_STATUS', 'VICTIM', v.id, v.code, v.owning_agency_id, v.protection_status::text,
         v.updated_at + interval '${days} days'
    FROM victim v WHERE v.protection_status = '${status}' AND v.updated_at + interval '${days} days' <= $1`,
  REPATRIATION_MILESTONE: ({ status, days }) => `
  SELECT 'STUCK_IN_STATUS', 'REPATRIATION_MILESTONE', m.id, ${reference('RMS', 'm')}, m.owner_agency_id,
         m.status::text || ' ' || m.type::text, m.due_at + interval '${days} days'
    FROM repatriation_milestone m
   WHERE m.status = '${status}' AND m.due_at + interval '${days} days' <= $1`,
};

/** Items past their status's time (policy data in stuck-status-policies.ts; numbers only, nothing from input). */
const STUCK = STUCK_STATUS_POLICIES.map((policy) => {
  const source = STUCK_SOURCES[policy.recordType];
  if (!source) throw new Error(`No stuck-status check reads ${policy.recordType} records.`);
  return source(policy);
}).join('\n  UNION ALL');

/**
 * People and cases recorded in the last 30 days more than N days after the event they count (identification, the
 * report): historical entries are welcome, but the figures of past periods they change should be looked at.
 */
const ENTERED_LATE = `
  SELECT 'ENTERED_LATE', 'VICTIM', v.id, v.code, v.owning_agency_id,
         'identifiedOn +' || ((v.created_at AT TIME ZONE 'UTC')::date - v.identified_on) || 'd', v.created_at
    FROM victim v
   WHERE v.identified_on IS NOT NULL AND v.created_at >= $1::timestamptz - interval '30 days'
     AND (v.created_at AT TIME ZONE 'UTC')::date - v.identified_on > $4::int
  UNION ALL
  SELECT 'ENTERED_LATE', 'CASE', c.id, ${reference('CASE', 'c')}, c.lead_agency_id,
         'reportedOn +' || ((c.created_at AT TIME ZONE 'UTC')::date - c.reported_on) || 'd', c.created_at
    FROM trafficking_case c
   WHERE c.reported_on IS NOT NULL AND c.created_at >= $1::timestamptz - interval '30 days'
     AND (c.created_at AT TIME ZONE 'UTC')::date - c.reported_on > $4::int`;

/** Every finding of every check, now. */
export const FINDINGS_SQL = [POSSIBLE_DUPLICATES, NO_REFERRAL, NO_SUSPECT, STUCK, ENTERED_LATE].join('\n  UNION ALL');
