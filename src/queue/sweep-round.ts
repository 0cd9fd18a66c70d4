import { EnsureOutcome, JobQueues, JobRequest, RevivalBudget } from './job-queues';

/** What one sweep step did: jobs added (Redis lost them), revived (failed or finished early), promoted, deferred. */
export interface SweepTally {
  added: number;
  /** Finished jobs whose work PostgreSQL still holds due, sent round again. */
  revived: number;
  promoted: number;
  /** Jobs that needed reviving beyond SWEEP_REVIVE_LIMIT: the next round takes them. */
  deferred: number;
}

export interface SweepSettings {
  /** SWEEP_REVIVE_LIMIT: finished jobs one step brings back per round. */
  reviveLimit: number;
  /** JOB_BACKOFF_MAX_MS: how long a failed job rests before it is brought back. */
  reviveAfterMs: number;
  /** Rows younger than this are left to the job that is on its way (half a sweep interval). */
  graceMs: number;
}

/**
 * One step of one sweep round: each step asks PostgreSQL what is due and undelivered, and makes sure a job will
 * run for each through `ensure`, within the round's cap on revivals. The tally is the sweep job's result (Bull Board
 * shows it) and its log line.
 */
export class SweepRound {
  readonly tally: SweepTally = { added: 0, revived: 0, promoted: 0, deferred: 0 };
  private readonly budget: RevivalBudget;

  constructor(
    private readonly queues: JobQueues,
    readonly settings: SweepSettings,
  ) {
    this.budget = { remaining: settings.reviveLimit, afterMs: settings.reviveAfterMs };
  }

  /** The instant before which a row counts as stale, by `now` (the clock the rows were stamped with). */
  staleBefore(now: Date): Date {
    return new Date(now.getTime() - this.settings.graceMs);
  }

  /** `promoteDelayed`: run a delayed job now (a rung whose time has come), rather than let it wait out its backoff. */
  async ensure(request: JobRequest, options: { promoteDelayed: boolean }): Promise<EnsureOutcome> {
    const outcome = await this.queues.ensureDue(request, { ...options, revival: this.budget });
    if (outcome !== 'present') this.tally[outcome] += 1;
    return outcome;
  }
}
