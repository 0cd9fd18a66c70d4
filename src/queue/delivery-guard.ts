import { performance } from 'node:perf_hooks';

import type { HandOverGuard } from '@libs/mailer/guarded-smtp';

import { AcceptedDeliveries } from './accepted-deliveries';
import { TransientDeliveryError } from './job-failures';

/** The holder hands a message over only in the first three quarters of its lease, leaving the rest for recording. */
const HAND_OVER_SHARE = 0.75;

/** The lease ran out before the message was handed over: nothing was delivered, a later attempt sends it. */
export class LeaseExpiredError extends TransientDeliveryError {
  constructor(what: string) {
    super(`the lease on ${what} ran out before the mail server had it; sending it again later`);
    this.name = 'LeaseExpiredError';
  }
}

/** The server accepted the message but PostgreSQL could not record it: Redis holds the acceptance until it can. */
export class AcceptedButUnrecordedError extends TransientDeliveryError {
  constructor(what: string, cause: unknown) {
    super(
      `the mail server accepted ${what} but the database could not record it (${cause instanceof Error ? cause.message : String(cause)}); recording it later`,
    );
    this.name = 'AcceptedButUnrecordedError';
  }
}

/**
 * The guard of one leased delivery (an email or a digest):
 * - it hands the message over only while the lease clearly holds (`claimedAt` is taken before the claim was asked
 *   for, so the holder's view of the lease ends before PostgreSQL's does, whatever the clocks say);
 * - once the server has accepted it, the acceptance goes to Redis (a fraction of a millisecond) and the hand-over
 *   window is free for the process's next message; then `record` marks it SENT in PostgreSQL and the Redis entry is
 *   dropped. A process that dies in between leaves the acceptance in Redis, and the next attempt records it there
 *   instead of sending again (issue 22: waiting for PostgreSQL's commit inside the window held every message of a
 *   process ~15 ms, capping a worker at ~60 messages/s). With Redis away, SENT is recorded inside the window as
 *   before; if PostgreSQL cannot take it either, the error goes up and the delivery may be sent again: the remaining
 *   window (README, "Reliability").
 */
export function deliveryGuard(options: {
  kind: 'email' | 'digest';
  id: string;
  /** `performance.now()` just before the claim was sent to PostgreSQL. */
  claimedAt: number;
  leaseMs: number;
  accepted: AcceptedDeliveries;
  record: (messageId: string, acceptedAt: Date) => Promise<void>;
}): HandOverGuard {
  const what = `${options.kind} ${options.id}`;
  let acceptedAt = new Date();
  let recorded = false;
  return {
    beforeHandOver: () => {
      if (performance.now() > options.claimedAt + options.leaseMs * HAND_OVER_SHARE) throw new LeaseExpiredError(what);
    },
    afterAccepted: async (messageId) => {
      acceptedAt = new Date();
      try {
        await options.accepted.remember(options.kind, options.id, { messageId, acceptedAt: acceptedAt.toISOString() });
      } catch {
        // Redis away: into PostgreSQL now, inside the window. If that fails too, the error goes up.
        await options.record(messageId, acceptedAt);
        recorded = true;
      }
    },
    afterWindow: async (messageId) => {
      if (recorded) return;
      try {
        await options.record(messageId, acceptedAt);
      } catch (error) {
        // Redis holds the acceptance: the next attempt records it without sending again.
        throw new AcceptedButUnrecordedError(what, error);
      }
      await options.accepted.forget(options.kind, options.id).catch(() => undefined);
    },
  };
}
