import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Loads a row for change with `SELECT … FOR UPDATE`, so concurrent changes to it queue up instead of
 * overwriting each other; when the caller passes the version it last read, a newer version is refused.
 */
export async function lockForChange<T extends ObjectLiteral & { id: string; version?: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  errors: { notFound: () => Error; staleVersion?: (current: T) => Error },
  expectedVersion?: number,
): Promise<T> {
  const row = await manager.findOne(entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
  if (!row) throw errors.notFound();
  if (expectedVersion !== undefined && row.version !== expectedVersion && errors.staleVersion) {
    throw errors.staleVersion(row);
  }
  return row;
}
