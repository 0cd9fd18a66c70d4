import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: repatriation operations (people on them over time, milestones as work items, the milestone policy),
 * reintegration plans with their needs and follow-up contacts (work items), the follow-up policy, and three
 * notification kinds. The tables are new; the one rewrite is the notification_kind type gaining three values.
 */
export class Repatriation1797100000000 implements MigrationInterface {
  name = 'Repatriation1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."reintegration_plan_status" AS ENUM('ACTIVE', 'CLOSED')`);
    await queryRunner.query(
      `CREATE TABLE "reintegration_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "victim_id" uuid NOT NULL, "victim_code" character varying(20) NOT NULL, "case_id" uuid, "operation_id" uuid NOT NULL, "responsible_agency_id" uuid NOT NULL, "home_unit_id" uuid, "handover_task_id" uuid, "returned_on" date NOT NULL, "status" "public"."reintegration_plan_status" NOT NULL DEFAULT 'ACTIVE', "outcome" character varying(30), "outcome_on" date, "unreachable_in_row" integer NOT NULL DEFAULT '0', "lost_after_unreachable" integer NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_6796907234651d04cdd0ddda469" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reintegration_plan_responsible" ON "reintegration_plan" ("responsible_agency_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_reintegration_plan_person_operation" ON "reintegration_plan" ("victim_id", "operation_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."follow_up_contact_status" AS ENUM('SCHEDULED', 'MET', 'NOT_REACHED', 'MOVED', 'RE_MIGRATED', 'DECLINED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" SERIAL NOT NULL, "plan_id" uuid NOT NULL, "victim_id" uuid NOT NULL, "victim_code" character varying(20) NOT NULL, "case_id" uuid, "responsible_agency_id" uuid NOT NULL, "sequence" integer NOT NULL, "months_after_return" integer NOT NULL, "scheduled_on" date NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline_version" integer NOT NULL DEFAULT '1', "status" "public"."follow_up_contact_status" NOT NULL, "contacted_on" date, "escalation_policy" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_b5dfaadabbd6d359e48d0b6403a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_follow_up_contact_responsible" ON "follow_up_contact" ("responsible_agency_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_follow_up_contact_plan_sequence" ON "follow_up_contact" ("plan_id", "sequence") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_follow_up_contact_number" ON "follow_up_contact" ("number") `);
    await queryRunner.query(
      `CREATE TABLE "follow_up_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(100) NOT NULL, "months_after_return" integer array NOT NULL, "lost_after_unreachable" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_90d2e2f447d58d29eb067335017" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_follow_up_policy_name" ON "follow_up_policy" ("name") `);
    await queryRunner.query(
      `CREATE TYPE "public"."repatriation_milestone_type" AS ENUM('TRAVEL_DOCUMENT_ISSUED', 'EXIT_CLEARANCE_GRANTED', 'MEDICAL_CLEARANCE', 'FINES_SETTLED', 'ESCORT_ASSIGNED', 'DEPARTED', 'ARRIVED', 'HANDED_OVER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."repatriation_milestone_owner_side" AS ENUM('SENDING', 'RECEIVING', 'COUNTERPART')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."repatriation_milestone_anchor" AS ENUM('DEPARTURE', 'ARRIVAL')`);
    await queryRunner.query(
      `CREATE TABLE "repatriation_milestone_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "country" character varying(2) NOT NULL, "type" "public"."repatriation_milestone_type" NOT NULL, "owner_side" "public"."repatriation_milestone_owner_side" NOT NULL, "per_person" boolean NOT NULL, "blocks_departure" boolean NOT NULL, "anchor" "public"."repatriation_milestone_anchor" NOT NULL, "offset_days" integer NOT NULL, "sequence" integer NOT NULL, CONSTRAINT "PK_7339574a92bdaf9a87ad7695441" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_repatriation_milestone_policy" ON "repatriation_milestone_policy" ("country", "type") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."repatriation_operation_status" AS ENUM('PLANNED', 'DEPARTED', 'ARRIVED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "repatriation_operation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" SERIAL NOT NULL, "from_country" character(2) NOT NULL, "route" character varying(300) NOT NULL, "sending_agency_id" uuid NOT NULL, "receiving_agency_id" uuid NOT NULL, "counterpart_agency_id" uuid, "status" "public"."repatriation_operation_status" NOT NULL, "started_on" date NOT NULL, "planned_departure_on" date NOT NULL, "planned_arrival_on" date NOT NULL, "departure_place" character varying(200), "arrival_place" character varying(200), "flight_or_crossing" character varying(100), "departed_on" date, "arrived_on" date, "created_by_user_id" uuid, "recorded_headcount" integer, "source" text, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_repatriation_operation_headcount" CHECK ("recorded_headcount" IS NULL OR "recorded_headcount" >= 0), CONSTRAINT "PK_618db6598f57654ede117b3ddd3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_repatriation_operation_receiving" ON "repatriation_operation" ("receiving_agency_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_repatriation_operation_sending" ON "repatriation_operation" ("sending_agency_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_repatriation_operation_number" ON "repatriation_operation" ("number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "repatriation_operation_person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "operation_id" uuid NOT NULL, "victim_id" uuid NOT NULL, "victim_code" character varying(20) NOT NULL, "case_id" uuid, "joined_on" date NOT NULL, "left_on" date, "left_at" TIMESTAMP WITH TIME ZONE, "leave_reason" character varying(500), "moved_to_operation_id" uuid, "onboard" boolean NOT NULL DEFAULT true, "arrived" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_a4e11120d463d68fcec5a22f110" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_repatriation_person_case" ON "repatriation_operation_person" ("case_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_repatriation_person_operation" ON "repatriation_operation_person" ("operation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_repatriation_person_onboard" ON "repatriation_operation_person" ("victim_id") WHERE "onboard"`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."reintegration_need_type" AS ENUM('MEDICAL', 'PSYCHOSOCIAL', 'SHELTER', 'FAMILY_TRACING', 'LIVELIHOOD', 'EDUCATION', 'LEGAL_AID', 'RESTITUTION', 'DOCUMENTS')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."reintegration_need_status" AS ENUM('OPEN', 'MET', 'DROPPED')`);
    await queryRunner.query(
      `CREATE TABLE "reintegration_need" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "need" "public"."reintegration_need_type" NOT NULL, "responsible_agency_id" uuid NOT NULL, "referral_id" uuid, "status" "public"."reintegration_need_status" NOT NULL DEFAULT 'OPEN', CONSTRAINT "PK_60a649e3c95cbf3942eb0c42c98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_reintegration_need_plan_need" ON "reintegration_need" ("plan_id", "need") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."repatriation_milestone_status" AS ENUM('PENDING', 'DONE', 'WAIVED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "repatriation_milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" SERIAL NOT NULL, "operation_id" uuid NOT NULL, "type" "public"."repatriation_milestone_type" NOT NULL, "victim_id" uuid, "victim_code" character varying(20), "owner_agency_id" uuid NOT NULL, "sending_agency_id" uuid NOT NULL, "receiving_agency_id" uuid NOT NULL, "blocks_departure" boolean NOT NULL, "status" "public"."repatriation_milestone_status" NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline_version" integer NOT NULL DEFAULT '1', "happened_on" date, "cross_border_request_id" uuid, "status_reason" character varying(500), "escalation_policy" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_d6e4953bae4abc7d99409701f8b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_repatriation_milestone_owner" ON "repatriation_milestone" ("owner_agency_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_repatriation_milestone_operation" ON "repatriation_milestone" ("operation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_repatriation_milestone_number" ON "repatriation_milestone" ("number") `,
    );
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" RENAME TO "notification_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind" AS ENUM('TASK_ASSIGNED', 'TASK_DECLINED', 'TASK_COMPLETED', 'TASK_COMMENTED', 'TASK_REOPENED', 'TASK_OVERDUE', 'CASE_TEAM_CHANGED', 'REFERRAL_PROPOSED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_EXPIRED', 'REFERRAL_WITHDRAWN', 'REFERRAL_COMPLETED', 'REFERRAL_DISCONTINUED', 'CROSS_BORDER_SUBMITTED', 'CROSS_BORDER_ACKNOWLEDGED', 'CROSS_BORDER_ANSWERED', 'CROSS_BORDER_REFUSED', 'CROSS_BORDER_STAGE_OVERDUE', 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED', 'CROSS_BORDER_UPDATED', 'REPATRIATION_PLANNED', 'REPATRIATION_UPDATED', 'REINTEGRATION_PLAN_ASSIGNED', 'DEADLINE_REMINDER', 'ESCALATION')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::"text"::"public"."notification_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind_old"`);
    await queryRunner.query(
      `ALTER TABLE "reintegration_plan" ADD CONSTRAINT "FK_reintegration_plan_responsible" FOREIGN KEY ("responsible_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_contact" ADD CONSTRAINT "FK_follow_up_contact_plan" FOREIGN KEY ("plan_id") REFERENCES "reintegration_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_contact" ADD CONSTRAINT "FK_follow_up_contact_agency" FOREIGN KEY ("responsible_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repatriation_operation" ADD CONSTRAINT "FK_repatriation_operation_sending" FOREIGN KEY ("sending_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repatriation_operation" ADD CONSTRAINT "FK_repatriation_operation_receiving" FOREIGN KEY ("receiving_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repatriation_operation" ADD CONSTRAINT "FK_repatriation_operation_counterpart" FOREIGN KEY ("counterpart_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repatriation_operation_person" ADD CONSTRAINT "FK_repatriation_person_operation" FOREIGN KEY ("operation_id") REFERENCES "repatriation_operation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reintegration_need" ADD CONSTRAINT "FK_reintegration_need_plan" FOREIGN KEY ("plan_id") REFERENCES "reintegration_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reintegration_need" ADD CONSTRAINT "FK_reintegration_need_agency" FOREIGN KEY ("responsible_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repatriation_milestone" ADD CONSTRAINT "FK_repatriation_milestone_operation" FOREIGN KEY ("operation_id") REFERENCES "repatriation_operation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repatriation_milestone" ADD CONSTRAINT "FK_repatriation_milestone_owner" FOREIGN KEY ("owner_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "repatriation_milestone" DROP CONSTRAINT "FK_repatriation_milestone_owner"`);
    await queryRunner.query(
      `ALTER TABLE "repatriation_milestone" DROP CONSTRAINT "FK_repatriation_milestone_operation"`,
    );
    await queryRunner.query(`ALTER TABLE "reintegration_need" DROP CONSTRAINT "FK_reintegration_need_agency"`);
    await queryRunner.query(`ALTER TABLE "reintegration_need" DROP CONSTRAINT "FK_reintegration_need_plan"`);
    await queryRunner.query(
      `ALTER TABLE "repatriation_operation_person" DROP CONSTRAINT "FK_repatriation_person_operation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "repatriation_operation" DROP CONSTRAINT "FK_repatriation_operation_counterpart"`,
    );
    await queryRunner.query(
      `ALTER TABLE "repatriation_operation" DROP CONSTRAINT "FK_repatriation_operation_receiving"`,
    );
    await queryRunner.query(`ALTER TABLE "repatriation_operation" DROP CONSTRAINT "FK_repatriation_operation_sending"`);
    await queryRunner.query(`ALTER TABLE "follow_up_contact" DROP CONSTRAINT "FK_follow_up_contact_agency"`);
    await queryRunner.query(`ALTER TABLE "follow_up_contact" DROP CONSTRAINT "FK_follow_up_contact_plan"`);
    await queryRunner.query(`ALTER TABLE "reintegration_plan" DROP CONSTRAINT "FK_reintegration_plan_responsible"`);
    // The old type has no repatriation kinds: their notifications (and muted settings) go with the feature, and so
    // does the history, the ladders and the policies of its work items.
    await queryRunner.query(
      `DELETE FROM "notification" WHERE "kind"::text IN ('REPATRIATION_PLANNED', 'REPATRIATION_UPDATED', 'REINTEGRATION_PLAN_ASSIGNED')`,
    );
    await queryRunner.query(
      `DELETE FROM "notification_preference" WHERE "kind" IN ('REPATRIATION_PLANNED', 'REPATRIATION_UPDATED', 'REINTEGRATION_PLAN_ASSIGNED')`,
    );
    await queryRunner.query(
      `DELETE FROM "escalation_rung" WHERE "item_type" IN ('REPATRIATION_MILESTONE', 'FOLLOW_UP_CONTACT')`,
    );
    await queryRunner.query(
      `DELETE FROM "escalation_policy" WHERE "item_type" IN ('REPATRIATION_MILESTONE', 'FOLLOW_UP_CONTACT')`,
    );
    await queryRunner.query(
      `DELETE FROM "work_item_event" WHERE "item_type" IN ('REPATRIATION_OPERATION', 'REPATRIATION_MILESTONE', 'FOLLOW_UP_CONTACT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('TASK_ASSIGNED', 'TASK_DECLINED', 'TASK_COMPLETED', 'TASK_COMMENTED', 'TASK_REOPENED', 'TASK_OVERDUE', 'CASE_TEAM_CHANGED', 'REFERRAL_PROPOSED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_EXPIRED', 'REFERRAL_WITHDRAWN', 'REFERRAL_COMPLETED', 'REFERRAL_DISCONTINUED', 'CROSS_BORDER_SUBMITTED', 'CROSS_BORDER_ACKNOWLEDGED', 'CROSS_BORDER_ANSWERED', 'CROSS_BORDER_REFUSED', 'CROSS_BORDER_STAGE_OVERDUE', 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED', 'CROSS_BORDER_UPDATED', 'DEADLINE_REMINDER', 'ESCALATION')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_repatriation_milestone_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_repatriation_milestone_operation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_repatriation_milestone_owner"`);
    await queryRunner.query(`DROP TABLE "repatriation_milestone"`);
    await queryRunner.query(`DROP TYPE "public"."repatriation_milestone_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_reintegration_need_plan_need"`);
    await queryRunner.query(`DROP TABLE "reintegration_need"`);
    await queryRunner.query(`DROP TYPE "public"."reintegration_need_status"`);
    await queryRunner.query(`DROP TYPE "public"."reintegration_need_type"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_repatriation_person_onboard"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_repatriation_person_operation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_repatriation_person_case"`);
    await queryRunner.query(`DROP TABLE "repatriation_operation_person"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_repatriation_operation_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_repatriation_operation_sending"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_repatriation_operation_receiving"`);
    await queryRunner.query(`DROP TABLE "repatriation_operation"`);
    await queryRunner.query(`DROP TYPE "public"."repatriation_operation_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_repatriation_milestone_policy"`);
    await queryRunner.query(`DROP TABLE "repatriation_milestone_policy"`);
    await queryRunner.query(`DROP TYPE "public"."repatriation_milestone_anchor"`);
    await queryRunner.query(`DROP TYPE "public"."repatriation_milestone_owner_side"`);
    await queryRunner.query(`DROP TYPE "public"."repatriation_milestone_type"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_follow_up_policy_name"`);
    await queryRunner.query(`DROP TABLE "follow_up_policy"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_follow_up_contact_number"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_follow_up_contact_plan_sequence"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_follow_up_contact_responsible"`);
    await queryRunner.query(`DROP TABLE "follow_up_contact"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_contact_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_reintegration_plan_person_operation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_reintegration_plan_responsible"`);
    await queryRunner.query(`DROP TABLE "reintegration_plan"`);
    await queryRunner.query(`DROP TYPE "public"."reintegration_plan_status"`);
  }
}
