import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 19 item 5: the annual task-force report as an export (ANNUAL_REPORT), one more value of data_export_kind. */
export class AnnualReportExport1797800000000 implements MigrationInterface {
  name = 'AnnualReportExport1797800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."data_export_kind" RENAME TO "data_export_kind_old"`);
    await queryRunner.query(`CREATE TYPE "public"."data_export_kind" AS ENUM('DEIDENTIFIED_PERSONS', 'ANNUAL_REPORT')`);
    await queryRunner.query(
      `ALTER TABLE "data_export" ALTER COLUMN "kind" TYPE "public"."data_export_kind" USING "kind"::"text"::"public"."data_export_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."data_export_kind_old"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "data_export" WHERE "kind" = 'ANNUAL_REPORT'`);
    await queryRunner.query(`CREATE TYPE "public"."data_export_kind_old" AS ENUM('DEIDENTIFIED_PERSONS')`);
    await queryRunner.query(
      `ALTER TABLE "data_export" ALTER COLUMN "kind" TYPE "public"."data_export_kind_old" USING "kind"::"text"::"public"."data_export_kind_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."data_export_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."data_export_kind_old" RENAME TO "data_export_kind"`);
  }
}
