import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';

import { ChangeSuspectStatus } from './commands/change-suspect-status';
import { RecordSuspect } from './commands/record-suspect';
import { SuspectDisclosureService } from './suspect-disclosure.service';
import { SuspectVault } from './suspect-vault';
import { CaseSuspectsResolver, SuspectsResolver } from './suspects.resolver';
import { SuspectsService } from './suspects.service';

/** Suspects of cases: sealed identities, codes everywhere else (DOMAIN.md section 3, Suspect). */
@Module({
  imports: [AuthModule],
  providers: [
    SuspectVault,
    SuspectDisclosureService,
    RecordSuspect,
    ChangeSuspectStatus,
    SuspectsService,
    SuspectsResolver,
    CaseSuspectsResolver,
  ],
  exports: [SuspectsService],
})
export class SuspectsModule {}
