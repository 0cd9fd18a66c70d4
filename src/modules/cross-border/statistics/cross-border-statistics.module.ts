import { Module } from '@nestjs/common';

import { CrossBorderStatisticsResolver } from './cross-border-statistics.resolver';
import { CrossBorderStatisticsService } from './cross-border-statistics.service';

/** Response-time figures of cross-border requests per counterpart, read straight from the request table. */
@Module({
  providers: [CrossBorderStatisticsService, CrossBorderStatisticsResolver],
  exports: [CrossBorderStatisticsService],
})
export class CrossBorderStatisticsModule {}
