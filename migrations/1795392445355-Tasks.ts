import { MigrationInterface, QueryRunner } from 'typeorm';

export class Tasks1795392445355 implements MigrationInterface {
  name = 'Tasks1795392445355';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."task_pillar" AS ENUM('PREVENTION', 'PROTECTION', 'PROSECUTION', 'PARTNERSHIP')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."task_force_duty" AS ENUM('COORDINATION', 'TRAINING_AND_COOPERATION', 'VICTIM_MONITORING', 'LEGAL_DEVELOPMENT', 'REPORTING_AND_EVALUATION')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."task_priority" AS ENUM('LOW', 'NORMAL', 'HIGH', 'URGENT')`);
    await queryRunner.query(
      `CREATE TYPE "public"."task_status" AS ENUM('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'DECLINED', 'CANCELLED', 'REOPENED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" SERIAL NOT NULL, "assigning_agency_id" uuid NOT NULL, "assignee_agency_id" uuid NOT NULL, "assignee_user_id" uuid, "created_by_user_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "pillar" "public"."task_pillar" NOT NULL, "duty" "public"."task_force_duty" NOT NULL, "priority" "public"."task_priority" NOT NULL DEFAULT 'NORMAL', "status" "public"."task_status" NOT NULL DEFAULT 'OPEN', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline_version" integer NOT NULL DEFAULT '1', "blocked_reason" character varying(1000), "completed_at" TIMESTAMP WITH TIME ZONE, "case_id" uuid, "victim_id" uuid, "referral_id" uuid, "cross_border_request_id" uuid, "agreement_commitment_id" uuid, "escalation_policy" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_task_assigning_status_due" ON "task" ("assigning_agency_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_task_assignee_status_due" ON "task" ("assignee_agency_id", "status", "due_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_task_number" ON "task" ("number") `);
    await queryRunner.query(
      `CREATE TABLE "task_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "acting_agency_id" uuid, "kind" character varying(30) NOT NULL, "action" character varying(30), "from_status" character varying(20), "to_status" character varying(20), "reason" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_5512953f207de074aea7e6b1515" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_task_event_task" ON "task_event" ("task_id", "occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "outbox_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "topic" character varying(80) NOT NULL, "aggregate_type" character varying(60) NOT NULL, "aggregate_id" uuid NOT NULL, "payload" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_event_unpublished" ON "outbox_event" ("created_at") WHERE "published_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "FK_task_assigning_agency" FOREIGN KEY ("assigning_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "FK_task_assignee_agency" FOREIGN KEY ("assignee_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "FK_task_assignee_user" FOREIGN KEY ("assignee_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "FK_task_created_by" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "FK_task_agreement_commitment" FOREIGN KEY ("agreement_commitment_id") REFERENCES "agreement_commitment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_event" ADD CONSTRAINT "FK_task_event_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task_event" DROP CONSTRAINT "FK_task_event_task"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_task_agreement_commitment"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_task_created_by"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_task_assignee_user"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_task_assignee_agency"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_task_assigning_agency"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_event_unpublished"`);
    await queryRunner.query(`DROP TABLE "outbox_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_event_task"`);
    await queryRunner.query(`DROP TABLE "task_event"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_task_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_assignee_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_assigning_status_due"`);
    await queryRunner.query(`DROP TABLE "task"`);
    await queryRunner.query(`DROP TYPE "public"."task_status"`);
    await queryRunner.query(`DROP TYPE "public"."task_priority"`);
    await queryRunner.query(`DROP TYPE "public"."task_force_duty"`);
    await queryRunner.query(`DROP TYPE "public"."task_pillar"`);
  }
}
