import { EntityManager } from 'typeorm';

import { Actor, hasRole } from '@app/auth/actor';
import { Role } from '@app/kernel/role.enum';

import { ExportArea } from './deidentified-persons/person-source';
import { ExportErrorReason, ExportException } from './export.exception';

export interface SecretariatUnit {
  id: string;
  code: string;
  level: string;
  regionCode: string | null;
}

/**
 * Who may export what: a user holding the SECRETARIAT role, for a task-force unit whose secretariat their agency holds
 * today, and then that unit's area (person-source.ts says which people that is). Units are public reference data, so
 * a refusal names the problem rather than pretending the unit does not exist.
 */
export async function entitledUnit(
  manager: EntityManager,
  actor: Actor,
  unitId: string | undefined,
): Promise<SecretariatUnit> {
  if (!hasRole(actor, Role.SECRETARIAT)) {
    throw new ExportException(
      ExportErrorReason.NOT_ENTITLED,
      'requestExport: only the secretariat of a task-force unit may export its area, and your account does not ' +
        'hold the SECRETARIAT role.',
    );
  }
  const units: SecretariatUnit[] = await manager.query(
    `SELECT u.id, u.code, u.level::text AS level, u.region_code AS "regionCode"
       FROM membership m JOIN task_force_unit u ON u.id = m.unit_id
      WHERE m.agency_id = $1 AND m.role = 'SECRETARIAT'
        AND m.valid_from <= CURRENT_DATE AND (m.valid_to IS NULL OR m.valid_to > CURRENT_DATE)
      ORDER BY u.code`,
    [actor.agencyId],
  );
  if (unitId) {
    const unit = units.find((candidate) => candidate.id === unitId);
    if (unit) return unit;
    throw new ExportException(
      ExportErrorReason.NOT_ENTITLED,
      'unitId: your agency does not hold the secretariat of this task-force unit today; a unit’s secretariat ' +
        'exports its own area.',
      'unitId',
    );
  }
  if (units.length === 1) return units[0];
  if (units.length === 0) {
    throw new ExportException(
      ExportErrorReason.NOT_ENTITLED,
      'requestExport: your agency holds the secretariat of no task-force unit today; only a unit’s secretariat ' +
        'may export its area.',
    );
  }
  throw new ExportException(
    ExportErrorReason.UNIT_REQUIRED,
    `unitId: your agency holds the secretariat of ${units.length} units (${units.map((u) => u.code).join(', ')}); ` +
      'say which one to export.',
    'unitId',
  );
}

export function areaOf(unit: SecretariatUnit, year: number | null): ExportArea {
  return { unitId: unit.id, national: unit.level === 'NATIONAL', regionCode: unit.regionCode, year };
}
