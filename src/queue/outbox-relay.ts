import { performance } from 'node:perf_hooks';

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Span } from '@opentelemetry/api';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { markFailed, SpanKind, traceparentOfSpan, Tracing } from '@app/observability/tracing';

import { SweepStep } from './job-handler.decorator';
import { JobQueues } from './job-queues';
import { GiveWayRule } from './give-way-rule';
import { RungBacklog } from './rung-backlog';
import { eventBatchJob, OutboxRow, routeOutboxRow, routeOutboxRows } from './outbox-routes';
import { SweepRound } from './sweep-round';

const BATCH = 500;
/** How long Redis may take to accept a batch before the relay gives up and retries (rows stay unpublished). */
const PUBLISH_TIMEOUT_MS = 10_000;
/** While this process releases or fires a backlog of due rungs the relay waits, but never longer than this in a row. */
const GIVE_WAY_AT_MOST_MS = 60_000;

/**
 * Moves committed outbox rows to BullMQ (worker role). Rows are claimed with SKIP LOCKED, so several workers
 * relay side by side without sending a row twice; job ids are deterministic, so a relay that dies after
 * Redis accepted a batch but before PostgreSQL marked it published only re-adds jobs that already exist.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastError: string | undefined;
  private readonly giveWay = new GiveWayRule(GIVE_WAY_AT_MOST_MS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tracing: Tracing,
    private readonly backlog: RungBacklog,
  ) {}

  onApplicationBootstrap(): void {
    // A worker that only delivers email leaves the relay to the others.
    const { outboxPollMs, queues } = this.config.jobs;
    if (outboxPollMs > 0 && (!queues || queues.some((name) => name !== 'email'))) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Publishes every unpublished row now; returns how many it published. */
  async relayAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.relayBatch();
      total += count;
      if (count < BATCH) return total;
    }
  }

  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: (OutboxRow & { createdAt: Date; transactionId: string | null })[] = await manager.query(
        `SELECT id, topic, aggregate_id AS "aggregateId", payload, created_at AS "createdAt",
           trace_parent AS "traceParent", transaction_id::text AS "transactionId"
         FROM outbox_event
         WHERE published_at IS NULL AND (available_at IS NULL OR available_at <= $2)
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH, this.clock.now()],
      );
      if (rows.length === 0) return 0;
      const now = this.clock.now();
      const spans: Span[] = [];
      const publication = routeOutboxRows(rows.map((row) => ({ ...row, traceParent: this.traced(row, spans) })));
      try {
        await withTimeout(this.queues.addAll(publication.jobs), PUBLISH_TIMEOUT_MS);
        await manager.query(
          `UPDATE outbox_event o SET published_at = $3, dispatch_batch_id = r.batch_id,
             processed_at = CASE WHEN o.id = ANY($4::uuid[]) THEN $3 ELSE o.processed_at END
           FROM unnest($1::uuid[], $2::uuid[]) AS r(id, batch_id)
           WHERE o.id = r.id`,
          [
            rows.map((row) => row.id),
            rows.map((row) => publication.batchOf.get(row.id) ?? null),
            now,
            publication.settledOnPublish,
          ],
        );
      } catch (error) {
        for (const span of spans) markFailed(span, error);
        throw error;
      } finally {
        for (const span of spans) span.end();
      }
      return rows.length;
    });
  }

  /**
   * A row written inside a trace gets a span from its commit to its publication (the outbox lag, visible in the
   * trace), and its job continues from that span. Without tracing here the row's traceparent passes on unchanged.
   */
  private traced(row: OutboxRow & { createdAt: Date }, spans: Span[]): string | null {
    if (!row.traceParent) return null;
    const span = this.tracing.start(`outbox publish ${row.topic}`, {
      kind: SpanKind.PRODUCER,
      parent: row.traceParent,
      startTime: row.createdAt,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'publish',
        'simpul.outbox.topic': row.topic,
      },
    });
    if (!span) return row.traceParent;
    spans.push(span);
    return traceparentOfSpan(span);
  }

  /**
   * Published but never processed: Redis lost the job, or it used its attempts while PostgreSQL was away. Make sure
   * a job will run for each (a rerun of an event already dispatched finds it processed and adds nothing).
   */
  @SweepStep('outbox')
  async resubmitUnprocessed(round: SweepRound): Promise<void> {
    const rows: (OutboxRow & { dispatchBatchId: string | null })[] = await this.dataSource.query(
      `SELECT id, topic, aggregate_id AS "aggregateId", payload, trace_parent AS "traceParent",
         dispatch_batch_id AS "dispatchBatchId"
       FROM outbox_event
       WHERE processed_at IS NULL AND published_at IS NOT NULL AND published_at <= $1
       ORDER BY published_at LIMIT 5000`,
      [round.staleBefore(this.clock.now())],
    );
    // An event of a batch: its batch's job, re-added with the batch's events still to process if Redis lost it.
    const batches = [...new Set(rows.map((row) => row.dispatchBatchId).filter((id): id is string => id !== null))];
    const members: { batchId: string; ids: string[]; traceParent: string | null }[] = batches.length
      ? await this.dataSource.query(
          `SELECT dispatch_batch_id AS "batchId", array_agg(id ORDER BY id) AS ids,
             min(trace_parent) AS "traceParent"
           FROM outbox_event WHERE dispatch_batch_id = ANY($1::uuid[]) AND processed_at IS NULL
           GROUP BY dispatch_batch_id`,
          [batches],
        )
      : [];
    // A delayed job here is a retry waiting out its backoff: leave it waiting.
    for (const { batchId, ids, traceParent } of members) {
      await round.ensure(eventBatchJob(batchId, ids, traceParent), { promoteDelayed: false });
    }
    for (const row of rows.filter((candidate) => candidate.dispatchBatchId === null)) {
      await round.ensure(routeOutboxRow(row).job, { promoteDelayed: false });
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule(this.config.jobs.outboxPollMs));
    }, delayMs);
  }

  /** Whether the relay waits for a backlog of due rungs in this process (GiveWayRule: a minute at most in a row). */
  private givingWay(): boolean {
    return this.giveWay.observe(this.backlog.remainingMs, performance.now());
  }

  /** What the poll does: publishes batch after batch until none is full, looking before each whether to give way. */
  private async relayUntilGivingWay(): Promise<void> {
    while (!this.givingWay()) {
      if ((await this.relayBatch()) < BATCH) return;
    }
  }

  private async tick(): Promise<void> {
    // Events can wait a moment for a deadline storm's rungs: 100,000 `task.overdue` published beside the release at T
    // (they fall due at T too) took the cores it needs; the relay looks between batches (the events' own dispatch
    // gives way too, EventBatchDispatchJob).
    try {
      await this.relayUntilGivingWay();
      if (this.lastError) this.logger.log('Outbox relay recovered.');
      this.lastError = undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Log once per distinct failure (Redis down would otherwise log four times a second).
      if (message !== this.lastError)
        this.logger.warn({ msg: 'outbox relay failed; rows stay queued', error: message });
      this.lastError = message;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not accept the jobs within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
