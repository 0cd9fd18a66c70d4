import { Injectable } from '@nestjs/common';

import { JobHandler } from '@app/queue/job-handler.decorator';
import { JobName } from '@app/queue/queue.names';

import { RoundTally, RungScheduler } from './rung-scheduler';

/**
 * Rungs are no longer jobs: PostgreSQL schedules them (see RungScheduler). A `escalation.fire` job still in Redis
 * from before, or added by hand, only wakes the scheduler: it fires whatever is due, and a rung already FIRED is
 * never fired again.
 */
@Injectable()
export class RungFireJob {
  constructor(private readonly scheduler: RungScheduler) {}

  @JobHandler(JobName.FIRE_RUNG)
  fire(): Promise<RoundTally> {
    return this.scheduler.fireDue();
  }
}
