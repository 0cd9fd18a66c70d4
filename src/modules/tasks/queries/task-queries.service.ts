import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { containsPattern } from '@app/kernel/sql';
import { Connection, PageArgs, paginate } from '@app/graphql/pagination';
import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';
import { WorkItemHistory } from '@app/workflow/history/work-item-history';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { TaskOrder, TasksArgs } from '../dto/task.inputs';
import { TASK_ITEM_TYPE } from '../task.constants';
import { TaskEntity } from '../task.entity';
import { TaskKind } from '../task.kind';
import { OPEN_STATUSES } from '../task.lifecycle';
import { WorkQueueQuery } from './work-queue.query';

/** Reading tasks: one, a filtered list, the agency's work queue and histories, always through the visibility rule. */
@Injectable()
export class TaskQueries {
  constructor(
    private readonly kind: TaskKind,
    private readonly store: WorkItemStore,
    private readonly history: WorkItemHistory,
    private readonly clock: Clock,
    private readonly workQueueQuery: WorkQueueQuery,
  ) {}

  findVisible(actor: Actor, id: string): Promise<TaskEntity> {
    return this.store.findVisible(this.kind, actor, id);
  }

  list(actor: Actor, args: TasksArgs): Promise<Connection<TaskEntity>> {
    const query = this.store.visibleQuery(this.kind, actor);
    const filter = args.filter ?? {};
    if (filter.assignedToMyAgency) query.andWhere('task.assigneeAgencyId = :mine', { mine: actor.agencyId });
    if (filter.assignedByMyAgency) query.andWhere('task.assigningAgencyId = :mine', { mine: actor.agencyId });
    if (filter.status?.length) query.andWhere('task.status IN (:...statuses)', { statuses: filter.status });
    if (filter.overdue !== undefined) {
      const overdue = '(task.status IN (:...openStatuses) AND task.dueAt < :now)';
      query.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, {
        openStatuses: OPEN_STATUSES,
        now: this.clock.now(),
      });
    }
    if (filter.dueBefore) query.andWhere('task.dueAt < :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.pillar) query.andWhere('task.pillar = :pillar', { pillar: filter.pillar });
    if (filter.linkedItemId) {
      query.andWhere(
        `(:linked IN (task.case_id, task.victim_id, task.referral_id, task.cross_border_request_id, task.agreement_commitment_id, task.meeting_decision_id)
          OR EXISTS (SELECT 1 FROM task_victim linked_person WHERE linked_person.task_id = task.id AND linked_person.victim_id = :linked))`,
        { linked: filter.linkedItemId },
      );
    }
    if (filter.search) query.andWhere('task.title ILIKE :search', { search: containsPattern(filter.search) });
    return args.orderBy === TaskOrder.CREATED_AT
      ? paginate(query, args, { column: 'task.createdAt', value: (row) => row.createdAt.toISOString() })
      : paginate(query, args, { column: 'task.dueAt', value: (row) => row.dueAt.toISOString() });
  }

  /** My agency's open work, most urgent first: overdue tasks come first because their due dates are earliest. */
  workQueue(actor: Actor, page: PageArgs): Promise<Connection<TaskEntity>> {
    return this.workQueueQuery.page(actor, page);
  }

  /** The tasks of many cases that the actor may see, earliest due first (Case.tasks). */
  async ofCases(actor: Actor, caseIds: readonly string[]): Promise<Map<string, TaskEntity[]>> {
    const tasks = await this.store
      .visibleQuery(this.kind, actor)
      .andWhere('task.case_id IN (:...caseIds)', { caseIds })
      .orderBy('task.dueAt', 'ASC')
      .addOrderBy('task.id', 'ASC')
      .getMany();
    const grouped = new Map<string, TaskEntity[]>();
    for (const task of tasks) grouped.set(task.caseId as string, [...(grouped.get(task.caseId as string) ?? []), task]);
    return grouped;
  }

  /** Histories of many tasks at once, oldest first (for DataLoader). */
  historyOf(taskIds: readonly string[]): Promise<Map<string, WorkItemEventEntity[]>> {
    return this.history.of(TASK_ITEM_TYPE, taskIds);
  }
}
