import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C traceparent (55 characters: version, trace id, span id, flags) of the request or job that wrote an outbox
 * row, so the job it causes continues the same trace. Nullable: rows written without tracing carry none. Adding a
 * nullable column without a default rewrites nothing, so it is instant on a large outbox.
 */
export class OutboxTraceParent1796480748405 implements MigrationInterface {
  name = 'OutboxTraceParent1796480748405';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "trace_parent" character varying(55)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "trace_parent"`);
  }
}
