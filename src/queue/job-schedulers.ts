import { JobName } from './queue.names';

export interface JobScheduler {
  id: string;
  job: JobName;
  repeat: { every: number } | { pattern: string; tz: string };
}

/**
 * Repeating jobs, registered in one place by the worker (upsertJobScheduler is idempotent): an interval, or a
 * cron pattern with its time zone. The sweep runs every SWEEP_INTERVAL_MS (its id predates the setting; keeping it
 * lets an upgraded worker update the scheduler Redis already holds instead of adding a second one).
 */
export const jobSchedulers = (sweepIntervalMs: number): JobScheduler[] => [
  { id: 'sweep-every-minute', job: JobName.SWEEP, repeat: { every: sweepIntervalMs } },
  { id: 'stalled-commitments-hourly', job: JobName.DETECT_STALLED_COMMITMENTS, repeat: { every: 3_600_000 } },
  // On the hour, every hour: each time zone's Monday 07:00 falls on some hour (WIB, WITA, WIT, ICT, MYT).
  { id: 'digest-hourly', job: JobName.DIGEST_FAN_OUT, repeat: { pattern: '0 * * * *', tz: 'UTC' } },
  { id: 'expire-exports-hourly', job: JobName.EXPIRE_EXPORTS, repeat: { pattern: '15 * * * *', tz: 'UTC' } },
  // 02:30 in Jakarta: after the working day everywhere in Indonesia, well before the Monday digest at 07:00.
  {
    id: 'data-quality-nightly',
    job: JobName.CHECK_DATA_QUALITY,
    repeat: { pattern: '30 2 * * *', tz: 'Asia/Jakarta' },
  },
];
