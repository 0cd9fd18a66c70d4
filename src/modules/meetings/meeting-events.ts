import { Actor } from '@app/auth/actor';
import { DomainEvent, MeetingEventPayload } from '@app/kernel/topics';

import { meetingReference } from './meeting.constants';
import { MeetingEntity } from './meeting.entity';

/** An event about a meeting: ids, codes and instants only (no titles, agenda or minutes: they are free text). */
export function meetingEvent<K extends 'meeting.scheduled' | 'meeting.decision-recorded'>(
  topic: K,
  meeting: MeetingEntity,
  actor: Actor | null,
  extra: Partial<MeetingEventPayload> = {},
): DomainEvent<K> {
  const payload: MeetingEventPayload = {
    meetingId: meeting.id,
    reference: meetingReference(meeting),
    unitId: meeting.unitId,
    organiserAgencyId: meeting.organiserAgencyId,
    type: meeting.type,
    startsAt: meeting.startsAt.toISOString(),
    actorUserId: actor?.userId ?? null,
    actingAgencyId: actor?.agencyId ?? null,
    ...extra,
  };
  return { topic, aggregateType: 'Meeting', aggregateId: meeting.id, payload } as DomainEvent<K>;
}
