import { Injectable, Logger } from '@nestjs/common';

import { JobHandler } from './job-handler.decorator';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobName } from './queue.names';

/**
 * The minute sweep: PostgreSQL says what is due and undelivered (escalation rungs, emails, events); each
 * step makes sure a job exists for it. Deterministic job ids make a sweep that finds the job present a no-op.
 */
@Injectable()
export class SweepJob {
  private readonly logger = new Logger('Sweep');

  constructor(private readonly registry: JobHandlerRegistry) {}

  @JobHandler(JobName.SWEEP)
  async run(): Promise<Record<string, number>> {
    const result = await this.registry.sweep();
    if (Object.values(result).some((count) => count !== 0))
      this.logger.log({ msg: 'sweep resubmitted jobs', ...result });
    return result;
  }
}
