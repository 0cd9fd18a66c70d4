import { Actor } from '@app/auth/actor';
import { DomainEvent, Topic, TopicPayloads } from '@app/kernel/topics';

import { WorkItemKind, WorkItemRow } from './work-item-kind';

/** Who did it, as every event payload carries it: ids only, null for the system. */
export function actedBy(actor: Actor | null): { actorUserId: string | null; actingAgencyId: string | null } {
  return { actorUserId: actor?.userId ?? null, actingAgencyId: actor?.agencyId ?? null };
}

/** An event about a work item, typed by its topic (the aggregate is the item). */
export function workItemEvent<K extends Topic>(
  kind: Pick<WorkItemKind, 'typeName'>,
  topic: K,
  item: WorkItemRow,
  payload: TopicPayloads[K],
): DomainEvent<K> {
  return { topic, aggregateType: kind.typeName, aggregateId: item.id, payload } as DomainEvent<K>;
}
