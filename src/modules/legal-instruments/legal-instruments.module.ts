import { Module } from '@nestjs/common';

import { AgenciesModule } from '@app/modules/agencies/agencies.module';

import { AgreementCommitmentFieldsResolver, LegalInstrumentsResolver } from './legal-instruments.resolver';
import { LegalInstrumentsService } from './legal-instruments.service';

@Module({
  imports: [AgenciesModule],
  providers: [LegalInstrumentsService, LegalInstrumentsResolver, AgreementCommitmentFieldsResolver],
  exports: [LegalInstrumentsService],
})
export class LegalInstrumentsModule {}
