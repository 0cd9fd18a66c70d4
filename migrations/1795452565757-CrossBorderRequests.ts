import { MigrationInterface, QueryRunner } from 'typeorm';

export class CrossBorderRequests1795452565757 implements MigrationInterface {
  name = 'CrossBorderRequests1795452565757';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cross_border_deadline_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "urgency" character varying(20) NOT NULL, "stage" character varying(20) NOT NULL, "clock_hours" integer, "working_days" integer, "calendar_days" integer, CONSTRAINT "PK_b708a6a01e0e18a78ee307a4398" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_cross_border_deadline_policy" ON "cross_border_deadline_policy" ("urgency", "stage") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."cross_border_direction" AS ENUM('OUTGOING', 'INCOMING')`);
    await queryRunner.query(
      `CREATE TYPE "public"."cross_border_channel" AS ENUM('IMMIGRATION_ATTACHE', 'POLICE_MOU', 'DIPLOMATIC_KBRI', 'IOM_FACILITATED', 'FORMAL_MLA')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."cross_border_category" AS ENUM('LOCATE_RESCUE', 'VICTIM_INTERVIEW_SUPPORT', 'SHELTER_PLACEMENT', 'REPATRIATION_EXIT_CLEARANCE', 'TRAVEL_DOCUMENT_VERIFICATION', 'MIGRANT_STATUS_DETERMINATION', 'CASE_INFORMATION', 'STATISTICS_EXCHANGE', 'JOINT_OPERATION', 'COURT_SUPPORT')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."cross_border_urgency" AS ENUM('URGENT', 'NORMAL')`);
    await queryRunner.query(
      `CREATE TYPE "public"."cross_border_confidentiality" AS ENUM('STANDARD', 'CONFIDENTIAL', 'STRICTLY_CONFIDENTIAL')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."cross_border_status" AS ENUM('DRAFT', 'IN_REVIEW', 'SUBMITTED', 'ACKNOWLEDGED', 'ACCEPTED', 'ANSWERED', 'CLOSED', 'REFUSED', 'WITHDRAWN', 'LAPSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "cross_border_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" SERIAL NOT NULL, "direction" "public"."cross_border_direction" NOT NULL, "counterpart_country" character(2) NOT NULL, "counterpart_agency_id" uuid NOT NULL, "channel" "public"."cross_border_channel" NOT NULL, "legal_instrument_id" uuid, "agreement_commitment_id" uuid, "category" "public"."cross_border_category" NOT NULL, "urgency" "public"."cross_border_urgency" NOT NULL, "confidentiality" "public"."cross_border_confidentiality" NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "filed_by_user_id" uuid NOT NULL, "filing_agency_id" uuid NOT NULL, "on_behalf_of_agency_id" uuid NOT NULL, "status" "public"."cross_border_status" NOT NULL, "acknowledge_by" TIMESTAMP WITH TIME ZONE, "decide_by" TIMESTAMP WITH TIME ZONE, "execute_by" TIMESTAMP WITH TIME ZONE, "deadline_versions" jsonb NOT NULL DEFAULT '{"DECIDE": 1, "EXECUTE": 1, "ACKNOWLEDGE": 1}', "overdue_stages" character varying(12) array NOT NULL DEFAULT '{}', "paused_at" TIMESTAMP WITH TIME ZONE, "pause_reason" character varying(500), "submitted_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "accepted_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "counterpart_reference" character varying(100), "status_reason" character varying(2000), "proposed_from_id" uuid, "escalation_policy" jsonb, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_903b528180b887567d364f421ac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cross_border_request_commitment" ON "cross_border_request" ("agreement_commitment_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cross_border_request_filer" ON "cross_border_request" ("filed_by_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cross_border_request_home" ON "cross_border_request" ("on_behalf_of_agency_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cross_border_request_counterpart" ON "cross_border_request" ("counterpart_agency_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_cross_border_request_number" ON "cross_border_request" ("number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cross_border_request_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "acting_agency_id" uuid, "kind" character varying(30) NOT NULL, "from_status" character varying(20), "to_status" character varying(20), "reason" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_5e883b5b3281340ab3ce3450f05" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cross_border_request_event_request" ON "cross_border_request_event" ("request_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cross_border_request_case" ("request_id" uuid NOT NULL, "case_id" uuid NOT NULL, CONSTRAINT "PK_cross_border_request_case" PRIMARY KEY ("request_id", "case_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cross_border_request_victim" ("request_id" uuid NOT NULL, "victim_id" uuid NOT NULL, CONSTRAINT "PK_cross_border_request_victim" PRIMARY KEY ("request_id", "victim_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cross_border_request_victim_victim" ON "cross_border_request_victim" ("victim_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request" ADD CONSTRAINT "FK_cross_border_request_counterpart" FOREIGN KEY ("counterpart_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request" ADD CONSTRAINT "FK_cross_border_request_instrument" FOREIGN KEY ("legal_instrument_id") REFERENCES "legal_instrument"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request" ADD CONSTRAINT "FK_cross_border_request_commitment" FOREIGN KEY ("agreement_commitment_id") REFERENCES "agreement_commitment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request" ADD CONSTRAINT "FK_cross_border_request_home_agency" FOREIGN KEY ("on_behalf_of_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request" ADD CONSTRAINT "FK_cross_border_request_proposed_from" FOREIGN KEY ("proposed_from_id") REFERENCES "cross_border_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request_event" ADD CONSTRAINT "FK_cross_border_request_event_request" FOREIGN KEY ("request_id") REFERENCES "cross_border_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request_case" ADD CONSTRAINT "FK_cross_border_request_case_request" FOREIGN KEY ("request_id") REFERENCES "cross_border_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request_case" ADD CONSTRAINT "FK_cross_border_request_case_case" FOREIGN KEY ("case_id") REFERENCES "trafficking_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request_victim" ADD CONSTRAINT "FK_cross_border_request_victim_request" FOREIGN KEY ("request_id") REFERENCES "cross_border_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request_victim" ADD CONSTRAINT "FK_cross_border_request_victim_victim" FOREIGN KEY ("victim_id") REFERENCES "victim"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cross_border_request_victim" DROP CONSTRAINT "FK_cross_border_request_victim_victim"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request_victim" DROP CONSTRAINT "FK_cross_border_request_victim_request"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request_case" DROP CONSTRAINT "FK_cross_border_request_case_case"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request_case" DROP CONSTRAINT "FK_cross_border_request_case_request"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request_event" DROP CONSTRAINT "FK_cross_border_request_event_request"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cross_border_request" DROP CONSTRAINT "FK_cross_border_request_proposed_from"`,
    );
    await queryRunner.query(`ALTER TABLE "cross_border_request" DROP CONSTRAINT "FK_cross_border_request_home_agency"`);
    await queryRunner.query(`ALTER TABLE "cross_border_request" DROP CONSTRAINT "FK_cross_border_request_commitment"`);
    await queryRunner.query(`ALTER TABLE "cross_border_request" DROP CONSTRAINT "FK_cross_border_request_instrument"`);
    await queryRunner.query(`ALTER TABLE "cross_border_request" DROP CONSTRAINT "FK_cross_border_request_counterpart"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cross_border_request_victim_victim"`);
    await queryRunner.query(`DROP TABLE "cross_border_request_victim"`);
    await queryRunner.query(`DROP TABLE "cross_border_request_case"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cross_border_request_event_request"`);
    await queryRunner.query(`DROP TABLE "cross_border_request_event"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_cross_border_request_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cross_border_request_counterpart"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cross_border_request_home"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cross_border_request_filer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cross_border_request_commitment"`);
    await queryRunner.query(`DROP TABLE "cross_border_request"`);
    await queryRunner.query(`DROP TYPE "public"."cross_border_status"`);
    await queryRunner.query(`DROP TYPE "public"."cross_border_confidentiality"`);
    await queryRunner.query(`DROP TYPE "public"."cross_border_urgency"`);
    await queryRunner.query(`DROP TYPE "public"."cross_border_category"`);
    await queryRunner.query(`DROP TYPE "public"."cross_border_channel"`);
    await queryRunner.query(`DROP TYPE "public"."cross_border_direction"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_cross_border_deadline_policy"`);
    await queryRunner.query(`DROP TABLE "cross_border_deadline_policy"`);
  }
}
