import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: exports. An export's row (data_export) and its file in chunks (export_file_chunk, deleted with it), and
 * the EXPORT_READY notification kind. New tables only, plus the notification_kind type rebuilt with one more value.
 */
export class Exports1797400000000 implements MigrationInterface {
  name = 'Exports1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."data_export_kind" AS ENUM('DEIDENTIFIED_PERSONS')`);
    await queryRunner.query(`CREATE TYPE "public"."data_export_format" AS ENUM('CSV', 'XLSX')`);
    await queryRunner.query(
      `CREATE TYPE "public"."data_export_status" AS ENUM('QUEUED', 'RUNNING', 'READY', 'FAILED', 'EXPIRED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "data_export" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" "public"."data_export_kind" NOT NULL, "format" "public"."data_export_format" NOT NULL, "status" "public"."data_export_status" NOT NULL DEFAULT 'QUEUED', "requested_by_user_id" uuid NOT NULL, "requested_by_agency_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "unit_code" character varying(40) NOT NULL, "parameters" jsonb NOT NULL DEFAULT '{}', "progress_percent" smallint NOT NULL DEFAULT '0', "rows_total" integer, "rows_written" integer NOT NULL DEFAULT '0', "summary" jsonb NOT NULL DEFAULT '{}', "file_name" character varying(200), "content_type" character varying(100), "byte_size" integer, "ready_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "failure" character varying(500), "downloads" integer NOT NULL DEFAULT '0', CONSTRAINT "CHK_data_export_progress" CHECK ("progress_percent" BETWEEN 0 AND 100), CONSTRAINT "PK_0765a950021643539f983b764ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_data_export_status" ON "data_export" ("status") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_data_export_requester_created" ON "data_export" ("requested_by_user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "export_file_chunk" ("export_id" uuid NOT NULL, "seq" integer NOT NULL, "bytes" bytea NOT NULL, CONSTRAINT "PK_export_file_chunk" PRIMARY KEY ("export_id", "seq"))`,
    );
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" RENAME TO "notification_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind" AS ENUM('TASK_ASSIGNED', 'TASK_DECLINED', 'TASK_COMPLETED', 'TASK_COMMENTED', 'TASK_REOPENED', 'TASK_OVERDUE', 'CASE_TEAM_CHANGED', 'REFERRAL_PROPOSED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_EXPIRED', 'REFERRAL_WITHDRAWN', 'REFERRAL_COMPLETED', 'REFERRAL_DISCONTINUED', 'CROSS_BORDER_SUBMITTED', 'CROSS_BORDER_ACKNOWLEDGED', 'CROSS_BORDER_ANSWERED', 'CROSS_BORDER_REFUSED', 'CROSS_BORDER_STAGE_OVERDUE', 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED', 'CROSS_BORDER_UPDATED', 'REPATRIATION_PLANNED', 'REPATRIATION_UPDATED', 'REINTEGRATION_PLAN_ASSIGNED', 'DEADLINE_REMINDER', 'ESCALATION', 'EXPORT_READY')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::"text"::"public"."notification_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind_old"`);
    await queryRunner.query(
      `ALTER TABLE "export_file_chunk" ADD CONSTRAINT "FK_export_file_chunk_export" FOREIGN KEY ("export_id") REFERENCES "data_export"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "export_file_chunk" DROP CONSTRAINT "FK_export_file_chunk_export"`);
    // The old type has no EXPORT_READY: those notifications (and muted settings) go with the feature.
    await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'EXPORT_READY'`);
    await queryRunner.query(`DELETE FROM "notification_preference" WHERE "kind" = 'EXPORT_READY'`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('TASK_ASSIGNED', 'TASK_DECLINED', 'TASK_COMPLETED', 'TASK_COMMENTED', 'TASK_REOPENED', 'TASK_OVERDUE', 'CASE_TEAM_CHANGED', 'REFERRAL_PROPOSED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_EXPIRED', 'REFERRAL_WITHDRAWN', 'REFERRAL_COMPLETED', 'REFERRAL_DISCONTINUED', 'CROSS_BORDER_SUBMITTED', 'CROSS_BORDER_ACKNOWLEDGED', 'CROSS_BORDER_ANSWERED', 'CROSS_BORDER_REFUSED', 'CROSS_BORDER_STAGE_OVERDUE', 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED', 'CROSS_BORDER_UPDATED', 'REPATRIATION_PLANNED', 'REPATRIATION_UPDATED', 'REINTEGRATION_PLAN_ASSIGNED', 'DEADLINE_REMINDER', 'ESCALATION')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`DROP TABLE "export_file_chunk"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_data_export_requester_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_data_export_status"`);
    await queryRunner.query(`DROP TABLE "data_export"`);
    await queryRunner.query(`DROP TYPE "public"."data_export_status"`);
    await queryRunner.query(`DROP TYPE "public"."data_export_format"`);
    await queryRunner.query(`DROP TYPE "public"."data_export_kind"`);
  }
}
