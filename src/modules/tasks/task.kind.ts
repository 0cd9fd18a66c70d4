import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { WorkCalendar } from '@libs/deadlines';

import { hasRole, Actor } from '@app/auth/actor';
import { anyOf, CASE_PARTICIPANT_STAFF, currentParticipantOf, unitSecretariatOf } from '@app/auth/access.service';
import { DomainEvent, TaskEventPayload, Topic, TopicPayloads } from '@app/kernel/topics';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { EscalationRungEntity } from '@app/modules/escalations/escalation-rung.entity';
import { PolicySnapshot } from '@app/modules/escalations/escalation.types';
import { recordEvents } from '@app/queue/outbox';
import { CommitmentLinksService } from '@app/modules/legal-instruments/commitment-links.service';
import { Role } from '@app/kernel/role.enum';
import { Refusal } from '@app/workflow/lifecycle';
import { DeadlineState, EscalationParties, KindFiring, SqlCondition, WorkItemKind } from '@app/workflow/work-item-kind';
import { WorkItemEscalations } from '@app/workflow/work-item-escalations';
import { actedBy, workItemEvent } from '@app/workflow/work-item-events';

import { TASK_DEADLINE_KIND, TASK_ITEM_TYPE, TASK_REFERENCE_PREFIX, taskReference } from './task.constants';
import { TaskAction, TaskSide, TaskStatus } from './task.enums';
import { TaskEntity } from './task.entity';
import { TaskErrorReason, TaskException } from './task.exception';
import { OPEN_STATUSES, TASK_LIFECYCLE } from './task.lifecycle';

export type TaskTopic = Extract<Topic, `task.${string}`>;

/**
 * Tasks as a kind of work item: work one agency asks of another. The assigning agency's liaisons edit, re-date,
 * cancel, reopen and reassign; the assignee agency's liaisons acknowledge, work and decline. Liaisons and
 * supervisors of both agencies see the task, officers of the agencies taking part in the task's case see it (the
 * case shows its tasks; they do not act on it), and so does the secretariat of any task-force unit either agency is
 * a member of. The due date is the one deadline, counted in the assignee's calendar; its ladder reaches the
 * assignee, and when it passes the assigning side is told too.
 */
@Injectable()
export class TaskKind implements WorkItemKind<TaskEntity, TaskStatus, TaskAction, TaskSide, TaskTopic>, OnModuleInit {
  readonly type = TASK_ITEM_TYPE;
  readonly typeName = 'Task';
  readonly entity = TaskEntity;
  readonly alias = 'task';
  readonly referencePrefix = TASK_REFERENCE_PREFIX;
  readonly lifecycle = TASK_LIFECYCLE;
  readonly topics: Readonly<Record<TaskAction, TaskTopic>> = {
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

  constructor(
    private readonly calendars: CalendarsService,
    private readonly commitments: CommitmentLinksService,
    private readonly escalations: WorkItemEscalations,
  ) {}

  onModuleInit(): void {
    this.escalations.register(this);
  }

  notFound(id: string): TaskException {
    return TaskException.notFound(id);
  }

  versionConflict(reference: string): TaskException {
    return new TaskException(
      TaskErrorReason.TASK_VERSION_CONFLICT,
      `Task ${reference} was changed by someone else; reload and try again.`,
      'expectedVersion',
    );
  }

  refused(refusal: Refusal): TaskException {
    const field = refusal.kind === 'REASON_REQUIRED' ? 'reason' : undefined;
    return new TaskException(TaskErrorReason[refusal.kind], refusal.message, field);
  }

  visibility(actor: Actor, alias: string): SqlCondition {
    const params = { taskViewerAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, Role.LIAISON, Role.SUPERVISOR)) {
      conditions.push(
        `(${alias}.assigning_agency_id = :taskViewerAgencyId OR ${alias}.assignee_agency_id = :taskViewerAgencyId)`,
      );
    }
    if (hasRole(actor, ...CASE_PARTICIPANT_STAFF)) {
      conditions.push(currentParticipantOf(':taskViewerAgencyId', `${alias}.case_id`, 'task_participation'));
    }
    if (hasRole(actor, Role.SECRETARIAT)) {
      conditions.push(
        unitSecretariatOf(':taskViewerAgencyId', [`${alias}.assigning_agency_id`, `${alias}.assignee_agency_id`]),
      );
    }
    return anyOf(conditions, params);
  }

  /**
   * The liaisons of the two agencies act; supervisors and secretariats only read. A meeting's action item may bind
   * the agency that recorded the decision: then its liaisons act on both sides.
   */
  sides(actor: Actor, task: TaskEntity): TaskSide[] {
    if (!hasRole(actor, Role.LIAISON)) return [];
    const sides: TaskSide[] = [];
    if (actor.agencyId === task.assigningAgencyId) sides.push(TaskSide.ASSIGNER);
    if (actor.agencyId === task.assigneeAgencyId) sides.push(TaskSide.ASSIGNEE);
    return sides;
  }

  deadlines(task: TaskEntity): DeadlineState[] {
    return [
      {
        kind: TASK_DEADLINE_KIND,
        version: task.deadlineVersion,
        at: task.dueAt,
        running: OPEN_STATUSES.includes(task.status),
      },
    ];
  }

  async calendar(manager: EntityManager, task: TaskEntity): Promise<WorkCalendar> {
    return this.calendars.agencyCalendar(manager, task.assigneeAgencyId);
  }

  escalationPolicy(task: TaskEntity): PolicySnapshot {
    return task.escalationPolicy as unknown as PolicySnapshot;
  }

  parties(task: TaskEntity): EscalationParties {
    return {
      responsibleAgencyId: task.assigneeAgencyId,
      responsibleUserId: task.assigneeUserId,
      filerUserId: null,
      watchingAgencyIds: [task.assigningAgencyId, task.assigneeAgencyId],
      requestingAgencyId: task.assigningAgencyId,
      respondingAgencyId: task.assigneeAgencyId,
    };
  }

  async event<K extends TaskTopic>(
    _manager: EntityManager,
    topic: K,
    task: TaskEntity,
    actor: Actor | null,
    extra: Partial<TaskEventPayload> = {},
  ): Promise<DomainEvent<K>> {
    const payload: TaskEventPayload = {
      taskId: task.id,
      reference: taskReference(task),
      assigningAgencyId: task.assigningAgencyId,
      assigneeAgencyId: task.assigneeAgencyId,
      status: task.status,
      dueAt: task.dueAt.toISOString(),
      deadlineVersion: task.deadlineVersion,
      createdByUserId: task.createdByUserId,
      assigneeUserId: task.assigneeUserId,
      ...actedBy(actor),
      ...extra,
    };
    return workItemEvent(this, topic, task, payload as TopicPayloads[K]);
  }

  /**
   * The first rung at or after the due date fired with the task still open: the task is overdue, and the assigning
   * side is told too (a normal notification they may mute, unlike the escalation that reaches the assignee). Once per
   * deadline version: a re-dated or reopened task is told again when its new date passes.
   */
  async onRung(manager: EntityManager, task: TaskEntity, rung: EscalationRungEntity, armedFor?: Date): Promise<void> {
    await this.onRungs(manager, [{ item: task, rung, armedFor }]);
  }

  /**
   * The same for a batch of firings: one query finds which are each deadline version's first rung past due. An armed
   * firing's event is published from the rung's time.
   */
  async onRungs(manager: EntityManager, firings: KindFiring<TaskEntity>[]): Promise<void> {
    const candidates = firings.filter(
      ({ item, rung }) => rung.fireAt.getTime() >= rung.deadlineAt.getTime() && OPEN_STATUSES.includes(item.status),
    );
    if (candidates.length === 0) return;
    const firsts: { id: string }[] = await manager.query(
      `SELECT DISTINCT ON (item_id, deadline_kind, deadline_version) id FROM escalation_rung
       WHERE item_type = $1 AND item_id = ANY($2::uuid[]) AND fire_at >= deadline_at
       ORDER BY item_id, deadline_kind, deadline_version, rung_index`,
      [TASK_ITEM_TYPE, [...new Set(candidates.map(({ rung }) => rung.itemId))]],
    );
    const first = new Set(firsts.map((row) => row.id));
    const overdue = candidates.filter(({ rung }) => first.has(rung.id));
    await recordEvents(
      manager,
      await Promise.all(
        overdue.map(async ({ item, armedFor }) => ({
          ...(await this.event(manager, 'task.overdue', item, null)),
          availableAt: armedFor,
        })),
      ),
    );
  }

  /** A task linked to an agreement's commitment keeps the commitment from stalling. */
  async afterChange(manager: EntityManager, task: TaskEntity, actor: Actor | null): Promise<void> {
    // People's work keeps a commitment alive; the system marking something late or lapsed does not.
    if (actor && task.agreementCommitmentId) {
      await this.commitments.recordActivity(manager, task.agreementCommitmentId);
    }
  }
}
