import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Connection, paginate } from '@app/graphql/pagination';
import { VictimsService } from '@app/modules/victims/victims.service';
import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';
import { WorkItemHistory } from '@app/workflow/history/work-item-history';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { CrossBorderDeadlinePolicyEntity } from '../cross-border-deadline-policy.entity';
import { CrossBorderRequestCaseEntity, CrossBorderRequestVictimEntity } from '../cross-border-link.entity';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';
import { CROSS_BORDER_ITEM_TYPE } from '../cross-border.constants';
import { RequestStatus } from '../cross-border.enums';
import { CrossBorderKind } from '../cross-border.kind';
import { OPEN_STATUSES } from '../cross-border.lifecycle';
import { CrossBorderRequestsArgs, RequestQueue } from '../dto/cross-border.inputs';

/** Reading requests: one, the filtered lists and queues, histories, links and the deadline policies. */
@Injectable()
export class CrossBorderQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kind: CrossBorderKind,
    private readonly store: WorkItemStore,
    private readonly history: WorkItemHistory,
    private readonly victims: VictimsService,
  ) {}

  crossBorderRequest(actor: Actor, id: string): Promise<CrossBorderRequestEntity> {
    return this.store.findVisible(this.kind, actor, id);
  }

  crossBorderRequests(actor: Actor, args: CrossBorderRequestsArgs): Promise<Connection<CrossBorderRequestEntity>> {
    const query = this.store.visibleQuery(this.kind, actor);
    const filter = args.filter ?? {};
    if (filter.country) query.andWhere('request.counterpart_country = :country', { country: filter.country });
    if (filter.counterpartAgencyId) {
      query.andWhere('request.counterpart_agency_id = :counterpart', { counterpart: filter.counterpartAgencyId });
    }
    if (filter.status?.length) query.andWhere('request.status IN (:...statuses)', { statuses: filter.status });
    if (filter.overdueStage) query.andWhere(':stage = ANY(request.overdue_stages)', { stage: filter.overdueStage });
    if (filter.channel) query.andWhere('request.channel = :channel', { channel: filter.channel });
    if (filter.queue === RequestQueue.MY_QUEUE) {
      query.andWhere(
        '(request.filed_by_user_id = :me OR request.on_behalf_of_agency_id = :myAgency OR request.filing_agency_id = :myAgency)',
        { me: actor.userId, myAgency: actor.agencyId },
      );
      query.andWhere('request.status IN (:...open)', {
        open: [RequestStatus.DRAFT, RequestStatus.IN_REVIEW, ...OPEN_STATUSES, RequestStatus.ANSWERED],
      });
    }
    if (filter.queue === RequestQueue.ADDRESSED_TO_MY_AGENCY) {
      query.andWhere('request.counterpart_agency_id = :myAgency', { myAgency: actor.agencyId });
    }
    return paginate(query, args, { column: 'request.number', value: (row) => String(row.number), descending: true });
  }

  historyOf(requestIds: readonly string[]): Promise<Map<string, WorkItemEventEntity[]>> {
    return this.history.of(CROSS_BORDER_ITEM_TYPE, requestIds);
  }

  async linkedCaseIds(requestId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(CrossBorderRequestCaseEntity).findBy({ requestId });
    return rows.map((row) => row.caseId);
  }

  /** Linked people by pseudonymous code (identity travels only through Victim, under its own rule). */
  async linkedVictimCodes(requestId: string): Promise<string[]> {
    const links = await this.dataSource.getRepository(CrossBorderRequestVictimEntity).findBy({ requestId });
    const victims = await this.victims.linkedTo(links.map((link) => link.victimId));
    return victims.map((victim) => victim.code);
  }

  /** The requests concerning many cases that the actor may see, newest first (Case.crossBorderRequests). */
  async ofCases(actor: Actor, caseIds: readonly string[]): Promise<Map<string, CrossBorderRequestEntity[]>> {
    const { raw, entities } = await this.store
      .visibleQuery(this.kind, actor)
      .innerJoin(CrossBorderRequestCaseEntity, 'for_case', 'for_case.request_id = request.id')
      .addSelect('for_case.case_id', 'for_case_id')
      .andWhere('for_case.case_id IN (:...caseIds)', { caseIds })
      .orderBy('request.number', 'DESC')
      .getRawAndEntities();
    const grouped = new Map<string, CrossBorderRequestEntity[]>();
    for (const row of raw as { request_id: string; for_case_id: string }[]) {
      const request = entities.find((entity) => entity.id === row.request_id);
      if (request) grouped.set(row.for_case_id, [...(grouped.get(row.for_case_id) ?? []), request]);
    }
    return grouped;
  }

  /** Requests under a commitment, as far as the actor may see them. */
  requestsForCommitment(actor: Actor, commitmentId: string): Promise<CrossBorderRequestEntity[]> {
    return this.store
      .visibleQuery(this.kind, actor)
      .andWhere('request.agreement_commitment_id = :commitmentId', { commitmentId })
      .orderBy('request.number', 'ASC')
      .getMany();
  }

  deadlinePolicies(): Promise<CrossBorderDeadlinePolicyEntity[]> {
    return this.dataSource
      .getRepository(CrossBorderDeadlinePolicyEntity)
      .find({ order: { urgency: 'ASC', stage: 'ASC' } });
  }
}
