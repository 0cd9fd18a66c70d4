import { EntityManager } from 'typeorm';

import { Period } from '../figures-period';

/** What the activity indicators need of one activity. */
export interface ActivityRow {
  year: string;
  pillar: string;
  duty: string;
  region: string;
  level: string;
  targetGroup: string;
  type: string;
  participantsTotal: number | null;
  female: number;
  male: number;
  sexNotRecorded: number;
  under18: number;
  from18To24: number;
  from25To59: number;
  from60: number;
  ageNotRecorded: number;
  costIdr: number | null;
  fundingSource: string;
}

/**
 * Activities starting in the period (days included at both ends), optionally in one region and the regions inside
 * it. Region and level come from the Kemendagri code: its first part is the province; no code is a national (or
 * online) activity, or one abroad when the country is not Indonesia.
 */
export async function readActivityRows(
  manager: EntityManager,
  period: Period,
  regionCode?: string,
): Promise<ActivityRow[]> {
  const rows: (Omit<ActivityRow, 'costIdr'> & { costIdr: string | null })[] = await manager.query(
    `SELECT extract(year FROM a.starts_on)::int::text AS year, a.pillar::text AS pillar, a.duty::text AS duty,
            CASE WHEN a.region_code IS NOT NULL THEN split_part(a.region_code, '.', 1)
                 WHEN a.country <> 'ID' THEN 'ABROAD' ELSE 'NATIONAL' END AS region,
            CASE WHEN a.region_code IS NULL AND a.country <> 'ID' THEN 'ABROAD'
                 WHEN a.region_code IS NULL THEN 'NATIONAL'
                 WHEN a.region_code LIKE '%.%' THEN 'REGENCY_CITY' ELSE 'PROVINCE' END AS level,
            a.target_group::text AS "targetGroup", a.type::text AS type,
            a.participants_total AS "participantsTotal", a.participants_female AS female,
            a.participants_male AS male, a.participants_sex_not_recorded AS "sexNotRecorded",
            a.participants_under_18 AS "under18", a.participants_18_to_24 AS "from18To24",
            a.participants_25_to_59 AS "from25To59", a.participants_60_plus AS "from60",
            a.participants_age_not_recorded AS "ageNotRecorded",
            a.cost_idr AS "costIdr", a.funding_source::text AS "fundingSource"
       FROM activity a
      WHERE a.starts_on BETWEEN $1::date AND $2::date
        AND ($3::text IS NULL OR a.region_code = $3::text OR a.region_code LIKE $3::text || '.%')
      ORDER BY a.starts_on, a.number`,
    [period.from, period.to, regionCode ?? null],
  );
  return rows.map((row) => ({ ...row, costIdr: row.costIdr === null ? null : Number(row.costIdr) }));
}
