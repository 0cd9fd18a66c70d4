import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared casework (issue 17): the case team (case_participant, the lead included), event dates apart from
 * recording dates on cases, people and their history, services delivered, tasks linked to people, suspects with
 * sealed identities, idempotent group operations, agencies' office regions and sources, and the notification kinds
 * for an overdue task's assigning side and for case-team changes.
 */
export class SharedCasework1796483733863 implements MigrationInterface {
  name = 'SharedCasework1796483733863';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."case_role" AS ENUM('INVESTIGATION', 'PROSECUTION', 'SOCIAL_REHABILITATION', 'CONSULAR_PROTECTION', 'IMMIGRATION', 'ATTACHE_POST', 'LABOUR_MIGRATION_PROTECTION', 'HEALTH', 'PROVIDER', 'WITNESS_PROTECTION', 'COORDINATION')`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "case_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "role" "public"."case_role" NOT NULL, "lead" boolean NOT NULL DEFAULT false, "since" date NOT NULL, "added_by_user_id" uuid NOT NULL, "added_by_agency_id" uuid NOT NULL, "ended_on" date, "ended_at" TIMESTAMP WITH TIME ZONE, "ended_by_user_id" uuid, "end_reason" character varying(500), CONSTRAINT "PK_a1f9d5abc2d1fa494ce1aee8599" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_case_participant_agency" ON "case_participant" ("agency_id", "case_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_case_participant_lead" ON "case_participant" ("case_id") WHERE "lead" AND "ended_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_case_participant_current" ON "case_participant" ("case_id", "agency_id") WHERE "ended_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "group_operation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "operation_key" character varying(100) NOT NULL, "agency_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(60) NOT NULL, "fingerprint" character(64) NOT NULL, "result_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_group_operation" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_group_operation_key" ON "group_operation" ("agency_id", "operation_key") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."suspect_role" AS ENUM('RECRUITER', 'BROKER', 'TRANSPORTER', 'HARBOURER', 'EMPLOYER', 'FINANCIER', 'DOCUMENT_FORGER', 'CONTROLLER', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."suspect_relation" AS ENUM('RELATIVE', 'SPOUSE_OR_PARTNER', 'FRIEND_OR_ACQUAINTANCE', 'NEIGHBOUR_OR_COMMUNITY', 'EMPLOYER', 'ONLINE_CONTACT', 'STRANGER', 'UNKNOWN')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."suspect_status" AS ENUM('IDENTIFIED', 'NAMED_SUSPECT', 'ARRESTED', 'CHARGED', 'CONVICTED', 'ACQUITTED', 'RELEASED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "suspect" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(20) NOT NULL, "case_id" uuid NOT NULL, "role_in_chain" "public"."suspect_role" NOT NULL, "nationality" character(2), "relation_to_victims" "public"."suspect_relation" array NOT NULL DEFAULT '{}', "status" "public"."suspect_status" NOT NULL, "status_on" date NOT NULL, "recorded_by_user_id" uuid NOT NULL, "recorded_by_agency_id" uuid NOT NULL, "identity_sealed" text NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_16005690ebcabb6ec78c1646b96" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_suspect_case" ON "suspect" ("case_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_suspect_code" ON "suspect" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "suspect_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "suspect_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "occurred_on" date NOT NULL, "actor_user_id" uuid NOT NULL, "acting_agency_id" uuid NOT NULL, "from_status" character varying(30), "to_status" character varying(30) NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_suspect_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_suspect_event_suspect" ON "suspect_event" ("suspect_id", "recorded_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task_victim" ("task_id" uuid NOT NULL, "victim_id" uuid NOT NULL, CONSTRAINT "PK_task_victim" PRIMARY KEY ("task_id", "victim_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_task_victim_victim" ON "task_victim" ("victim_id") `);
    await queryRunner.query(
      `CREATE TABLE "victim_service" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "victim_id" uuid NOT NULL, "service" "public"."referral_service" NOT NULL, "provider_agency_id" uuid NOT NULL, "delivered_on" date NOT NULL, "delivered_until" date, "note" character varying(1000), "recorded_by_user_id" uuid NOT NULL, "recorded_by_agency_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_victim_service" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_victim_service_victim" ON "victim_service" ("victim_id", "delivered_on") `,
    );
    await queryRunner.query(`ALTER TABLE "agency" ADD "region_code" character varying(5)`);
    await queryRunner.query(`ALTER TABLE "agency" ADD "basis" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" ADD "reported_on" date`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" ADD "exploitation_from" date`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" ADD "exploitation_to" date`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" ADD "rescued_on" date`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" ADD "rescue_place" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" ADD "rescue_country" character(2)`);
    await queryRunner.query(`ALTER TABLE "case_event" ADD "occurred_on" date`);
    await queryRunner.query(`ALTER TABLE "victim" ADD "identified_on" date`);
    await queryRunner.query(`ALTER TABLE "victim" ADD "rescued_on" date`);
    await queryRunner.query(`ALTER TABLE "victim" ADD "rescue_place" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "victim" ADD "rescue_country" character(2)`);
    await queryRunner.query(`ALTER TABLE "victim_event" ADD "occurred_on" date`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" RENAME TO "notification_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind" AS ENUM('TASK_ASSIGNED', 'TASK_DECLINED', 'TASK_COMPLETED', 'TASK_COMMENTED', 'TASK_REOPENED', 'TASK_OVERDUE', 'CASE_TEAM_CHANGED', 'REFERRAL_PROPOSED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_EXPIRED', 'REFERRAL_WITHDRAWN', 'REFERRAL_COMPLETED', 'REFERRAL_DISCONTINUED', 'CROSS_BORDER_SUBMITTED', 'CROSS_BORDER_ACKNOWLEDGED', 'CROSS_BORDER_ANSWERED', 'CROSS_BORDER_REFUSED', 'CROSS_BORDER_STAGE_OVERDUE', 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED', 'CROSS_BORDER_UPDATED', 'DEADLINE_REMINDER', 'ESCALATION')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::"text"::"public"."notification_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind_old"`);
    await queryRunner.query(`CREATE INDEX "IDX_task_case" ON "task" ("case_id") `);
    await queryRunner.query(
      `ALTER TABLE "case_participant" ADD CONSTRAINT "FK_case_participant_case" FOREIGN KEY ("case_id") REFERENCES "trafficking_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_participant" ADD CONSTRAINT "FK_case_participant_agency" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suspect" ADD CONSTRAINT "FK_suspect_case" FOREIGN KEY ("case_id") REFERENCES "trafficking_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suspect_event" ADD CONSTRAINT "FK_suspect_event_suspect" FOREIGN KEY ("suspect_id") REFERENCES "suspect"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "FK_task_case" FOREIGN KEY ("case_id") REFERENCES "trafficking_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_victim" ADD CONSTRAINT "FK_task_victim_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_victim" ADD CONSTRAINT "FK_task_victim_victim" FOREIGN KEY ("victim_id") REFERENCES "victim"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "victim_service" ADD CONSTRAINT "FK_victim_service_victim" FOREIGN KEY ("victim_id") REFERENCES "victim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "victim_service" ADD CONSTRAINT "FK_victim_service_provider" FOREIGN KEY ("provider_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Every case opened before the case team existed gets its lead's row, in the role its type fits first
    // (the same default openCase gives), since the day it was opened.
    await queryRunner.query(`INSERT INTO "case_participant" ("case_id", "agency_id", "role", "lead", "since", "added_by_user_id", "added_by_agency_id")
            SELECT c."id", c."lead_agency_id",
              (CASE a."type" WHEN 'POLICE' THEN 'INVESTIGATION' WHEN 'PROSECUTION' THEN 'PROSECUTION'
                WHEN 'IMMIGRATION' THEN 'IMMIGRATION' WHEN 'OVERSEAS_MISSION' THEN 'CONSULAR_PROTECTION'
                ELSE 'COORDINATION' END)::"public"."case_role",
              true, (c."created_at" AT TIME ZONE 'UTC')::date, c."opened_by_user_id", c."lead_agency_id"
            FROM "trafficking_case" c JOIN "agency" a ON a."id" = c."lead_agency_id"`);
    // Decisions recorded before event dates existed were taken when they were recorded.
    await queryRunner.query(
      `UPDATE "victim" SET "identified_on" = ("identified_at" AT TIME ZONE 'UTC')::date WHERE "identified_on" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "victim_service" DROP CONSTRAINT "FK_victim_service_provider"`);
    await queryRunner.query(`ALTER TABLE "victim_service" DROP CONSTRAINT "FK_victim_service_victim"`);
    await queryRunner.query(`ALTER TABLE "task_victim" DROP CONSTRAINT "FK_task_victim_victim"`);
    await queryRunner.query(`ALTER TABLE "task_victim" DROP CONSTRAINT "FK_task_victim_task"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_task_case"`);
    await queryRunner.query(`ALTER TABLE "suspect_event" DROP CONSTRAINT "FK_suspect_event_suspect"`);
    await queryRunner.query(`ALTER TABLE "suspect" DROP CONSTRAINT "FK_suspect_case"`);
    await queryRunner.query(`ALTER TABLE "case_participant" DROP CONSTRAINT "FK_case_participant_agency"`);
    await queryRunner.query(`ALTER TABLE "case_participant" DROP CONSTRAINT "FK_case_participant_case"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_case"`);
    // The old type has neither new kind: their notifications (and muted settings) go with the feature.
    await queryRunner.query(`DELETE FROM "notification" WHERE "kind" IN ('TASK_OVERDUE', 'CASE_TEAM_CHANGED')`);
    await queryRunner.query(
      `DELETE FROM "notification_preference" WHERE "kind" IN ('TASK_OVERDUE', 'CASE_TEAM_CHANGED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('TASK_ASSIGNED', 'TASK_DECLINED', 'TASK_COMPLETED', 'TASK_COMMENTED', 'TASK_REOPENED', 'REFERRAL_PROPOSED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_EXPIRED', 'REFERRAL_WITHDRAWN', 'REFERRAL_COMPLETED', 'REFERRAL_DISCONTINUED', 'CROSS_BORDER_SUBMITTED', 'CROSS_BORDER_ACKNOWLEDGED', 'CROSS_BORDER_ANSWERED', 'CROSS_BORDER_REFUSED', 'CROSS_BORDER_STAGE_OVERDUE', 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED', 'CROSS_BORDER_UPDATED', 'DEADLINE_REMINDER', 'ESCALATION')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`ALTER TABLE "victim_event" DROP COLUMN "occurred_on"`);
    await queryRunner.query(`ALTER TABLE "victim" DROP COLUMN "rescue_country"`);
    await queryRunner.query(`ALTER TABLE "victim" DROP COLUMN "rescue_place"`);
    await queryRunner.query(`ALTER TABLE "victim" DROP COLUMN "rescued_on"`);
    await queryRunner.query(`ALTER TABLE "victim" DROP COLUMN "identified_on"`);
    await queryRunner.query(`ALTER TABLE "case_event" DROP COLUMN "occurred_on"`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" DROP COLUMN "rescue_country"`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" DROP COLUMN "rescue_place"`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" DROP COLUMN "rescued_on"`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" DROP COLUMN "exploitation_to"`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" DROP COLUMN "exploitation_from"`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" DROP COLUMN "reported_on"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "basis"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "region_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_victim_service_victim"`);
    await queryRunner.query(`DROP TABLE "victim_service"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_victim_victim"`);
    await queryRunner.query(`DROP TABLE "task_victim"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_suspect_event_suspect"`);
    await queryRunner.query(`DROP TABLE "suspect_event"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_suspect_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_suspect_case"`);
    await queryRunner.query(`DROP TABLE "suspect"`);
    await queryRunner.query(`DROP TYPE "public"."suspect_status"`);
    await queryRunner.query(`DROP TYPE "public"."suspect_relation"`);
    await queryRunner.query(`DROP TYPE "public"."suspect_role"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_group_operation_key"`);
    await queryRunner.query(`DROP TABLE "group_operation"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_case_participant_current"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_case_participant_lead"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_case_participant_agency"`);
    await queryRunner.query(`DROP TABLE "case_participant"`);
    await queryRunner.query(`DROP TYPE "public"."case_role"`);
  }
}
