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
import { TaskLinksService } from './task-links.service';

/**
 * A liaison assigns work to another agency: due in the assignee's calendar from now (whatever the dates of the
 * case it belongs to), with the policy's ladder frozen on, linked to a case and people the liaison may see.
 */
@Injectable()
export class CreateTaskCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kind: TaskKind,
    private readonly changes: WorkItemChanges,
    private readonly assignment: TaskAssignmentService,
    private readonly escalations: EscalationsService,
    private readonly commitments: CommitmentLinksService,
    private readonly links: TaskLinksService,
  ) {}

  /**
   * `decision`: the task is an action item of a meeting decision, created in the decision's transaction; the
   * decision may bind the agency that recorded it. With no decision id, it is work another module creates in its own
   * transaction (a handover on arrival).
   */
  execute(
    actor: Actor,
    input: CreateTaskInput,
    decision: { manager: EntityManager; meetingDecisionId: string | null } | null = null,
  ): Promise<TaskEntity> {
    const create = async (manager: EntityManager): Promise<TaskEntity> => {
      const assignee = await this.assignment.requireAssigneeAgency(
        manager,
        actor,
        input.assigneeAgencyId,
        !!decision?.meetingDecisionId,
      );
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
      const linked = await this.links.check(manager, actor, input, assignee);
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
        caseId: linked.caseId,
        escalationPolicy: (await this.escalations.policyFor(manager, TASK_ITEM_TYPE, priority)) as unknown as Record<
          string,
          unknown
        >,
      });
      // Saved first so the people can be linked before the change is recorded (and its event sent).
      const saved = await manager.save(task);
      await this.links.link(manager, saved.id, linked.victimIds);
      return this.changes.record(manager, this.kind, actor, saved, {
        operation: 'createTask',
        history: {
          kind: TaskHistoryKind.CREATED,
          toStatus: TaskStatus.OPEN,
          details:
            linked.caseId || linked.victimIds.length ? { caseId: linked.caseId, victimIds: linked.victimIds } : {},
        },
        audit: diffFields(null, { ...saved, victimIds: linked.victimIds }, [
          ...EDITABLE_TASK_FIELDS,
          'dueAt',
          'caseId',
          'victimIds',
        ] as (keyof TaskEntity)[]),
        events: [{ topic: 'task.assigned' }],
      });
    };
    return decision ? create(decision.manager) : this.dataSource.transaction(create);
  }
}
