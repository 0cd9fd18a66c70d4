import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditService } from '@app/modules/audit/audit.service';
import { ReferralsService } from '@app/modules/referrals/referrals.service';

import { AssessReintegrationNeedsInput } from '../dto/repatriation.inputs';
import { ReintegrationNeedEntity } from '../reintegration-need.entity';
import { ReintegrationPlanEntity } from '../reintegration-plan.entity';
import { actsFor, planVisibility } from '../repatriation-access';
import { NeedStatus } from '../repatriation.enums';
import { RepatriationErrorReason as R, RepatriationException } from '../repatriation.exception';

/**
 * The plan's responsible agency records the needs it assessed, who answers each, and the referral made for it (one it
 * may see). The list replaces the previous one; the audit trail keeps both.
 */
@Injectable()
export class AssessNeedsCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralsService,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: Actor, input: AssessReintegrationNeedsInput): Promise<ReintegrationPlanEntity> {
    for (const [index, need] of input.needs.entries()) {
      if (!need.referralId) continue;
      await this.referrals.referral(actor, need.referralId).catch(() => {
        throw new RepatriationException(
          R.LINKED_RECORD_NOT_FOUND,
          `needs.${index}.referralId: referral ${need.referralId} was not found.`,
          `needs.${index}.referralId`,
        );
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const visibility = planVisibility(actor, 'plan');
      const plan = await manager
        .getRepository(ReintegrationPlanEntity)
        .createQueryBuilder('plan')
        .where('plan.id = :planId', { planId: input.planId })
        .andWhere(visibility.sql, visibility.params)
        .setLock('pessimistic_write', undefined, ['plan'])
        .getOne();
      if (!plan) throw new RepatriationException(R.PLAN_NOT_FOUND, `Reintegration plan ${input.planId} was not found.`);
      if (!actsFor(actor, plan.responsibleAgencyId)) {
        throw new RepatriationException(R.WRONG_SIDE, "Only the responsible agency's officers may assess the needs.");
      }
      const seen = new Set<string>();
      for (const [index, need] of input.needs.entries()) {
        if (seen.has(need.need)) {
          throw RepatriationException.invalid(R.AGENCY_INVALID, `needs.${index}.need`, `${need.need} is listed twice.`);
        }
        seen.add(need.need);
        const agency = await manager.findOneBy(AgencyEntity, { id: need.responsibleAgencyId });
        if (!agency || !agency.active) {
          throw RepatriationException.invalid(
            R.AGENCY_INVALID,
            `needs.${index}.responsibleAgencyId`,
            `agency ${need.responsibleAgencyId} was not found or is inactive.`,
          );
        }
      }
      const before = await manager.findBy(ReintegrationNeedEntity, { planId: plan.id });
      await manager.delete(ReintegrationNeedEntity, { planId: plan.id });
      const rows = input.needs.map((need) => ({
        planId: plan.id,
        need: need.need,
        responsibleAgencyId: need.responsibleAgencyId,
        referralId: need.referralId ?? null,
        status: need.status ?? NeedStatus.OPEN,
      }));
      if (rows.length > 0) await manager.insert(ReintegrationNeedEntity, rows);
      await this.audit.record(manager, actor, {
        operation: 'assessReintegrationNeeds',
        targetType: 'ReintegrationPlan',
        targetId: plan.id,
        changes: {
          needs: {
            before: before.map((row) => ({ need: row.need, agencyId: row.responsibleAgencyId, status: row.status })),
            after: rows.map((row) => ({ need: row.need, agencyId: row.responsibleAgencyId, status: row.status })),
          },
        },
      });
      return plan;
    });
  }
}
