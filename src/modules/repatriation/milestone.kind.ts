import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { WorkCalendar } from '@libs/deadlines';

import { Actor } from '@app/auth/actor';
import { formatReference } from '@app/kernel/reference';
import { DomainEvent, RepatriationMilestonePayload, Topic, TopicPayloads } from '@app/kernel/topics';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { PolicySnapshot } from '@app/modules/escalations/escalation.types';
import { Refusal } from '@app/workflow/lifecycle';
import { WorkItemEscalations } from '@app/workflow/work-item-escalations';
import { DeadlineState, EscalationParties, SqlCondition, WorkItemKind } from '@app/workflow/work-item-kind';
import { actedBy, workItemEvent } from '@app/workflow/work-item-events';

import { actsFor, milestoneVisibility } from './repatriation-access';
import {
  DUE_DEADLINE,
  MILESTONE_ITEM_TYPE,
  MILESTONE_PREFIX,
  milestoneReference,
  OPERATION_PREFIX,
} from './repatriation.constants';
import { MilestoneAction, MilestoneSide, MilestoneStatus } from './repatriation.enums';
import { RepatriationErrorReason as R, RepatriationException } from './repatriation.exception';
import { MILESTONE_LIFECYCLE } from './repatriation.lifecycles';
import { RepatriationMilestoneEntity } from './repatriation-milestone.entity';

export type MilestoneTopic = Extract<Topic, 'repatriation.milestone-recorded' | 'repatriation.milestone-closed'>;

/**
 * Milestones of an operation as a kind of work item. The owner agency's officers record their step; the operation's
 * two responsible agencies may record it for the owner (a foreign office answering by letter) and waive or cancel it.
 * The due date is counted in the owner's calendar and time zone; its ladder reaches the owner, watched by the units of
 * the responsible agencies. Visible with the operation.
 */
@Injectable()
export class MilestoneKind
  implements
    WorkItemKind<RepatriationMilestoneEntity, MilestoneStatus, MilestoneAction, MilestoneSide, MilestoneTopic>,
    OnModuleInit
{
  readonly type = MILESTONE_ITEM_TYPE;
  readonly typeName = 'RepatriationMilestone';
  readonly entity = RepatriationMilestoneEntity;
  readonly alias = 'milestone';
  readonly referencePrefix = MILESTONE_PREFIX;
  readonly lifecycle = MILESTONE_LIFECYCLE;
  readonly topics: Readonly<Record<MilestoneAction, MilestoneTopic>> = {
    RECORD: 'repatriation.milestone-recorded',
    RECORD_FOR_OWNER: 'repatriation.milestone-recorded',
    WAIVE: 'repatriation.milestone-closed',
    CANCEL: 'repatriation.milestone-closed',
  };

  constructor(
    private readonly calendars: CalendarsService,
    private readonly escalations: WorkItemEscalations,
  ) {}

  onModuleInit(): void {
    this.escalations.register(this);
  }

  notFound(id: string): RepatriationException {
    return new RepatriationException(R.MILESTONE_NOT_FOUND, `Milestone ${id} was not found.`);
  }

  versionConflict(reference: string): RepatriationException {
    return new RepatriationException(
      R.VERSION_CONFLICT,
      `Milestone ${reference} was changed by someone else; reload and try again.`,
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
    return milestoneVisibility(actor, alias);
  }

  sides(actor: Actor, milestone: RepatriationMilestoneEntity): MilestoneSide[] {
    const sides: MilestoneSide[] = [];
    if (actsFor(actor, milestone.ownerAgencyId)) sides.push(MilestoneSide.OWNER);
    if (actsFor(actor, milestone.sendingAgencyId) || actsFor(actor, milestone.receivingAgencyId)) {
      sides.push(MilestoneSide.COORDINATOR);
    }
    return sides;
  }

  deadlines(milestone: RepatriationMilestoneEntity): DeadlineState[] {
    return [
      {
        kind: DUE_DEADLINE,
        version: milestone.deadlineVersion,
        at: milestone.dueAt,
        running: milestone.status === MilestoneStatus.PENDING,
      },
    ];
  }

  calendar(manager: EntityManager, milestone: RepatriationMilestoneEntity): Promise<WorkCalendar> {
    return this.calendars.agencyCalendar(manager, milestone.ownerAgencyId);
  }

  escalationPolicy(milestone: RepatriationMilestoneEntity): PolicySnapshot {
    return milestone.escalationPolicy as unknown as PolicySnapshot;
  }

  parties(milestone: RepatriationMilestoneEntity): EscalationParties {
    return {
      responsibleAgencyId: milestone.ownerAgencyId,
      responsibleUserId: null,
      filerUserId: null,
      watchingAgencyIds: [milestone.sendingAgencyId, milestone.receivingAgencyId],
      requestingAgencyId: milestone.receivingAgencyId,
      respondingAgencyId: milestone.ownerAgencyId,
    };
  }

  async event<K extends MilestoneTopic>(
    manager: EntityManager,
    topic: K,
    milestone: RepatriationMilestoneEntity,
    actor: Actor | null,
    extra: Partial<RepatriationMilestonePayload> = {},
  ): Promise<DomainEvent<K>> {
    const [operation]: { number: number }[] = await manager.query(
      'SELECT number FROM repatriation_operation WHERE id = $1',
      [milestone.operationId],
    );
    const payload: RepatriationMilestonePayload = {
      milestoneId: milestone.id,
      reference: milestoneReference(milestone),
      operationId: milestone.operationId,
      operationReference: formatReference(OPERATION_PREFIX, operation.number),
      type: milestone.type,
      victimCode: milestone.victimCode,
      ownerAgencyId: milestone.ownerAgencyId,
      sendingAgencyId: milestone.sendingAgencyId,
      receivingAgencyId: milestone.receivingAgencyId,
      status: milestone.status,
      dueAt: milestone.dueAt.toISOString(),
      deadlineVersion: milestone.deadlineVersion,
      happenedOn: milestone.happenedOn,
      ...actedBy(actor),
      ...extra,
    };
    return workItemEvent(this, topic, milestone, payload as TopicPayloads[K]);
  }
}
