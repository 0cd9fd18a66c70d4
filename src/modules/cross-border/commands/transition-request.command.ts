import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { RequestAction } from '../cross-border.enums';
import { CrossBorderKind } from '../cross-border.kind';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';
import { RequestStepService, StepOptions } from './request-step.service';

/** A step someone takes on a request (acknowledge, accept, answer, refuse, withdraw, close), under its row lock. */
@Injectable()
export class TransitionRequestCommand {
  constructor(
    private readonly kind: CrossBorderKind,
    private readonly store: WorkItemStore,
    private readonly step: RequestStepService,
  ) {}

  execute(
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
    action: RequestAction,
    options: StepOptions = {},
  ): Promise<CrossBorderRequestEntity> {
    return this.store.forChange(this.kind, actor, id, expectedVersion, async (manager, request) => {
      return this.step.take(manager, actor, request, action, this.kind.sides(actor, request), options);
    });
  }
}
