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

/** What `ensureDue` did: added a lost job, revived a finished one, promoted a delayed one, or nothing. */
export type EnsureOutcome = 'added' | 'revived' | 'promoted' | 'present' | 'deferred';

/** How many finished jobs one sweep step may still bring back, and how long a failed job rests first. */
export interface RevivalBudget {
  remaining: number;
  afterMs: number;
}

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
      const list = byQueue.get(queue);
      if (list) list.push(request);
      else byQueue.set(queue, [request]);
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
   * Makes sure the job for `request` is in Redis and will run: adds it when Redis lost it, promotes it when it is
   * still waiting out a delay (if asked), and brings it back when it is finished although PostgreSQL says its work
   * is still to do: failed (it used its attempts while a dependency was down, or stalled too often) or completed.
   * Bringing back spends `revival` (a cap per sweep round) and waits until a failed job has been failed for
   * `revival.afterMs`, so a dependency that stays down is tried again on the schedule's longest wait, not in a loop.
   * A job waiting, delayed or running is left alone.
   */
  async ensureDue(
    request: JobRequest,
    options: { promoteDelayed: boolean; revival?: RevivalBudget } = { promoteDelayed: true },
  ): Promise<EnsureOutcome> {
    const queue = this.queueOf(request.name);
    const existing = await queue.getJob(request.jobId);
    if (!existing) {
      await queue.add(request.name, withCurrentTraceparent(request.data), { ...this.options(request), delay: 0 });
      return 'added';
    }
    // A job that has not finished is waiting, delayed or running: it will run. Only a delay to cut short needs its
    // exact state; asking for it looks the job up along the waiting list (LPOS), ~4 ms of Redis's one thread per job
    // behind a backlog of 160,000 emails, and a sweep asks for thousands (issue 22).
    if (!existing.finishedOn && !options.promoteDelayed) return 'present';
    const state = await existing.getState();
    if (state === 'failed' || state === 'completed') {
      const revival = options.revival;
      if (!revival) return 'present';
      if (state === 'failed' && Date.now() - (existing.finishedOn ?? 0) < revival.afterMs) return 'present';
      if (revival.remaining <= 0) return 'deferred';
      try {
        // The same job, back to waiting with a fresh set of attempts; its earlier failures stay in its history.
        await existing.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
      } catch {
        return 'present'; // it moved on meanwhile (another sweep, an operator)
      }
      revival.remaining -= 1;
      return 'revived';
    }
    if (options.promoteDelayed && state === 'delayed') {
      await existing.promote().catch(() => undefined);
      return 'promoted';
    }
    return 'present';
  }

  private options(request: JobRequest): JobsOptions {
    return { jobId: request.jobId, delay: Math.max(0, Math.round(request.delayMs ?? 0)) };
  }
}
