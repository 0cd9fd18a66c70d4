import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsAndEscalations1795406202780 implements MigrationInterface {
  name = 'NotificationsAndEscalations1795406202780';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "escalation_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(80) NOT NULL, "item_type" character varying(40) NOT NULL, "urgency" character varying(20) NOT NULL DEFAULT 'ANY', "rungs" jsonb NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_fba4ee1e088aadb259d2ca9f4f7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_escalation_policy_item_urgency" ON "escalation_policy" ("item_type", "urgency") WHERE "active"`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_escalation_policy_name" ON "escalation_policy" ("name") `);
    await queryRunner.query(
      `CREATE TYPE "public"."escalation_rung_status" AS ENUM('SCHEDULED', 'FIRED', 'CANCELLED', 'SKIPPED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "escalation_rung" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "item_type" character varying(40) NOT NULL, "item_id" uuid NOT NULL, "deadline_kind" character varying(20) NOT NULL, "deadline_version" integer NOT NULL, "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL, "policy_name" character varying(80) NOT NULL, "rung_key" character varying(40) NOT NULL, "rung_index" integer NOT NULL, "fire_at" TIMESTAMP WITH TIME ZONE NOT NULL, "targets" character varying(30) array NOT NULL, "action" character varying(30), "status" "public"."escalation_rung_status" NOT NULL, "settled_at" TIMESTAMP WITH TIME ZONE, "note" character varying(200), "recipient_count" integer, CONSTRAINT "PK_b0ad51f59cbb845fe4668856507" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_escalation_rung_item" ON "escalation_rung" ("item_type", "item_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_escalation_rung_due" ON "escalation_rung" ("fire_at") WHERE "status" = 'SCHEDULED'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_escalation_rung" ON "escalation_rung" ("item_type", "item_id", "deadline_kind", "deadline_version", "rung_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preference" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "channel" character varying(10) NOT NULL, "enabled" boolean NOT NULL, CONSTRAINT "PK_ba8d816b10f3dcfcd2e71ce5776" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_notification_preference" ON "notification_preference" ("user_id", "kind", "channel") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind" AS ENUM('TASK_ASSIGNED', 'TASK_DECLINED', 'TASK_COMPLETED', 'TASK_COMMENTED', 'TASK_REOPENED', 'DEADLINE_REMINDER', 'ESCALATION')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."notification_delivery_status" AS ENUM('PENDING', 'SENT', 'FAILED', 'NOT_REQUESTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recipient_user_id" uuid NOT NULL, "kind" "public"."notification_kind" NOT NULL, "critical" boolean NOT NULL DEFAULT false, "dedupe_key" character varying(200) NOT NULL, "subject_type" character varying(40) NOT NULL, "subject_id" uuid NOT NULL, "reference" character varying(40) NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "in_app" boolean NOT NULL DEFAULT true, "read_at" TIMESTAMP WITH TIME ZONE, "email_status" "public"."notification_delivery_status" NOT NULL, "email_attempts" integer NOT NULL DEFAULT '0', "email_last_error" character varying(500), "email_sent_at" TIMESTAMP WITH TIME ZONE, "email_message_id" character varying(200), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_email_pending" ON "notification" ("created_at") WHERE "email_status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_recipient_created" ON "notification" ("recipient_user_id", "created_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_notification_dedupe_key" ON "notification" ("dedupe_key") `);
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "processed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_event_unprocessed" ON "outbox_event" ("published_at") WHERE "processed_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_notification_preference_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_notification_recipient" FOREIGN KEY ("recipient_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_notification_recipient"`);
    await queryRunner.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_notification_preference_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_event_unprocessed"`);
    await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "processed_at"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_notification_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_recipient_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_email_pending"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TYPE "public"."notification_delivery_status"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_notification_preference"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_escalation_rung"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_escalation_rung_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_escalation_rung_item"`);
    await queryRunner.query(`DROP TABLE "escalation_rung"`);
    await queryRunner.query(`DROP TYPE "public"."escalation_rung_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_escalation_policy_name"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_escalation_policy_item_urgency"`);
    await queryRunner.query(`DROP TABLE "escalation_policy"`);
  }
}
