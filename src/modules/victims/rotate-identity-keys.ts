import { DataSource } from 'typeorm';

import { AppConfig } from '@app/config/app-config';

import { IdentityVault } from './identity-vault';
import { VictimEntity } from './victim.entity';

export interface RotationResult {
  /** The id of the current key, which every record is now sealed with. */
  keyId: string;
  /** Records re-sealed with the current key (and their blind indexes recomputed). */
  rotated: number;
  /** Records already sealed with the current key. */
  current: number;
}

/**
 * Re-seals every victim identity not sealed with the current key, and recomputes its blind indexes, in
 * batches of `batchSize` rows, each batch in its own transaction (rows are locked, so the API keeps working).
 * Run with the new key as PII_ENCRYPTION_KEY and the old one in PII_PREVIOUS_KEYS; rerunning is harmless.
 * Nothing is disclosed: identities are opened and sealed again inside the vault.
 */
export async function rotateIdentityKeys(
  dataSource: DataSource,
  keys: Pick<AppConfig, 'piiEncryptionKey' | 'piiPreviousKeys'>,
  options: { batchSize?: number } = {},
): Promise<RotationResult> {
  const vault = new IdentityVault(keys);
  const batchSize = options.batchSize ?? 500;
  const keyId = vault.cipher.currentKeyId;
  const prefix = `v1.${keyId}.`;
  let rotated = 0;
  for (;;) {
    const done = await dataSource.transaction(async (manager) => {
      const rows = await manager
        .getRepository(VictimEntity)
        .createQueryBuilder('victim')
        .select(['victim.id', 'victim.identitySealed', 'victim.originRegion'])
        .where('victim.identity_sealed NOT LIKE :prefix', { prefix: `${prefix}%` })
        .orderBy('victim.id')
        .limit(batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const row of rows) {
        // No version bump: the record's content did not change, only how it is stored.
        await manager.update(VictimEntity, { id: row.id }, vault.reseal(row));
      }
      rotated += rows.length;
      return rows.length < batchSize;
    });
    if (done) break;
  }
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM victim`);
  return { keyId, rotated, current: Number(count) - rotated };
}
