import { Topic } from '@app/kernel/topics';
import { EventPayload } from '@app/queue/outbox-event.entity';

import { EVENT_RULES, EventNotice, Rule } from './event-rules';
import { NotificationDraft } from './notifications.service';
import { RecipientLookup } from './recipient-loader';

/** A committed domain event as the dispatchers read it. */
export interface DispatchedEvent {
  id: string;
  topic: string;
  payload: EventPayload;
  occurredAt: Date;
}

/** What the event's rule says to tell whom, or undefined when no one is told of this topic. */
export async function noticeOf(event: DispatchedEvent, recipients: RecipientLookup): Promise<EventNotice | undefined> {
  // The topic names its payload's type; the row was written through the typed catalogue.
  const rule = EVENT_RULES[event.topic as Topic] as Rule<EventPayload> | undefined;
  return rule ? rule(event.payload, recipients) : undefined;
}

/** One notification per recipient, deduplicated per event, so a rerun of the dispatch adds nothing. */
export function draftsOf(event: DispatchedEvent, notice: EventNotice): NotificationDraft[] {
  return notice.recipients.map((recipientUserId) => ({
    recipientUserId,
    kind: notice.kind,
    dedupeKey: `event.${event.id}.${recipientUserId}`,
    subjectType: notice.subjectType,
    subjectId: notice.subjectId,
    reference: notice.reference,
    params: notice.params,
    // Events are dispatched concurrently; dated by the event, two notices read in the order things happened.
    createdAt: event.occurredAt,
  }));
}
