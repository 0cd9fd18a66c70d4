import { DataSource, EntityManager } from 'typeorm';

import { PiiCipher } from '@libs/crypto';

import { AppConfig } from '@app/config/app-config';

import { IdentityVault } from './identity-vault';
import { VictimEntity } from './victim.entity';

export interface RotationResult {
  /** The id of the current key, which the records are now sealed with. */
  keyId: string;
  /** Records re-sealed with the current key (and their blind indexes recomputed). */
  rotated: number;
  /** Records that were already sealed with the current key. */
  current: number;
  /**
   * Records still sealed with an earlier key when the run ended, counted afresh at the end: rows another
   * transaction kept locked past the wait, or written meanwhile by a process still on the old key. While this is
   * above zero the earlier key must stay in PII_PREVIOUS_KEYS.
   */
  remaining: number;
}

export interface RotationOptions {
  batchSize?: number;
  /** How long to wait for a row another transaction holds locked before giving up on it (default 30 s). */
  lockTimeoutMs?: number;
  /** Told how many records need re-sealing, then how many each batch re-sealed (for a progress bar). */
  progress?: { start(total: number): void; advance(count: number): void };
}

/** PostgreSQL's lock_not_available: the lock_timeout passed while waiting for a row lock. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Re-seals every victim identity not sealed with the current key, and recomputes its blind indexes, in batches of
 * `batchSize` rows, each batch in its own transaction, while the API keeps working. Run with the new key as
 * PII_ENCRYPTION_KEY and the old one in PII_PREVIOUS_KEYS; rerunning is harmless.
 *
 * First pass: rows nobody holds, skipping locked ones so an officer's open edit does not stall the run. Second
 * pass: the rows skipped (and any written under the old key meanwhile), waiting up to `lockTimeoutMs` for each
 * batch's locks. Then the stale rows are counted again: `remaining` is what an operator must see before removing
 * the old key, never an assumption that the passes caught everything.
 */
export async function rotateIdentityKeys(
  dataSource: DataSource,
  keys: Pick<AppConfig, 'piiEncryptionKey' | 'piiPreviousKeys'>,
  options: RotationOptions = {},
): Promise<RotationResult> {
  const vault = new IdentityVault(keys);
  const batchSize = options.batchSize ?? 500;
  const lockTimeoutMs = options.lockTimeoutMs ?? 30_000;
  const cipher: PiiCipher = vault.cipher;
  const prefix = `v1.${cipher.currentKeyId}.`;
  const countStale = async (): Promise<number> => {
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM victim WHERE identity_sealed NOT LIKE $1`,
      [`${prefix}%`],
    );
    return Number(count);
  };

  const [{ count: total }] = await dataSource.query(`SELECT count(*)::int AS count FROM victim`);
  const staleAtStart = await countStale();
  options.progress?.start(staleAtStart);

  let rotated = 0;
  const batch = (wait: boolean) =>
    dataSource.transaction(async (manager) => {
      if (wait) await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [`${lockTimeoutMs}ms`]);
      const count = await resealBatch(manager, vault, prefix, batchSize, wait);
      rotated += count;
      if (count > 0) options.progress?.advance(count);
      return count;
    });

  while ((await batch(false)) === batchSize);
  for (;;) {
    try {
      if ((await batch(true)) === 0) break;
    } catch (error) {
      // Still locked after the wait: stop here; the recount below reports what is left.
      if ((error as { driverError?: { code?: string } }).driverError?.code === LOCK_NOT_AVAILABLE) break;
      if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) break;
      throw error;
    }
  }

  const remaining = await countStale();
  return { keyId: cipher.currentKeyId, rotated, current: Math.max(0, Number(total) - staleAtStart), remaining };
}

async function resealBatch(
  manager: EntityManager,
  vault: Pick<IdentityVault, 'reseal'>,
  prefix: string,
  batchSize: number,
  wait: boolean,
): Promise<number> {
  const query = manager
    .getRepository(VictimEntity)
    .createQueryBuilder('victim')
    .select(['victim.id', 'victim.identitySealed', 'victim.originRegion'])
    .where('victim.identity_sealed NOT LIKE :prefix', { prefix: `${prefix}%` })
    .orderBy('victim.id')
    .limit(batchSize)
    .setLock('pessimistic_write');
  const rows = await (wait ? query : query.setOnLocked('skip_locked')).getMany();
  for (const row of rows) {
    // No version bump: the record's content did not change, only how it is stored. Nothing is disclosed: the
    // identity is opened and sealed again inside the vault.
    await manager.update(VictimEntity, { id: row.id }, vault.reseal(row));
  }
  return rows.length;
}
