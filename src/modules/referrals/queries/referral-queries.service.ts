import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Connection, paginate } from '@app/graphql/pagination';
import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';
import { WorkItemHistory } from '@app/workflow/history/work-item-history';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { ReferralQueue, ReferralsArgs } from '../dto/referral.inputs';
import { ReferralResponsePolicyEntity } from '../referral-response-policy.entity';
import { REFERRAL_ITEM_TYPE } from '../referral.constants';
import { ReferralEntity } from '../referral.entity';
import { ReferralKind } from '../referral.kind';

/** Reading referrals: one, the work lists, histories and the response policies. */
@Injectable()
export class ReferralQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kind: ReferralKind,
    private readonly store: WorkItemStore,
    private readonly history: WorkItemHistory,
  ) {}

  referral(actor: Actor, id: string): Promise<ReferralEntity> {
    return this.store.findVisible(this.kind, actor, id);
  }

  referrals(actor: Actor, args: ReferralsArgs): Promise<Connection<ReferralEntity>> {
    const query = this.store.visibleQuery(this.kind, actor);
    const filter = args.filter ?? {};
    const mine = { myAgencyId: actor.agencyId };
    switch (filter.queue) {
      case ReferralQueue.AWAITING_MY_ANSWER:
        query.andWhere('referral.recipient_agency_id = :myAgencyId', mine);
        query.andWhere(`referral.status = 'PROPOSED'`);
        break;
      case ReferralQueue.SENT_BY_MY_AGENCY:
        query.andWhere('referral.from_agency_id = :myAgencyId', mine);
        break;
      case ReferralQueue.RECEIVED_BY_MY_AGENCY:
        query.andWhere('referral.recipient_agency_id = :myAgencyId', mine);
        break;
    }
    if (filter.status && filter.status.length > 0)
      query.andWhere('referral.status IN (:...statuses)', { statuses: filter.status });
    if (filter.victimId) query.andWhere('referral.victim_id = :victimId', { victimId: filter.victimId });
    // Awaiting an answer: the most pressing respond-by first; other lists newest first.
    if (filter.queue === ReferralQueue.AWAITING_MY_ANSWER) {
      return paginate(query, args, { column: 'referral.respondBy', value: (row) => row.respondBy.toISOString() });
    }
    return paginate(query, args, {
      column: 'referral.createdAt',
      value: (row) => row.createdAt.toISOString(),
      descending: true,
    });
  }

  /** The referrals of many cases' people that the actor may see, most pressing respond-by first (Case.referrals). */
  async ofCases(actor: Actor, caseIds: readonly string[]): Promise<Map<string, ReferralEntity[]>> {
    const { raw, entities } = await this.store
      .visibleQuery(this.kind, actor)
      .innerJoin('victim', 'case_person', 'case_person.id = referral.victim_id')
      .addSelect('case_person.case_id', 'person_case_id')
      .andWhere('case_person.case_id IN (:...caseIds)', { caseIds })
      .orderBy('referral.respondBy', 'ASC')
      .addOrderBy('referral.id', 'ASC')
      .getRawAndEntities();
    const caseOf = new Map(
      (raw as { referral_id: string; person_case_id: string }[]).map((row) => [row.referral_id, row.person_case_id]),
    );
    const grouped = new Map<string, ReferralEntity[]>();
    for (const referral of entities) {
      const caseId = caseOf.get(referral.id) as string;
      grouped.set(caseId, [...(grouped.get(caseId) ?? []), referral]);
    }
    return grouped;
  }

  historyOf(referralIds: readonly string[]): Promise<Map<string, WorkItemEventEntity[]>> {
    return this.history.of(REFERRAL_ITEM_TYPE, referralIds);
  }

  /** Response policies per urgency (for the UI and the docs). */
  responsePolicies(): Promise<ReferralResponsePolicyEntity[]> {
    return this.dataSource.getRepository(ReferralResponsePolicyEntity).find({ order: { urgency: 'ASC' } });
  }
}
