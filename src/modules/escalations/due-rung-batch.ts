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
  skipped: number;
  cancelled: number;
  /** Rungs left SCHEDULED: their item was busy, or an earlier rung of their ladder was in another batch. */
  postponed: number;
  /** The emails to send, in batches of notifications (queued after the commit, one job per batch). */
  emailBatches: EmailBatch[];
  /** Seconds between each fired rung's time and its firing. */
  lateness: number[];
}

/** Notifications written per statement (each has about a dozen columns; PostgreSQL takes 65,535 parameters). */
const NOTIFICATION_CHUNK = 2_000;

interface Settlement {
  id: string;
  status: RungStatus;
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
    return this.dataSource.transaction((manager) => this.fireIn(manager, limit));
  }

  private async fireIn(manager: EntityManager, limit: number): Promise<BatchOutcome> {
    const now = this.clock.now();
    const outcome: BatchOutcome = {
      claimed: 0,
      fired: 0,
      skipped: 0,
      cancelled: 0,
      postponed: 0,
      emailBatches: [],
      lateness: [],
    };
    // Plain SQL mapped by hand: hydrating the rows through the ORM cost a sixth of a batch's CPU.
    const claimed: EscalationRungEntity[] = await manager.query(
      `SELECT id, created_at AS "createdAt", item_type AS "itemType", item_id AS "itemId",
         deadline_kind AS "deadlineKind", deadline_version AS "deadlineVersion", deadline_at AS "deadlineAt",
         policy_name AS "policyName", rung_key AS "rungKey", rung_index AS "rungIndex", fire_at AS "fireAt",
         targets, action, status, settled_at AS "settledAt", note, recipient_count AS "recipientCount"
       FROM escalation_rung WHERE status = 'SCHEDULED' AND fire_at <= $1
       ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    outcome.claimed = claimed.length;
    if (claimed.length === 0) return outcome;

    // A rung whose ladder has an earlier rung still waiting that this batch does not hold (another lane took it)
    // waits, so the ladder climbs in order.
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
                 AND e.status = 'SCHEDULED' AND NOT (e.id = ANY($2::uuid[])))`,
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
        const stale = staleReminderReason(rung, now);
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
      firing.forEach(({ rung }, i) => settlements.push(settled(rung, RungStatus.FIRED, null, reached[i].size)));
      // Settled before the kinds' hooks run: an action that re-plans the ladder must not cancel a rung that fired.
      await this.settle(manager, settlements.splice(0), now);
      await this.record(
        manager,
        firing.map(({ rung }, i) => ({ rung, recipientCount: reached[i].size })),
      );
      outcome.emailBatches.push(...(await this.notify(manager, firing, reached)));
      for (const { rung } of firing) outcome.lateness.push(Math.max(0, now.getTime() - rung.fireAt.getTime()) / 1000);
      outcome.fired += firing.length;
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

  private async settle(manager: EntityManager, settlements: Settlement[], at: Date): Promise<void> {
    if (settlements.length === 0) return;
    await manager.query(
      `UPDATE escalation_rung r
       SET status = s.status::escalation_rung_status, note = s.note, settled_at = $5, recipient_count = s.recipients
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS s(id, status, note, recipients)
       WHERE r.id = s.id AND r.status = 'SCHEDULED'`,
      [
        settlements.map((s) => s.id),
        settlements.map((s) => s.status),
        settlements.map((s) => s.note),
        settlements.map((s) => s.recipientCount),
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

  /** One notification per person reached; returns the emails to send, in batches. */
  private async notify(
    manager: EntityManager,
    firing: { rung: EscalationRungEntity; state: SubjectState }[],
    reached: Map<string, string>[],
  ): Promise<EmailBatch[]> {
    const drafts: NotificationDraft[] = firing.flatMap(({ rung, state }, i) => {
      // Before the deadline a rung reminds (the reader may mute reminders); at or after it, it escalates.
      const kind = rung.fireAt < rung.deadlineAt ? NotificationKind.DEADLINE_REMINDER : NotificationKind.ESCALATION;
      return [...reached[i]].map(([userId, target]) => ({
        recipientUserId: userId,
        kind,
        dedupeKey: `rung.${rung.id}.${userId}`,
        subjectType: state.subjectType,
        subjectId: rung.itemId,
        reference: state.reference,
        params: { ...state.params, dueAt: rung.deadlineAt.toISOString(), targetRole: target, rungKey: rung.rungKey },
      }));
    });
    const batches: EmailBatch[] = [];
    for (let start = 0; start < drafts.length; start += NOTIFICATION_CHUNK) {
      const chunk = drafts.slice(start, start + NOTIFICATION_CHUNK);
      batches.push(...(await this.notifications.createInBatches(manager, chunk)));
    }
    return batches;
  }
}

function settled(
  rung: EscalationRungEntity,
  status: RungStatus,
  note: string | null,
  recipientCount: number | null = null,
): Settlement {
  return { id: rung.id, status, note, recipientCount };
}
