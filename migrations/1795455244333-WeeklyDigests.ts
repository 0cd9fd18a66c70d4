import { MigrationInterface, QueryRunner } from 'typeorm';

export class WeeklyDigests1795455244333 implements MigrationInterface {
  name = 'WeeklyDigests1795455244333';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."digest_run_status" AS ENUM('PENDING', 'SENT', 'SKIPPED', 'FAILED')`);
    await queryRunner.query(
      `CREATE TABLE "digest_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "iso_week" character varying(8) NOT NULL, "status" "public"."digest_run_status" NOT NULL, "note" character varying(500), "attempts" integer NOT NULL DEFAULT '0', "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6dbca63ebc801ef7542903b3a32" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_digest_run_week_status" ON "digest_run" ("iso_week", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_digest_run_user_week" ON "digest_run" ("user_id", "iso_week") `);
    await queryRunner.query(
      `CREATE TABLE "digest_opt_out" ("user_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_digest_opt_out" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "digest_unit_off" ("unit_id" uuid NOT NULL, "switched_off_by_user_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_digest_unit_off" PRIMARY KEY ("unit_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cross_border_request_filing" ON "cross_border_request" ("filing_agency_id", "status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "digest_run" ADD CONSTRAINT "FK_digest_run_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "digest_opt_out" ADD CONSTRAINT "FK_digest_opt_out_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "digest_unit_off" ADD CONSTRAINT "FK_digest_unit_off_unit" FOREIGN KEY ("unit_id") REFERENCES "task_force_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "digest_unit_off" DROP CONSTRAINT "FK_digest_unit_off_unit"`);
    await queryRunner.query(`ALTER TABLE "digest_opt_out" DROP CONSTRAINT "FK_digest_opt_out_user"`);
    await queryRunner.query(`ALTER TABLE "digest_run" DROP CONSTRAINT "FK_digest_run_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cross_border_request_filing"`);
    await queryRunner.query(`DROP TABLE "digest_unit_off"`);
    await queryRunner.query(`DROP TABLE "digest_opt_out"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_digest_run_user_week"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_digest_run_week_status"`);
    await queryRunner.query(`DROP TABLE "digest_run"`);
    await queryRunner.query(`DROP TYPE "public"."digest_run_status"`);
  }
}
