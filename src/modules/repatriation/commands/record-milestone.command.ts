import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { dayIn } from '@app/kernel/event-date';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { RecordMilestoneInput, WaiveMilestoneInput } from '../dto/repatriation.inputs';
import { MilestoneKind } from '../milestone.kind';
import { MilestoneAction, MilestoneSide } from '../repatriation.enums';
import { RepatriationErrorReason as R, RepatriationException } from '../repatriation.exception';
import { RepatriationMilestoneEntity } from '../repatriation-milestone.entity';
import { RepatriationOperationEntity } from '../repatriation-operation.entity';

/**
 * A milestone done, with the day it really happened (not before the operation began, not in the future): recorded by
 * its owner, or by one of the operation's responsible agencies for the owner. Or waived by those, with a reason.
 */
@Injectable()
export class RecordMilestoneCommand {
  constructor(
    private readonly kind: MilestoneKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
    private readonly clock: Clock,
  ) {}

  record(actor: Actor, input: RecordMilestoneInput): Promise<RepatriationMilestoneEntity> {
    return this.store.forChange(this.kind, actor, input.id, input.expectedVersion, async (manager, milestone) => {
      const sides = this.kind.sides(actor, milestone);
      if (sides.length === 0) {
        throw this.kind.refused({
          kind: 'WRONG_SIDE',
          message: "Only the owner agency's officers, or the operation's responsible agencies, may record a milestone.",
        });
      }
      const operation = await manager.findOneByOrFail(RepatriationOperationEntity, { id: milestone.operationId });
      const today = dayIn(this.clock.now(), actor.timeZone);
      if (input.happenedOn > today) {
        throw RepatriationException.invalid(
          R.DATE_INVALID,
          'happenedOn',
          `${input.happenedOn} is in the future (today is ${today}); record a step once it happened.`,
        );
      }
      if (input.happenedOn < operation.startedOn) {
        throw RepatriationException.invalid(
          R.DATE_INVALID,
          'happenedOn',
          `${input.happenedOn} is before the operation began (${operation.startedOn}).`,
        );
      }
      const action = sides.includes(MilestoneSide.OWNER) ? MilestoneAction.RECORD : MilestoneAction.RECORD_FOR_OWNER;
      return this.changes.transition(manager, this.kind, actor, milestone, {
        action,
        sides,
        operation: 'recordMilestone',
        apply: (item) => {
          item.happenedOn = input.happenedOn;
        },
        history: { details: { type: milestone.type, victimCode: milestone.victimCode, happenedOn: input.happenedOn } },
        audit: (item) => ({
          status: { before: 'PENDING', after: item.status },
          happenedOn: { before: null, after: input.happenedOn },
        }),
        eventExtra: (from) => ({ action, fromStatus: from }),
      });
    });
  }

  waive(actor: Actor, input: WaiveMilestoneInput): Promise<RepatriationMilestoneEntity> {
    return this.store.forChange(this.kind, actor, input.id, input.expectedVersion, (manager, milestone) =>
      this.changes.transition(manager, this.kind, actor, milestone, {
        action: MilestoneAction.WAIVE,
        sides: this.kind.sides(actor, milestone),
        reason: input.reason,
        operation: 'waiveMilestone',
        apply: (item) => {
          item.statusReason = input.reason;
        },
      }),
    );
  }
}
