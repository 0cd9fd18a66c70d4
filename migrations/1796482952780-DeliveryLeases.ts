import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email and digest delivery through outages: a delivery is claimed (SENDING, with a lease) before the mail server
 * is spoken to, and SENT is recorded in its own short transaction; retries run for a span counted from when the
 * delivery was queued (creation, or an administrator's retry); FAILED ones keep when they failed, for the list
 * administrators work from.
 */
export class DeliveryLeases1796482952780 implements MigrationInterface {
  name = 'DeliveryLeases1796482952780';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_email_pending"`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "email_lease_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD "email_queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "notification" ADD "email_failed_at" TIMESTAMP WITH TIME ZONE`);
    // Emails already waiting count their retry span from their creation; earlier failures from their last change.
    await queryRunner.query(
      `UPDATE "notification" SET "email_queued_at" = "created_at",
         "email_failed_at" = CASE WHEN "email_status" = 'FAILED' THEN "updated_at" END`,
    );
    await queryRunner.query(`ALTER TABLE "digest_run" ADD "lease_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "digest_run" ADD "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "digest_run" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "digest_run" SET "queued_at" = "created_at", "failed_at" = CASE WHEN "status" = 'FAILED' THEN "updated_at" END`,
    );
    await queryRunner.query(
      `ALTER TYPE "public"."notification_delivery_status" RENAME TO "notification_delivery_status_old"`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."notification_delivery_status" AS ENUM('PENDING', 'SENDING', 'SENT', 'FAILED', 'NOT_REQUESTED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "email_status" TYPE "public"."notification_delivery_status" USING "email_status"::"text"::"public"."notification_delivery_status"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_delivery_status_old"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_digest_run_week_status"`);
    await queryRunner.query(`ALTER TYPE "public"."digest_run_status" RENAME TO "digest_run_status_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."digest_run_status" AS ENUM('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'FAILED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "digest_run" ALTER COLUMN "status" TYPE "public"."digest_run_status" USING "status"::"text"::"public"."digest_run_status"`,
    );
    await queryRunner.query(`DROP TYPE "public"."digest_run_status_old"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_email_failed" ON "notification" ("email_failed_at", "id") WHERE "email_status" = 'FAILED'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_email_due" ON "notification" ("created_at") WHERE "email_status" IN ('PENDING', 'SENDING')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_digest_run_failed" ON "digest_run" ("failed_at", "id") WHERE "status" = 'FAILED'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_digest_run_week_status" ON "digest_run" ("iso_week", "status") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_digest_run_week_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_digest_run_failed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_email_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_email_failed"`);
    // The old types know no SENDING: a delivery in flight goes back to PENDING (the old worker holds a row lock
    // while it sends, and its retry sends what is PENDING).
    await queryRunner.query(`UPDATE "digest_run" SET "status" = 'PENDING' WHERE "status" = 'SENDING'`);
    await queryRunner.query(`UPDATE "notification" SET "email_status" = 'PENDING' WHERE "email_status" = 'SENDING'`);
    await queryRunner.query(
      `CREATE TYPE "public"."digest_run_status_old" AS ENUM('PENDING', 'SENT', 'SKIPPED', 'FAILED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "digest_run" ALTER COLUMN "status" TYPE "public"."digest_run_status_old" USING "status"::"text"::"public"."digest_run_status_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."digest_run_status"`);
    await queryRunner.query(`ALTER TYPE "public"."digest_run_status_old" RENAME TO "digest_run_status"`);
    await queryRunner.query(`CREATE INDEX "IDX_digest_run_week_status" ON "digest_run" ("iso_week", "status") `);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_delivery_status_old" AS ENUM('PENDING', 'SENT', 'FAILED', 'NOT_REQUESTED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "email_status" TYPE "public"."notification_delivery_status_old" USING "email_status"::"text"::"public"."notification_delivery_status_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_delivery_status"`);
    await queryRunner.query(
      `ALTER TYPE "public"."notification_delivery_status_old" RENAME TO "notification_delivery_status"`,
    );
    await queryRunner.query(`ALTER TABLE "digest_run" DROP COLUMN "failed_at"`);
    await queryRunner.query(`ALTER TABLE "digest_run" DROP COLUMN "queued_at"`);
    await queryRunner.query(`ALTER TABLE "digest_run" DROP COLUMN "lease_until"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "email_failed_at"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "email_queued_at"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "email_lease_until"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_email_pending" ON "notification" ("created_at") WHERE (email_status = 'PENDING'::notification_delivery_status)`,
    );
  }
}
