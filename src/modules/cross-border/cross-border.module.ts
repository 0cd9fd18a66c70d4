import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { CalendarsModule } from '@app/modules/calendars/calendars.module';
import { VictimsModule } from '@app/modules/victims/victims.module';

import { CrossBorderEscalationSubject } from './cross-border-escalation.subject';
import { CommitmentRequestsResolver, CrossBorderResolver } from './cross-border.resolver';
import { CrossBorderService } from './cross-border.service';

/** Cross-border requests with Cambodian and Malaysian counterparts, with staged deadlines and their ladders. */
@Module({
  imports: [AuthModule, CalendarsModule, VictimsModule],
  providers: [CrossBorderService, CrossBorderResolver, CommitmentRequestsResolver, CrossBorderEscalationSubject],
  exports: [CrossBorderService],
})
export class CrossBorderModule {}
