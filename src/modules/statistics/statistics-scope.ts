import { EntityManager } from 'typeorm';

import { Actor, hasRole } from '@app/auth/actor';
import { Role } from '@app/kernel/role.enum';

import { IndicatorSource } from './sources/indicator-source';
import { StatisticsScope } from './statistics.enums';

/** Roles that see their own agency's records, and so its figures in full. */
const AGENCY_STAFF = [Role.LIAISON, Role.SUPERVISOR, Role.CASE_OFFICER, Role.ATTACHE, Role.SECRETARIAT] as const;

/** The task-force units whose secretariat an agency holds today. */
interface SecretariatUnit {
  level: string;
  regionCode: string | null;
  memberAgencyIds: string[];
}

/** Whose records a reader's figures cover, as SQL over an indicator's source. */
export interface ReaderScope {
  scope: StatisticsScope;
  /** Small cells are hidden below this (null: the reader may see the records, nothing is hidden). */
  threshold: number | null;
  /** SQL condition on the source's rows; adds its parameters to `params`. */
  condition(source: IndicatorSource, params: unknown[]): string;
}

/**
 * Who may see what (issue 19): a unit's secretariat sees the figures of its unit's area (records of its member
 * agencies, and records from its region; the national unit's, everything); agency staff their own agency's records;
 * anyone else (partners, counterparts, auditors, administrators) published indicators of the whole register, with
 * small cells suppressed, since they may not see the records underneath.
 */
export async function readerScope(manager: EntityManager, actor: Actor, threshold: number): Promise<ReaderScope> {
  if (hasRole(actor, Role.SECRETARIAT)) {
    const units = await secretariatUnits(manager, actor.agencyId);
    if (units.length > 0) return unitArea(units);
  }
  if (hasRole(actor, ...AGENCY_STAFF)) {
    return {
      scope: StatisticsScope.OWN_AGENCY,
      threshold: null,
      condition: (source, params) => {
        params.push(actor.agencyId);
        return source.agencies(`$${params.length}::uuid`);
      },
    };
  }
  return { scope: StatisticsScope.PUBLISHED, threshold, condition: () => 'TRUE' };
}

/** The area of one task-force unit, as its secretariat sees it (an export built for the unit, in the worker). */
export async function unitScope(manager: EntityManager, unitId: string): Promise<ReaderScope> {
  const units: SecretariatUnit[] = await manager.query(
    `SELECT u.level::text AS level, u.region_code AS "regionCode",
            ARRAY(SELECT m.agency_id FROM membership m WHERE m.unit_id = u.id
                     AND m.valid_from <= CURRENT_DATE AND (m.valid_to IS NULL OR m.valid_to > CURRENT_DATE)) AS "memberAgencyIds"
       FROM task_force_unit u WHERE u.id = $1`,
    [unitId],
  );
  if (units.length === 0) throw new Error(`task-force unit ${unitId} not found`);
  return unitArea(units);
}

function unitArea(units: SecretariatUnit[]): ReaderScope {
  return {
    scope: StatisticsScope.UNIT_AREA,
    threshold: null,
    condition: (source, params) => {
      if (units.some((unit) => unit.level === 'NATIONAL')) return 'TRUE';
      params.push([...new Set(units.flatMap((unit) => unit.memberAgencyIds))]);
      const members = `EXISTS (SELECT 1 FROM unnest($${params.length}::uuid[]) AS member(id) WHERE ${source.agencies('member.id')})`;
      const regions = units.map((unit) => unit.regionCode).filter((code): code is string => code !== null);
      if (!source.region || regions.length === 0) return members;
      params.push(regions);
      const region = `EXISTS (SELECT 1 FROM unnest($${params.length}::text[]) AS area(code)
        WHERE ${source.region} = area.code OR ${source.region} LIKE area.code || '.%')`;
      return `(${members} OR ${region})`;
    },
  };
}

async function secretariatUnits(manager: EntityManager, agencyId: string): Promise<SecretariatUnit[]> {
  return manager.query(
    `SELECT u.level::text AS level, u.region_code AS "regionCode",
            ARRAY(SELECT m.agency_id FROM membership m WHERE m.unit_id = u.id
                     AND m.valid_from <= CURRENT_DATE AND (m.valid_to IS NULL OR m.valid_to > CURRENT_DATE)) AS "memberAgencyIds"
       FROM membership s JOIN task_force_unit u ON u.id = s.unit_id
      WHERE s.agency_id = $1 AND s.role = 'SECRETARIAT'
        AND s.valid_from <= CURRENT_DATE AND (s.valid_to IS NULL OR s.valid_to > CURRENT_DATE)`,
    [agencyId],
  );
}
