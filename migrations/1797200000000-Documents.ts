import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, item 5: documents attached to records, sealed in the row (file and name) with the personal-data key,
 * so one backup holds them and a failed transaction leaves nothing behind. A new table; nothing existing is
 * rewritten. The sealed bytes cannot be compressed, so PostgreSQL is told not to try (STORAGE EXTERNAL: out of line,
 * uncompressed).
 */
export class Documents1797200000000 implements MigrationInterface {
  name = 'Documents1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."document_kind" AS ENUM('LETTER', 'INTERVIEW_REPORT', 'TRAVEL_DOCUMENT', 'MEDICAL_CLEARANCE', 'COUNTERPART_ANSWER', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "parent_kind" character varying(40) NOT NULL, "parent_id" uuid NOT NULL, "kind" "public"."document_kind" NOT NULL, "filename_sealed" text NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "key_id" character varying(8) NOT NULL, "content_sealed" bytea NOT NULL, "uploaded_by_user_id" uuid NOT NULL, "uploaded_by_agency_id" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e57d3357f83f3cdc0acffc3d777" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "document" ALTER COLUMN "content_sealed" SET STORAGE EXTERNAL`);
    await queryRunner.query(`CREATE INDEX "IDX_document_key" ON "document" ("key_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_document_parent" ON "document" ("parent_kind", "parent_id", "uploaded_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "document" ADD CONSTRAINT "FK_document_uploaded_by_user" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document" ADD CONSTRAINT "FK_document_uploaded_by_agency" FOREIGN KEY ("uploaded_by_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "FK_document_uploaded_by_agency"`);
    await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "FK_document_uploaded_by_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_document_parent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_document_key"`);
    await queryRunner.query(`DROP TABLE "document"`);
    await queryRunner.query(`DROP TYPE "public"."document_kind"`);
  }
}
