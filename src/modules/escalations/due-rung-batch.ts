import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { NotificationKind } from '@app/modules/notifications/notification.enums';
import { EmailBatch, NotificationDraft, NotificationsService } from '@app/modules/notifications/notifications.service';

import { EscalationRungEntity } from './escalation-rung.entity';
import { EscalationSubjects, RungFiring, SubjectState } from './escalation-subjects';
import { RungStatus } from './escalation.types';
import { staleReminderReason } from './ladder';
import { RungTargets } from './rung-targets';

/** What one batch did. `claimed` counts every rung it took, including those it left for a later round. */
export interface BatchOutcome {
  claimed: number;
  fired: number;
  /** Rungs armed ahead of their time (an arming batch: `fired` is then 0). */
  armed: number;
  skipped: number;
  cancelled: number;
  /** Rungs left SCHEDULED: their item was busy, or an earlier rung of their ladder was in another batch. */
  postponed: number;
  /** The emails to send, in batches of notifications (queued after the commit, one job per batch). */
  emailBatches: EmailBatch[];
  /** Seconds between each fired rung's time and its firing. */
  lateness: number[];
}

/** What a release at T did: armed rungs settled FIRED, and how late each was. */
export interface ReleaseOutcome {
  released: number;
  lateness: number[];
}

/** Notifications written per statement (each has about a dozen columns; PostgreSQL takes 65,535 parameters). */
const NOTIFICATION_CHUNK = 2_000;

/**
 * Arming holds this advisory lock shared; a change to the directory takes it exclusively (the triggers of migration
 * 1797900000005, which spell the same number) and disarms what is armed, so the two never interleave.
 */
export const ARMING_LOCK = 7220501;

/** Every earlier rung of the rung's ladder (alias r) is settled or armed. */
const DECIDED_BEFORE = `(r.rung_index = 0 OR NOT EXISTS (
  SELECT 1 FROM escalation_rung e
  WHERE e.item_type = r.item_type AND e.item_id = r.item_id AND e.deadline_kind = r.deadline_kind
    AND e.deadline_version = r.deadline_version AND e.rung_index < r.rung_index
    AND e.status = 'SCHEDULED' AND e.armed_at IS NULL))`;

/** Firing decides due rungs now; arming decides rungs due within the window ahead, each for its own fire time. */
type Pass = { arming: false; now: Date } | { arming: true; now: Date; until: Date };

interface Settlement {
  id: string;
  status: RungStatus | 'ARMED';
  note: string | null;
  recipientCount: number | null;
}

/**
 * Fires a batch of due rungs in one transaction: PostgreSQL is the scheduler. Due rungs are claimed with
 * FOR UPDATE SKIP LOCKED on the (fire_at) index of SCHEDULED rungs, so workers and lanes share the load and none
 * takes a rung another holds; the SCHEDULED -> FIRED update and the uniqueness of notifications (per rung and
 * person) keep each rung firing once. Items are locked without waiting (an item a change holds waits a round), their
 * state and the people to reach are read for the whole batch in a few queries, and the settlements, history entries
 * and notifications are written with one statement each. An item with several rungs due fires them in ladder order,
 * one per wave, each wave seeing what the previous one's actions did. As before, a reminder that comes due only after
 * its deadline is SKIPPED with the reason; escalations fire late, but fire; a rung whose item closed or whose deadline
 * changed is CANCELLED.
 *
 * Arming does the same work ahead of time for rungs without an action due within the window: the rows are written
 * dated at the rung's fire time and visible only from then (`visible_at`, `available_at`), the emails queued to wait
 * until then, and the rung is marked armed. At its time a release settles it FIRED in one statement, which is all a
 * deadline storm then costs (issue 22). Whatever changes the item or the directory before that disarms it
 * (`disarm_rungs`), and the next pass decides it again as things then are.
 */
@Injectable()
export class DueRungBatch {
  private readonly logger = new Logger('Escalations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: EscalationSubjects,
    private readonly targets: RungTargets,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  fire(limit: number): Promise<BatchOutcome> {
    return this.dataSource.transaction((manager) =>
      this.decide(manager, { arming: false, now: this.clock.now() }, limit),
    );
  }

  /** Arms up to `limit` rungs without an action due within `aheadMs`, whose earlier rungs are settled or armed. */
  arm(limit: number, aheadMs: number): Promise<BatchOutcome> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock_shared($1)`, [ARMING_LOCK]);
      const now = this.clock.now();
      return this.decide(manager, { arming: true, now, until: new Date(now.getTime() + aheadMs) }, limit);
    });
  }

  /** Settles up to `limit` armed rungs whose time has come: one statement, nothing else to write. */
  async release(limit: number): Promise<ReleaseOutcome> {
    const now = this.clock.now();
    // Read through a SELECT: an UPDATE's RETURNING comes back from TypeORM as [rows, count].
    const rows: { fireAt: Date }[] = await this.dataSource.query(
      `WITH released AS (
         UPDATE escalation_rung r SET status = 'FIRED', settled_at = $1
         FROM (SELECT id FROM escalation_rung WHERE status = 'SCHEDULED' AND armed_at IS NOT NULL AND fire_at <= $1
               ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED) due
         WHERE r.id = due.id
         RETURNING r.fire_at)
       SELECT fire_at AS "fireAt" FROM released`,
      [now, limit],
    );
    const lateness = rows.map((row) => Math.max(0, now.getTime() - new Date(row.fireAt).getTime()) / 1000);
    return { released: rows.length, lateness };
  }

  /**
   * When the next armed rung falls due (null when none is armed), and how many armed rungs fall due by then plus
   * `withinMs`, counted up to `countUpTo`.
   */
  async nextArmed(withinMs: number, countUpTo: number): Promise<{ at: Date; count: number } | null> {
    const [row]: { at: Date | null; count: number }[] = await this.dataSource.query(
      `WITH next AS (SELECT min(fire_at) AS at FROM escalation_rung WHERE status = 'SCHEDULED' AND armed_at IS NOT NULL)
       SELECT next.at, (SELECT count(*)::int FROM (
           SELECT 1 FROM escalation_rung
           WHERE status = 'SCHEDULED' AND armed_at IS NOT NULL AND fire_at <= next.at + $1 * interval '1 millisecond'
           LIMIT $2) due) AS count
       FROM next`,
      [withinMs, countUpTo],
    );
    return row?.at ? { at: new Date(row.at), count: row.count } : null;
  }

  private async decide(manager: EntityManager, pass: Pass, limit: number): Promise<BatchOutcome> {
    const { now } = pass;
    const outcome: BatchOutcome = {
      claimed: 0,
      fired: 0,
      armed: 0,
      skipped: 0,
      cancelled: 0,
      postponed: 0,
      emailBatches: [],
      lateness: [],
    };
    // Plain SQL mapped by hand: hydrating the rows through the ORM cost a sixth of a batch's CPU. Armed rungs are
    // the release's. Arming takes rungs without an action (an action changes the item, which waits for its time) and
    // none behind an earlier rung still undecided, which would otherwise come back at the head of every claim.
    const claimed: EscalationRungEntity[] = await manager.query(
      `SELECT id, created_at AS "createdAt", item_type AS "itemType", item_id AS "itemId",
         deadline_kind AS "deadlineKind", deadline_version AS "deadlineVersion", deadline_at AS "deadlineAt",
         policy_name AS "policyName", rung_key AS "rungKey", rung_index AS "rungIndex", fire_at AS "fireAt",
         targets, action, status, settled_at AS "settledAt", note, recipient_count AS "recipientCount",
         armed_at AS "armedAt"
       FROM escalation_rung r WHERE status = 'SCHEDULED' AND armed_at IS NULL AND ${
         pass.arming ? `action IS NULL AND fire_at > $1 AND fire_at <= $3 AND ${DECIDED_BEFORE}` : `fire_at <= $1`
       }
       ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      pass.arming ? [now, limit, pass.until] : [now, limit],
    );
    outcome.claimed = claimed.length;
    if (claimed.length === 0) return outcome;

    // A rung whose ladder has an earlier rung still waiting that this batch does not hold (another lane took it)
    // waits, so the ladder climbs in order. Arming counts an armed earlier rung as decided: it fires first.
    // Each rung by its key, then a look at its own item's rungs (the item index). Written as `c.id = ANY(…)`, the
    // planner scanned the whole table testing every row against the batch's 500 ids (~100 ms a batch, issue 22).
    const later = claimed.filter((rung) => rung.rungIndex > 0);
    const waiting: { id: string }[] =
      later.length === 0
        ? []
        : await manager.query(
            `SELECT c.id FROM unnest($1::uuid[]) AS later(id) JOIN escalation_rung c ON c.id = later.id
             WHERE EXISTS (
               SELECT 1 FROM escalation_rung e
               WHERE e.item_type = c.item_type AND e.item_id = c.item_id AND e.deadline_kind = c.deadline_kind
                 AND e.deadline_version = c.deadline_version AND e.rung_index < c.rung_index
                 AND e.status = 'SCHEDULED' ${pass.arming ? 'AND e.armed_at IS NULL' : ''}
                 AND NOT (e.id = ANY($2::uuid[])))`,
            [later.map((rung) => rung.id), claimed.map((rung) => rung.id)],
          );
    const postponed = new Set(waiting.map((row) => row.id));
    const ready = claimed.filter((rung) => !postponed.has(rung.id));
    outcome.postponed += postponed.size;

    // Each item's due rungs in ladder order; wave n fires the n-th of every item.
    const byItem = new Map<string, EscalationRungEntity[]>();
    for (const rung of ready) {
      const key = `${rung.itemType}:${rung.itemId}`;
      const list = byItem.get(key);
      if (list) list.push(rung);
      else byItem.set(key, [rung]);
    }
    for (const rungs of byItem.values()) {
      rungs.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.rungIndex - b.rungIndex);
    }
    let states = await this.load(manager, ready);
    const settlements: Settlement[] = [];
    for (let wave = 0; ; wave++) {
      const rungs = [...byItem.values()].map((list) => list[wave]).filter((rung) => rung !== undefined);
      if (rungs.length === 0) break;
      if (wave > 0) {
        // The previous wave's actions (expire, lapse …) may have closed a deadline: read those items again.
        const acted = rungs.filter((rung) => byItem.get(`${rung.itemType}:${rung.itemId}`)![wave - 1].action);
        if (acted.length > 0) states = new Map([...states, ...(await this.load(manager, acted))]);
      }
      const firing: { rung: EscalationRungEntity; state: SubjectState }[] = [];
      for (const rung of rungs) {
        const state = states.get(`${rung.itemType}:${rung.itemId}`);
        if (state === 'busy') {
          outcome.postponed += 1;
          continue;
        }
        if (!state || state.openDeadlines[rung.deadlineKind] !== rung.deadlineVersion) {
          settlements.push(settled(rung, RungStatus.CANCELLED, 'the item closed or its deadline changed'));
          outcome.cancelled += 1;
          continue;
        }
        // An armed rung fires at its time, never late, so it is never a stale reminder.
        const stale = staleReminderReason(rung, pass.arming ? rung.fireAt : now);
        if (stale) {
          settlements.push(settled(rung, RungStatus.SKIPPED, stale));
          this.logger.log({ msg: 'stale reminder skipped', rungId: rung.id, reason: stale });
          outcome.skipped += 1;
          continue;
        }
        firing.push({ rung, state });
      }
      const reached = await this.targets.resolve(
        manager,
        firing.map(({ rung, state }) => ({ targets: rung.targets, state })),
      );
      const decided = pass.arming ? 'ARMED' : RungStatus.FIRED;
      firing.forEach(({ rung }, i) => settlements.push(settled(rung, decided, null, reached[i].size)));
      // Settled before the kinds' hooks run: an action that re-plans the ladder must not cancel a rung that fired.
      await this.settle(manager, settlements.splice(0), now);
      await this.record(
        manager,
        firing.map(({ rung }, i) => ({
          rung,
          recipientCount: reached[i].size,
          armedFor: pass.arming ? rung.fireAt : undefined,
        })),
      );
      outcome.emailBatches.push(...(await this.notify(manager, firing, reached, pass.arming)));
      if (pass.arming) {
        outcome.armed += firing.length;
      } else {
        for (const { rung } of firing) outcome.lateness.push(Math.max(0, now.getTime() - rung.fireAt.getTime()) / 1000);
        outcome.fired += firing.length;
      }
    }
    await this.settle(manager, settlements, now);
    return outcome;
  }

  /** The items of these rungs, locked, by "type:id"; 'busy' when another transaction holds one, absent when gone. */
  private async load(
    manager: EntityManager,
    rungs: EscalationRungEntity[],
  ): Promise<Map<string, SubjectState | 'busy'>> {
    const byType = new Map<string, string[]>();
    for (const rung of rungs) {
      const ids = byType.get(rung.itemType);
      if (ids) ids.push(rung.itemId);
      else byType.set(rung.itemType, [rung.itemId]);
    }
    const states = new Map<string, SubjectState | 'busy'>();
    for (const [type, ids] of byType) {
      const batch = await this.subjects.get(type).loadMany(manager, ids);
      for (const [id, state] of batch.states) states.set(`${type}:${id}`, state);
      for (const id of batch.busy) states.set(`${type}:${id}`, 'busy');
    }
    return states;
  }

  /** Settles rungs (FIRED, CANCELLED, SKIPPED) or marks them armed (they stay SCHEDULED until their time). */
  private async settle(manager: EntityManager, settlements: Settlement[], at: Date): Promise<void> {
    const armed = settlements.filter((s) => s.status === 'ARMED');
    const decided = settlements.filter((s) => s.status !== 'ARMED');
    if (armed.length > 0) {
      await manager.query(
        `UPDATE escalation_rung r SET armed_at = $3, recipient_count = s.recipients
         FROM unnest($1::uuid[], $2::int[]) AS s(id, recipients)
         WHERE r.id = s.id AND r.status = 'SCHEDULED'`,
        [armed.map((s) => s.id), armed.map((s) => s.recipientCount), at],
      );
    }
    if (decided.length === 0) return;
    await manager.query(
      `UPDATE escalation_rung r
       SET status = s.status::escalation_rung_status, note = s.note, settled_at = $5, recipient_count = s.recipients
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS s(id, status, note, recipients)
       WHERE r.id = s.id AND r.status = 'SCHEDULED'`,
      [
        decided.map((s) => s.id),
        decided.map((s) => s.status),
        decided.map((s) => s.note),
        decided.map((s) => s.recipientCount),
        at,
      ],
    );
  }

  private async record(manager: EntityManager, firings: RungFiring[]): Promise<void> {
    const byType = new Map<string, RungFiring[]>();
    for (const firing of firings) {
      const list = byType.get(firing.rung.itemType);
      if (list) list.push(firing);
      else byType.set(firing.rung.itemType, [firing]);
    }
    for (const [type, list] of byType) await this.subjects.get(type).recordFirings(manager, list);
  }

  /**
   * One notification per person reached; returns the emails to send, in batches. Armed, each rung's notifications
   * are dated and shown from its fire time, and the emails of each fire time make batches of their own that wait
   * until then.
   */
  private async notify(
    manager: EntityManager,
    firing: { rung: EscalationRungEntity; state: SubjectState }[],
    reached: Map<string, string>[],
    arming: boolean,
  ): Promise<EmailBatch[]> {
    const byTime = new Map<number, NotificationDraft[]>();
    firing.forEach(({ rung, state }, i) => {
      const time = arming ? rung.fireAt.getTime() : 0;
      const drafts = byTime.get(time) ?? [];
      byTime.set(time, drafts);
      // Before the deadline a rung reminds (the reader may mute reminders); at or after it, it escalates.
      const kind = rung.fireAt < rung.deadlineAt ? NotificationKind.DEADLINE_REMINDER : NotificationKind.ESCALATION;
      for (const [userId, target] of reached[i]) {
        drafts.push({
          recipientUserId: userId,
          kind,
          dedupeKey: `rung.${rung.id}.${userId}`,
          subjectType: state.subjectType,
          subjectId: rung.itemId,
          reference: state.reference,
          params: { ...state.params, dueAt: rung.deadlineAt.toISOString(), targetRole: target, rungKey: rung.rungKey },
          ...(arming ? { createdAt: rung.fireAt, visibleAt: rung.fireAt } : {}),
        });
      }
    });
    const batches: EmailBatch[] = [];
    for (const drafts of byTime.values()) {
      for (let start = 0; start < drafts.length; start += NOTIFICATION_CHUNK) {
        const chunk = drafts.slice(start, start + NOTIFICATION_CHUNK);
        batches.push(...(await this.notifications.createInBatches(manager, chunk)));
      }
    }
    return batches;
  }
}

function settled(
  rung: EscalationRungEntity,
  status: RungStatus | 'ARMED',
  note: string | null,
  recipientCount: number | null = null,
): Settlement {
  return { id: rung.id, status, note, recipientCount };
}
