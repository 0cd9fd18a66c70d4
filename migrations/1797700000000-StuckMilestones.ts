import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data-quality check "stuck in a status beyond policy" covers repatriation milestones: issues name them as
 * REPATRIATION_MILESTONE records. down() rebuilds the type without the value, dropping the issues about milestones
 * (the nightly run finds them again once the value is back).
 */
export class StuckMilestones1797700000000 implements MigrationInterface {
  name = 'StuckMilestones1797700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."data_quality_record_type" ADD VALUE IF NOT EXISTS 'REPATRIATION_MILESTONE'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "data_quality_issue" WHERE "record_type" = 'REPATRIATION_MILESTONE'`);
    await queryRunner.query(`ALTER TYPE "public"."data_quality_record_type" RENAME TO "data_quality_record_type_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."data_quality_record_type" AS ENUM('VICTIM', 'CASE', 'POSSIBLE_DUPLICATE', 'REFERRAL', 'TASK')`,
    );
    await queryRunner.query(
      `ALTER TABLE "data_quality_issue" ALTER COLUMN "record_type" TYPE "public"."data_quality_record_type"
         USING "record_type"::text::"public"."data_quality_record_type"`,
    );
    await queryRunner.query(`DROP TYPE "public"."data_quality_record_type_old"`);
  }
}
