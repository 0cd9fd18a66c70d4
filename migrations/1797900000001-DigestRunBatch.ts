import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: digests are sent in batches of runs. A run remembers its batch, so that the sweep, finding it still
 * PENDING, makes sure the batch's job will run instead of queueing the run on its own beside it (which, for a weekly
 * run that takes minutes, queued thousands of single sends that duplicated the batches' work).
 */
export class DigestRunBatch1797900000001 implements MigrationInterface {
  name = 'DigestRunBatch1797900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "digest_run" ADD "batch_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "digest_run" DROP COLUMN "batch_id"`);
  }
}
