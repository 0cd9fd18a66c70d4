import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: domain events the relay publishes together (a deadline storm raises 100,000 `task.overdue` at once) are
 * dispatched in batches, one job and one transaction per batch. An event remembers its batch, so that the sweep,
 * finding it unprocessed, makes sure the batch's job will run instead of queueing the event on its own beside it.
 * The index holds only batched events still to process. Only events written by one transaction are batched (a
 * batch of rungs firing, a group operation), so each row records its transaction (no default for the rows already
 * there: a volatile default on ADD COLUMN would rewrite the table).
 */
export class OutboxDispatchBatch1797900000004 implements MigrationInterface {
  name = 'OutboxDispatchBatch1797900000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "dispatch_batch_id" uuid`);
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "transaction_id" bigint`);
    await queryRunner.query(`ALTER TABLE "outbox_event" ALTER COLUMN "transaction_id" SET DEFAULT txid_current()`);
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_event_dispatch_batch" ON "outbox_event" ("dispatch_batch_id")
       WHERE "processed_at" IS NULL AND "dispatch_batch_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_outbox_event_dispatch_batch"`);
    await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "transaction_id"`);
    await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "dispatch_batch_id"`);
  }
}
