import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';

import { WorkItemType } from '../work-item-kind';
import { WorkItemEventEntity } from './work-item-event.entity';

/** One history entry as a change writes it. */
export interface HistoryEntry {
  kind: string;
  action?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** A system entry written ahead by an armed rung: it happened, and is shown, at `at` (the rung's fire time). */
export interface AheadEntry extends HistoryEntry {
  itemId: string;
  at?: Date;
}

/** The one writer and reader of work-item histories. */
@Injectable()
export class WorkItemHistory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Adds an entry in the caller's transaction; `actor` null for the system (escalations, expiry, lapses). */
  async record(
    manager: EntityManager,
    type: WorkItemType,
    itemId: string,
    actor: Actor | null,
    entry: HistoryEntry,
  ): Promise<void> {
    await manager.insert(WorkItemEventEntity, {
      itemType: type,
      itemId,
      actorUserId: actor?.userId ?? null,
      actingAgencyId: actor?.agencyId ?? null,
      kind: entry.kind,
      action: entry.action ?? null,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      reason: entry.reason ?? null,
      details: (entry.details ?? {}) as WorkItemEventEntity['details'] & object,
    });
  }

  /**
   * Adds many system entries (actor null) of one kind of item in one statement, in the caller's transaction. An
   * entry with `at` is an armed rung's, written ahead: it is dated then and shown only from then.
   */
  async recordMany(manager: EntityManager, type: WorkItemType, entries: AheadEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO work_item_event (item_type, item_id, kind, action, from_status, to_status, reason, details,
         occurred_at, visible_at)
       SELECT $1, e.item_id, e.kind, e.action, e.from_status, e.to_status, e.reason, e.details,
         COALESCE(e.at, clock_timestamp()), e.at
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[],
         $9::timestamptz[]) AS e(item_id, kind, action, from_status, to_status, reason, details, at)`,
      [
        type,
        entries.map((entry) => entry.itemId),
        entries.map((entry) => entry.kind),
        entries.map((entry) => entry.action ?? null),
        entries.map((entry) => entry.fromStatus ?? null),
        entries.map((entry) => entry.toStatus ?? null),
        entries.map((entry) => entry.reason ?? null),
        entries.map((entry) => JSON.stringify(entry.details ?? {})),
        entries.map((entry) => entry.at ?? null),
      ],
    );
  }

  /** The histories of many items of one kind, each oldest first (for DataLoader); an armed rung's entry from its time. */
  async of(type: WorkItemType, itemIds: readonly string[]): Promise<Map<string, WorkItemEventEntity[]>> {
    const scope = { itemType: type, itemId: In([...itemIds]) };
    const rows = await this.dataSource.getRepository(WorkItemEventEntity).find({
      where: [
        { ...scope, visibleAt: IsNull() },
        { ...scope, visibleAt: LessThanOrEqual(this.clock.now()) },
      ],
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    const grouped = new Map<string, WorkItemEventEntity[]>();
    for (const row of rows) grouped.set(row.itemId, [...(grouped.get(row.itemId) ?? []), row]);
    return grouped;
  }
}
