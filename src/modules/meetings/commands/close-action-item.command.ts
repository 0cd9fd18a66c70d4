import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { ActionItemClosedPayload, DomainEvent } from '@app/kernel/topics';
import { AuditService } from '@app/modules/audit/audit.service';
import { taskReference } from '@app/modules/tasks/task.constants';
import { TasksService } from '@app/modules/tasks/tasks.service';
import { recordEvents } from '@app/queue/outbox';

import { ActionItemEntity } from '../action-item.entity';
import { CloseActionItemInput } from '../dto/decision.inputs';
import { ActionItem } from '../dto/action-item.dto';
import { MeetingAccess } from '../meeting-access';
import { meetingReference } from '../meeting.constants';
import { MeetingEntity } from '../meeting.entity';
import { MeetingErrorReason, MeetingException } from '../meeting.exception';
import { ActionItemQueries } from '../queries/action-item-queries.service';

/**
 * The meeting closes an action item and records how it ended, usually at a later meeting of the unit where the
 * owner reported on it. The task leaves the owner's queue: one still in play is cancelled with the outcome as its
 * reason (its ladder stops); one the owner completed stays DONE.
 */
@Injectable()
export class CloseActionItemCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly items: ActionItemQueries,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: CloseActionItemInput): Promise<ActionItem> {
    return this.dataSource.transaction(async (manager) => {
      // Visible (through its meeting)? Else NOT_FOUND with nothing locked; then the item's row is locked.
      const item = await this.items
        .visibleQuery(actor, manager)
        .andWhere('item.id = :itemId', { itemId: input.id })
        .setLock('pessimistic_write', undefined, ['item'])
        .getOne();
      if (!item) throw MeetingException.actionItemNotFound(input.id);
      const meeting = await manager.findOneByOrFail(MeetingEntity, { id: item.decision!.meetingId });
      await this.access.requireActsFor(actor, meeting);
      if (item.outcome) {
        throw new MeetingException(
          MeetingErrorReason.ALREADY_CLOSED,
          `Action item ${taskReference(item.task!)} was already closed on ${item.closedAt?.toISOString()} as ${item.outcome}.`,
        );
      }
      const closingMeeting = input.meetingId ? await this.closingMeeting(actor, meeting, input.meetingId) : null;
      const now = this.clock.now();
      item.outcome = input.outcome;
      item.outcomeNote = input.note.trim();
      item.closedAt = now;
      item.closedByUserId = actor.userId;
      item.closedInMeetingId = closingMeeting?.id ?? null;
      await manager.save(ActionItemEntity, item);
      const closedBy = closingMeeting
        ? meetingReference(closingMeeting)
        : `the organiser of ${meetingReference(meeting)}`;
      await this.tasks.closeActionItemTask(
        manager,
        actor,
        item.taskId,
        `Action item closed by ${closedBy} as ${input.outcome}: ${item.outcomeNote}`,
      );
      await this.audit.record(manager, actor, {
        operation: 'closeActionItem',
        targetType: 'ActionItem',
        targetId: item.id,
        changes: {
          outcome: { before: null, after: item.outcome },
          outcomeNote: { before: null, after: item.outcomeNote },
          closedInMeetingId: { before: null, after: item.closedInMeetingId },
        },
      });
      await recordEvents(manager, [closedEvent(item, meeting, actor)]);
      return this.reload(manager, actor, item.id);
    });
  }

  /** A later meeting of the same unit, already started, that the actor may see. */
  private async closingMeeting(actor: Actor, decidedAt: MeetingEntity, meetingId: string): Promise<MeetingEntity> {
    const closing = await this.access.findVisible(actor, meetingId).catch(() => null);
    const refuse = (why: string) =>
      new MeetingException(MeetingErrorReason.CLOSING_MEETING_INVALID, `meetingId: ${why}`, 'meetingId');
    if (!closing) throw refuse(`meeting ${meetingId} was not found.`);
    if (closing.unitId !== decidedAt.unitId) {
      throw refuse(`${meetingReference(closing)} is a meeting of another unit; close the item at one of its own unit.`);
    }
    if (closing.startsAt.getTime() <= decidedAt.startsAt.getTime()) {
      throw refuse(`${meetingReference(closing)} is not later than ${meetingReference(decidedAt)}, which decided it.`);
    }
    if (closing.startsAt.getTime() > this.clock.now().getTime()) {
      throw refuse(`${meetingReference(closing)} has not been held yet.`);
    }
    return closing;
  }

  private async reload(manager: EntityManager, actor: Actor, id: string): Promise<ActionItem> {
    const row = await this.items
      .visibleQuery(actor, manager)
      .andWhere('item.id = :itemId', { itemId: id })
      .getOneOrFail();
    return this.items.toActionItem(row);
  }
}

function closedEvent(
  item: ActionItemEntity,
  meeting: MeetingEntity,
  actor: Actor,
): DomainEvent<'meeting.action-item-closed'> {
  const payload: ActionItemClosedPayload = {
    actionItemId: item.id,
    taskId: item.taskId,
    decisionId: item.decisionId,
    meetingId: meeting.id,
    ownerAgencyId: item.task!.assigneeAgencyId,
    outcome: item.outcome as string,
    actorUserId: actor.userId,
    actingAgencyId: actor.agencyId,
  };
  return { topic: 'meeting.action-item-closed', aggregateType: 'ActionItem', aggregateId: item.id, payload };
}
