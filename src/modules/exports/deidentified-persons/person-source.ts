import { EntityManager } from 'typeorm';

import { QuasiCombination } from './k-anonymity';
import { QUASI_IDENTIFIERS, QuasiRecord } from './quasi-identifiers';

/** The area an export covers: a task-force unit (the national unit covers every person in the register). */
export interface ExportArea {
  unitId: string;
  national: boolean;
  /** The unit's region code (a province, 53; a regency, 53.71), when it has one. */
  regionCode: string | null;
  /** Only people identified in this year, when given. */
  year: number | null;
}

/**
 * Each person's quasi-identifiers, raw, as SQL columns: age band and sex as recorded, nationality, the province of
 * origin (the person's own region, else the case's), the case's destination countries and exploitation types (sorted
 * lists), and the year of identification (the event date, else the day it was recorded). Nothing else of the person
 * is read: no identity, no code.
 */
const PEOPLE = `
  SELECT v.id,
         v.age_band::text AS "ageBand",
         v.sex::text AS "sex",
         v.nationality::text AS "nationality",
         COALESCE(left(COALESCE(v.origin_region, c.origin_region_code), 2), 'UNKNOWN') AS "originProvince",
         COALESCE((SELECT string_agg(DISTINCT d::text, ',' ORDER BY d::text) FROM unnest(c.destination_countries) d),
                  'UNKNOWN') AS "destinationCountry",
         COALESCE((SELECT string_agg(DISTINCT e::text, ',' ORDER BY e::text) FROM unnest(c.exploitation_types) e),
                  'UNKNOWN') AS "exploitationType",
         extract(year FROM COALESCE(v.identified_on, (v.identified_at AT TIME ZONE 'UTC')::date))::int::text AS "year"
    FROM victim v
    LEFT JOIN trafficking_case c ON c.id = v.case_id
   WHERE v.identification_status IN ('PRESUMED', 'IDENTIFIED')`;

/**
 * Who lives in a unit's area: the national unit's is everyone; another unit's is the people of cases handled in it or
 * in a unit below it, and the people whose region of origin lies in its region.
 */
function areaFilter(area: ExportArea, params: unknown[]): string {
  const conditions: string[] = [];
  if (!area.national) {
    params.push(area.unitId);
    const unitParam = `$${params.length}`;
    const parts = [
      `c.unit_id IN (WITH RECURSIVE below AS (
         SELECT id FROM task_force_unit WHERE id = ${unitParam}
         UNION ALL SELECT u.id FROM task_force_unit u JOIN below ON u.parent_unit_id = below.id)
       SELECT id FROM below)`,
    ];
    if (area.regionCode) {
      params.push(area.regionCode);
      const region = `$${params.length}`;
      parts.push(`COALESCE(v.origin_region, c.origin_region_code) = ${region}`);
      parts.push(`COALESCE(v.origin_region, c.origin_region_code) LIKE ${region} || '.%'`);
    }
    conditions.push(`(${parts.join(' OR ')})`);
  }
  if (area.year !== null) {
    params.push(area.year);
    conditions.push(
      `extract(year FROM COALESCE(v.identified_on, (v.identified_at AT TIME ZONE 'UTC')::date)) = $${params.length}`,
    );
  }
  return conditions.map((condition) => ` AND ${condition}`).join('');
}

/** How many people of the area share each raw combination of quasi-identifiers (one row per combination). */
export async function countCombinations(manager: EntityManager, area: ExportArea): Promise<QuasiCombination[]> {
  const params: unknown[] = [];
  const columns = QUASI_IDENTIFIERS.map((qi) => `"${qi}"`).join(', ');
  const rows: (QuasiRecord & { count: number })[] = await manager.query(
    `SELECT ${columns}, count(*)::int AS count FROM (${PEOPLE}${areaFilter(area, params)}) people GROUP BY ${columns}`,
    params,
  );
  return rows.map(({ count, ...record }) => ({ record, count }));
}

/** The next page of the area's people after `afterId`, in id order (ids are random, so the order tells nothing). */
export async function readPeople(
  manager: EntityManager,
  area: ExportArea,
  afterId: string | null,
  limit: number,
): Promise<(QuasiRecord & { id: string })[]> {
  const params: unknown[] = [];
  const filter = areaFilter(area, params);
  params.push(afterId ?? '00000000-0000-0000-0000-000000000000', limit);
  return manager.query(
    `${PEOPLE}${filter} AND v.id > $${params.length - 1} ORDER BY v.id LIMIT $${params.length}`,
    params,
  );
}
