import { JobName } from './queue.names';

/** Repeating jobs, registered in one place by the worker (upsertJobScheduler is idempotent). */
export const JOB_SCHEDULERS: { id: string; job: JobName; everyMs: number }[] = [
  { id: 'sweep-every-minute', job: JobName.SWEEP, everyMs: 60_000 },
  { id: 'stalled-commitments-hourly', job: JobName.DETECT_STALLED_COMMITMENTS, everyMs: 3_600_000 },
];
