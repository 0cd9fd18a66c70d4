import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { ReferralEntity } from '../referral.entity';
import { ReferralAction } from '../referral.enums';
import { ReferralKind } from '../referral.kind';

/**
 * Every step a person takes on a referral (accept, decline, withdraw, start the service, complete, discontinue).
 * Two people acting at once: the row lock lets one through, the other meets the lifecycle and gets CONFLICT.
 */
@Injectable()
export class TransitionReferralCommand {
  constructor(
    private readonly kind: ReferralKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
  ) {}

  execute(
    actor: Actor,
    id: string,
    action: ReferralAction,
    expectedVersion: number | undefined,
    reason?: string,
  ): Promise<ReferralEntity> {
    return this.store.forChange(this.kind, actor, id, expectedVersion, async (manager, referral) => {
      return this.changes.transition(manager, this.kind, actor, referral, {
        action,
        sides: this.kind.sides(actor, referral),
        reason,
        apply: (item) => {
          // The outcome of a completed service; the reason of a decline, withdrawal or discontinuation.
          if (action === ReferralAction.COMPLETE) item.outcome = reason ?? null;
          else if (reason) item.statusReason = reason;
        },
      });
    });
  }
}
