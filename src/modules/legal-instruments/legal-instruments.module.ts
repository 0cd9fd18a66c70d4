import { Module } from '@nestjs/common';

import { AgenciesModule } from '@app/modules/agencies/agencies.module';

import { CommitmentLinksService } from './commitment-links.service';
import { AgreementCommitmentFieldsResolver, LegalInstrumentsResolver } from './legal-instruments.resolver';
import { LegalInstrumentsService } from './legal-instruments.service';

@Module({
  imports: [AgenciesModule],
  providers: [
    LegalInstrumentsService,
    CommitmentLinksService,
    LegalInstrumentsResolver,
    AgreementCommitmentFieldsResolver,
  ],
  exports: [LegalInstrumentsService, CommitmentLinksService],
})
export class LegalInstrumentsModule {}
