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
 * - once the server has accepted it, `record` marks it SENT; if PostgreSQL cannot (restarting, unreachable), the
 *   acceptance goes to Redis and the next attempt records it there instead of sending again.
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
  return {
    beforeHandOver: () => {
      if (performance.now() > options.claimedAt + options.leaseMs * HAND_OVER_SHARE) throw new LeaseExpiredError(what);
    },
    afterAccepted: async (messageId) => {
      const acceptedAt = new Date();
      try {
        await options.record(messageId, acceptedAt);
      } catch (error) {
        // If Redis fails too, the error goes up and the delivery may be sent again: the remaining window.
        await options.accepted.remember(options.kind, options.id, { messageId, acceptedAt: acceptedAt.toISOString() });
        throw new AcceptedButUnrecordedError(what, error);
      }
    },
  };
}
