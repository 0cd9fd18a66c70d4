import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { WorkCalendar } from '@libs/deadlines';

import { Actor } from '@app/auth/actor';
import { DomainEvent, FollowUpEventPayload, Topic, TopicPayloads } from '@app/kernel/topics';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { PolicySnapshot } from '@app/modules/escalations/escalation.types';
import { Refusal } from '@app/workflow/lifecycle';
import { WorkItemEscalations } from '@app/workflow/work-item-escalations';
import { DeadlineState, EscalationParties, SqlCondition, WorkItemKind } from '@app/workflow/work-item-kind';
import { actedBy, workItemEvent } from '@app/workflow/work-item-events';

import { actsFor, planVisibility } from './repatriation-access';
import { DUE_DEADLINE, FOLLOW_UP_ITEM_TYPE, FOLLOW_UP_PREFIX, followUpReference } from './repatriation.constants';
import { FollowUpAction, FollowUpSide, FollowUpStatus } from './repatriation.enums';
import { RepatriationErrorReason as R, RepatriationException } from './repatriation.exception';
import { FOLLOW_UP_LIFECYCLE } from './repatriation.lifecycles';
import { FollowUpContactEntity } from './follow-up-contact.entity';

export type FollowUpTopic = Extract<Topic, 'follow-up.recorded' | 'follow-up.cancelled'>;

/**
 * Follow-up contacts after return as a kind of work item (docs/architecture.md's worked example): owed by the plan's
 * responsible agency (the home region's), due at the end of a working day in its calendar, escalated like any other
 * deadline when missed. Visible with the plan (planVisibility).
 */
@Injectable()
export class FollowUpKind
  implements
    WorkItemKind<FollowUpContactEntity, FollowUpStatus, FollowUpAction, FollowUpSide, FollowUpTopic>,
    OnModuleInit
{
  readonly type = FOLLOW_UP_ITEM_TYPE;
  readonly typeName = 'FollowUpContact';
  readonly entity = FollowUpContactEntity;
  readonly alias = 'follow_up';
  readonly referencePrefix = FOLLOW_UP_PREFIX;
  readonly lifecycle = FOLLOW_UP_LIFECYCLE;
  readonly topics: Readonly<Record<FollowUpAction, FollowUpTopic>> = {
    RECORD_MET: 'follow-up.recorded',
    RECORD_NOT_REACHED: 'follow-up.recorded',
    RECORD_MOVED: 'follow-up.recorded',
    RECORD_RE_MIGRATED: 'follow-up.recorded',
    RECORD_DECLINED: 'follow-up.recorded',
    CANCEL: 'follow-up.cancelled',
  };

  constructor(
    private readonly calendars: CalendarsService,
    private readonly escalations: WorkItemEscalations,
  ) {}

  onModuleInit(): void {
    this.escalations.register(this);
  }

  notFound(id: string): RepatriationException {
    return new RepatriationException(R.FOLLOW_UP_NOT_FOUND, `Follow-up contact ${id} was not found.`);
  }

  versionConflict(reference: string): RepatriationException {
    return new RepatriationException(
      R.VERSION_CONFLICT,
      `Follow-up ${reference} was changed by someone else; reload and try again.`,
      'expectedVersion',
    );
  }

  refused(refusal: Refusal): RepatriationException {
    return new RepatriationException(
      R[refusal.kind],
      refusal.message,
      refusal.kind === 'REASON_REQUIRED' ? 'reason' : undefined,
    );
  }

  visibility(actor: Actor, alias: string): SqlCondition {
    return planVisibility(actor, alias);
  }

  sides(actor: Actor, contact: FollowUpContactEntity): FollowUpSide[] {
    return actsFor(actor, contact.responsibleAgencyId) ? [FollowUpSide.RESPONSIBLE] : [];
  }

  deadlines(contact: FollowUpContactEntity): DeadlineState[] {
    return [
      {
        kind: DUE_DEADLINE,
        version: contact.deadlineVersion,
        at: contact.dueAt,
        running: contact.status === FollowUpStatus.SCHEDULED,
      },
    ];
  }

  calendar(manager: EntityManager, contact: FollowUpContactEntity): Promise<WorkCalendar> {
    return this.calendars.agencyCalendar(manager, contact.responsibleAgencyId);
  }

  escalationPolicy(contact: FollowUpContactEntity): PolicySnapshot {
    return contact.escalationPolicy as unknown as PolicySnapshot;
  }

  parties(contact: FollowUpContactEntity): EscalationParties {
    return {
      responsibleAgencyId: contact.responsibleAgencyId,
      responsibleUserId: null,
      filerUserId: null,
      watchingAgencyIds: [contact.responsibleAgencyId],
      requestingAgencyId: contact.responsibleAgencyId,
      respondingAgencyId: contact.responsibleAgencyId,
    };
  }

  async event<K extends FollowUpTopic>(
    _manager: EntityManager,
    topic: K,
    contact: FollowUpContactEntity,
    actor: Actor | null,
    extra: Partial<FollowUpEventPayload> = {},
  ): Promise<DomainEvent<K>> {
    const payload: FollowUpEventPayload = {
      followUpId: contact.id,
      reference: followUpReference(contact),
      planId: contact.planId,
      victimCode: contact.victimCode,
      responsibleAgencyId: contact.responsibleAgencyId,
      sequence: contact.sequence,
      status: contact.status,
      dueAt: contact.dueAt.toISOString(),
      deadlineVersion: contact.deadlineVersion,
      contactedOn: contact.contactedOn,
      ...actedBy(actor),
      ...extra,
    };
    return workItemEvent(this, topic, contact, payload as TopicPayloads[K]);
  }
}
