import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 23: coordination meetings (attendance, decisions, action items that are tasks) and prevention, training and
 * partnership activities (with their history). The tables are new, so creating them rewrites nothing; the one
 * change to an existing table adds a nullable column to task (no rewrite) and its index. Participant counts are
 * held to add up by CHECK constraints, like the inputs are.
 */
export class MeetingsAndActivities1796485346355 implements MigrationInterface {
  name = 'MeetingsAndActivities1796485346355';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."meeting_type" AS ENUM('COORDINATION', 'BILATERAL', 'MULTILATERAL')`);
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_minutes_status" AS ENUM('NONE', 'DRAFT', 'CIRCULATED', 'APPROVED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_funding_source" AS ENUM('APBN', 'APBD', 'IOM', 'DONOR', 'PARTNER_OWN', 'PRIVATE_SECTOR', 'NO_COST', 'NOT_RECORDED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" SERIAL NOT NULL, "unit_id" uuid NOT NULL, "type" "public"."meeting_type" NOT NULL, "title" character varying(300) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "time_zone" character varying(64) NOT NULL, "place" character varying(300), "online" boolean NOT NULL DEFAULT false, "agenda" text array NOT NULL DEFAULT '{}', "organiser_agency_id" uuid NOT NULL, "minutes" text, "minutes_status" "public"."meeting_minutes_status" NOT NULL DEFAULT 'NONE', "cost_idr" bigint, "funding_source" "public"."meeting_funding_source" NOT NULL DEFAULT 'NOT_RECORDED', "source" text, "recorded_by_user_id" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_meeting_cost_not_negative" CHECK ("cost_idr" IS NULL OR "cost_idr" >= 0), CONSTRAINT "CHK_meeting_place_or_online" CHECK ("online" OR "place" IS NOT NULL), CONSTRAINT "CHK_meeting_ends_after_start" CHECK ("ends_at" IS NULL OR "ends_at" > "starts_at"), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_meeting_unit_starts" ON "meeting" ("unit_id", "starts_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_meeting_number" ON "meeting" ("number") `);
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_decision_pillar" AS ENUM('PREVENTION', 'PROTECTION', 'PROSECUTION', 'PARTNERSHIP')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_decision_duty" AS ENUM('COORDINATION', 'TRAINING_AND_COOPERATION', 'VICTIM_MONITORING', 'LEGAL_DEVELOPMENT', 'REPORTING_AND_EVALUATION')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "meeting_id" uuid NOT NULL, "number" integer NOT NULL, "text" text NOT NULL, "pillar" "public"."meeting_decision_pillar" NOT NULL, "duty" "public"."meeting_decision_duty" NOT NULL, "agreement_commitment_id" uuid, "recorded_by_user_id" uuid, CONSTRAINT "PK_6787600e55cc73688b127a1cd93" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_meeting_decision_commitment" ON "meeting_decision" ("agreement_commitment_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_meeting_decision_meeting_number" ON "meeting_decision" ("meeting_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."action_item_outcome" AS ENUM('ACHIEVED', 'PARTLY_ACHIEVED', 'NOT_ACHIEVED', 'SUPERSEDED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "action_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decision_id" uuid NOT NULL, "task_id" uuid NOT NULL, "outcome" "public"."action_item_outcome", "outcome_note" text, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_user_id" uuid, "closed_in_meeting_id" uuid, CONSTRAINT "CHK_action_item_closed_with_outcome" CHECK (("outcome" IS NULL) = ("closed_at" IS NULL)), CONSTRAINT "PK_1214f6f4d832c402751617361c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_action_item_decision" ON "action_item" ("decision_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_action_item_task" ON "action_item" ("task_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_attendance_status" AS ENUM('INVITED', 'PRESENT', 'REPRESENTED', 'ABSENT_WITH_NOTICE', 'ABSENT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "meeting_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "position" integer NOT NULL, "status" "public"."meeting_attendance_status" NOT NULL DEFAULT 'INVITED', "people" jsonb NOT NULL DEFAULT '[]', "note" character varying(500), CONSTRAINT "PK_1ece13054cdfcd65f8487e71267" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_meeting_attendance_agency" ON "meeting_attendance" ("agency_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_meeting_attendance_meeting_agency" ON "meeting_attendance" ("meeting_id", "agency_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."activity_type" AS ENUM('SOCIALISATION', 'TRAINING', 'TRAINING_OF_TRAINERS', 'CAMPAIGN', 'TALK_SHOW', 'WORKSHOP', 'PUBLIC_DISCUSSION', 'PRE_DEPARTURE_ORIENTATION', 'PUBLICATION', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."activity_pillar" AS ENUM('PREVENTION', 'PROTECTION', 'PROSECUTION', 'PARTNERSHIP')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."activity_duty" AS ENUM('COORDINATION', 'TRAINING_AND_COOPERATION', 'VICTIM_MONITORING', 'LEGAL_DEVELOPMENT', 'REPORTING_AND_EVALUATION')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."activity_target_group" AS ENUM('MIGRANT_WORKERS', 'PROSPECTIVE_MIGRANT_WORKERS', 'OFFICIALS', 'LAW_ENFORCEMENT', 'FRONTLINE_OFFICERS', 'SERVICE_PROVIDERS', 'TRAINERS', 'STUDENTS', 'JOURNALISTS', 'COMMUNITIES', 'GENERAL_PUBLIC', 'COUNTERPART_OFFICERS')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."activity_funding_source" AS ENUM('APBN', 'APBD', 'IOM', 'DONOR', 'PARTNER_OWN', 'PRIVATE_SECTOR', 'NO_COST', 'NOT_RECORDED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" SERIAL NOT NULL, "title" character varying(300) NOT NULL, "type" "public"."activity_type" NOT NULL, "pillar" "public"."activity_pillar" NOT NULL, "duty" "public"."activity_duty" NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "region_code" character varying(20), "country" character(2) NOT NULL DEFAULT 'ID', "place" character varying(300), "online" boolean NOT NULL DEFAULT false, "organiser_agency_id" uuid NOT NULL, "supporting_agency_ids" uuid array NOT NULL DEFAULT '{}', "other_partners" text array NOT NULL DEFAULT '{}', "target_group" "public"."activity_target_group" NOT NULL, "participants_total" integer, "participants_female" integer NOT NULL DEFAULT '0', "participants_male" integer NOT NULL DEFAULT '0', "participants_sex_not_recorded" integer NOT NULL DEFAULT '0', "participants_under_18" integer NOT NULL DEFAULT '0', "participants_18_to_24" integer NOT NULL DEFAULT '0', "participants_25_to_59" integer NOT NULL DEFAULT '0', "participants_60_plus" integer NOT NULL DEFAULT '0', "participants_age_not_recorded" integer NOT NULL DEFAULT '0', "materials" text array NOT NULL DEFAULT '{}', "cost_idr" bigint, "funding_source" "public"."activity_funding_source" NOT NULL, "funding_note" character varying(300), "source" text, "recorded_by_user_id" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_activity_participants_by_age" CHECK (("participants_total" IS NULL AND "participants_under_18" + "participants_18_to_24" + "participants_25_to_59" + "participants_60_plus" + "participants_age_not_recorded" = 0) OR "participants_under_18" + "participants_18_to_24" + "participants_25_to_59" + "participants_60_plus" + "participants_age_not_recorded" = "participants_total"), CONSTRAINT "CHK_activity_participants_by_sex" CHECK (("participants_total" IS NULL AND "participants_female" + "participants_male" + "participants_sex_not_recorded" = 0) OR "participants_female" + "participants_male" + "participants_sex_not_recorded" = "participants_total"), CONSTRAINT "CHK_activity_cost_not_negative" CHECK ("cost_idr" IS NULL OR "cost_idr" >= 0), CONSTRAINT "CHK_activity_dates" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_24625a1d6b1b089c8ae206fe467" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_activity_organiser" ON "activity" ("organiser_agency_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_activity_starts_on" ON "activity" ("starts_on") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_activity_number" ON "activity" ("number") `);
    await queryRunner.query(
      `CREATE TABLE "activity_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "acting_agency_id" uuid, "kind" character varying(20) NOT NULL, "reason" text, "changes" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_6e1cdb4bc1639607594cf1c309b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_activity_revision_activity" ON "activity_revision" ("activity_id", "occurred_at") `,
    );
    await queryRunner.query(`ALTER TABLE "task" ADD "meeting_decision_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_task_meeting_decision" ON "task" ("meeting_decision_id") `);
    await queryRunner.query(
      `ALTER TABLE "meeting" ADD CONSTRAINT "FK_meeting_unit" FOREIGN KEY ("unit_id") REFERENCES "task_force_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting" ADD CONSTRAINT "FK_meeting_organiser_agency" FOREIGN KEY ("organiser_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_meeting_decision_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_meeting_decision_commitment" FOREIGN KEY ("agreement_commitment_id") REFERENCES "agreement_commitment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_item" ADD CONSTRAINT "FK_action_item_decision" FOREIGN KEY ("decision_id") REFERENCES "meeting_decision"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_item" ADD CONSTRAINT "FK_action_item_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_item" ADD CONSTRAINT "FK_action_item_closed_in_meeting" FOREIGN KEY ("closed_in_meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_attendance" ADD CONSTRAINT "FK_meeting_attendance_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_attendance" ADD CONSTRAINT "FK_meeting_attendance_agency" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity" ADD CONSTRAINT "FK_activity_organiser_agency" FOREIGN KEY ("organiser_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_revision" ADD CONSTRAINT "FK_activity_revision_activity" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activity_revision" DROP CONSTRAINT "FK_activity_revision_activity"`);
    await queryRunner.query(`ALTER TABLE "activity" DROP CONSTRAINT "FK_activity_organiser_agency"`);
    await queryRunner.query(`ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_meeting_attendance_agency"`);
    await queryRunner.query(`ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_meeting_attendance_meeting"`);
    await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "FK_action_item_closed_in_meeting"`);
    await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "FK_action_item_task"`);
    await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "FK_action_item_decision"`);
    await queryRunner.query(`ALTER TABLE "meeting_decision" DROP CONSTRAINT "FK_meeting_decision_commitment"`);
    await queryRunner.query(`ALTER TABLE "meeting_decision" DROP CONSTRAINT "FK_meeting_decision_meeting"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_meeting_organiser_agency"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_meeting_unit"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_meeting_decision"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "meeting_decision_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_activity_revision_activity"`);
    await queryRunner.query(`DROP TABLE "activity_revision"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_activity_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_activity_starts_on"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_activity_organiser"`);
    await queryRunner.query(`DROP TABLE "activity"`);
    await queryRunner.query(`DROP TYPE "public"."activity_funding_source"`);
    await queryRunner.query(`DROP TYPE "public"."activity_target_group"`);
    await queryRunner.query(`DROP TYPE "public"."activity_duty"`);
    await queryRunner.query(`DROP TYPE "public"."activity_pillar"`);
    await queryRunner.query(`DROP TYPE "public"."activity_type"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_meeting_attendance_meeting_agency"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meeting_attendance_agency"`);
    await queryRunner.query(`DROP TABLE "meeting_attendance"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_attendance_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_action_item_task"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_action_item_decision"`);
    await queryRunner.query(`DROP TABLE "action_item"`);
    await queryRunner.query(`DROP TYPE "public"."action_item_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_meeting_decision_meeting_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meeting_decision_commitment"`);
    await queryRunner.query(`DROP TABLE "meeting_decision"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_decision_duty"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_decision_pillar"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_meeting_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meeting_unit_starts"`);
    await queryRunner.query(`DROP TABLE "meeting"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_funding_source"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_minutes_status"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_type"`);
  }
}
