import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { AuditModule } from '@app/modules/audit/audit.module';

import { ExportsController } from './exports.controller';
import { ExportsResolver } from './exports.resolver';
import { ExportsService } from './exports.service';

/** Exports in the API: asking, listing, downloading. The worker builds them (ExportJobsModule). */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportsResolver],
})
export class ExportsModule {}
