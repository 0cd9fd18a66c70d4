import { EntityManager } from 'typeorm';

import { workSql } from './work-sources';

/** Agencies holding a role today (member, chair, partner …) in a unit whose secretariat `agencyId` holds. */
export async function readUnitMembers(manager: EntityManager, agencyId: string, today: string): Promise<string[]> {
  const rows: { agencyId: string }[] = await manager.query(
    `SELECT DISTINCT member.agency_id AS "agencyId"
       FROM membership secretariat
       JOIN membership member ON member.unit_id = secretariat.unit_id
      WHERE secretariat.agency_id = $1 AND secretariat.role = 'SECRETARIAT'
        AND secretariat.valid_from <= $2::date AND (secretariat.valid_to IS NULL OR secretariat.valid_to > $2::date)
        AND member.valid_from <= $2::date AND (member.valid_to IS NULL OR member.valid_to > $2::date)`,
    [agencyId, today],
  );
  return rows.map((row) => row.agencyId);
}

/** Open and overdue work of one group (an agency, a province, a country, or all) and of one kind, or all kinds. */
export interface WorkCountRow {
  dimension: 'AGENCY' | 'PROVINCE' | 'COUNTRY' | 'ALL';
  key: string | null;
  kind: string | null;
  open: number;
  overdue: number;
}

/**
 * Open and overdue work of the agencies, at `now`, grouped by responsible agency, by its province (NATIONAL for an
 * agency without a region) and by counterpart country, each per kind and over all kinds. An item owed by two of the
 * agencies (a request's home and filing agencies) counts for each agency, once in every other group.
 */
export async function readWorkCounts(manager: EntityManager, agencyIds: string[], now: Date): Promise<WorkCountRow[]> {
  if (agencyIds.length === 0) return [];
  const rows: (Omit<WorkCountRow, 'dimension'> & { g: number; agency: string; province: string; country: string })[] =
    await manager.query(
      `WITH work AS (${workSql()}),
       scoped AS (SELECT *, COALESCE(province, 'NATIONAL') AS area, COALESCE(country, '') AS abroad
                    FROM work WHERE agency_id = ANY($2::uuid[]) AND open_now)
       SELECT agency_id::text AS agency, area AS province, abroad AS country, kind,
              count(DISTINCT item_id)::int AS open, (count(DISTINCT item_id) FILTER (WHERE overdue_now))::int AS overdue,
              GROUPING(agency_id, area, abroad, kind)::int AS g
         FROM scoped
        GROUP BY GROUPING SETS ((agency_id, kind), (agency_id), (area, kind), (area), (abroad, kind), (abroad), (kind), ())`,
      [now, agencyIds],
    );
  // GROUPING bits: agency 8, province 4, country 2, kind 1 (set when rolled up).
  const dimensionOf = (g: number): WorkCountRow['dimension'] =>
    (g & 8) === 0 ? 'AGENCY' : (g & 4) === 0 ? 'PROVINCE' : (g & 2) === 0 ? 'COUNTRY' : 'ALL';
  return rows
    .map((row) => {
      const dimension = dimensionOf(row.g);
      const key = dimension === 'AGENCY' ? row.agency : dimension === 'PROVINCE' ? row.province : row.country;
      return {
        dimension,
        key: dimension === 'ALL' ? null : key,
        kind: (row.g & 1) === 0 ? row.kind : null,
        open: row.open,
        overdue: row.overdue,
      };
    })
    .filter((row) => !(row.dimension === 'COUNTRY' && row.key === ''));
}

/** How fast an agency answered work addressed to it (hours from being asked to its first answer). */
export interface ResponseTimeRow {
  agencyId: string;
  responses: number;
  medianHours: number;
  p90Hours: number;
}

/** Response times of the agencies over the answers to work asked of them since `since`. */
export async function readResponseTimes(
  manager: EntityManager,
  agencyIds: string[],
  now: Date,
  since: Date,
): Promise<ResponseTimeRow[]> {
  if (agencyIds.length === 0) return [];
  return manager.query(
    `WITH work AS (${workSql()}),
     answered AS (SELECT agency_id, extract(epoch FROM answered_at - asked_at) / 3600.0 AS hours
                    FROM work WHERE agency_id = ANY($2::uuid[]) AND asked_at >= $3 AND answered_at IS NOT NULL
                     AND answered_at <= $1)
     SELECT agency_id AS "agencyId", count(*)::int AS responses,
            round(percentile_cont(0.5) WITHIN GROUP (ORDER BY hours)::numeric, 1)::float8 AS "medianHours",
            round(percentile_cont(0.9) WITHIN GROUP (ORDER BY hours)::numeric, 1)::float8 AS "p90Hours"
       FROM answered GROUP BY agency_id ORDER BY agency_id`,
    [now, agencyIds, since],
  );
}

/** Open and overdue work at the end of each of the previous weeks (0 = now). */
export interface WeekRow {
  weeksAgo: number;
  at: Date;
  open: number;
  overdue: number;
}

/**
 * The trend: what was open, and overdue, at `now` and at the same instant 1 … `weeks` weeks before, read from when
 * each item was opened and closed. Deadlines are as they stand now (an extension moves the past too).
 */
export async function readTrend(
  manager: EntityManager,
  agencyIds: string[],
  now: Date,
  weeks: number,
): Promise<WeekRow[]> {
  if (agencyIds.length === 0) {
    return Array.from({ length: weeks + 1 }, (_, weeksAgo) => ({
      weeksAgo,
      at: new Date(now.getTime() - weeksAgo * 7 * 86_400_000),
      open: 0,
      overdue: 0,
    }));
  }
  return manager.query(
    `WITH work AS (${workSql()}),
     scoped AS (SELECT * FROM work WHERE agency_id = ANY($2::uuid[])),
     weeks AS (SELECT k AS weeks_ago, $1::timestamptz - make_interval(days => 7 * k) AS at FROM generate_series(0, $3::int) k)
     SELECT w.weeks_ago::int AS "weeksAgo", w.at,
            (count(DISTINCT s.item_id) FILTER (WHERE CASE WHEN w.weeks_ago = 0 THEN s.open_now
               ELSE s.opened_at <= w.at AND (s.closed_at IS NULL OR s.closed_at > w.at) END))::int AS open,
            (count(DISTINCT s.item_id) FILTER (WHERE CASE WHEN w.weeks_ago = 0 THEN s.overdue_now
               ELSE s.opened_at <= w.at AND (s.closed_at IS NULL OR s.closed_at > w.at) AND s.due_at < w.at END))::int AS overdue
       FROM weeks w LEFT JOIN scoped s ON s.opened_at <= w.at
      GROUP BY w.weeks_ago, w.at ORDER BY w.weeks_ago`,
    [now, agencyIds, weeks],
  );
}
