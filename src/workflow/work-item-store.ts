import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { formatReference } from '@app/kernel/reference';

import { WorkItemKind, WorkItemRow } from './work-item-kind';

/** What reading and locking need of a kind (no lifecycle or events: any kind fits, whatever its types). */
export type StoredKind<Item extends WorkItemRow> = Pick<
  WorkItemKind<Item>,
  'entity' | 'alias' | 'referencePrefix' | 'visibility' | 'notFound' | 'versionConflict'
>;

/** The reference of a work item, e.g. TSK-000042. */
export function referenceOf(kind: Pick<WorkItemKind, 'referencePrefix'>, item: Pick<WorkItemRow, 'number'>): string {
  return formatReference(kind.referencePrefix, item.number);
}

/**
 * Reads work items the way every kind must: through the kind's visibility rule. Loading for a change checks in one
 * order, for every kind: visible? (else NOT_FOUND, nothing locked, no reference named) → row lock → version.
 */
@Injectable()
export class WorkItemStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Items of the kind the actor may see, as a query to filter and page further. */
  visibleQuery<Item extends WorkItemRow>(
    kind: StoredKind<Item>,
    actor: Actor,
    manager: EntityManager = this.dataSource.manager,
  ): SelectQueryBuilder<Item> {
    const visibility = kind.visibility(actor, kind.alias);
    return manager.getRepository(kind.entity).createQueryBuilder(kind.alias).where(visibility.sql, visibility.params);
  }

  /** One item the actor may see; any other id (invisible or missing) answers the same NOT_FOUND. */
  async findVisible<Item extends WorkItemRow>(kind: StoredKind<Item>, actor: Actor, id: string): Promise<Item> {
    const item = await this.visibleQuery(kind, actor)
      .andWhere(`${kind.alias}.id = :workItemId`, { workItemId: id })
      .getOne();
    if (!item) throw kind.notFound(id);
    return item;
  }

  /**
   * Loads an item for a change in the caller's transaction. The row lock is taken in the same statement as the
   * visibility check, so an item the actor may not see is never locked, and a stale `expectedVersion` from
   * someone who may not see it answers NOT_FOUND like a random id. For someone who may see it, a stale version
   * is CONFLICT naming the field. The lock makes two people acting at once go one after the other: the second
   * sees the first one's status and meets the lifecycle.
   */
  async loadForChange<Item extends WorkItemRow>(
    manager: EntityManager,
    kind: StoredKind<Item>,
    actor: Actor,
    id: string,
    expectedVersion?: number,
  ): Promise<Item> {
    const item = await this.visibleQuery(kind, actor, manager)
      .andWhere(`${kind.alias}.id = :workItemId`, { workItemId: id })
      .setLock('pessimistic_write', undefined, [kind.alias])
      .getOne();
    if (!item) throw kind.notFound(id);
    if (expectedVersion !== undefined && expectedVersion !== item.version) {
      throw kind.versionConflict(referenceOf(kind, item), item.version);
    }
    return item;
  }

  /**
   * Runs `work` in one transaction on the item loaded for a change (visible → locked → version): the common frame of
   * every command on a work item.
   */
  forChange<Item extends WorkItemRow, T>(
    kind: StoredKind<Item>,
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
    work: (manager: EntityManager, item: Item) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) =>
      work(manager, await this.loadForChange(manager, kind, actor, id, expectedVersion)),
    );
  }

  /** Locks an item for the system (an escalation rung), with no visibility rule; null when it does not exist. */
  lockForSystem<Item extends WorkItemRow>(
    manager: EntityManager,
    kind: StoredKind<Item>,
    id: string,
  ): Promise<Item | null> {
    return manager
      .getRepository(kind.entity)
      .createQueryBuilder(kind.alias)
      .where(`${kind.alias}.id = :workItemId`, { workItemId: id })
      .setLock('pessimistic_write')
      .getOne();
  }
}
