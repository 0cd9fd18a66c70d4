import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';

import { addWorkingDays } from '@libs/deadlines';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/common/clock';
import { containsPattern } from '@app/common/sql';
import { lockForChange } from '@app/database/row-lock';
import { Connection, PageArgs, paginate } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditService, diffFields } from '@app/modules/audit/audit.service';
import { AgreementCommitmentEntity } from '@app/modules/legal-instruments/agreement-commitment.entity';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { EscalationsService } from '@app/modules/escalations/escalations.service';
import { PolicySnapshot } from '@app/modules/escalations/escalation.types';
import { recordCommitmentActivity } from '@app/modules/legal-instruments/commitment-activity';
import { UserEntity } from '@app/modules/users/user.entity';
import { DomainEvent, recordEvents } from '@app/queue/outbox';
import { EventPayload } from '@app/queue/outbox-event.entity';

import {
  CommentOnTaskInput,
  CreateTaskInput,
  EditTaskInput,
  RescheduleTaskInput,
  TaskDueInput,
  TaskOrder,
  TasksArgs,
} from './dto/task.inputs';
import { decideTransition, OPEN_STATUSES } from './task-state-machine';
import { TaskEventEntity, TaskEventKind } from './task-event.entity';
import { TaskErrorReason, TaskException } from './task.exception';
import { TaskAction, TaskPriority, TaskSide, TaskStatus } from './task.enums';
import { TaskEntity } from './task.entity';

const EDITABLE_FIELDS: (keyof TaskEntity)[] = [
  'title',
  'description',
  'pillar',
  'duty',
  'priority',
  'assigneeAgencyId',
  'assigneeUserId',
];

/** Topic of the domain event each action emits (relayed to notifications and escalations after commit). */
const ACTION_TOPIC: Record<TaskAction, string> = {
  ACKNOWLEDGE: 'task.acknowledged',
  DECLINE: 'task.declined',
  START: 'task.status-changed',
  BLOCK: 'task.status-changed',
  UNBLOCK: 'task.status-changed',
  COMPLETE: 'task.completed',
  CANCEL: 'task.status-changed',
  REOPEN: 'task.reopened',
  REASSIGN: 'task.assigned',
};

/** Tasks in the escalation engine: their one deadline is the due date. */
export const TASK_ITEM_TYPE = 'TASK';
export const TASK_DEADLINE_KIND = 'DUE';

/** Tasks between agencies: the liaison's daily work. */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly calendars: CalendarsService,
    private readonly audit: AuditService,
    private readonly escalations: EscalationsService,
    private readonly clock: Clock,
  ) {}

  async findVisible(actor: Actor, id: string): Promise<TaskEntity> {
    const task = await this.visibleQuery(actor).andWhere('task.id = :id', { id }).getOne();
    if (!task) throw TaskException.notFound(id);
    return task;
  }

  async list(actor: Actor, args: TasksArgs): Promise<Connection<TaskEntity>> {
    const query = this.visibleQuery(actor);
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
        ':linked IN (task.case_id, task.victim_id, task.referral_id, task.cross_border_request_id, task.agreement_commitment_id)',
        { linked: filter.linkedItemId },
      );
    }
    if (filter.search) query.andWhere('task.title ILIKE :search', { search: containsPattern(filter.search) });
    return args.orderBy === TaskOrder.CREATED_AT
      ? paginate(query, args, { column: 'task.createdAt', value: (row) => row.createdAt.toISOString() })
      : paginate(query, args, { column: 'task.dueAt', value: (row) => row.dueAt.toISOString() });
  }

  /** My agency's open work, most urgent first: overdue tasks come first because their due dates are earliest. */
  async workQueue(actor: Actor, page: PageArgs): Promise<Connection<TaskEntity>> {
    const query = this.visibleQuery(actor)
      .andWhere('task.assigneeAgencyId = :mine', { mine: actor.agencyId })
      .andWhere('task.status IN (:...openStatuses)', { openStatuses: OPEN_STATUSES });
    return paginate(query, page, { column: 'task.dueAt', value: (row) => row.dueAt.toISOString() });
  }

  /** Histories of many tasks at once, oldest first (for DataLoader). */
  async historyOf(taskIds: readonly string[]): Promise<Map<string, TaskEventEntity[]>> {
    const rows = await this.dataSource
      .getRepository(TaskEventEntity)
      .find({ where: { taskId: In([...taskIds]) }, order: { occurredAt: 'ASC' } });
    const grouped = new Map<string, TaskEventEntity[]>();
    for (const row of rows) grouped.set(row.taskId, [...(grouped.get(row.taskId) ?? []), row]);
    return grouped;
  }

  async createTask(actor: Actor, input: CreateTaskInput): Promise<TaskEntity> {
    return this.dataSource.transaction(async (manager) => {
      const assignee = await this.requireAssigneeAgency(manager, actor, input.assigneeAgencyId);
      await this.requireAssigneeUser(manager, input.assigneeUserId, assignee.id);
      const dueAt = await this.resolveDue(input.due, assignee);
      if (
        input.agreementCommitmentId &&
        !(await manager.existsBy(AgreementCommitmentEntity, { id: input.agreementCommitmentId }))
      ) {
        throw new TaskException(
          TaskErrorReason.LINK_NOT_FOUND,
          `agreementCommitmentId: commitment ${input.agreementCommitmentId} was not found.`,
          'agreementCommitmentId',
        );
      }
      const task = await manager.save(
        manager.create(TaskEntity, {
          assigningAgencyId: actor.agencyId,
          assigneeAgencyId: assignee.id,
          assigneeUserId: input.assigneeUserId ?? null,
          createdByUserId: actor.userId,
          title: input.title.trim(),
          description: input.description ?? '',
          pillar: input.pillar,
          duty: input.duty,
          priority: input.priority ?? TaskPriority.NORMAL,
          status: TaskStatus.OPEN,
          dueAt,
          agreementCommitmentId: input.agreementCommitmentId ?? null,
          escalationPolicy: (await this.escalations.policyFor(
            manager,
            TASK_ITEM_TYPE,
            input.priority ?? TaskPriority.NORMAL,
          )) as unknown as Record<string, unknown>,
        }),
      );
      await this.writeHistory(manager, actor, task, { kind: TaskEventKind.CREATED, toStatus: TaskStatus.OPEN });
      await this.finish(manager, actor, task, 'createTask', diffFields(null, task, [...EDITABLE_FIELDS, 'dueAt']), [
        this.event('task.assigned', task, actor),
      ]);
      return task;
    });
  }

  async editTask(actor: Actor, input: EditTaskInput): Promise<TaskEntity> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockVisible(manager, actor, input.id, input.expectedVersion);
      this.requireSide(actor, task, TaskSide.ASSIGNER, 'edit');
      const before = { ...task };
      const { id: _id, expectedVersion: _v, ...changes } = input;
      let reassigned = false;
      let assigneeChanged = false;
      if (changes.assigneeAgencyId && changes.assigneeAgencyId !== task.assigneeAgencyId) {
        if (task.status === TaskStatus.DECLINED) {
          reassigned = true;
        } else if (task.status !== TaskStatus.OPEN) {
          throw new TaskException(
            TaskErrorReason.ILLEGAL_TRANSITION,
            `The assignee can change only while the task is OPEN or after it was DECLINED (it is ${task.status}).`,
            'assigneeAgencyId',
          );
        }
        await this.requireAssigneeAgency(manager, actor, changes.assigneeAgencyId);
        if (changes.assigneeUserId === undefined) task.assigneeUserId = null;
        assigneeChanged = true;
      }
      await this.requireAssigneeUser(
        manager,
        changes.assigneeUserId,
        changes.assigneeAgencyId ?? task.assigneeAgencyId,
      );
      Object.assign(task, changes);
      if (reassigned) {
        const decision = this.decide(task, TaskAction.REASSIGN, TaskSide.ASSIGNER, null);
        task.status = decision;
        // A declined task sent to another agency starts a new ladder for its due date.
        task.deadlineVersion += 1;
      }
      const saved = await manager.save(task);
      const events: DomainEvent[] = assigneeChanged ? [this.event('task.assigned', saved, actor)] : [];
      await this.writeHistory(manager, actor, saved, {
        kind: reassigned ? TaskEventKind.TRANSITION : TaskEventKind.EDITED,
        action: reassigned ? TaskAction.REASSIGN : null,
        fromStatus: before.status,
        toStatus: saved.status,
        details: diffFields(before, saved, EDITABLE_FIELDS),
      });
      await this.finish(
        manager,
        actor,
        saved,
        'editTask',
        diffFields(before, saved, [...EDITABLE_FIELDS, 'status']),
        events,
      );
      return saved;
    });
  }

  async rescheduleTask(actor: Actor, input: RescheduleTaskInput): Promise<TaskEntity> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockVisible(manager, actor, input.id);
      this.requireSide(actor, task, TaskSide.ASSIGNER, 're-date');
      if (!OPEN_STATUSES.includes(task.status)) {
        throw new TaskException(
          TaskErrorReason.ILLEGAL_TRANSITION,
          `A task that is ${task.status} has no due date to change.`,
        );
      }
      const assignee = await manager.findOneByOrFail(AgencyEntity, { id: task.assigneeAgencyId });
      const before = task.dueAt;
      task.dueAt = await this.resolveDue(input.due, assignee);
      task.deadlineVersion += 1;
      const saved = await manager.save(task);
      const changes = { dueAt: { before: before.toISOString(), after: saved.dueAt.toISOString() } };
      await this.writeHistory(manager, actor, saved, {
        kind: TaskEventKind.RESCHEDULED,
        reason: input.reason,
        details: changes,
      });
      await this.finish(manager, actor, saved, 'rescheduleTask', changes, [
        this.event('task.due-date-changed', saved, actor),
      ]);
      return saved;
    });
  }

  /** Every lifecycle action (acknowledge, decline, start, block, unblock, complete, cancel, reopen). */
  async transition(
    actor: Actor,
    action: TaskAction,
    input: { id: string; expectedVersion?: number; reason?: string; note?: string },
  ): Promise<TaskEntity> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockVisible(manager, actor, input.id, input.expectedVersion);
      const side = this.access.taskSide(actor, task);
      if (!side) throw this.wrongSide(action);
      const reason = input.reason ?? input.note ?? null;
      const from = task.status;
      task.status = this.decide(task, action, side, input.reason);
      task.blockedReason = task.status === TaskStatus.BLOCKED ? (input.reason ?? null) : null;
      if (task.status === TaskStatus.DONE) task.completedAt = this.clock.now();
      if (action === TaskAction.REOPEN) task.deadlineVersion += 1;
      const saved = await manager.save(task);
      await this.writeHistory(manager, actor, saved, {
        kind: TaskEventKind.TRANSITION,
        action,
        fromStatus: from,
        toStatus: saved.status,
        reason,
      });
      await this.finish(
        manager,
        actor,
        saved,
        `${action.toLowerCase()}Task`,
        { status: { before: from, after: saved.status } },
        [this.event(ACTION_TOPIC[action], saved, actor, { action, fromStatus: from })],
      );
      return saved;
    });
  }

  async comment(actor: Actor, input: CommentOnTaskInput): Promise<TaskEntity> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockVisible(manager, actor, input.id);
      if (!this.access.taskSide(actor, task)) {
        throw new TaskException(TaskErrorReason.WRONG_SIDE, "Only the two agencies' liaisons can comment on a task.");
      }
      await this.writeHistory(manager, actor, task, { kind: TaskEventKind.COMMENTED, reason: input.body.trim() });
      await this.finish(manager, actor, task, 'commentOnTask', {}, [this.event('task.commented', task, actor)]);
      return task;
    });
  }

  private visibleQuery(actor: Actor): SelectQueryBuilder<TaskEntity> {
    const visibility = this.access.taskVisibility(actor, 'task');
    return this.dataSource
      .getRepository(TaskEntity)
      .createQueryBuilder('task')
      .where(visibility.sql, visibility.params);
  }

  private async lockVisible(
    manager: EntityManager,
    actor: Actor,
    id: string,
    expectedVersion?: number,
  ): Promise<TaskEntity> {
    const task = await lockForChange(
      manager,
      TaskEntity,
      id,
      {
        notFound: () => TaskException.notFound(id),
        staleVersion: (current) =>
          new TaskException(
            TaskErrorReason.TASK_VERSION_CONFLICT,
            `Task ${taskReference(current)} was changed by someone else; reload and try again.`,
            'expectedVersion',
          ),
      },
      expectedVersion,
    );
    // Invisible tasks answer exactly like missing ones.
    const visible = await this.visibleQuery(actor).andWhere('task.id = :id', { id }).getExists();
    if (!visible) throw TaskException.notFound(id);
    return task;
  }

  private decide(task: TaskEntity, action: TaskAction, side: TaskSide, reason: string | null | undefined): TaskStatus {
    const decision = decideTransition(task.status, action, side, reason);
    if ('to' in decision) return decision.to;
    const reasonCode =
      decision.refused.kind === 'REASON_REQUIRED'
        ? TaskErrorReason.REASON_REQUIRED
        : decision.refused.kind === 'WRONG_SIDE'
          ? TaskErrorReason.WRONG_SIDE
          : TaskErrorReason.ILLEGAL_TRANSITION;
    throw new TaskException(
      reasonCode,
      decision.refused.message,
      reasonCode === TaskErrorReason.REASON_REQUIRED ? 'reason' : undefined,
    );
  }

  private requireSide(actor: Actor, task: TaskEntity, side: TaskSide, verb: string): void {
    const actual = this.access.taskSide(actor, task);
    if (actual !== side) {
      throw new TaskException(
        TaskErrorReason.WRONG_SIDE,
        `Only the assigning agency's liaisons can ${verb} this task.`,
      );
    }
  }

  private wrongSide(action: TaskAction): TaskException {
    return new TaskException(
      TaskErrorReason.WRONG_SIDE,
      `Only the two agencies' liaisons can ${action.toLowerCase()} a task.`,
    );
  }

  private async requireAssigneeAgency(manager: EntityManager, actor: Actor, agencyId: string): Promise<AgencyEntity> {
    const agency = await manager.findOneBy(AgencyEntity, { id: agencyId });
    if (!agency || !agency.active) {
      throw new TaskException(
        TaskErrorReason.ASSIGNEE_AGENCY_INVALID,
        `assigneeAgencyId: agency ${agencyId} ${agency ? 'is inactive and takes no new work' : 'was not found'}.`,
        'assigneeAgencyId',
      );
    }
    // Policy: a task is work asked of another agency; an agency's own to-dos do not belong here.
    if (agency.id === actor.agencyId) {
      throw new TaskException(
        TaskErrorReason.SELF_ASSIGNMENT,
        'assigneeAgencyId: tasks are assigned to another agency, not your own.',
        'assigneeAgencyId',
      );
    }
    return agency;
  }

  private async requireAssigneeUser(
    manager: EntityManager,
    userId: string | undefined,
    agencyId: string,
  ): Promise<void> {
    if (!userId) return;
    const user = await manager.findOneBy(UserEntity, { id: userId });
    if (!user || !user.active || user.agencyId !== agencyId) {
      throw new TaskException(
        TaskErrorReason.ASSIGNEE_USER_INVALID,
        'assigneeUserId: the person must be an active user of the assignee agency.',
        'assigneeUserId',
      );
    }
  }

  /** The due instant: given directly (not in the past), or working days in the assignee's own calendar. */
  private async resolveDue(due: TaskDueInput, assignee: AgencyEntity): Promise<Date> {
    const now = this.clock.now();
    if ((due.at === undefined) === (due.workingDays === undefined)) {
      throw new TaskException(
        TaskErrorReason.DUE_REQUIRED,
        'due: give either at or workingDays, not both or neither.',
        'due',
      );
    }
    if (due.at) {
      if (due.at.getTime() <= now.getTime()) {
        throw new TaskException(
          TaskErrorReason.DUE_IN_PAST,
          `due.at ${due.at.toISOString()} is in the past.`,
          'due.at',
        );
      }
      return due.at;
    }
    const calendar = await this.calendars.workCalendar(assignee.country, assignee.timeZone);
    return addWorkingDays(now, due.workingDays as number, calendar);
  }

  private async writeHistory(
    manager: EntityManager,
    actor: Actor,
    task: TaskEntity,
    entry: Partial<Pick<TaskEventEntity, 'kind' | 'action' | 'fromStatus' | 'toStatus' | 'reason' | 'details'>>,
  ): Promise<void> {
    await manager.insert(TaskEventEntity, {
      taskId: task.id,
      actorUserId: actor.userId,
      actingAgencyId: actor.agencyId,
      kind: entry.kind,
      action: entry.action ?? null,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      reason: entry.reason ?? null,
      details: (entry.details ?? {}) as TaskEventEntity['details'] & object,
    });
  }

  /**
   * What every change ends with, in its transaction: the audit entry, the domain events, the escalation ladder
   * brought in line with the task (planned, restarted or stopped), and the linked commitment's activity.
   */
  private async finish(
    manager: EntityManager,
    actor: Actor,
    task: TaskEntity,
    operation: string,
    changes: Record<string, { before: unknown; after: unknown }>,
    events: DomainEvent[],
  ): Promise<void> {
    await this.audit.record(manager, actor, { operation, targetType: 'Task', targetId: task.id, changes });
    await recordEvents(manager, events);
    const assignee = await manager.findOneByOrFail(AgencyEntity, { id: task.assigneeAgencyId });
    await this.escalations.syncLadder(manager, {
      itemType: TASK_ITEM_TYPE,
      itemId: task.id,
      deadlineKind: TASK_DEADLINE_KIND,
      deadlineVersion: task.deadlineVersion,
      deadlineAt: task.dueAt,
      running: OPEN_STATUSES.includes(task.status),
      policy: task.escalationPolicy as unknown as PolicySnapshot,
      calendar: await this.calendars.workCalendar(assignee.country, assignee.timeZone),
    });
    if (task.agreementCommitmentId) {
      await recordCommitmentActivity(manager, task.agreementCommitmentId, this.clock.now());
    }
  }

  private event(topic: string, task: TaskEntity, actor: Actor, extra: EventPayload = {}): DomainEvent {
    return {
      topic,
      aggregateType: 'Task',
      aggregateId: task.id,
      payload: {
        taskId: task.id,
        reference: taskReference(task),
        assigningAgencyId: task.assigningAgencyId,
        assigneeAgencyId: task.assigneeAgencyId,
        status: task.status,
        dueAt: task.dueAt.toISOString(),
        deadlineVersion: task.deadlineVersion,
        createdByUserId: task.createdByUserId,
        assigneeUserId: task.assigneeUserId,
        actorUserId: actor.userId,
        actingAgencyId: actor.agencyId,
        ...extra,
      },
    };
  }
}

/** The human reference of a task, e.g. TSK-000042. */
export function taskReference(task: Pick<TaskEntity, 'number'>): string {
  return `TSK-${String(task.number).padStart(6, '0')}`;
}
