import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { JobQueues } from '@app/queue/job-queues';
import { ALL_QUEUES } from '@app/queue/queue.names';

import { SimpulMetrics } from '@app/observability/metrics';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;
/** A scrape must answer even when PostgreSQL or Redis does not: the gauges are then left out for that scrape. */
const READ_TIMEOUT_MS = 3_000;

/**
 * Reads the backlog at scrape time: queue depth per queue and state from Redis; outbox lag, due rungs and the
 * latest week's digest progress and the failed emails from PostgreSQL. Operations reads, across module tables on purpose: each is one
 * indexed query (the outbox's partial indexes, the rungs' due index, the digest runs' week index, the failed emails' index), and none
 * touches a column that could identify a person.
 */
/** An armed rung's event waits for its time: not a backlog until then. */
const DUE_EVENT = '(available_at IS NULL OR available_at <= clock_timestamp())';

@Injectable()
export class BacklogMetrics implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private readonly source = () => this.read();
  private lastError: string | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly metrics: SimpulMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.setBacklogSource(this.source);
  }

  onApplicationShutdown(): void {
    this.metrics.clearBacklogSource(this.source);
  }

  async read(): Promise<void> {
    try {
      await withTimeout(Promise.all([this.readQueues(), this.readDatabase()]), READ_TIMEOUT_MS);
      this.lastError = undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastError)
        this.logger.warn({ msg: 'could not read the backlog for /metrics', error: message });
      this.lastError = message;
      throw error;
    }
  }

  private async readQueues(): Promise<void> {
    const counts = await Promise.all(ALL_QUEUES.map((name) => this.queues.queue(name).getJobCounts(...QUEUE_STATES)));
    ALL_QUEUES.forEach((queue, i) => {
      for (const state of QUEUE_STATES) this.metrics.queueJobs.set({ queue, state }, counts[i][state] ?? 0);
    });
  }

  private async readDatabase(): Promise<void> {
    const [row]: {
      unpublished: number;
      unpublished_age: number | null;
      unprocessed: number;
      unprocessed_age: number | null;
      rungs_due: number;
      oldest_rung: number | null;
    }[] = await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND ${DUE_EVENT})::int AS unpublished,
         (SELECT EXTRACT(EPOCH FROM clock_timestamp() - min(created_at)) FROM outbox_event
           WHERE published_at IS NULL AND ${DUE_EVENT})::float8 AS unpublished_age,
         (SELECT count(*) FROM outbox_event WHERE processed_at IS NULL AND published_at IS NOT NULL)::int AS unprocessed,
         (SELECT EXTRACT(EPOCH FROM clock_timestamp() - min(published_at)) FROM outbox_event
           WHERE processed_at IS NULL AND published_at IS NOT NULL)::float8 AS unprocessed_age,
         (SELECT count(*) FROM escalation_rung WHERE status = 'SCHEDULED' AND fire_at <= clock_timestamp())::int AS rungs_due,
         (SELECT EXTRACT(EPOCH FROM clock_timestamp() - min(fire_at)) FROM escalation_rung
           WHERE status = 'SCHEDULED' AND fire_at <= clock_timestamp())::float8 AS oldest_rung`,
    );
    this.metrics.outboxEvents.set({ state: 'unpublished' }, row.unpublished);
    this.metrics.outboxEvents.set({ state: 'unprocessed' }, row.unprocessed);
    this.metrics.outboxLag.set({ state: 'unpublished' }, Math.max(0, row.unpublished_age ?? 0));
    this.metrics.outboxLag.set({ state: 'unprocessed' }, Math.max(0, row.unprocessed_age ?? 0));
    this.metrics.rungsDue.set(row.rungs_due);
    this.metrics.oldestDueRung.set(Math.max(0, row.oldest_rung ?? 0));

    const failed: { critical: boolean; count: number }[] = await this.dataSource.query(
      `SELECT critical, count(*)::int AS count FROM notification WHERE email_status = 'FAILED' GROUP BY critical`,
    );
    for (const critical of [true, false]) {
      const count = failed.find((group) => group.critical === critical)?.count ?? 0;
      this.metrics.failedEmails.set({ critical: String(critical) }, count);
    }

    const digests: { iso_week: string; status: string; count: number }[] = await this.dataSource.query(
      `SELECT iso_week, status::text AS status, count(*)::int AS count FROM digest_run
       WHERE iso_week = (SELECT max(iso_week) FROM digest_run) GROUP BY iso_week, status`,
    );
    // Only the latest week: last week's series disappear instead of lingering at their final values.
    this.metrics.digestRuns.reset();
    for (const { iso_week, status, count } of digests) this.metrics.digestRuns.set({ iso_week, status }, count);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
