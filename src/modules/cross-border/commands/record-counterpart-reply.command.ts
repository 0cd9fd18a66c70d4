import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { ReplyKind, RequestAction, RequestSide } from '../cross-border.enums';
import { CrossBorderErrorReason, CrossBorderException } from '../cross-border.exception';
import { RequestHistoryKind } from '../cross-border.constants';
import { CrossBorderKind } from '../cross-border.kind';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';
import { RecordCounterpartReplyInput } from '../dto/cross-border.inputs';
import { DeadlineExtensionService } from './deadline-extension.service';
import { RequestStepService } from './request-step.service';

/** The counterpart's step each kind of reply stands for (a proposed new date moves a deadline instead). */
const REPLY_ACTION: Record<Exclude<ReplyKind, ReplyKind.NEW_DATE_PROPOSED>, RequestAction> = {
  ACKNOWLEDGED: RequestAction.ACKNOWLEDGE,
  ACCEPTED: RequestAction.ACCEPT,
  ANSWERED: RequestAction.ANSWER,
  PARTIAL_ANSWER: RequestAction.ANSWER_PARTIALLY,
  REFUSED: RequestAction.REFUSE,
};

/**
 * What a counterpart without an account sent (letter, message, meeting), recorded by the home side and treated
 * exactly as if the counterpart had acted, at the time it arrived.
 */
@Injectable()
export class RecordCounterpartReplyCommand {
  constructor(
    private readonly kind: CrossBorderKind,
    private readonly store: WorkItemStore,
    private readonly step: RequestStepService,
    private readonly extension: DeadlineExtensionService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: RecordCounterpartReplyInput): Promise<CrossBorderRequestEntity> {
    return this.store.forChange(this.kind, actor, input.id, undefined, async (manager, request) => {
      const sides = this.kind.sides(actor, request);
      if (!sides.includes(RequestSide.HOME)) {
        throw new CrossBorderException(
          CrossBorderErrorReason.WRONG_SIDE,
          'Only the home side (the filer or the home agency) records a counterpart reply.',
        );
      }
      this.requirePlausibleArrival(request, input.receivedAt);
      const details = {
        replyKind: input.kind,
        channel: input.channel,
        receivedAt: input.receivedAt.toISOString(),
        counterpartReference: input.counterpartReference ?? null,
        recordedBy: 'home side',
      };
      if (input.kind === ReplyKind.NEW_DATE_PROPOSED) {
        if (!input.stage || !input.newDate || !input.grounds) {
          throw new CrossBorderException(
            CrossBorderErrorReason.REPLY_INVALID,
            'Invalid input: a proposed new date needs stage, newDate and grounds.',
            !input.stage ? 'stage' : !input.newDate ? 'newDate' : 'grounds',
          );
        }
        return this.extension.extend(manager, actor, request, {
          stage: input.stage,
          newDate: input.newDate,
          reason: input.grounds,
          details,
        });
      }
      // Recorded for the counterpart: the step is the counterpart's, whoever types it in.
      return this.step.take(manager, actor, request, REPLY_ACTION[input.kind], [...sides, RequestSide.COUNTERPART], {
        reason: input.grounds ?? null,
        at: input.receivedAt,
        counterpartReference: input.counterpartReference ?? null,
        details,
        historyKind: RequestHistoryKind.COUNTERPART_REPLY,
      });
    });
  }

  private requirePlausibleArrival(request: CrossBorderRequestEntity, receivedAt: Date): void {
    if (receivedAt.getTime() > this.clock.now().getTime() + 60_000) {
      throw new CrossBorderException(
        CrossBorderErrorReason.REPLY_INVALID,
        'Invalid input: receivedAt is in the future.',
        'receivedAt',
      );
    }
    if (request.submittedAt && receivedAt < request.submittedAt) {
      throw new CrossBorderException(
        CrossBorderErrorReason.REPLY_INVALID,
        `Invalid input: receivedAt (${receivedAt.toISOString()}) is before the request was submitted (${request.submittedAt.toISOString()}).`,
        'receivedAt',
      );
    }
  }
}
