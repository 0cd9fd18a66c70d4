import { Module } from '@nestjs/common';

import { ExpireExportsJob } from './jobs/expire-exports.job';
import { RunExportJob } from './jobs/run-export.job';

/** Exports in the worker: building files, expiring them, and the sweep step that revives lost jobs. */
@Module({ providers: [RunExportJob, ExpireExportsJob] })
export class ExportJobsModule {}
