import { SetMetadata } from '@nestjs/common';

import { JobName } from './queue.names';

export const JOB_HANDLER = Symbol('JOB_HANDLER');
export const SWEEP_STEP = Symbol('SWEEP_STEP');

/** Marks a provider method as the handler of one job name (worker role only). */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);

/**
 * Marks a provider method as one step of the sweep: called with a `SweepRound`, it makes sure a job will run for
 * everything PostgreSQL says is due and undelivered (`round.ensure`); the round counts what it did.
 */
export const SweepStep = (name: string) => SetMetadata(SWEEP_STEP, name);
