import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { EscalationRungEntity } from '@app/modules/escalations/escalation-rung.entity';
import { EscalationSubject, EscalationSubjects, SubjectState } from '@app/modules/escalations/escalation-subjects';

import { OPEN_STATUSES } from './task-state-machine';
import { TaskEventEntity, TaskEventKind } from './task-event.entity';
import { TaskEntity } from './task.entity';
import { TASK_DEADLINE_KIND, TASK_ITEM_TYPE, taskReference } from './tasks.service';

/** Tasks as the escalation engine sees them: the due date's ladder, the assignee's side, the history. */
@Injectable()
export class TaskEscalationSubject implements EscalationSubject, OnModuleInit {
  readonly itemType = TASK_ITEM_TYPE;

  constructor(private readonly subjects: EscalationSubjects) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  async load(manager: EntityManager, taskId: string): Promise<SubjectState | null> {
    // Locked like every task change, so a rung cannot fire in the middle of a re-date or a completion.
    const task = await manager
      .getRepository(TaskEntity)
      .createQueryBuilder('task')
      .where('task.id = :taskId', { taskId })
      .setLock('pessimistic_write')
      .getOne();
    if (!task) return null;
    const agencies: { id: string; acronym: string }[] = await manager.query(
      `SELECT id, acronym FROM agency WHERE id = ANY($1::uuid[])`,
      [[task.assigningAgencyId, task.assigneeAgencyId]],
    );
    const name = (id: string) => agencies.find((agency) => agency.id === id)?.acronym ?? '';
    return {
      reference: taskReference(task),
      subjectType: 'Task',
      openDeadlines: OPEN_STATUSES.includes(task.status) ? { [TASK_DEADLINE_KIND]: task.deadlineVersion } : {},
      responsibleAgencyId: task.assigneeAgencyId,
      assigneeUserId: task.assigneeUserId,
      involvedAgencyIds: [task.assigningAgencyId, task.assigneeAgencyId],
      params: { assigningAgency: name(task.assigningAgencyId), assigneeAgency: name(task.assigneeAgencyId) },
    };
  }

  async recordFiring(manager: EntityManager, rung: EscalationRungEntity, recipientCount: number): Promise<void> {
    await manager.insert(TaskEventEntity, {
      taskId: rung.itemId,
      actorUserId: null,
      actingAgencyId: null,
      kind: TaskEventKind.ESCALATED,
      details: {
        rung: rung.rungKey,
        targets: rung.targets,
        deadlineVersion: rung.deadlineVersion,
        dueAt: rung.deadlineAt.toISOString(),
        recipients: recipientCount,
      } as unknown as TaskEventEntity['details'] & object,
    });
  }
}
