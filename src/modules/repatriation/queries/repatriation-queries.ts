import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Connection, PageArgs, paginate } from '@app/graphql/pagination';
import { VictimEntity } from '@app/modules/victims/victim.entity';
import { VictimsService } from '@app/modules/victims/victims.service';
import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';
import { WorkItemHistory } from '@app/workflow/history/work-item-history';
import { WorkItemType } from '@app/workflow/work-item-kind';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { RepatriationOperationsArgs } from '../dto/repatriation.inputs';
import { TravelReadiness } from '../dto/repatriation.outputs';
import { FollowUpContactEntity } from '../follow-up-contact.entity';
import { FollowUpKind } from '../follow-up.kind';
import { MilestoneKind } from '../milestone.kind';
import { OperationKind } from '../operation.kind';
import { OperationPersonEntity } from '../operation-person.entity';
import { ReintegrationNeedEntity } from '../reintegration-need.entity';
import { ReintegrationPlanEntity } from '../reintegration-plan.entity';
import { planVisibility } from '../repatriation-access';
import { RepatriationErrorReason as R, RepatriationException } from '../repatriation.exception';
import { FollowUpStatus } from '../repatriation.enums';
import { RepatriationMilestoneEntity } from '../repatriation-milestone.entity';
import { RepatriationOperationEntity } from '../repatriation-operation.entity';
import { travelReadiness } from './travel-readiness';

const group = <T>(rows: T[], key: (row: T) => string, ids: readonly string[]): Map<string, T[]> => {
  const grouped = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) grouped.get(key(row))?.push(row);
  return grouped;
};

/** Reads of operations, milestones, plans and follow-ups, each through its visibility rule. */
@Injectable()
export class RepatriationQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: WorkItemStore,
    private readonly history: WorkItemHistory,
    private readonly operations: OperationKind,
    private readonly followUps: FollowUpKind,
    private readonly milestones: MilestoneKind,
    private readonly victims: VictimsService,
  ) {}

  /** Of `ids`, the records the actor may see, by id (for Victim fields of people on operations and plans). */
  async visiblePeople(actor: Actor, ids: readonly string[]): Promise<Map<string, VictimEntity[]>> {
    const seen = await this.victims.visibleIds(this.dataSource.manager, actor, ids);
    const rows = await this.victims.linkedTo(seen);
    return new Map(ids.map((id) => [id, rows.filter((row) => row.id === id)]));
  }

  operation(actor: Actor, id: string): Promise<RepatriationOperationEntity> {
    return this.store.findVisible(this.operations, actor, id);
  }

  list(actor: Actor, args: RepatriationOperationsArgs): Promise<Connection<RepatriationOperationEntity>> {
    const query = this.store.visibleQuery(this.operations, actor);
    if (args.status) query.andWhere('operation.status = :status', { status: args.status });
    return paginate(query, args, { column: 'operation.number', value: (row) => row.number, descending: true });
  }

  /** One milestone the actor may see (with its operation), else NOT_FOUND. */
  milestone(actor: Actor, id: string): Promise<RepatriationMilestoneEntity> {
    return this.store.findVisible(this.milestones, actor, id);
  }

  /** Milestones of operations the reader already sees (for DataLoader). */
  async milestonesOf(operationIds: readonly string[]): Promise<Map<string, RepatriationMilestoneEntity[]>> {
    const rows = await this.dataSource.getRepository(RepatriationMilestoneEntity).find({
      where: { operationId: In([...operationIds]) },
      order: { number: 'ASC' },
    });
    return group(rows, (row) => row.operationId, operationIds);
  }

  async peopleOf(operationIds: readonly string[]): Promise<Map<string, OperationPersonEntity[]>> {
    const rows = await this.dataSource.getRepository(OperationPersonEntity).find({
      where: { operationId: In([...operationIds]) },
      order: { victimCode: 'ASC', createdAt: 'ASC' },
    });
    return group(rows, (row) => row.operationId, operationIds);
  }

  readiness(operationIds: readonly string[]): Promise<Map<string, TravelReadiness[]>> {
    return travelReadiness(this.dataSource.manager, operationIds);
  }

  historyOf(type: WorkItemType, ids: readonly string[]): Promise<Map<string, WorkItemEventEntity[]>> {
    return this.history.of(type, ids);
  }

  /** The plans the actor may see, of an operation or of a person. */
  plans(actor: Actor, filter: { operationId?: string; victimId?: string }): Promise<ReintegrationPlanEntity[]> {
    const visibility = planVisibility(actor, 'plan');
    const query = this.dataSource
      .getRepository(ReintegrationPlanEntity)
      .createQueryBuilder('plan')
      .where(visibility.sql, visibility.params)
      .orderBy('plan.victim_code', 'ASC');
    if (filter.operationId) query.andWhere('plan.operation_id = :operationId', { operationId: filter.operationId });
    if (filter.victimId) query.andWhere('plan.victim_id = :victimId', { victimId: filter.victimId });
    return query.getMany();
  }

  async plan(actor: Actor, id: string): Promise<ReintegrationPlanEntity> {
    const visibility = planVisibility(actor, 'plan');
    const plan = await this.dataSource
      .getRepository(ReintegrationPlanEntity)
      .createQueryBuilder('plan')
      .where('plan.id = :id', { id })
      .andWhere(visibility.sql, visibility.params)
      .getOne();
    if (!plan) throw new RepatriationException(R.PLAN_NOT_FOUND, `Reintegration plan ${id} was not found.`);
    return plan;
  }

  async followUpsOf(planIds: readonly string[]): Promise<Map<string, FollowUpContactEntity[]>> {
    const rows = await this.dataSource.getRepository(FollowUpContactEntity).find({
      where: { planId: In([...planIds]) },
      order: { sequence: 'ASC' },
    });
    return group(rows, (row) => row.planId, planIds);
  }

  async needsOf(planIds: readonly string[]): Promise<Map<string, ReintegrationNeedEntity[]>> {
    const rows = await this.dataSource.getRepository(ReintegrationNeedEntity).find({
      where: { planId: In([...planIds]) },
      order: { need: 'ASC' },
    });
    return group(rows, (row) => row.planId, planIds);
  }

  /** Follow-up contacts the actor may see, still scheduled first, by due date: the home region's work queue. */
  followUpContacts(actor: Actor, page: PageArgs, status?: FollowUpStatus): Promise<Connection<FollowUpContactEntity>> {
    const query = this.store.visibleQuery(this.followUps, actor);
    if (status) query.andWhere('follow_up.status = :status', { status });
    return paginate(query, page, { column: 'follow_up.number', value: (row) => row.number });
  }

  followUp(actor: Actor, id: string): Promise<FollowUpContactEntity> {
    return this.store.findVisible(this.followUps, actor, id);
  }
}
