import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { VictimsService } from '@app/modules/victims/victims.service';
import { WorkItemHistory } from '@app/workflow/history/work-item-history';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { RerouteReferralInput } from '../dto/referral.inputs';
import { REFERRAL_ITEM_TYPE, ReferralHistoryKind, referralReference } from '../referral.constants';
import { ReferralEntity } from '../referral.entity';
import { ReferralSide } from '../referral.enums';
import { ReferralErrorReason, ReferralException } from '../referral.exception';
import { ReferralKind } from '../referral.kind';
import { REROUTABLE } from '../referral.lifecycle';
import { ReferralIntakeService } from './referral-intake.service';

/** The referring agency sends a declined or expired referral to another provider; the new one points back. */
@Injectable()
export class RerouteReferralCommand {
  constructor(
    private readonly kind: ReferralKind,
    private readonly store: WorkItemStore,
    private readonly history: WorkItemHistory,
    private readonly victims: VictimsService,
    private readonly intake: ReferralIntakeService,
  ) {}

  execute(actor: Actor, input: RerouteReferralInput): Promise<ReferralEntity> {
    return this.store.forChange(this.kind, actor, input.id, input.expectedVersion, async (manager, previous) => {
      if (!this.kind.sides(actor, previous).includes(ReferralSide.SENDER)) {
        throw new ReferralException(
          ReferralErrorReason.WRONG_SIDE,
          'Only the referring agency may re-route a referral.',
        );
      }
      if (!REROUTABLE.includes(previous.status)) {
        throw new ReferralException(
          ReferralErrorReason.NOT_REROUTABLE,
          `A referral that is ${previous.status} cannot be re-routed (only DECLINED or EXPIRED ones).`,
        );
      }
      const already = await manager.findOneBy(ReferralEntity, { previousReferralId: previous.id });
      if (already) {
        throw new ReferralException(
          ReferralErrorReason.NOT_REROUTABLE,
          `${referralReference(previous)} was re-routed already, as ${referralReference(already)}.`,
        );
      }
      const next = await this.intake.create(manager, actor, {
        victim: { id: previous.victimId, code: await this.victims.codeOf(manager, previous.victimId) },
        recipientAgencyId: input.recipientAgencyId,
        service: previous.service,
        urgency: input.urgency ?? previous.urgency,
        capacityGapReason: input.capacityGapReason ?? null,
        previous,
      });
      await this.history.record(manager, REFERRAL_ITEM_TYPE, previous.id, actor, {
        kind: ReferralHistoryKind.REROUTED,
        details: { reroutedTo: next.id, reference: referralReference(next), recipientAgencyId: next.recipientAgencyId },
      });
      return next;
    });
  }
}
