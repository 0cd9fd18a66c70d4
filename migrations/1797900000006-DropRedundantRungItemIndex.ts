import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: `IDX_escalation_rung_item` (item_type, item_id) repeats the leading columns of `UQ_escalation_rung`
 * (item_type, item_id, deadline_kind, deadline_version, rung_key), which serves every lookup of an item's rungs as
 * well. Every rung written, armed or settled inserted an entry into both: at a storm's release (100,000 rungs
 * settled at one instant, each a new row version) that was one index in four, a quarter of the release's index
 * writes and of the full-page images a checkpoint then costs it.
 */
export class DropRedundantRungItemIndex1797900000006 implements MigrationInterface {
  name = 'DropRedundantRungItemIndex1797900000006';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_escalation_rung_item"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_escalation_rung_item" ON "escalation_rung" ("item_type", "item_id") `);
  }
}
