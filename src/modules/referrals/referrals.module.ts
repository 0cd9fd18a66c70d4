import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { CalendarsModule } from '@app/modules/calendars/calendars.module';
import { VictimsModule } from '@app/modules/victims/victims.module';

import { ReferralEscalationSubject } from './referral-escalation.subject';
import { ReferralsResolver } from './referrals.resolver';
import { ReferralsService } from './referrals.service';

/** Referrals of victims to providers, with their respond-by ladder. */
@Module({
  imports: [AuthModule, CalendarsModule, VictimsModule],
  providers: [ReferralsService, ReferralsResolver, ReferralEscalationSubject],
  exports: [ReferralsService],
})
export class ReferralsModule {}
