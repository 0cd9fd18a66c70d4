import { Module } from '@nestjs/common';

import { StatisticsModule } from '@app/modules/statistics/statistics.module';

import { ExpireExportsJob } from './jobs/expire-exports.job';
import { RunExportJob } from './jobs/run-export.job';

/**
 * Exports in the worker: building files, expiring them, and the sweep step that revives lost jobs. The annual report's
 * figures come from the statistics module's AnnualReportService.
 */
@Module({ imports: [StatisticsModule], providers: [RunExportJob, ExpireExportsJob] })
export class ExportJobsModule {}
