import { Module } from '@nestjs/common';

import { DataQualityRunsService } from './data-quality-runs.service';
import { CheckDataQualityJob } from './jobs/check-data-quality.job';

/** The nightly data-quality checks in the worker. */
@Module({ providers: [DataQualityRunsService, CheckDataQualityJob], exports: [DataQualityRunsService] })
export class DataQualityJobsModule {}
