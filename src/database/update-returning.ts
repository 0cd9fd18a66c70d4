import { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE … RETURNING and gives back the returned rows. (TypeORM answers raw UPDATE and DELETE
 * statements on PostgreSQL with `[rows, affectedCount]`, not with the rows.)
 */
export async function updateReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  if (!/^\s*(UPDATE|DELETE)\b[\s\S]*\bRETURNING\b/i.test(sql)) {
    throw new Error('updateReturning runs UPDATE or DELETE statements with a RETURNING clause only.');
  }
  const result: unknown = await manager.query(sql, parameters);
  const rows = Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) ? result[0] : result;
  return rows as T[];
}
