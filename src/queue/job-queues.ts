import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, JobsOptions, Queue } from 'bullmq';

import { JOB_QUEUE, JobName, JobPayloads, QueueName } from './queue.names';
import { withCurrentTraceparent } from '@app/observability/trace-context';

/** One job to add, its payload typed by its name (see JobPayloads). */
export type JobRequest<N extends JobName = JobName> = {
  [K in N]: {
    name: K;
    data: JobPayloads[K];
    /** Deterministic id (see JobIds): adding the same work twice leaves one job. */
    jobId: string;
    delayMs?: number;
  };
}[N];

/** Adds jobs to the queue their name belongs to. Only the outbox relay and the sweep call this. */
@Injectable()
export class JobQueues {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  queueOf(job: JobName): Queue {
    return this.queue(JOB_QUEUE[job]);
  }

  async add(request: JobRequest): Promise<Job> {
    return this.queueOf(request.name).add(request.name, withCurrentTraceparent(request.data), this.options(request));
  }

  /** Adds many jobs, one round trip per queue. */
  async addAll(requests: JobRequest[]): Promise<void> {
    const byQueue = new Map<QueueName, JobRequest[]>();
    for (const request of requests) {
      const queue = JOB_QUEUE[request.name];
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), request]);
    }
    for (const [queue, list] of byQueue) {
      await this.queue(queue).addBulk(
        list.map((request) => ({
          name: request.name,
          data: withCurrentTraceparent(request.data),
          opts: this.options(request),
        })),
      );
    }
  }

  /**
   * Makes sure the job for `request` is in Redis and due now: adds it when Redis lost it, promotes it when it
   * is still waiting out a delay. A job already waiting, running, done or failed is left alone.
   */
  async ensureDue(
    request: JobRequest,
    options: { promoteDelayed: boolean } = { promoteDelayed: true },
  ): Promise<'added' | 'promoted' | 'present'> {
    const queue = this.queueOf(request.name);
    const existing = await queue.getJob(request.jobId);
    if (!existing) {
      await queue.add(request.name, withCurrentTraceparent(request.data), { ...this.options(request), delay: 0 });
      return 'added';
    }
    if (options.promoteDelayed && (await existing.getState()) === 'delayed') {
      await existing.promote().catch(() => undefined);
      return 'promoted';
    }
    return 'present';
  }

  private options(request: JobRequest): JobsOptions {
    return { jobId: request.jobId, delay: Math.max(0, Math.round(request.delayMs ?? 0)) };
  }
}
