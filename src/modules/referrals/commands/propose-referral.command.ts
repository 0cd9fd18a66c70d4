import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { VictimsService } from '@app/modules/victims/victims.service';

import { ProposeReferralInput } from '../dto/referral.inputs';
import { ReferralEntity } from '../referral.entity';
import { ReferralUrgency } from '../referral.enums';
import { ReferralErrorReason, ReferralException } from '../referral.exception';
import { ReferralIntakeService } from './referral-intake.service';

/**
 * An officer of the owning agency, or of an agency taking part in the person's case, refers the person to a
 * provider; consent for that provider must be in force (the owning agency records it).
 */
@Injectable()
export class ProposeReferralCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly victims: VictimsService,
    private readonly intake: ReferralIntakeService,
  ) {}

  async execute(actor: Actor, input: ProposeReferralInput): Promise<ReferralEntity> {
    const victim = await this.victims.victim(actor, input.victimId);
    return this.dataSource.transaction(async (manager) => {
      const [workable] = await this.victims.workableIds(manager, actor, [victim.id]);
      if (!workable) {
        throw new ReferralException(
          ReferralErrorReason.WRONG_SIDE,
          `Only officers of the agency that owns ${victim.code}, or of an agency taking part in its case, may refer it.`,
        );
      }
      return this.intake.create(manager, actor, {
        victim,
        recipientAgencyId: input.recipientAgencyId,
        service: input.service,
        urgency: input.urgency ?? ReferralUrgency.NORMAL,
        capacityGapReason: input.capacityGapReason ?? null,
        previous: null,
      });
    });
  }
}
