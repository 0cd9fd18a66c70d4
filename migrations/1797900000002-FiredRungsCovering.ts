import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: the weekly digest's escalation section looks up, for each open or recently finished item of an agency, the
 * rungs that fired in the last two weeks. Through the (item_type, item_id) index each lookup read every rung of the item
 * from the table (~0.1 ms an item on a cold cache, most of the digest's time in PostgreSQL at national scale). This
 * partial index holds fired rungs only, with the columns the section reads, so the lookup is an index-only scan.
 * TypeORM cannot declare INCLUDE: the entity names the index with `synchronize: false`.
 */
export class FiredRungsCovering1797900000002 implements MigrationInterface {
  name = 'FiredRungsCovering1797900000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_escalation_rung_fired" ON "escalation_rung" ("item_type", "item_id")
         INCLUDE ("settled_at", "fire_at", "deadline_at", "rung_key", "rung_index") WHERE "status" = 'FIRED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_escalation_rung_fired"`);
  }
}
