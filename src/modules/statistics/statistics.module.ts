import { Module } from '@nestjs/common';

import { AccountabilityService } from './accountability/accountability.service';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

/** Numbers the task force can trust (issue 19): the indicator catalogue, statistics, accountability, the annual report. */
@Module({
  providers: [StatisticsService, AccountabilityService, StatisticsResolver],
  exports: [StatisticsService, AccountabilityService],
})
export class StatisticsModule {}
