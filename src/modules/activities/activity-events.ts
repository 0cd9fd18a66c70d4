import { Actor } from '@app/auth/actor';
import { formatReference } from '@app/kernel/reference';
import { ActivityEventPayload, DomainEvent } from '@app/kernel/topics';

import { ActivityEntity } from './activity.entity';

export const ACTIVITY_REFERENCE_PREFIX = 'ACT';

/** The human reference of an activity, e.g. ACT-000012. */
export function activityReference(activity: { number: number }): string {
  return formatReference(ACTIVITY_REFERENCE_PREFIX, activity.number);
}

/** An event about an activity: ids, codes and the day, never its title or notes. */
export function activityEvent<K extends 'activity.recorded' | 'activity.corrected'>(
  topic: K,
  activity: ActivityEntity,
  actor: Actor,
): DomainEvent<K> {
  const payload: ActivityEventPayload = {
    activityId: activity.id,
    reference: activityReference(activity),
    organiserAgencyId: activity.organiserAgencyId,
    type: activity.type,
    startsOn: activity.startsOn,
    actorUserId: actor.userId,
    actingAgencyId: actor.agencyId,
  };
  return { topic, aggregateType: 'Activity', aggregateId: activity.id, payload } as DomainEvent<K>;
}
