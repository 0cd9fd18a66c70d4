import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import { AppConfig } from '@app/config/app-config';

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Rung lateness spans seconds (a healthy worker) to hours (a worker that was down). */
const LATENESS_BUCKETS = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600];

type BacklogSource = () => Promise<void>;

const byConfig = new WeakMap<AppConfig, SimpulMetrics>();

/**
 * Every Prometheus metric Simpul exports, in one registry per process. `npm start` runs the API and the worker in
 * one process (two Nest contexts on the same configuration object): they share one registry, so /metrics there
 * shows both. Tests start several apps in one process, each with its own configuration, hence its own registry.
 *
 * Counters and histograms are per process (sum them across replicas); the backlog gauges (queue depth, outbox
 * lag, due rungs, digest progress) are read from Redis and PostgreSQL at scrape time and are the same figure in
 * every process (take the max).
 */
export class SimpulMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'simpul_http_request_duration_seconds',
    help: 'HTTP requests served by the API, by method, matched route and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlOperationDuration = new Histogram({
    name: 'simpul_graphql_operation_duration_seconds',
    help: 'GraphQL operations, by type and root fields (never the client-chosen operation name), and outcome.',
    labelNames: ['operation_type', 'operation', 'outcome'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'simpul_graphql_errors_total',
    help: 'Errors returned by GraphQL operations, by root fields and error code.',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });

  readonly jobs = new Counter({
    name: 'simpul_jobs_total',
    help: 'Jobs run by this worker, by queue, job name and outcome (completed, failed, delayed).',
    labelNames: ['queue', 'job', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'simpul_job_duration_seconds',
    help: 'Time a job ran in this worker, by queue and job name.',
    labelNames: ['queue', 'job'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });

  readonly rungLateness = new Histogram({
    name: 'simpul_escalation_rung_lateness_seconds',
    help: 'How long after its time each escalation rung fired.',
    buckets: LATENESS_BUCKETS,
    registers: [this.registry],
  });

  readonly rungsSettled = new Counter({
    name: 'simpul_escalation_rungs_settled_total',
    help: 'Escalation rungs this worker settled when due, by outcome (FIRED, SKIPPED, CANCELLED); batches of them.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly rungBatches = new Histogram({
    name: 'simpul_escalation_rung_batch_seconds',
    help: 'Time one batch of due rungs took, from its claim to its commit.',
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'simpul_queue_jobs',
    help: 'Jobs in each queue by state (waiting, active, delayed, prioritized, failed), read from Redis at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly outboxEvents = new Gauge({
    name: 'simpul_outbox_events',
    help: 'Outbox rows not yet moved to the queues (unpublished) and published but not yet processed (unprocessed).',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  readonly outboxLag = new Gauge({
    name: 'simpul_outbox_lag_seconds',
    help: 'Age of the oldest unpublished outbox row (unpublished) and of the oldest published, unprocessed one (unprocessed); 0 when none.',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  readonly rungsDue = new Gauge({
    name: 'simpul_escalation_rungs_due',
    help: 'Escalation rungs whose time has passed and that have not fired yet.',
    registers: [this.registry],
  });

  readonly oldestDueRung = new Gauge({
    name: 'simpul_escalation_oldest_due_rung_seconds',
    help: 'How long the oldest due, unfired rung has been waiting; 0 when none.',
    registers: [this.registry],
  });

  readonly digestRuns = new Gauge({
    name: 'simpul_digest_runs',
    help: 'Weekly digest runs of the latest ISO week, by status (PENDING, SENT, SKIPPED, FAILED): its progress.',
    labelNames: ['iso_week', 'status'] as const,
    registers: [this.registry],
  });

  readonly failedEmails = new Gauge({
    name: 'simpul_email_deliveries_failed',
    help: 'Emails of notifications that are FAILED and wait for an administrator (failedDeliveries, retryFailedDeliveries), by critical (escalations and other notices nobody may mute) or not.',
    labelNames: ['critical'] as const,
    registers: [this.registry],
  });

  readonly backlogUp = new Gauge({
    name: 'simpul_backlog_scrape_success',
    help: '1 when the backlog gauges could be read from PostgreSQL and Redis at this scrape, else 0.',
    registers: [this.registry],
  });

  private backlogSource: BacklogSource | undefined;

  private constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The registry of the process that runs with this configuration. */
  static for(config: AppConfig): SimpulMetrics {
    let metrics = byConfig.get(config);
    if (!metrics) {
      metrics = new SimpulMetrics();
      byConfig.set(config, metrics);
    }
    return metrics;
  }

  /** The first context to start reads the backlog gauges; a second one (npm start's worker) needs not. */
  setBacklogSource(source: BacklogSource): void {
    this.backlogSource ??= source;
  }

  clearBacklogSource(source: BacklogSource): void {
    if (this.backlogSource === source) this.backlogSource = undefined;
  }

  /** The text a Prometheus scrape receives, backlog gauges read fresh. */
  async render(): Promise<string> {
    if (this.backlogSource) {
      try {
        await this.backlogSource();
        this.backlogUp.set(1);
      } catch {
        this.backlogUp.set(0);
      }
    }
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
