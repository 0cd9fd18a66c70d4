import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';

import { DataQualityResolver } from './data-quality.resolver';
import { DataQualityService } from './data-quality.service';

/** The data-quality checks' findings in the API (dataQualityIssues). The worker runs them (DataQualityJobsModule). */
@Module({ imports: [AuthModule], providers: [DataQualityService, DataQualityResolver] })
export class DataQualityModule {}
