import { MigrationInterface, QueryRunner } from 'typeorm';

export class CrossBorderNotificationKinds1795452878211 implements MigrationInterface {
  name = 'CrossBorderNotificationKinds1795452878211';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" RENAME TO "notification_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind" AS ENUM('TASK_ASSIGNED', 'TASK_DECLINED', 'TASK_COMPLETED', 'TASK_COMMENTED', 'TASK_REOPENED', 'REFERRAL_PROPOSED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_EXPIRED', 'REFERRAL_WITHDRAWN', 'REFERRAL_COMPLETED', 'REFERRAL_DISCONTINUED', 'CROSS_BORDER_SUBMITTED', 'CROSS_BORDER_ACKNOWLEDGED', 'CROSS_BORDER_ANSWERED', 'CROSS_BORDER_REFUSED', 'CROSS_BORDER_STAGE_OVERDUE', 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED', 'CROSS_BORDER_UPDATED', 'DEADLINE_REMINDER', 'ESCALATION')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::"text"::"public"."notification_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind_old"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The old type has no cross-border kinds: their notifications (and muted settings) go with the feature.
    await queryRunner.query(`DELETE FROM "notification" WHERE "kind"::text LIKE 'CROSS\\_BORDER\\_%'`);
    await queryRunner.query(`DELETE FROM "notification_preference" WHERE "kind" LIKE 'CROSS\\_BORDER\\_%'`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('TASK_ASSIGNED', 'TASK_DECLINED', 'TASK_COMPLETED', 'TASK_COMMENTED', 'TASK_REOPENED', 'REFERRAL_PROPOSED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_EXPIRED', 'REFERRAL_WITHDRAWN', 'REFERRAL_COMPLETED', 'REFERRAL_DISCONTINUED', 'DEADLINE_REMINDER', 'ESCALATION')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
  }
}
