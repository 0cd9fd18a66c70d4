import { MigrationInterface, QueryRunner } from 'typeorm';

export class Referrals1795451598057 implements MigrationInterface {
  name = 'Referrals1795451598057';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."referral_service" AS ENUM('MEDICAL', 'PSYCHOSOCIAL', 'SHELTER', 'LEGAL_AID', 'INTERPRETER', 'TRAVEL_DOCUMENTS', 'REPATRIATION', 'LIVELIHOOD', 'COMPENSATION', 'WITNESS_PROTECTION')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."referral_urgency" AS ENUM('EMERGENCY', 'HIGH', 'NORMAL')`);
    await queryRunner.query(
      `CREATE TYPE "public"."referral_status" AS ENUM('PROPOSED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN', 'IN_SERVICE', 'COMPLETED', 'DISCONTINUED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "referral" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" SERIAL NOT NULL, "victim_id" uuid NOT NULL, "from_agency_id" uuid NOT NULL, "recipient_agency_id" uuid NOT NULL, "proposed_by_user_id" uuid NOT NULL, "service" "public"."referral_service" NOT NULL, "urgency" "public"."referral_urgency" NOT NULL, "status" "public"."referral_status" NOT NULL, "respond_by" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline_version" integer NOT NULL DEFAULT '1', "escalation_policy" jsonb NOT NULL, "consent_id" uuid NOT NULL, "capacity_gap_reason" character varying(1000), "status_reason" character varying(1000), "outcome" character varying(2000), "previous_referral_id" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_a2d3e935a6591168066defec5ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_referral_victim" ON "referral" ("victim_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_referral_from_status" ON "referral" ("from_agency_id", "status") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_referral_recipient_status" ON "referral" ("recipient_agency_id", "status") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_referral_number" ON "referral" ("number") `);
    await queryRunner.query(
      `CREATE TABLE "referral_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "acting_agency_id" uuid, "kind" character varying(20) NOT NULL, "from_status" character varying(20), "to_status" character varying(20), "reason" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_1f356dbe2fffc9e93b0132e1216" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_referral_event_referral" ON "referral_event" ("referral_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "referral_response_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "urgency" character varying(20) NOT NULL, "clock_hours" integer, "working_days" integer, CONSTRAINT "PK_65586a48df7ba0d04771193ff1a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_referral_response_policy_urgency" ON "referral_response_policy" ("urgency") `,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_referral_victim" FOREIGN KEY ("victim_id") REFERENCES "victim"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_referral_from_agency" FOREIGN KEY ("from_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_referral_recipient_agency" FOREIGN KEY ("recipient_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_referral_consent" FOREIGN KEY ("consent_id") REFERENCES "consent"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_referral_previous" FOREIGN KEY ("previous_referral_id") REFERENCES "referral"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_event" ADD CONSTRAINT "FK_referral_event_referral" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral_event" DROP CONSTRAINT "FK_referral_event_referral"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_referral_previous"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_referral_consent"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_referral_recipient_agency"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_referral_from_agency"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_referral_response_policy_urgency"`);
    await queryRunner.query(`DROP TABLE "referral_response_policy"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_referral_event_referral"`);
    await queryRunner.query(`DROP TABLE "referral_event"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_referral_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_referral_recipient_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_referral_from_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_referral_victim"`);
    await queryRunner.query(`DROP TABLE "referral"`);
    await queryRunner.query(`DROP TYPE "public"."referral_status"`);
    await queryRunner.query(`DROP TYPE "public"."referral_urgency"`);
    await queryRunner.query(`DROP TYPE "public"."referral_service"`);
  }
}
