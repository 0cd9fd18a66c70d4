import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: the open findings of the nightly data-quality checks (one row per check and record while the condition
 * holds). A new table only.
 */
export class DataQuality1797400000001 implements MigrationInterface {
  name = 'DataQuality1797400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."data_quality_check" AS ENUM('POSSIBLE_DUPLICATE_OPEN', 'NO_REFERRAL_AFTER_IDENTIFICATION', 'CASE_WITHOUT_SUSPECT', 'STUCK_IN_STATUS', 'ENTERED_LATE')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."data_quality_record_type" AS ENUM('VICTIM', 'CASE', 'POSSIBLE_DUPLICATE', 'REFERRAL', 'TASK')`,
    );
    await queryRunner.query(
      `CREATE TABLE "data_quality_issue" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "check_kind" "public"."data_quality_check" NOT NULL, "record_type" "public"."data_quality_record_type" NOT NULL, "record_id" uuid NOT NULL, "record_code" character varying(60) NOT NULL, "responsible_agency_id" uuid NOT NULL, "detail" character varying(60), "since" TIMESTAMP WITH TIME ZONE NOT NULL, "first_detected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_detected_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f67b9013029cdac9aeb30f747f2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_data_quality_issue_agency" ON "data_quality_issue" ("responsible_agency_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_data_quality_issue_check_record" ON "data_quality_issue" ("check_kind", "record_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_data_quality_issue_check_record"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_data_quality_issue_agency"`);
    await queryRunner.query(`DROP TABLE "data_quality_issue"`);
    await queryRunner.query(`DROP TYPE "public"."data_quality_record_type"`);
    await queryRunner.query(`DROP TYPE "public"."data_quality_check"`);
  }
}
