import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: rungs are armed ahead of their time and only settled at it (README, "Issue 22, eighth step").
 *
 * An armed rung is SCHEDULED with `armed_at` set: everything it does (its notifications, its history entry, its
 * kind's events) is already written, each row carrying the instant it takes effect (`visible_at` / `available_at`,
 * the rung's `fire_at`), and every reader leaves a row out until then. Rows without that instant take effect at once,
 * so the columns are null for everything else (no default: adding them rewrites nothing).
 *
 * `disarm_rungs` undoes the arming of rungs not yet due: back to plain SCHEDULED, their rows deleted. It is the one
 * place that knows what arming wrote: the work-item kernel calls it for an item it changes, and the directory
 * triggers below call it for every armed rung when a change to users, memberships, agencies or notification
 * preferences could change whom a rung reaches or what it says. The triggers take the arming lock exclusively
 * before the change touches a row (arming holds it shared, ARMING_LOCK in due-rung-batch.ts), so a change and an
 * arming batch never interleave: the batch either saw the directory as it was and is disarmed, or sees it changed.
 */
export class ArmedRungs1797900000005 implements MigrationInterface {
  name = 'ArmedRungs1797900000005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "escalation_rung" ADD "armed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "visible_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "work_item_event" ADD "visible_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "available_at" TIMESTAMP WITH TIME ZONE`);
    // The release at T reads armed rungs by time; a disarm finds an item's armed rows.
    await queryRunner.query(
      `CREATE INDEX "IDX_escalation_rung_armed" ON "escalation_rung" ("fire_at")
       WHERE "status" = 'SCHEDULED' AND "armed_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_armed" ON "notification" ("subject_id") WHERE "visible_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_event_armed" ON "outbox_event" ("aggregate_id")
       WHERE "available_at" IS NOT NULL AND "published_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "disarm_rungs"(p_item_type varchar, p_item_ids uuid[], p_now timestamptz) RETURNS integer
       LANGUAGE plpgsql AS $$
       DECLARE
         rung_ids uuid[];
         disarmed integer;
       BEGIN
         IF p_item_ids IS NULL THEN
           SELECT array_agg(id) INTO rung_ids FROM (
             SELECT id FROM escalation_rung
             WHERE status = 'SCHEDULED' AND armed_at IS NOT NULL AND fire_at > p_now FOR UPDATE) armed;
         ELSE
           -- Every rung of the items still ahead, locked: one an arming batch holds is waited for and read as the
           -- batch left it (FOR UPDATE reads the newest version), so a rung armed a moment ago is disarmed too.
           SELECT array_agg(id) INTO rung_ids FROM (
             SELECT id, armed_at FROM escalation_rung
             WHERE item_type = p_item_type AND item_id = ANY(p_item_ids) AND status = 'SCHEDULED' AND fire_at > p_now
             FOR UPDATE) ahead
           WHERE armed_at IS NOT NULL;
         END IF;
         IF rung_ids IS NULL THEN
           RETURN 0;
         END IF;
         WITH done AS (
           UPDATE escalation_rung SET armed_at = NULL, recipient_count = NULL
           WHERE id = ANY(rung_ids) RETURNING id, item_type, item_id
         ), notices AS (
           DELETE FROM notification n USING done
           WHERE n.subject_id = done.item_id AND n.visible_at > p_now
             AND n.dedupe_key LIKE 'rung.' || done.id::text || '.%'
         ), entries AS (
           DELETE FROM work_item_event h USING (SELECT DISTINCT item_type, item_id FROM done) d
           WHERE h.item_type = d.item_type AND h.item_id = d.item_id AND h.kind = 'ESCALATED' AND h.visible_at > p_now
         ), events AS (
           DELETE FROM outbox_event o USING (SELECT DISTINCT item_id FROM done) d
           WHERE o.aggregate_id = d.item_id AND o.available_at > p_now AND o.published_at IS NULL
         )
         SELECT count(*)::int INTO disarmed FROM done;
         RETURN disarmed;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "disarm_rungs_on_directory_change"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_advisory_xact_lock(7220501);
         PERFORM disarm_rungs(NULL, NULL, clock_timestamp());
         RETURN NULL;
       END $$`,
    );
    for (const [table, events] of DIRECTORY_TRIGGERS) {
      await queryRunner.query(
        `CREATE TRIGGER "TRG_${table}_disarms_rungs" BEFORE ${events} ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "disarm_rungs_on_directory_change"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Armed rungs become plain SCHEDULED rungs again (their rows deleted), which fire as before.
    await queryRunner.query(`SELECT disarm_rungs(NULL, NULL, '-infinity')`);
    for (const [table] of DIRECTORY_TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER "TRG_${table}_disarms_rungs" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "disarm_rungs_on_directory_change"()`);
    await queryRunner.query(`DROP FUNCTION "disarm_rungs"(varchar, uuid[], timestamptz)`);
    await queryRunner.query(`DROP INDEX "IDX_outbox_event_armed"`);
    await queryRunner.query(`DROP INDEX "IDX_notification_armed"`);
    await queryRunner.query(`DROP INDEX "IDX_escalation_rung_armed"`);
    await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "available_at"`);
    await queryRunner.query(`ALTER TABLE "work_item_event" DROP COLUMN "visible_at"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "visible_at"`);
    await queryRunner.query(`ALTER TABLE "escalation_rung" DROP COLUMN "armed_at"`);
  }
}

/**
 * What decides whom a rung reaches and what it says: a user's standing (active, agency, roles, supervisor), the
 * task-force memberships that make a secretariat watch an agency, an agency's acronym (in the text), and the
 * preferences that mute reminders.
 */
const DIRECTORY_TRIGGERS: [string, string][] = [
  ['app_user', 'INSERT OR DELETE OR UPDATE OF "active", "agency_id", "roles", "supervisor_user_id"'],
  ['membership', 'INSERT OR UPDATE OR DELETE'],
  ['agency', 'UPDATE OF "acronym"'],
  ['notification_preference', 'INSERT OR UPDATE OR DELETE'],
];
