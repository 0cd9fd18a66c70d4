import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { diffFields } from '@app/modules/audit/audit.service';
import { EscalationsService } from '@app/modules/escalations/escalations.service';
import { CommitmentLinksService } from '@app/modules/legal-instruments/commitment-links.service';
import { WorkItemChanges } from '@app/workflow/work-item-changes';

import { CreateTaskInput } from '../dto/task.inputs';
import { TASK_ITEM_TYPE, TaskHistoryKind } from '../task.constants';
import { TaskPriority, TaskStatus } from '../task.enums';
import { TaskEntity } from '../task.entity';
import { TaskErrorReason, TaskException } from '../task.exception';
import { TaskKind } from '../task.kind';
import { EDITABLE_TASK_FIELDS } from './edit-task.command';
import { TaskAssignmentService } from './task-assignment.service';

/** A liaison assigns work to another agency: due in the assignee's calendar, with the policy's ladder frozen on. */
@Injectable()
export class CreateTaskCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kind: TaskKind,
    private readonly changes: WorkItemChanges,
    private readonly assignment: TaskAssignmentService,
    private readonly escalations: EscalationsService,
    private readonly commitments: CommitmentLinksService,
  ) {}

  /**
   * `decision`: the task is an action item of a meeting decision, created in the decision's transaction; the
   * decision may bind the agency that recorded it.
   */
  execute(
    actor: Actor,
    input: CreateTaskInput,
    decision: { manager: EntityManager; meetingDecisionId: string } | null = null,
  ): Promise<TaskEntity> {
    const create = async (manager: EntityManager): Promise<TaskEntity> => {
      const assignee = await this.assignment.requireAssigneeAgency(manager, actor, input.assigneeAgencyId, !!decision);
      await this.assignment.requireAssigneeUser(manager, input.assigneeUserId, assignee.id);
      const dueAt = await this.assignment.resolveDue(input.due, assignee);
      if (
        input.agreementCommitmentId &&
        !(await this.commitments.commitmentExists(manager, input.agreementCommitmentId))
      ) {
        throw new TaskException(
          TaskErrorReason.LINK_NOT_FOUND,
          `agreementCommitmentId: commitment ${input.agreementCommitmentId} was not found.`,
          'agreementCommitmentId',
        );
      }
      const priority = input.priority ?? TaskPriority.NORMAL;
      const task = manager.create(TaskEntity, {
        assigningAgencyId: actor.agencyId,
        assigneeAgencyId: assignee.id,
        assigneeUserId: input.assigneeUserId ?? null,
        createdByUserId: actor.userId,
        title: input.title.trim(),
        description: input.description ?? '',
        pillar: input.pillar,
        duty: input.duty,
        priority,
        status: TaskStatus.OPEN,
        dueAt,
        agreementCommitmentId: input.agreementCommitmentId ?? null,
        meetingDecisionId: decision?.meetingDecisionId ?? null,
        escalationPolicy: (await this.escalations.policyFor(manager, TASK_ITEM_TYPE, priority)) as unknown as Record<
          string,
          unknown
        >,
      });
      return this.changes.record(manager, this.kind, actor, task, {
        operation: 'createTask',
        history: { kind: TaskHistoryKind.CREATED, toStatus: TaskStatus.OPEN },
        audit: diffFields(null, task, [...EDITABLE_TASK_FIELDS, 'dueAt']),
        events: [{ topic: 'task.assigned' }],
      });
    };
    return decision ? create(decision.manager) : this.dataSource.transaction(create);
  }
}
