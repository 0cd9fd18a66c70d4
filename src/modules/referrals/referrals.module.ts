import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { CalendarsModule } from '@app/modules/calendars/calendars.module';
import { GroupOperationsModule } from '@app/modules/group-operations/group-operations.module';
import { VictimsModule } from '@app/modules/victims/victims.module';

import { ProposeReferralCommand } from './commands/propose-referral.command';
import { ProposeReferralsForGroupCommand } from './commands/propose-referrals-for-group.command';
import { ReferralIntakeService } from './commands/referral-intake.service';
import { RerouteReferralCommand } from './commands/reroute-referral.command';
import { TransitionReferralCommand } from './commands/transition-referral.command';
import { ReferralQueries } from './queries/referral-queries.service';
import { ReferralKind } from './referral.kind';
import { CaseReferralsResolver, ReferralsResolver } from './referrals.resolver';
import { ReferralsService } from './referrals.service';

/** Referrals of victims to providers: a kind of work item (referral.kind.ts) with its use cases. */
@Module({
  imports: [AuthModule, CalendarsModule, VictimsModule, GroupOperationsModule],
  providers: [
    ReferralKind,
    ReferralIntakeService,
    ProposeReferralCommand,
    RerouteReferralCommand,
    TransitionReferralCommand,
    ReferralQueries,
    ReferralsService,
    ProposeReferralsForGroupCommand,
    ReferralsResolver,
    CaseReferralsResolver,
  ],
  exports: [ReferralsService],
})
export class ReferralsModule {}
