import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { RequestSide } from '../cross-border.enums';
import { CrossBorderErrorReason, CrossBorderException } from '../cross-border.exception';
import { RequestHistoryKind } from '../cross-border.constants';
import { CrossBorderKind } from '../cross-border.kind';
import { OPEN_STATUSES } from '../cross-border.lifecycle';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';
import { PauseClockInput } from '../dto/cross-border.inputs';

/** The home side stops a request's clock (awaiting the counterpart, awaiting the person), with the reason. */
@Injectable()
export class PauseClockCommand {
  constructor(
    private readonly kind: CrossBorderKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: PauseClockInput): Promise<CrossBorderRequestEntity> {
    return this.store.forChange(this.kind, actor, input.id, undefined, async (manager, request) => {
      if (!this.kind.sides(actor, request).includes(RequestSide.HOME)) {
        throw new CrossBorderException(CrossBorderErrorReason.WRONG_SIDE, 'Only the home side may do this.');
      }
      if (!OPEN_STATUSES.includes(request.status)) {
        throw new CrossBorderException(
          CrossBorderErrorReason.ILLEGAL_TRANSITION,
          `The clock of a ${request.status} request does not run.`,
        );
      }
      if (request.pausedAt) {
        throw new CrossBorderException(CrossBorderErrorReason.CLOCK_PAUSED, 'The clock is paused already.');
      }
      request.pausedAt = this.clock.now();
      request.pauseReason = input.reason;
      return this.changes.record(manager, this.kind, actor, request, {
        operation: 'pauseCrossBorderClock',
        history: { kind: RequestHistoryKind.CLOCK_PAUSED, reason: input.reason },
        audit: { pausedAt: { before: null, after: request.pausedAt.toISOString() } },
      });
    });
  }
}
