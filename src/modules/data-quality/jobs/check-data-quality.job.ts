import { Injectable, Logger } from '@nestjs/common';

import { Clock } from '@app/kernel/clock';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { JobName } from '@app/queue/queue.names';

import { DataQualityRunResult, DataQualityRunsService } from '../data-quality-runs.service';

/** Nightly (job-schedulers.ts): the data-quality checks, their findings kept for dataQualityIssues and the digest. */
@Injectable()
export class CheckDataQualityJob {
  private readonly logger = new Logger('DataQuality');

  constructor(
    private readonly runs: DataQualityRunsService,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.CHECK_DATA_QUALITY)
  async run(): Promise<DataQualityRunResult> {
    const result = await this.runs.run(this.clock.now());
    this.logger.log({ msg: 'data-quality checks ran', ...result });
    return result;
  }
}
