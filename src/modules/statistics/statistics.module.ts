import { Module } from '@nestjs/common';

import { AccountabilityService } from './accountability/accountability.service';
import { AnnualReportService } from './annual-report.service';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

/** Numbers the task force can trust (issue 19): the indicator catalogue, statistics, accountability, the annual report. */
@Module({
  providers: [StatisticsService, AccountabilityService, AnnualReportService, StatisticsResolver],
  exports: [StatisticsService, AccountabilityService, AnnualReportService],
})
export class StatisticsModule {}
