import { MigrationInterface, QueryRunner } from 'typeorm';

export class VictimRegister1795451073336 implements MigrationInterface {
  name = 'VictimRegister1795451073336';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."victim_identification_status" AS ENUM('PRESUMED', 'IDENTIFIED', 'NOT_A_VICTIM')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."victim_self_identification" AS ENUM('SELF_IDENTIFIES', 'DOES_NOT_SELF_IDENTIFY', 'NOT_ASKED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."victim_protection_status" AS ENUM('IDENTIFIED', 'IN_SHELTER_ABROAD', 'AWAITING_REPATRIATION', 'REPATRIATED', 'IN_REHABILITATION', 'REINTEGRATED', 'LOST_TO_FOLLOW_UP', 'RE_MIGRATED', 'DECLINED_ASSISTANCE')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."victim_sex" AS ENUM('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')`);
    await queryRunner.query(
      `CREATE TYPE "public"."victim_age_band" AS ENUM('CHILD_0_11', 'CHILD_12_17', 'ADULT_18_24', 'ADULT_25_34', 'ADULT_35_49', 'ADULT_50_PLUS', 'UNKNOWN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "victim" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(20) NOT NULL, "case_id" uuid, "owning_agency_id" uuid NOT NULL, "registered_by_user_id" uuid NOT NULL, "identification_status" "public"."victim_identification_status" NOT NULL, "identified_by_agency_id" uuid NOT NULL, "identified_at" TIMESTAMP WITH TIME ZONE NOT NULL, "self_identification" "public"."victim_self_identification" NOT NULL, "protection_status" "public"."victim_protection_status" NOT NULL, "sex" "public"."victim_sex" NOT NULL, "age_band" "public"."victim_age_band" NOT NULL, "nationality" character(2) NOT NULL, "origin_region" character varying(5), "language_needs" character varying(3) array NOT NULL DEFAULT '{}', "interpreter_needed" boolean NOT NULL DEFAULT false, "identity_sealed" text NOT NULL, "passport_index" character(64), "national_id_index" character(64), "birth_origin_index" character(64), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_cbd7710a474d5b794f5711232da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_victim_case" ON "victim" ("case_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_victim_owning_agency" ON "victim" ("owning_agency_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_victim_birth_origin_index" ON "victim" ("birth_origin_index") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_victim_national_id_index" ON "victim" ("national_id_index") WHERE "national_id_index" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_victim_passport_index" ON "victim" ("passport_index") WHERE "passport_index" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_victim_code" ON "victim" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "victim_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "victim_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "acting_agency_id" uuid, "kind" character varying(30) NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_c93e4b39a708d8b818f9cdf2d10" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_victim_event_victim" ON "victim_event" ("victim_id", "occurred_at") `);
    await queryRunner.query(
      `CREATE TYPE "public"."consent_purpose" AS ENUM('SERVICE_REFERRAL', 'CASE_COORDINATION', 'REPATRIATION', 'LEGAL_PROCEEDINGS', 'FAMILY_TRACING')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."consent_method" AS ENUM('WRITTEN_SIGNED', 'VERBAL_WITNESSED', 'THUMBPRINT', 'GUARDIAN_ON_BEHALF', 'ELECTRONIC')`,
    );
    await queryRunner.query(
      `CREATE TABLE "consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "victim_id" uuid NOT NULL, "recipient_agency_id" uuid NOT NULL, "purpose" "public"."consent_purpose" NOT NULL, "method" "public"."consent_method" NOT NULL, "given_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_user_id" uuid NOT NULL, "recorded_by_agency_id" uuid NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_user_id" uuid, "revocation_reason" character varying(500), CONSTRAINT "PK_9115e8d6b082d4fc46d56134d29" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_consent_recipient" ON "consent" ("recipient_agency_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_consent_active" ON "consent" ("victim_id", "recipient_agency_id", "purpose") WHERE "revoked_at" IS NULL`,
    );
    await queryRunner.query(`CREATE TYPE "public"."victim_duplicate_match" AS ENUM('PASSPORT', 'NATIONAL_ID')`);
    await queryRunner.query(`CREATE TYPE "public"."victim_duplicate_flag_status" AS ENUM('OPEN', 'RESOLVED')`);
    await queryRunner.query(
      `CREATE TABLE "victim_duplicate_flag" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "existing_victim_id" uuid NOT NULL, "reporting_agency_id" uuid NOT NULL, "reported_by_user_id" uuid NOT NULL, "matched_on" "public"."victim_duplicate_match" NOT NULL, "status" "public"."victim_duplicate_flag_status" NOT NULL, CONSTRAINT "PK_5c8f35b7de8322815cac5426b39" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_victim_duplicate_flag_victim" ON "victim_duplicate_flag" ("existing_victim_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "victim" ADD CONSTRAINT "FK_victim_case" FOREIGN KEY ("case_id") REFERENCES "trafficking_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "victim" ADD CONSTRAINT "FK_victim_owning_agency" FOREIGN KEY ("owning_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "victim_event" ADD CONSTRAINT "FK_victim_event_victim" FOREIGN KEY ("victim_id") REFERENCES "victim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "FK_consent_victim" FOREIGN KEY ("victim_id") REFERENCES "victim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "FK_consent_recipient_agency" FOREIGN KEY ("recipient_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "victim_duplicate_flag" ADD CONSTRAINT "FK_victim_duplicate_flag_victim" FOREIGN KEY ("existing_victim_id") REFERENCES "victim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "victim_duplicate_flag" DROP CONSTRAINT "FK_victim_duplicate_flag_victim"`);
    await queryRunner.query(`ALTER TABLE "consent" DROP CONSTRAINT "FK_consent_recipient_agency"`);
    await queryRunner.query(`ALTER TABLE "consent" DROP CONSTRAINT "FK_consent_victim"`);
    await queryRunner.query(`ALTER TABLE "victim_event" DROP CONSTRAINT "FK_victim_event_victim"`);
    await queryRunner.query(`ALTER TABLE "victim" DROP CONSTRAINT "FK_victim_owning_agency"`);
    await queryRunner.query(`ALTER TABLE "victim" DROP CONSTRAINT "FK_victim_case"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_victim_duplicate_flag_victim"`);
    await queryRunner.query(`DROP TABLE "victim_duplicate_flag"`);
    await queryRunner.query(`DROP TYPE "public"."victim_duplicate_flag_status"`);
    await queryRunner.query(`DROP TYPE "public"."victim_duplicate_match"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_consent_active"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_consent_recipient"`);
    await queryRunner.query(`DROP TABLE "consent"`);
    await queryRunner.query(`DROP TYPE "public"."consent_method"`);
    await queryRunner.query(`DROP TYPE "public"."consent_purpose"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_victim_event_victim"`);
    await queryRunner.query(`DROP TABLE "victim_event"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_victim_code"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_victim_passport_index"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_victim_national_id_index"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_victim_birth_origin_index"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_victim_owning_agency"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_victim_case"`);
    await queryRunner.query(`DROP TABLE "victim"`);
    await queryRunner.query(`DROP TYPE "public"."victim_age_band"`);
    await queryRunner.query(`DROP TYPE "public"."victim_sex"`);
    await queryRunner.query(`DROP TYPE "public"."victim_protection_status"`);
    await queryRunner.query(`DROP TYPE "public"."victim_self_identification"`);
    await queryRunner.query(`DROP TYPE "public"."victim_identification_status"`);
  }
}
