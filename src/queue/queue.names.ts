/**
 * Every queue and job name Simpul uses, in one place. A job name belongs to exactly one queue; the worker
 * refuses to boot when a name below has no handler (see job-handler.registry.ts).
 */
export enum QueueName {
  NOTIFICATIONS = 'notifications',
  /** Email delivery on its own queue, so a worker can run it apart from the decision work (`--queues email`). */
  EMAIL = 'email',
  ESCALATIONS = 'escalations',
  DIGESTS = 'digests',
  MAINTENANCE = 'maintenance',
  /** Exports run for minutes at national scale: a queue of their own, so they never hold up notifications. */
  EXPORTS = 'exports',
}

export enum JobName {
  /** Turns one domain event from the outbox into in-app notifications (and email jobs). */
  DISPATCH_EVENT = 'event.dispatch',
  /** Turns a batch of domain events the relay published together into notifications (issue 22: a storm's events). */
  DISPATCH_EVENT_BATCH = 'event.dispatch-batch',
  /** Sends the email of one notification. */
  SEND_EMAIL = 'notification.email',
  /** Sends the emails of a batch of notifications (what fired escalation rungs queue: ids read and claimed per batch). */
  SEND_EMAIL_BATCH = 'notification.email-batch',
  /** Wakes the rung scheduler (rungs are scheduled in PostgreSQL; jobs of this name from before only wake it). */
  FIRE_RUNG = 'escalation.fire',
  /** Reconciles Redis with PostgreSQL: re-enqueues whatever is due and not delivered. */
  SWEEP = 'maintenance.sweep',
  /** Marks agreement commitments with no recent activity STALLED. */
  DETECT_STALLED_COMMITMENTS = 'maintenance.detect-stalled-commitments',
  /** Hourly: starts the weekly digest of everyone whose Monday 07:00 has come, one job per batch of people. */
  DIGEST_FAN_OUT = 'digest.fan-out',
  /** Renders and sends one person's weekly digest. */
  SEND_DIGEST = 'digest.send',
  /** Renders and sends the weekly digests of a batch of people (what the fan-out queues; content read per batch). */
  SEND_DIGEST_BATCH = 'digest.send-batch',
  /** Builds one requested export's file (src/modules/exports). */
  RUN_EXPORT = 'export.run',
  /** Hourly: deletes the files of exports past their expiry. */
  EXPIRE_EXPORTS = 'maintenance.expire-exports',
  /** Nightly: runs the data-quality checks and keeps their findings. */
  CHECK_DATA_QUALITY = 'maintenance.check-data-quality',
}

/**
 * The payload of each job: ids only, never snapshots or personal data (the handler re-reads PostgreSQL). Producers
 * and handlers type against it, so a job added with the wrong payload, or read for a field it does not carry, fails
 * to compile.
 */
export interface JobPayloads {
  [JobName.DISPATCH_EVENT]: { eventId: string };
  [JobName.DISPATCH_EVENT_BATCH]: { eventIds: string[] };
  [JobName.SEND_EMAIL]: { notificationId: string };
  [JobName.SEND_EMAIL_BATCH]: { notificationIds: string[] };
  [JobName.FIRE_RUNG]: { rungId: string };
  [JobName.SWEEP]: Record<string, never>;
  [JobName.DETECT_STALLED_COMMITMENTS]: Record<string, never>;
  /** A given week's digests now (an operator's, the benchmark's); without it, the weeks due by the clock. */
  [JobName.DIGEST_FAN_OUT]: { isoWeek?: string };
  [JobName.SEND_DIGEST]: { digestRunId: string };
  [JobName.SEND_DIGEST_BATCH]: { digestRunIds: string[] };
  [JobName.RUN_EXPORT]: { exportId: string };
  [JobName.EXPIRE_EXPORTS]: Record<string, never>;
  [JobName.CHECK_DATA_QUALITY]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.DISPATCH_EVENT]: QueueName.NOTIFICATIONS,
  [JobName.DISPATCH_EVENT_BATCH]: QueueName.NOTIFICATIONS,
  [JobName.SEND_EMAIL]: QueueName.EMAIL,
  [JobName.SEND_EMAIL_BATCH]: QueueName.EMAIL,
  [JobName.FIRE_RUNG]: QueueName.ESCALATIONS,
  [JobName.SWEEP]: QueueName.MAINTENANCE,
  [JobName.DETECT_STALLED_COMMITMENTS]: QueueName.MAINTENANCE,
  [JobName.DIGEST_FAN_OUT]: QueueName.DIGESTS,
  [JobName.SEND_DIGEST]: QueueName.DIGESTS,
  [JobName.SEND_DIGEST_BATCH]: QueueName.DIGESTS,
  [JobName.RUN_EXPORT]: QueueName.EXPORTS,
  [JobName.EXPIRE_EXPORTS]: QueueName.MAINTENANCE,
  [JobName.CHECK_DATA_QUALITY]: QueueName.MAINTENANCE,
};

export const ALL_QUEUES = Object.values(QueueName);

/**
 * Deterministic job ids: the same work always has the same id, so adding it twice (relay retry, sweep,
 * two workers) leaves one job. BullMQ forbids ":" in custom ids.
 */
export const JobIds = {
  event: (outboxEventId: string) => `event.${outboxEventId}`,
  /** A batch of events is named by the id its rows carry (`outbox_event.dispatch_batch_id`). */
  eventBatch: (batchId: string) => `event-batch.${batchId}`,
  email: (notificationId: string) => `email.${notificationId}`,
  /** A batch of emails is named by the id its notifications carry (`notification.email_batch_id`). */
  emailBatch: (batchId: string) => `email-batch.${batchId}`,
  rung: (rungId: string) => `rung.${rungId}`,
  digest: (digestRunId: string) => `digest.${digestRunId}`,
  /** A batch is named by its first run: a run is in one batch only (the fan-out queues each new run once). */
  digestBatch: (firstDigestRunId: string) => `digest-batch.${firstDigestRunId}`,
  export: (exportId: string) => `export.${exportId}`,
};
