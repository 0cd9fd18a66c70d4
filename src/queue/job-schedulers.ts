import { JobName } from './queue.names';

/**
 * Repeating jobs, registered in one place by the worker (upsertJobScheduler is idempotent): an interval, or a
 * cron pattern with its time zone.
 */
export const JOB_SCHEDULERS: {
  id: string;
  job: JobName;
  repeat: { every: number } | { pattern: string; tz: string };
}[] = [
  { id: 'sweep-every-minute', job: JobName.SWEEP, repeat: { every: 60_000 } },
  { id: 'stalled-commitments-hourly', job: JobName.DETECT_STALLED_COMMITMENTS, repeat: { every: 3_600_000 } },
  // On the hour, every hour: each time zone's Monday 07:00 falls on some hour (WIB, WITA, WIT, ICT, MYT).
  { id: 'digest-hourly', job: JobName.DIGEST_FAN_OUT, repeat: { pattern: '0 * * * *', tz: 'UTC' } },
];
