import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: escalation rungs are scheduled in PostgreSQL (claimed when due through IDX_escalation_rung_due), not as
 * one delayed Redis job each. The `escalation.rung-scheduled` outbox rows still waiting would only ask for jobs
 * nobody needs: they are settled. Data only; the schema is unchanged. down() has nothing to restore: a rung's
 * SCHEDULED row is all the new scheduler reads, and an older worker's sweep re-creates the jobs it wants.
 */
export class RungsScheduledInPostgres1797500000000 implements MigrationInterface {
  name = 'RungsScheduledInPostgres1797500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE outbox_event SET published_at = coalesce(published_at, now()), processed_at = coalesce(processed_at, now())
       WHERE topic = 'escalation.rung-scheduled' AND processed_at IS NULL`,
    );
  }

  public async down(): Promise<void> {
    // Nothing to undo (see above).
  }
}
