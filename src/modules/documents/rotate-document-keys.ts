import { DataSource } from 'typeorm';

import { AppConfig } from '@app/config/app-config';

import { DocumentSealer } from './document-sealer';
import { DocumentEntity } from './document.entity';

export interface DocumentRotationResult {
  /** Documents re-sealed with the current key (file and name). */
  rotated: number;
  /** Documents already sealed with it. */
  current: number;
  /** Documents still under an earlier key at the end (rows held locked past the wait); keep the old key while > 0. */
  remaining: number;
}

export interface DocumentRotationOptions {
  /** Documents per transaction (default 20; each is opened and sealed again in memory, one at a time). */
  batchSize?: number;
  /** How long to wait for a row another transaction holds before leaving it for the next run (default 30 s). */
  lockTimeoutMs?: number;
  progress?: { start(total: number): void; advance(count: number): void };
}

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Re-seals every document not sealed with the current personal-data key (`npm run pii:rotate` runs it after the
 * victims' identities), in small batches, each its own transaction, while the API keeps serving. Only the ids and
 * key ids of a batch are read at first; each file is then loaded, opened, sealed again and written back alone, so
 * memory holds one file at a time. Documents never change after upload, so a row is locked only by another
 * rotation: rows held longer than the wait are left and counted in `remaining`.
 */
export async function rotateDocumentKeys(
  dataSource: DataSource,
  keys: Pick<AppConfig, 'piiEncryptionKey' | 'piiPreviousKeys'>,
  options: DocumentRotationOptions = {},
): Promise<DocumentRotationResult> {
  const sealer = new DocumentSealer(keys);
  const currentKeyId = sealer.cipher.currentKeyId;
  const batchSize = options.batchSize ?? 20;
  const lockTimeoutMs = options.lockTimeoutMs ?? 30_000;
  const countStale = async (): Promise<number> => {
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM document WHERE key_id <> $1`, [
      currentKeyId,
    ]);
    return Number(count);
  };
  const [{ count: total }] = await dataSource.query(`SELECT count(*)::int AS count FROM document`);
  const staleAtStart = await countStale();
  options.progress?.start(staleAtStart);

  let rotated = 0;
  for (;;) {
    let count: number;
    try {
      count = await dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [`${lockTimeoutMs}ms`]);
        const batch: { id: string }[] = await manager
          .getRepository(DocumentEntity)
          .createQueryBuilder('document')
          .select('document.id', 'id')
          .where('document.key_id <> :currentKeyId', { currentKeyId })
          .orderBy('document.id')
          .limit(batchSize)
          .setLock('pessimistic_write')
          .getRawMany();
        for (const { id } of batch) {
          const stored = await manager
            .getRepository(DocumentEntity)
            .createQueryBuilder('document')
            .select(['document.id', 'document.filenameSealed'])
            .addSelect('document.contentSealed')
            .where('document.id = :id', { id })
            .getOneOrFail();
          const sealed = sealer.reseal({ ...stored, contentSealed: stored.contentSealed! });
          // Content unchanged, only how it is stored: updated_at is left as it was.
          await manager.query(
            `UPDATE document SET filename_sealed = $2, content_sealed = $3, key_id = $4 WHERE id = $1`,
            [id, sealed.filenameSealed, sealed.contentSealed, sealed.keyId],
          );
        }
        return batch.length;
      });
    } catch (error) {
      const code =
        (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (code === LOCK_NOT_AVAILABLE) break;
      throw error;
    }
    rotated += count;
    if (count > 0) options.progress?.advance(count);
    if (count < batchSize) break;
  }

  const remaining = await countStale();
  return { rotated, current: Math.max(0, Number(total) - staleAtStart), remaining };
}
