import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { WorkItemChanges } from '@app/workflow/work-item-changes';

import { RequestAction, RequestSide } from '../cross-border.enums';
import { CrossBorderKind } from '../cross-border.kind';
import { OPEN_STATUSES } from '../cross-border.lifecycle';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';
import { RequestClockService } from './request-clock.service';

export interface StepOptions {
  reason?: string | null;
  /** When the step happened (a recorded reply: when it arrived); now when omitted. */
  at?: Date;
  counterpartReference?: string | null;
  details?: Record<string, unknown>;
  /** The history entry's kind (a recorded counterpart reply); TRANSITION when omitted. */
  historyKind?: string;
  operation?: string;
}

/** One lifecycle step of a request, in the caller's transaction: the dates each step sets, then the kernel's pipeline. */
@Injectable()
export class RequestStepService {
  constructor(
    private readonly kind: CrossBorderKind,
    private readonly changes: WorkItemChanges,
    private readonly requestClock: RequestClockService,
    private readonly clock: Clock,
  ) {}

  take(
    manager: EntityManager,
    actor: Actor,
    request: CrossBorderRequestEntity,
    action: RequestAction,
    sides: readonly RequestSide[],
    options: StepOptions = {},
  ): Promise<CrossBorderRequestEntity> {
    const at = options.at ?? this.clock.now();
    return this.changes.transition(manager, this.kind, actor, request, {
      action,
      sides,
      reason: options.reason,
      operation: options.operation,
      history: {
        ...(options.historyKind ? { kind: options.historyKind } : {}),
        details: options.details ?? {},
      },
      apply: async (item) => {
        switch (action) {
          case RequestAction.SUBMIT:
          case RequestAction.APPROVE:
            await this.requestClock.start(manager, item, at);
            break;
          case RequestAction.ACKNOWLEDGE:
            item.acknowledgedAt = at;
            break;
          case RequestAction.ACCEPT:
            item.acceptedAt = at;
            item.acknowledgedAt ??= at;
            break;
          case RequestAction.ANSWER:
            item.answeredAt = at;
            break;
          case RequestAction.REFUSE:
          case RequestAction.WITHDRAW:
            item.statusReason = options.reason ?? null;
            item.endedAt = at;
            break;
          case RequestAction.CLOSE:
            item.endedAt = at;
            break;
          default:
            break;
        }
        if (options.counterpartReference) item.counterpartReference = options.counterpartReference;
        // A request no longer in play has no clock to pause; its overdue marks stay as the record of lateness.
        if (!OPEN_STATUSES.includes(item.status)) item.pausedAt = null;
      },
    });
  }
}
