import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One history table for every kind of work item (tasks, referrals, cross-border requests), written by the
 * work-item kernel's one writer. Every existing history row moves over with its id, time, actor and details;
 * referral and cross-border rows kept their action inside `details`, which becomes the `action` column.
 */
export class WorkItemHistory1796480602628 implements MigrationInterface {
  name = 'WorkItemHistory1796480602628';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "work_item_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_type" character varying(40) NOT NULL, "item_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "acting_agency_id" uuid, "kind" character varying(40) NOT NULL, "action" character varying(40), "from_status" character varying(30), "to_status" character varying(30), "reason" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_work_item_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_work_item_event_item" ON "work_item_event" ("item_id", "occurred_at") `);
    await queryRunner.query(
      `INSERT INTO "work_item_event" (id, item_type, item_id, occurred_at, actor_user_id, acting_agency_id, kind, action, from_status, to_status, reason, details)
       SELECT id, 'TASK', task_id, occurred_at, actor_user_id, acting_agency_id, kind, action, from_status, to_status, reason, details
       FROM "task_event"`,
    );
    await queryRunner.query(
      `INSERT INTO "work_item_event" (id, item_type, item_id, occurred_at, actor_user_id, acting_agency_id, kind, action, from_status, to_status, reason, details)
       SELECT id, 'REFERRAL', referral_id, occurred_at, actor_user_id, acting_agency_id, kind, details->>'action', from_status, to_status, reason, details - 'action'
       FROM "referral_event"`,
    );
    await queryRunner.query(
      `INSERT INTO "work_item_event" (id, item_type, item_id, occurred_at, actor_user_id, acting_agency_id, kind, action, from_status, to_status, reason, details)
       SELECT id, 'CROSS_BORDER_REQUEST', request_id, occurred_at, actor_user_id, acting_agency_id, kind, details->>'action', from_status, to_status, reason, details - 'action'
       FROM "cross_border_request_event"`,
    );
    await queryRunner.query(`DROP TABLE "task_event"`);
    await queryRunner.query(`DROP TABLE "referral_event"`);
    await queryRunner.query(`DROP TABLE "cross_border_request_event"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "task_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "acting_agency_id" uuid, "kind" character varying(30) NOT NULL, "action" character varying(30), "from_status" character varying(20), "to_status" character varying(20), "reason" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_5512953f207de074aea7e6b1515" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_task_event_task" ON "task_event" ("task_id", "occurred_at") `);
    await queryRunner.query(
      `ALTER TABLE "task_event" ADD CONSTRAINT "FK_task_event_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "referral_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "acting_agency_id" uuid, "kind" character varying(20) NOT NULL, "from_status" character varying(20), "to_status" character varying(20), "reason" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_1f356dbe2fffc9e93b0132e1216" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_referral_event_referral" ON "referral_event" ("referral_id", "occurred_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_event" ADD CONSTRAINT "FK_referral_event_referral" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "cross_border_request_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "acting_agency_id" uuid, "kind" character varying(30) NOT NULL, "from_status" character varying(20), "to_status" character varying(20), "reason" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_5e883b5b3281340ab3ce3450f05" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cross_border_request_event_request" ON "cross_border_request_event" ("request_id", "occurred_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request_event" ADD CONSTRAINT "FK_cross_border_request_event_request" FOREIGN KEY ("request_id") REFERENCES "cross_border_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "task_event" (id, task_id, occurred_at, actor_user_id, acting_agency_id, kind, action, from_status, to_status, reason, details)
       SELECT id, item_id, occurred_at, actor_user_id, acting_agency_id, kind, action, from_status, to_status, reason, details
       FROM "work_item_event" WHERE item_type = 'TASK'`,
    );
    await queryRunner.query(
      `INSERT INTO "referral_event" (id, referral_id, occurred_at, actor_user_id, acting_agency_id, kind, from_status, to_status, reason, details)
       SELECT id, item_id, occurred_at, actor_user_id, acting_agency_id, kind, from_status, to_status, reason,
              CASE WHEN action IS NULL THEN details ELSE details || jsonb_build_object('action', action) END
       FROM "work_item_event" WHERE item_type = 'REFERRAL'`,
    );
    await queryRunner.query(
      `INSERT INTO "cross_border_request_event" (id, request_id, occurred_at, actor_user_id, acting_agency_id, kind, from_status, to_status, reason, details)
       SELECT id, item_id, occurred_at, actor_user_id, acting_agency_id, kind, from_status, to_status, reason,
              CASE WHEN action IS NULL THEN details ELSE details || jsonb_build_object('action', action) END
       FROM "work_item_event" WHERE item_type = 'CROSS_BORDER_REQUEST'`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_work_item_event_item"`);
    await queryRunner.query(`DROP TABLE "work_item_event"`);
  }
}
