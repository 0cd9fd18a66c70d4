import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { EscalationRungEntity } from '@app/modules/escalations/escalation-rung.entity';
import { EscalationSubject, EscalationSubjects, SubjectState } from '@app/modules/escalations/escalation-subjects';
import { RungAction } from '@app/modules/escalations/escalation.types';

import { ReferralEventEntity, ReferralEventKind } from './referral-event.entity';
import { ReferralEntity } from './referral.entity';
import { ReferralStatus } from './referral.enums';
import { REFERRAL_DEADLINE_KIND, REFERRAL_ITEM_TYPE, referralReference, ReferralsService } from './referrals.service';

/**
 * Referrals as the escalation engine sees them: the respond-by ladder runs while the referral is PROPOSED,
 * reaches the provider's staff, and its EXPIRE rung marks the referral EXPIRED (the sender then re-routes it).
 */
@Injectable()
export class ReferralEscalationSubject implements EscalationSubject, OnModuleInit {
  readonly itemType = REFERRAL_ITEM_TYPE;

  constructor(
    private readonly subjects: EscalationSubjects,
    private readonly referrals: ReferralsService,
  ) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  async load(manager: EntityManager, referralId: string): Promise<SubjectState | null> {
    const referral = await this.lock(manager, referralId);
    if (!referral) return null;
    const agencies: { id: string; acronym: string }[] = await manager.query(
      `SELECT id, acronym FROM agency WHERE id = ANY($1::uuid[])`,
      [[referral.fromAgencyId, referral.recipientAgencyId]],
    );
    const name = (id: string) => agencies.find((agency) => agency.id === id)?.acronym ?? '';
    return {
      reference: referralReference(referral),
      subjectType: 'Referral',
      openDeadlines:
        referral.status === ReferralStatus.PROPOSED ? { [REFERRAL_DEADLINE_KIND]: referral.deadlineVersion } : {},
      responsibleAgencyId: referral.recipientAgencyId,
      assigneeUserId: null,
      involvedAgencyIds: [referral.fromAgencyId, referral.recipientAgencyId],
      params: { assigningAgency: name(referral.fromAgencyId), assigneeAgency: name(referral.recipientAgencyId) },
    };
  }

  async recordFiring(manager: EntityManager, rung: EscalationRungEntity, recipientCount: number): Promise<void> {
    await manager.insert(ReferralEventEntity, {
      referralId: rung.itemId,
      actorUserId: null,
      actingAgencyId: null,
      kind: ReferralEventKind.ESCALATED,
      details: {
        rung: rung.rungKey,
        targets: rung.targets,
        deadlineVersion: rung.deadlineVersion,
        respondBy: rung.deadlineAt.toISOString(),
        recipients: recipientCount,
      } as ReferralEventEntity['details'] & object,
    });
    if (rung.action === RungAction.EXPIRE) {
      const referral = await this.lock(manager, rung.itemId);
      if (referral) await this.referrals.expire(manager, referral);
    }
  }

  private lock(manager: EntityManager, referralId: string): Promise<ReferralEntity | null> {
    // Locked like every referral change, so a rung cannot fire in the middle of an acceptance.
    return manager
      .getRepository(ReferralEntity)
      .createQueryBuilder('referral')
      .where('referral.id = :referralId', { referralId })
      .setLock('pessimistic_write')
      .getOne();
  }
}
