import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { CalendarsModule } from '@app/modules/calendars/calendars.module';
import { CasesModule } from '@app/modules/cases/cases.module';
import { LegalInstrumentsModule } from '@app/modules/legal-instruments/legal-instruments.module';
import { VictimsModule } from '@app/modules/victims/victims.module';

import { DeadlineExtensionService } from './commands/deadline-extension.service';
import { DraftRequestCommand } from './commands/draft-request.command';
import { ExtendDeadlineCommand } from './commands/extend-deadline.command';
import { FormalChannelService } from './commands/formal-channel.service';
import { PauseClockCommand } from './commands/pause-clock.command';
import { RecordCounterpartReplyCommand } from './commands/record-counterpart-reply.command';
import { RequestClockService } from './commands/request-clock.service';
import { RequestLinksService } from './commands/request-links.service';
import { RequestStepService } from './commands/request-step.service';
import { ResumeClockCommand } from './commands/resume-clock.command';
import { SubmitRequestCommand } from './commands/submit-request.command';
import { TransitionRequestCommand } from './commands/transition-request.command';
import { CrossBorderKind } from './cross-border.kind';
import { CaseRequestsResolver, CommitmentRequestsResolver, CrossBorderResolver } from './cross-border.resolver';
import { CrossBorderService } from './cross-border.service';
import { CrossBorderQueries } from './queries/cross-border-queries.service';
import { LinkedVictimsQuery } from './queries/linked-victims.query';

/** Cross-border requests with Cambodian and Malaysian counterparts: a kind of work item with staged deadlines. */
@Module({
  imports: [AuthModule, CalendarsModule, CasesModule, LegalInstrumentsModule, VictimsModule],
  providers: [
    CrossBorderKind,
    RequestLinksService,
    FormalChannelService,
    RequestClockService,
    RequestStepService,
    DeadlineExtensionService,
    DraftRequestCommand,
    SubmitRequestCommand,
    TransitionRequestCommand,
    RecordCounterpartReplyCommand,
    ExtendDeadlineCommand,
    PauseClockCommand,
    ResumeClockCommand,
    CrossBorderQueries,
    LinkedVictimsQuery,
    CrossBorderService,
    CrossBorderResolver,
    CommitmentRequestsResolver,
    CaseRequestsResolver,
  ],
  exports: [CrossBorderService],
})
export class CrossBorderModule {}
