import { Injectable, Logger } from '@nestjs/common';

import { JobHandler } from './job-handler.decorator';
import { JobHandlerRegistry, SweepResult } from './job-handler.registry';
import { JobName } from './queue.names';

/**
 * The sweep (every SWEEP_INTERVAL_MS): PostgreSQL says what is due and undelivered (escalation rungs, emails,
 * digests, events); each step makes sure a job will run for it, re-creating jobs Redis lost and bringing back jobs
 * that used their attempts while a dependency was down. Deterministic job ids make a sweep that finds the job
 * present a no-op. Its result (each step's counts) is the job's return value in Bull Board.
 */
@Injectable()
export class SweepJob {
  private readonly logger = new Logger('Sweep');

  constructor(private readonly registry: JobHandlerRegistry) {}

  @JobHandler(JobName.SWEEP)
  async run(): Promise<SweepResult> {
    const result = await this.registry.sweep();
    const tallies = Object.values(result);
    const revived = tallies.some((tally) => 'revived' in tally && (tally.revived > 0 || tally.deferred > 0));
    const acted = tallies.some((tally) => !('revived' in tally) || tally.added + tally.promoted > 0);
    // Revivals mean an outage outlasted a job's attempts: worth a warning an operator sees.
    if (revived) this.logger.warn({ msg: 'sweep revived jobs that had used their attempts', ...result });
    else if (acted) this.logger.log({ msg: 'sweep resubmitted jobs', ...result });
    return result;
  }
}
