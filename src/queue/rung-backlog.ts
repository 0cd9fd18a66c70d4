import { performance } from 'node:perf_hooks';

import { Injectable } from '@nestjs/common';

/**
 * Whether this process is working through a backlog of due escalation rungs (a deadline storm: its lanes keep
 * claiming full batches). Work that can wait a moment gives way to it: a batch of domain events (a storm's 100,000
 * `task.overdue` events) is dispatched after the firing instead of beside it, where it wrote nearly as many rows as
 * the firing itself (issue 22). Process-local on purpose: a process that does not fire rungs never waits.
 */
@Injectable()
export class RungBacklog {
  private until = 0;

  /** A lane claimed a full batch: more is due. The backlog holds for `ms` unless the next full batch renews it. */
  holdFor(ms: number): void {
    this.until = Math.max(this.until, performance.now() + ms);
  }

  get firing(): boolean {
    return performance.now() < this.until;
  }

  /** How long the backlog holds unless renewed (0 when it does not hold). */
  get remainingMs(): number {
    return Math.max(0, Math.ceil(this.until - performance.now()));
  }
}
