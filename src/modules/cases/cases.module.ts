import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { VictimsModule } from '@app/modules/victims/victims.module';

import { AddCaseParticipant } from './commands/add-case-participant';
import { ChangeCaseStatus } from './commands/change-case-status';
import { CommentOnCase } from './commands/comment-on-case';
import { EndCaseParticipation } from './commands/end-case-participation';
import { HandOverCaseLead } from './commands/hand-over-case-lead';
import { OpenCase } from './commands/open-case';
import { UpdateCase } from './commands/update-case';
import { CaseEventResolver, CaseParticipantResolver, CasesResolver } from './cases.resolver';
import { CasesService } from './cases.service';
import { CaseQueries } from './queries/case-queries';

/** Trafficking cases and their teams (lead agency and participants). */
@Module({
  imports: [AuthModule, VictimsModule],
  providers: [
    CaseQueries,
    OpenCase,
    UpdateCase,
    ChangeCaseStatus,
    AddCaseParticipant,
    EndCaseParticipation,
    HandOverCaseLead,
    CommentOnCase,
    CasesService,
    CasesResolver,
    CaseParticipantResolver,
    CaseEventResolver,
  ],
  exports: [CasesService],
})
export class CasesModule {}
