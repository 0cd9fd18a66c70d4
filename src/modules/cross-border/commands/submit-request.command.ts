import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { RequestAction, RequestSide, RequestStatus, REVIEWED_CHANNELS } from '../cross-border.enums';
import { CrossBorderKind } from '../cross-border.kind';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';
import { RequestActionInput } from '../dto/cross-border.inputs';
import { RequestStepService } from './request-step.service';

/**
 * Submits a draft, which starts its three deadlines. A draft on a channel a supervisor reviews (formal MLA) goes to
 * review first, unless a supervisor submits it; a supervisor's submit of a request in review approves it.
 */
@Injectable()
export class SubmitRequestCommand {
  constructor(
    private readonly kind: CrossBorderKind,
    private readonly store: WorkItemStore,
    private readonly step: RequestStepService,
  ) {}

  execute(actor: Actor, input: RequestActionInput): Promise<CrossBorderRequestEntity> {
    return this.store.forChange(this.kind, actor, input.id, input.expectedVersion, async (manager, request) => {
      const sides = this.kind.sides(actor, request);
      const reviewed = REVIEWED_CHANNELS.includes(request.channel) && !sides.includes(RequestSide.HOME_SUPERVISOR);
      const action =
        request.status === RequestStatus.IN_REVIEW
          ? RequestAction.APPROVE
          : reviewed && request.status === RequestStatus.DRAFT && sides.includes(RequestSide.HOME)
            ? RequestAction.SUBMIT_FOR_REVIEW
            : RequestAction.SUBMIT;
      // Going to review is still the filer's "submit" in the audit trail.
      const operation = action === RequestAction.SUBMIT_FOR_REVIEW ? 'submitCrossBorderRequest' : undefined;
      return this.step.take(manager, actor, request, action, sides, { operation });
    });
  }
}
