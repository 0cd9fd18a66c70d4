import { SetMetadata } from '@nestjs/common';

import { JobName } from './queue.names';

export const JOB_HANDLER = Symbol('JOB_HANDLER');
export const SWEEP_STEP = Symbol('SWEEP_STEP');

/** Marks a provider method as the handler of one job name (worker role only). */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);

/**
 * Marks a provider method as one step of the minute sweep: it re-enqueues what PostgreSQL says is due and
 * undelivered, and returns how many jobs it (re)submitted.
 */
export const SweepStep = (name: string) => SetMetadata(SWEEP_STEP, name);
