import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { VictimsService } from '@app/modules/victims/victims.service';

import { ProposeReferralInput } from '../dto/referral.inputs';
import { ReferralEntity } from '../referral.entity';
import { ReferralUrgency } from '../referral.enums';
import { ReferralErrorReason, ReferralException } from '../referral.exception';
import { ReferralIntakeService } from './referral-intake.service';

/** The owning agency's officer refers a person to a provider. */
@Injectable()
export class ProposeReferralCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly victims: VictimsService,
    private readonly intake: ReferralIntakeService,
  ) {}

  async execute(actor: Actor, input: ProposeReferralInput): Promise<ReferralEntity> {
    const victim = await this.victims.victim(actor, input.victimId);
    if (!this.access.actsForVictimOwner(actor, victim)) {
      throw new ReferralException(
        ReferralErrorReason.WRONG_SIDE,
        `Only the owning agency's officers may refer ${victim.code}.`,
      );
    }
    return this.dataSource.transaction((manager) =>
      this.intake.create(manager, actor, {
        victim,
        recipientAgencyId: input.recipientAgencyId,
        service: input.service,
        urgency: input.urgency ?? ReferralUrgency.NORMAL,
        capacityGapReason: input.capacityGapReason ?? null,
        previous: null,
      }),
    );
  }
}
