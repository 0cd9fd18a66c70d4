import { performance } from 'node:perf_hooks';

import { Injectable } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';

import { SimpulMetrics } from './metrics';
import { TraceContext, traceparentOf } from './trace-context';
import { markFailed, SpanKind, traceparentOfSpan, Tracing } from './tracing';

/**
 * Wraps each job the worker runs: counts it per queue, job name and outcome, times it, and (tracing on) runs it in
 * a span that continues the trace its payload names, so what the job causes (outbox rows, further jobs) carries
 * the same trace on. With tracing off a payload's traceparent is still handed on unchanged.
 */
@Injectable()
export class JobInstrumentation {
  constructor(
    private readonly metrics: SimpulMetrics,
    private readonly tracing: Tracing,
  ) {}

  async run<T>(queue: string, job: Job, work: () => Promise<T>): Promise<T> {
    const startedAt = performance.now();
    const parent = traceparentOf(job.data);
    const span = this.tracing.start(`job ${job.name}`, {
      kind: SpanKind.CONSUMER,
      parent,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.destination.name': queue,
        'messaging.operation.type': 'process',
        'messaging.message.id': job.id ?? '',
        'simpul.job.name': job.name,
        'simpul.job.attempt': job.attemptsMade + 1,
      },
    });
    let outcome = 'completed';
    try {
      return await TraceContext.run(span ? traceparentOfSpan(span) : parent, work);
    } catch (error) {
      // A job that postpones itself (DelayedError) has not failed: it runs again at its time.
      outcome = error instanceof DelayedError ? 'delayed' : 'failed';
      if (outcome === 'failed') markFailed(span, error);
      throw error;
    } finally {
      this.metrics.jobs.inc({ queue, job: job.name, outcome });
      this.metrics.jobDuration.observe({ queue, job: job.name }, (performance.now() - startedAt) / 1000);
      span?.setAttribute('simpul.job.outcome', outcome);
      span?.end();
    }
  }
}
