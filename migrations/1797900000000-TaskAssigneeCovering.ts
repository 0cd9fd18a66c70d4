import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: the weekly digest reads, for every agency, its tasks' status, dates and numbers (escalations of the week,
 * this week against last week). Through the (agency, status, due) index each of those tasks cost a read of the table,
 * scattered over years of tasks: at 1,000,000 tasks that made PostgreSQL the digest's bottleneck. The columns those
 * sections read are carried in this index, so an agency's tasks are read from a few contiguous index pages (an
 * index-only scan once autovacuum has marked the pages visible). TypeORM cannot declare INCLUDE: the entity names the
 * index with `synchronize: false` so that generated migrations leave it alone.
 */
export class TaskAssigneeCovering1797900000000 implements MigrationInterface {
  name = 'TaskAssigneeCovering1797900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_task_assignee_covering" ON "task" ("assignee_agency_id")
         INCLUDE ("id", "number", "status", "due_at", "completed_at", "created_at", "updated_at", "assignee_user_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_task_assignee_covering"`);
  }
}
