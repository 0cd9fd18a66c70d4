import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';

import { CaseErrorReason, CaseException } from '../case.exception';
import { CaseEntity } from '../case.entity';
import { caseReference } from '../case-rules';

/** Alias of the case table in queries (CASE itself is an SQL keyword). */
export const CASE_ALIAS = 'trafficking_case';

/**
 * Loads a case for a change in the caller's transaction, in one order: visible? (else NOT_FOUND, nothing locked,
 * even with a stale version) → row lock → expectedVersion (CONFLICT naming the field).
 */
export async function loadCaseForChange(
  manager: EntityManager,
  access: AccessService,
  actor: Actor,
  id: string,
  expectedVersion?: number,
): Promise<CaseEntity> {
  if (!isUUID(id)) throw CaseException.notFound(id);
  const visibility = access.caseVisibility(actor, CASE_ALIAS);
  const found = await manager
    .getRepository(CaseEntity)
    .createQueryBuilder(CASE_ALIAS)
    .where(`${CASE_ALIAS}.id = :caseId`, { caseId: id })
    .andWhere(visibility.sql, visibility.params)
    .setLock('pessimistic_write', undefined, [CASE_ALIAS])
    .getOne();
  if (!found) throw CaseException.notFound(id);
  if (expectedVersion !== undefined && expectedVersion !== found.version) {
    throw new CaseException(
      CaseErrorReason.CASE_VERSION_CONFLICT,
      `Case ${caseReference(found)} was changed by someone else (now version ${found.version}); reload and try again.`,
      'expectedVersion',
    );
  }
  return found;
}

/** A case its lead agency changes (description, justice track): others who see it get FORBIDDEN. */
export async function lockCaseForWork(
  manager: EntityManager,
  access: AccessService,
  actor: Actor,
  id: string,
  expectedVersion?: number,
): Promise<CaseEntity> {
  const found = await loadCaseForChange(manager, access, actor, id);
  if (!access.mayWorkOnCase(actor, found)) {
    throw new CaseException(
      CaseErrorReason.NOT_CASE_HOLDER,
      `Only case officers, liaisons and supervisors of the lead agency can change case ${caseReference(found)}.`,
    );
  }
  return checkVersion(found, expectedVersion);
}

/**
 * A case whose team the actor changes (adds, ends, hands the lead over): the lead agency's officers or the case's
 * unit secretariat. Participants who see the case but manage nothing get FORBIDDEN.
 */
export async function lockCaseForTeam(
  manager: EntityManager,
  access: AccessService,
  actor: Actor,
  id: string,
  expectedVersion?: number,
): Promise<CaseEntity> {
  const found = await loadCaseForChange(manager, access, actor, id);
  const team = access.caseTeamManagement(actor, CASE_ALIAS);
  const manages = await manager
    .getRepository(CaseEntity)
    .createQueryBuilder(CASE_ALIAS)
    .where(`${CASE_ALIAS}.id = :caseId`, { caseId: id })
    .andWhere(team.sql, team.params)
    .getExists();
  if (!manages) {
    throw new CaseException(
      CaseErrorReason.NOT_CASE_TEAM_MANAGER,
      `Only the lead agency's officers and the unit secretariat change the team of case ${caseReference(found)}.`,
    );
  }
  return checkVersion(found, expectedVersion);
}

function checkVersion(found: CaseEntity, expectedVersion: number | undefined): CaseEntity {
  if (expectedVersion !== undefined && expectedVersion !== found.version) {
    throw new CaseException(
      CaseErrorReason.CASE_VERSION_CONFLICT,
      `Case ${caseReference(found)} was changed by someone else (now version ${found.version}); reload and try again.`,
      'expectedVersion',
    );
  }
  return found;
}
