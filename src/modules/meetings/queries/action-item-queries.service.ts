import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { paginate } from '@app/graphql/pagination';
import { taskReference } from '@app/modules/tasks/task.constants';
import { TaskStatus } from '@app/modules/tasks/task.enums';
import { OPEN_STATUSES } from '@app/modules/tasks/task.lifecycle';

import { ActionItemEntity } from '../action-item.entity';
import { ActionItem, ActionItemAgencyCount, OpenActionItemConnection } from '../dto/action-item.dto';
import { OpenActionItemsArgs } from '../dto/meeting.args';
import { MeetingAccess } from '../meeting-access';
import { ActionItemStatus } from '../meeting.enums';
import { MeetingException } from '../meeting.exception';
import { groupBy } from './meeting-queries.service';

/**
 * Action items as people read them: the item joined with its task (owner, due date, status), under the visibility
 * of the meeting that decided it. The task is read here, never written: every change to it goes through
 * TasksService. Reading its row this way (as the digest does) lets the lists filter and page on the due date.
 */
@Injectable()
export class ActionItemQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly clock: Clock,
  ) {}

  /** Action items of meetings the actor may see, with their tasks and decisions. */
  visibleQuery(actor: Actor, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<ActionItemEntity> {
    const visibility = this.access.visibility(actor, 'meeting');
    return manager
      .getRepository(ActionItemEntity)
      .createQueryBuilder('item')
      .innerJoinAndSelect('item.task', 'task')
      .innerJoinAndSelect('item.decision', 'decision')
      .innerJoin('decision.meeting', 'meeting')
      .where(visibility.sql, visibility.params);
  }

  async findVisible(actor: Actor, id: string): Promise<ActionItem> {
    const row = await this.visibleQuery(actor).andWhere('item.id = :itemId', { itemId: id }).getOne();
    if (!row) throw MeetingException.actionItemNotFound(id);
    return this.toActionItem(row);
  }

  /** Action items not yet closed, earliest due first, with the count per owner agency over every page. */
  async open(actor: Actor, args: OpenActionItemsArgs): Promise<OpenActionItemConnection> {
    const now = this.clock.now();
    const query = this.visibleQuery(actor).andWhere('item.outcome IS NULL');
    const filter = args.filter ?? {};
    if (filter.unitId) query.andWhere('meeting.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.ownerAgencyId) {
      query.andWhere('task.assignee_agency_id = :ownerAgencyId', { ownerAgencyId: filter.ownerAgencyId });
    }
    const overdue = '(task.status IN (:...openStatuses) AND task.due_at < :now)';
    if (filter.overdue !== undefined) {
      query.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { openStatuses: OPEN_STATUSES, now });
    }
    const page = await paginate(query, args, { column: 'task.dueAt', value: (row) => row.task!.dueAt.toISOString() });
    const counts: { agencyId: string; open: number; overdue: number }[] = await query
      .clone()
      .select('task.assignee_agency_id', 'agencyId')
      .addSelect('count(*)::int', 'open')
      .addSelect(`(count(*) FILTER (WHERE ${overdue}))::int`, 'overdue')
      .setParameters({ openStatuses: OPEN_STATUSES, now })
      .groupBy('task.assignee_agency_id')
      .getRawMany();
    const byAgency: ActionItemAgencyCount[] = counts.sort(
      (a, b) => b.overdue - a.overdue || b.open - a.open || a.agencyId.localeCompare(b.agencyId),
    );
    return {
      ...page,
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: this.toActionItem(edge.node, now) })),
      byAgency,
    };
  }

  /** Action items of many decisions (the parent meeting's visibility has been checked). */
  async ofDecisions(decisionIds: readonly string[]): Promise<Map<string, ActionItem[]>> {
    const rows = await this.dataSource
      .getRepository(ActionItemEntity)
      .createQueryBuilder('item')
      .innerJoinAndSelect('item.task', 'task')
      .innerJoinAndSelect('item.decision', 'decision')
      .where('item.decision_id IN (:...decisionIds)', { decisionIds })
      .orderBy('task.number')
      .getMany();
    const now = this.clock.now();
    return groupBy(
      rows.map((row) => this.toActionItem(row, now)),
      (item) => item.decisionId,
    );
  }

  /**
   * For each meeting, the action items of the same unit's earlier meetings that were still open when it started
   * (not closed by then), as they stand now: the list a meeting starts with. Earlier meetings count only when the
   * actor may see them too (a counterpart sees the items of the bilateral meetings it was invited to).
   */
  async carriedOver(actor: Actor, meetingIds: readonly string[]): Promise<Map<string, ActionItem[]>> {
    const visibility = this.access.visibility(actor, 'earlier');
    const pairs: { meetingId: string; itemId: string }[] = await this.dataSource
      .createQueryBuilder()
      .select('current.id', 'meetingId')
      .addSelect('item.id', 'itemId')
      .from('meeting', 'current')
      .innerJoin('meeting', 'earlier', 'earlier.unit_id = current.unit_id AND earlier.starts_at < current.starts_at')
      .innerJoin('meeting_decision', 'decision', 'decision.meeting_id = earlier.id')
      .innerJoin('action_item', 'item', 'item.decision_id = decision.id')
      .where('current.id IN (:...meetingIds)', { meetingIds })
      .andWhere('(item.closed_at IS NULL OR item.closed_at > current.starts_at)')
      .andWhere(visibility.sql, visibility.params)
      .getRawMany();
    if (pairs.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(ActionItemEntity)
      .createQueryBuilder('item')
      .innerJoinAndSelect('item.task', 'task')
      .innerJoinAndSelect('item.decision', 'decision')
      .where('item.id IN (:...itemIds)', { itemIds: [...new Set(pairs.map((pair) => pair.itemId))] })
      .orderBy('task.due_at')
      .addOrderBy('task.number')
      .getMany();
    const now = this.clock.now();
    const items = rows.map((row) => this.toActionItem(row, now));
    const result = new Map<string, ActionItem[]>();
    for (const meetingId of meetingIds) {
      const ids = new Set(pairs.filter((pair) => pair.meetingId === meetingId).map((pair) => pair.itemId));
      result.set(
        meetingId,
        items.filter((item) => ids.has(item.id)),
      );
    }
    return result;
  }

  toActionItem(row: ActionItemEntity, now: Date = this.clock.now()): ActionItem {
    const task = row.task!;
    const closed = row.outcome !== null;
    return {
      id: row.id,
      decisionId: row.decisionId,
      meetingId: row.decision!.meetingId,
      taskId: row.taskId,
      reference: taskReference(task),
      title: task.title,
      ownerAgencyId: task.assigneeAgencyId,
      dueAt: task.dueAt,
      status: closed ? ActionItemStatus.CLOSED : (task.status as string as ActionItemStatus),
      taskStatus: task.status,
      overdue: !closed && OPEN_STATUSES.includes(task.status) && task.dueAt.getTime() < now.getTime(),
      completedAt: task.status === TaskStatus.DONE ? task.completedAt : null,
      outcome: row.outcome,
      outcomeNote: row.outcomeNote,
      closedAt: row.closedAt,
      closedInMeetingId: row.closedInMeetingId,
    };
  }
}
