import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AgenciesService } from '@app/modules/agencies/agencies.service';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { AuditService } from '@app/modules/audit/audit.service';
import { CommitmentLinksService } from '@app/modules/legal-instruments/commitment-links.service';
import { TaskForceDuty } from '@app/modules/tasks/task.enums';
import { TaskErrorReason, TaskException } from '@app/modules/tasks/task.exception';
import { TasksService } from '@app/modules/tasks/tasks.service';
import { recordEvents } from '@app/queue/outbox';

import { ActionItemEntity } from '../action-item.entity';
import { ActionItemInput, RecordDecisionInput } from '../dto/decision.inputs';
import { MeetingAccess } from '../meeting-access';
import { meetingReference } from '../meeting.constants';
import { MeetingDecisionEntity } from '../meeting-decision.entity';
import { meetingEvent } from '../meeting-events';
import { MeetingEntity } from '../meeting.entity';
import { MeetingErrorReason, MeetingException } from '../meeting.exception';
import { localParts } from '../meeting-time';

/**
 * Bodies that cannot owe an action item. Partners support on request (the member agency that asks them owns the
 * item), and what a counterpart agreed to travels as a cross-border request.
 */
const NOT_OWNERS: Record<string, string> = {
  [AgencyType.INTERNATIONAL_ORGANISATION]: 'is a partner organisation: give the item to the member agency that asks it',
  [AgencyType.NGO]: 'is a partner organisation: give the item to the member agency that asks it',
  [AgencyType.FOREIGN_COUNTERPART]: 'is a foreign counterpart: what it agreed to travels as a cross-border request',
};

/** How the tasks module's refusals read when they concern one action item. */
const FROM_TASK: Partial<Record<TaskErrorReason, MeetingErrorReason>> = {
  ASSIGNEE_USER_INVALID: MeetingErrorReason.ASSIGNEE_USER_INVALID,
  DUE_IN_PAST: MeetingErrorReason.DUE_IN_PAST,
  DUE_REQUIRED: MeetingErrorReason.DUE_REQUIRED,
};

/**
 * A held meeting's decision, numbered in the meeting, with its action items: each becomes a task assigned to its
 * owner agency in the same transaction (due in working days of the owner's calendar, with the task ladder), so a
 * decision and its tasks exist together or not at all.
 */
@Injectable()
export class RecordDecisionCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly agencies: AgenciesService,
    private readonly tasks: TasksService,
    private readonly commitments: CommitmentLinksService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: RecordDecisionInput): Promise<MeetingDecisionEntity> {
    return this.dataSource.transaction(async (manager) => {
      // The meeting's row lock serialises decisions, so their numbers follow one another.
      const meeting = await this.access.loadForChange(manager, actor, input.meetingId);
      this.requireHeld(meeting);
      if (
        input.agreementCommitmentId &&
        !(await this.commitments.commitmentExists(manager, input.agreementCommitmentId))
      ) {
        throw new MeetingException(
          MeetingErrorReason.COMMITMENT_NOT_FOUND,
          `agreementCommitmentId: commitment ${input.agreementCommitmentId} was not found.`,
          'agreementCommitmentId',
        );
      }
      const items = input.actionItems ?? [];
      for (const [index, item] of items.entries()) await this.checkItem(manager, item, `actionItems.${index}`);

      const [{ next }]: { next: number }[] = await manager.query(
        'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM meeting_decision WHERE meeting_id = $1',
        [meeting.id],
      );
      const decision = await manager.save(
        manager.create(MeetingDecisionEntity, {
          meetingId: meeting.id,
          number: next,
          text: input.text.trim(),
          pillar: input.pillar,
          duty: input.duty ?? TaskForceDuty.COORDINATION,
          agreementCommitmentId: input.agreementCommitmentId ?? null,
          recordedByUserId: actor.userId,
        }),
      );
      const taskIds: string[] = [];
      for (const [index, item] of items.entries()) {
        const task = await this.createTask(manager, actor, decision, item, `actionItems.${index}`);
        await manager.insert(ActionItemEntity, { decisionId: decision.id, taskId: task.id });
        taskIds.push(task.id);
      }
      if (decision.agreementCommitmentId)
        await this.commitments.recordActivity(manager, decision.agreementCommitmentId);
      await this.audit.record(manager, actor, {
        operation: 'recordDecision',
        targetType: 'MeetingDecision',
        targetId: decision.id,
        changes: {
          meetingId: { before: null, after: meeting.id },
          number: { before: null, after: decision.number },
          text: { before: null, after: decision.text },
          pillar: { before: null, after: decision.pillar },
          duty: { before: null, after: decision.duty },
          agreementCommitmentId: { before: null, after: decision.agreementCommitmentId },
          actionItemTaskIds: { before: null, after: taskIds },
        },
      });
      await recordEvents(manager, [
        meetingEvent('meeting.decision-recorded', meeting, actor, {
          decisionId: decision.id,
          decisionNumber: decision.number,
          actionItemTaskIds: taskIds,
        }),
      ]);
      return decision;
    });
  }

  private requireHeld(meeting: MeetingEntity): void {
    if (meeting.startsAt.getTime() <= this.clock.now().getTime()) return;
    const { date, time } = localParts(meeting.startsAt, meeting.timeZone);
    throw new MeetingException(
      MeetingErrorReason.MEETING_NOT_HELD,
      `meetingId: ${meetingReference(meeting)} has not been held yet (it starts on ${date} at ${time}, ${meeting.timeZone}); record its decisions once it has started.`,
      'meetingId',
    );
  }

  /** An owner that can owe work, and one due date that is still ahead. */
  private async checkItem(manager: EntityManager, item: ActionItemInput, field: string): Promise<void> {
    const owner = await this.agencies.findOne(item.ownerAgencyId, manager);
    if (!owner || !owner.active) {
      throw new MeetingException(
        MeetingErrorReason.OWNER_INVALID,
        `${field}.ownerAgencyId: agency ${item.ownerAgencyId} ${owner ? 'is inactive and takes no new work' : 'was not found'}.`,
        `${field}.ownerAgencyId`,
      );
    }
    const refusal = NOT_OWNERS[owner.type];
    if (refusal) {
      throw new MeetingException(
        MeetingErrorReason.OWNER_INVALID,
        `${field}.ownerAgencyId: ${owner.acronym} ${refusal}.`,
        `${field}.ownerAgencyId`,
      );
    }
    if ((item.due.at === undefined) === (item.due.workingDays === undefined)) {
      throw new MeetingException(
        MeetingErrorReason.DUE_REQUIRED,
        `${field}.due: give either at or workingDays, not both or neither.`,
        `${field}.due`,
      );
    }
    if (item.due.at && item.due.at.getTime() <= this.clock.now().getTime()) {
      throw new MeetingException(
        MeetingErrorReason.DUE_IN_PAST,
        `${field}.due.at: ${item.due.at.toISOString()} is in the past; an action item is due ahead.`,
        `${field}.due.at`,
      );
    }
  }

  private async createTask(
    manager: EntityManager,
    actor: Actor,
    decision: MeetingDecisionEntity,
    item: ActionItemInput,
    field: string,
  ) {
    try {
      return await this.tasks.createActionItemTask(
        manager,
        actor,
        {
          assigneeAgencyId: item.ownerAgencyId,
          assigneeUserId: item.assigneeUserId,
          title: item.title,
          description: item.description,
          pillar: decision.pillar,
          duty: decision.duty,
          priority: item.priority,
          due: item.due,
          agreementCommitmentId: decision.agreementCommitmentId ?? undefined,
        },
        decision.id,
      );
    } catch (error) {
      // The tasks module names its own field (assigneeUserId); here it is one item of the list.
      if (!(error instanceof TaskException)) throw error;
      throw new MeetingException(
        FROM_TASK[error.reason] ?? MeetingErrorReason.OWNER_INVALID,
        `${field}.${error.message}`,
        `${field}.${error.field ?? 'ownerAgencyId'}`,
      );
    }
  }
}
