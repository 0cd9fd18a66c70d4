import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  EscalationSubject,
  EscalationSubjects,
  RungFiring,
  SubjectBatch,
  SubjectState,
} from '@app/modules/escalations/escalation-subjects';

import { WorkItemHistory } from './history/work-item-history';
import { WorkItemKind, WorkItemRow } from './work-item-kind';
import { referenceOf } from './work-item-store';

/** What the escalation engine needs of a kind. */
export type EscalatedKind<Item extends WorkItemRow> = Pick<
  WorkItemKind<Item>,
  | 'type'
  | 'typeName'
  | 'entity'
  | 'alias'
  | 'referencePrefix'
  | 'visibility'
  | 'notFound'
  | 'versionConflict'
  | 'deadlines'
  | 'parties'
  | 'onRung'
  | 'onRungs'
>;

/**
 * Makes every kind of work item an escalation subject from its declaration: the rung engine locks a batch of items
 * (never waiting: an item a change holds is tried again next round, so a batch and a change cannot deadlock),
 * learns which deadlines still run and whom to reach, and the firings land in the items' histories, followed by the
 * kind's onRung (the rung's action, or what the kind does on a firing), in batches when the kind offers onRungs.
 */
@Injectable()
export class WorkItemEscalations {
  constructor(
    private readonly subjects: EscalationSubjects,
    private readonly history: WorkItemHistory,
  ) {}

  /** Called by each kind's module at boot. */
  register<Item extends WorkItemRow>(kind: EscalatedKind<Item>): void {
    this.subjects.register(this.subjectOf(kind));
  }

  private subjectOf<Item extends WorkItemRow>(kind: EscalatedKind<Item>): EscalationSubject {
    const { history } = this;
    // The items each transaction locked, as it read them: a firing's hook gets its item from here instead of
    // reading it again (the second read and its hydration were 7 % of a storm batch's time). An item leaves
    // once a hook has seen it, as the hook may have changed it; the next wave of its ladder reads it afresh.
    const locked = new WeakMap<EntityManager, Map<string, Item>>();
    const heldBy = (manager: EntityManager): Map<string, Item> => {
      const held = locked.get(manager) ?? new Map<string, Item>();
      locked.set(manager, held);
      return held;
    };
    const lockMany = async (manager: EntityManager, ids: string[]): Promise<Item[]> => {
      const items = await manager
        .getRepository(kind.entity)
        .createQueryBuilder(kind.alias)
        .where(`${kind.alias}.id = ANY(:ids)`, { ids })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const held = heldBy(manager);
      for (const item of items) held.set(item.id, item);
      return items;
    };
    return {
      itemType: kind.type,
      async loadMany(manager: EntityManager, itemIds: string[]): Promise<SubjectBatch> {
        const ids = [...new Set(itemIds)];
        const items = await lockMany(manager, ids);
        const locked = new Set(items.map((item) => item.id));
        const missing = ids.filter((id) => !locked.has(id));
        // Not locked: held by another transaction (busy) or gone; a plain read tells which.
        const busy = new Set<string>();
        if (missing.length > 0) {
          const rows: { id: string }[] = await manager
            .getRepository(kind.entity)
            .createQueryBuilder(kind.alias)
            .select(`${kind.alias}.id`, 'id')
            .where(`${kind.alias}.id = ANY(:ids)`, { ids: missing })
            .getRawMany();
          for (const row of rows) busy.add(row.id);
        }
        const parties = new Map(items.map((item) => [item.id, kind.parties(item)]));
        const agencyIds = [...parties.values()].flatMap((p) => [p.requestingAgencyId, p.respondingAgencyId]);
        const agencies: { id: string; acronym: string }[] = await manager.query(
          `SELECT id, acronym FROM agency WHERE id = ANY($1::uuid[])`,
          [[...new Set(agencyIds)]],
        );
        const names = new Map(agencies.map((agency) => [agency.id, agency.acronym]));
        const name = (id: string) => names.get(id) ?? '';
        const states = new Map<string, SubjectState>();
        for (const item of items) {
          const party = parties.get(item.id)!;
          states.set(item.id, {
            reference: referenceOf(kind, item),
            subjectType: kind.typeName,
            openDeadlines: Object.fromEntries(
              kind
                .deadlines(item)
                .filter((deadline) => deadline.running)
                .map((deadline) => [deadline.kind, deadline.version]),
            ),
            responsibleAgencyId: party.responsibleAgencyId,
            responsibleUserId: party.responsibleUserId,
            watchingAgencyIds: party.watchingAgencyIds,
            filerUserId: party.filerUserId,
            params: {
              assigningAgency: name(party.requestingAgencyId),
              assigneeAgency: name(party.respondingAgencyId),
            },
          });
        }
        return { states, busy };
      },
      async recordFirings(manager: EntityManager, firings: RungFiring[]): Promise<void> {
        if (firings.length === 0) return;
        await history.recordMany(
          manager,
          kind.type,
          firings.map(({ rung, recipientCount, armedFor }) => ({
            itemId: rung.itemId,
            at: armedFor,
            kind: 'ESCALATED',
            details: {
              deadline: rung.deadlineKind,
              rung: rung.rungKey,
              targets: rung.targets,
              deadlineVersion: rung.deadlineVersion,
              due: rung.deadlineAt.toISOString(),
              recipients: recipientCount,
            },
          })),
        );
        // Every firing reaches the kind's hook: it acts on the rung's action, or on the firing itself (a task
        // telling its assigning side once the due date has passed). The items are the ones loadMany locked in this
        // transaction (the history entry does not change them); one a hook already saw is read again.
        if (!kind.onRung && !kind.onRungs) return;
        const held = heldBy(manager);
        const ids = [...new Set(firings.map((firing) => firing.rung.itemId))];
        const unread = ids.filter((id) => !held.has(id));
        if (unread.length > 0) await lockMany(manager, unread);
        const items = new Map(ids.flatMap((id) => (held.has(id) ? [[id, held.get(id)!] as const] : [])));
        for (const id of ids) held.delete(id);
        const found = firings
          .filter((firing) => items.has(firing.rung.itemId))
          .map((firing) => ({ item: items.get(firing.rung.itemId)!, rung: firing.rung, armedFor: firing.armedFor }));
        if (kind.onRungs) return kind.onRungs(manager, found);
        for (const { item, rung, armedFor } of found) await kind.onRung!(manager, item, rung, armedFor);
      },
    };
  }
}
