import { EntityManager } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';

import { VictimEntity } from '../victim.entity';
import { VictimErrorReason, VictimException } from '../victim.exception';

/** Refuses (FORBIDDEN) anyone but the owning agency's officers. */
export function requireVictimOwner(access: AccessService, actor: Actor, victim: VictimEntity): void {
  if (!access.actsForVictimOwner(actor, victim)) {
    throw new VictimException(
      VictimErrorReason.NOT_OWNER,
      `Only the owning agency's officers may do this for ${victim.code}.`,
    );
  }
}

/**
 * Locks a record for a change by the owning agency, in this order: not visible: NOT_FOUND (nothing locked);
 * visible but another agency's: FORBIDDEN; a stale expectedVersion: CONFLICT.
 */
export async function lockVictimForChange(
  manager: EntityManager,
  access: AccessService,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
): Promise<VictimEntity> {
  const visibility = access.victimVisibility(actor, 'victim');
  const victim = await manager
    .getRepository(VictimEntity)
    .createQueryBuilder('victim')
    .where('victim.id = :id', { id })
    .andWhere(visibility.sql, visibility.params)
    .setLock('pessimistic_write', undefined, ['victim'])
    .getOne();
  if (!victim) throw VictimException.notFound(id);
  requireVictimOwner(access, actor, victim);
  if (expectedVersion !== undefined && expectedVersion !== victim.version) {
    throw new VictimException(
      VictimErrorReason.VICTIM_VERSION_CONFLICT,
      `${victim.code} was changed by someone else (now version ${victim.version}); reload and try again.`,
      'expectedVersion',
    );
  }
  return victim;
}

/**
 * Locks a record for work an agency records for the person (identification, a protection step, a service), in this
 * order: not visible: NOT_FOUND (nothing locked); visible but neither the owner's nor a case participant's:
 * FORBIDDEN; a stale expectedVersion: CONFLICT.
 */
export async function lockVictimForWork(
  manager: EntityManager,
  access: AccessService,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
): Promise<VictimEntity> {
  const visibility = access.victimVisibility(actor, 'victim');
  const work = access.victimWorkVisibility(actor, 'victim');
  const rows = await manager
    .getRepository(VictimEntity)
    .createQueryBuilder('victim')
    .addSelect(`(${work.sql})`, 'victim_may_work')
    .where('victim.id = :id', { id })
    .andWhere(visibility.sql, visibility.params)
    .setParameters(work.params)
    .setLock('pessimistic_write', undefined, ['victim'])
    .getRawAndEntities();
  const victim = rows.entities[0];
  if (!victim) throw VictimException.notFound(id);
  if (!(rows.raw[0] as { victim_may_work: boolean }).victim_may_work) {
    throw new VictimException(
      VictimErrorReason.NOT_PARTICIPANT,
      `Only officers of the agency that owns ${victim.code}, or of an agency taking part in its case, may record this.`,
    );
  }
  if (expectedVersion !== undefined && expectedVersion !== victim.version) {
    throw new VictimException(
      VictimErrorReason.VICTIM_VERSION_CONFLICT,
      `${victim.code} was changed by someone else (now version ${victim.version}); reload and try again.`,
      'expectedVersion',
    );
  }
  return victim;
}
