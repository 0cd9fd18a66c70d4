import { Module } from '@nestjs/common';

import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

/** Numbers the task force can trust (issue 19): the indicator catalogue, statistics, accountability, the annual report. */
@Module({
  providers: [StatisticsService, StatisticsResolver],
  exports: [StatisticsService],
})
export class StatisticsModule {}
