import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: the emails of fired escalation rungs are sent in batches (one job, one claim per batch instead of per
 * email). A notification remembers its batch, so that the sweep, finding it still to send, makes sure the batch's job
 * will run instead of queueing the email on its own beside it. The index holds only emails still to send.
 */
export class NotificationEmailBatch1797900000003 implements MigrationInterface {
  name = 'NotificationEmailBatch1797900000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "email_batch_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_email_batch" ON "notification" ("email_batch_id")
       WHERE "email_status" IN ('PENDING', 'SENDING') AND "email_batch_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_notification_email_batch"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "email_batch_id"`);
  }
}
