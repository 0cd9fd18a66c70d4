import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closes the duplicate oracle: a registration that matches a record the caller may not see now creates the
 * caller's own record plus a flag linking the two for the secretariat. So the same passport or NIK may appear
 * once per agency (the unique indexes take the owning agency in), flags point to the new record, can be about a
 * close name match, and keep their resolution themselves instead of in the records' history.
 */
export class HiddenDuplicates1796480635282 implements MigrationInterface {
  name = 'HiddenDuplicates1796480635282';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_victim_national_id_index"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_victim_passport_index"`);
    await queryRunner.query(`ALTER TABLE "victim_duplicate_flag" ADD "new_victim_id" uuid`);
    await queryRunner.query(`ALTER TABLE "victim_duplicate_flag" ADD "resolved_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "victim_duplicate_flag" ADD "resolved_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "victim_duplicate_flag" ADD "resolution_note" character varying(500)`);
    await queryRunner.query(`ALTER TYPE "public"."victim_duplicate_match" RENAME TO "victim_duplicate_match_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."victim_duplicate_match" AS ENUM('PASSPORT', 'NATIONAL_ID', 'CLOSE_MATCH')`,
    );
    await queryRunner.query(
      `ALTER TABLE "victim_duplicate_flag" ALTER COLUMN "matched_on" TYPE "public"."victim_duplicate_match" USING "matched_on"::"text"::"public"."victim_duplicate_match"`,
    );
    await queryRunner.query(`DROP TYPE "public"."victim_duplicate_match_old"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_victim_national_id_index_owner" ON "victim" ("national_id_index", "owning_agency_id") WHERE "national_id_index" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_victim_passport_index_owner" ON "victim" ("passport_index", "owning_agency_id") WHERE "passport_index" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_victim_duplicate_flag_new_victim" ON "victim_duplicate_flag" ("new_victim_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "victim_duplicate_flag" ADD CONSTRAINT "FK_victim_duplicate_flag_new_victim" FOREIGN KEY ("new_victim_id") REFERENCES "victim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // One record per document across agencies cannot be restored while two agencies hold the same person: refuse
    // (changing nothing) until the secretariat has reconciled them, rather than delete anyone's record.
    const [{ pairs }] = await queryRunner.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM "victim" WHERE "passport_index" IS NOT NULL GROUP BY "passport_index" HAVING count(*) > 1) p)
            + (SELECT count(*) FROM (SELECT 1 FROM "victim" WHERE "national_id_index" IS NOT NULL GROUP BY "national_id_index" HAVING count(*) > 1) n) AS pairs`,
    );
    if (Number(pairs) > 0) {
      throw new Error(
        `Cannot revert HiddenDuplicates: ${pairs} passport or NIK numbers are held in records of more than one agency. Reconcile them (possibleDuplicates) first.`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "victim_duplicate_flag" DROP CONSTRAINT "FK_victim_duplicate_flag_new_victim"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_victim_duplicate_flag_new_victim"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_victim_passport_index_owner"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_victim_national_id_index_owner"`);
    // The old type knows no close-match flags: they go with the feature.
    await queryRunner.query(`DELETE FROM "victim_duplicate_flag" WHERE "matched_on" = 'CLOSE_MATCH'`);
    await queryRunner.query(`CREATE TYPE "public"."victim_duplicate_match_old" AS ENUM('PASSPORT', 'NATIONAL_ID')`);
    await queryRunner.query(
      `ALTER TABLE "victim_duplicate_flag" ALTER COLUMN "matched_on" TYPE "public"."victim_duplicate_match_old" USING "matched_on"::"text"::"public"."victim_duplicate_match_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."victim_duplicate_match"`);
    await queryRunner.query(`ALTER TYPE "public"."victim_duplicate_match_old" RENAME TO "victim_duplicate_match"`);
    await queryRunner.query(`ALTER TABLE "victim_duplicate_flag" DROP COLUMN "resolution_note"`);
    await queryRunner.query(`ALTER TABLE "victim_duplicate_flag" DROP COLUMN "resolved_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "victim_duplicate_flag" DROP COLUMN "resolved_at"`);
    await queryRunner.query(`ALTER TABLE "victim_duplicate_flag" DROP COLUMN "new_victim_id"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_victim_passport_index" ON "victim" ("passport_index") WHERE (passport_index IS NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_victim_national_id_index" ON "victim" ("national_id_index") WHERE (national_id_index IS NOT NULL)`,
    );
  }
}
