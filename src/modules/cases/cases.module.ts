import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';

import { CasesResolver } from './cases.resolver';
import { CasesService } from './cases.service';

@Module({
  imports: [AuthModule],
  providers: [CasesService, CasesResolver],
  exports: [CasesService],
})
export class CasesModule {}
