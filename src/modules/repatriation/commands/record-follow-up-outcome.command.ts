import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { dayIn } from '@app/kernel/event-date';
import { ProtectionStatus } from '@app/modules/victims/victim.enums';
import { VictimsService } from '@app/modules/victims/victims.service';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { RecordFollowUpOutcomeInput } from '../dto/repatriation.inputs';
import { FollowUpContactEntity } from '../follow-up-contact.entity';
import { FollowUpKind } from '../follow-up.kind';
import { ReintegrationPlanEntity } from '../reintegration-plan.entity';
import { FollowUpAction, FollowUpOutcome, FollowUpSide, FollowUpStatus, PlanStatus } from '../repatriation.enums';
import { RepatriationErrorReason as R, RepatriationException } from '../repatriation.exception';
import { OUTCOME_ACTION } from '../repatriation.lifecycles';

/** Outcomes that end the person's track, and the protection status each leads to. */
const ENDING: Partial<Record<FollowUpOutcome, ProtectionStatus>> = {
  RE_MIGRATED: ProtectionStatus.RE_MIGRATED,
  DECLINED: ProtectionStatus.DECLINED_ASSISTANCE,
};

/**
 * The responsible agency records what a follow-up contact found. The outcome drives the protection track: met at the
 * last scheduled contact: REINTEGRATED; re-migrated or declined: RE_MIGRATED or DECLINED_ASSISTANCE; the policy's
 * number of unreachable contacts in a row: LOST_TO_FOLLOW_UP. A track that ends cancels the contacts still scheduled.
 */
@Injectable()
export class RecordFollowUpOutcomeCommand {
  constructor(
    private readonly kind: FollowUpKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
    private readonly victims: VictimsService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: RecordFollowUpOutcomeInput): Promise<FollowUpContactEntity> {
    return this.store.forChange(this.kind, actor, input.id, input.expectedVersion, async (manager, contact) => {
      const sides = this.kind.sides(actor, contact);
      if (sides.length === 0) {
        throw this.kind.refused({
          kind: 'WRONG_SIDE',
          message: "Only the responsible agency's officers may record a follow-up outcome.",
        });
      }
      if (input.victimId !== contact.victimId) {
        throw RepatriationException.invalid(
          R.NOT_IN_PLAN,
          'victimId',
          `the person is not the one this follow-up plan is for (${contact.victimCode}).`,
        );
      }
      const plan = await manager
        .getRepository(ReintegrationPlanEntity)
        .createQueryBuilder('plan')
        .where('plan.id = :planId', { planId: contact.planId })
        .setLock('pessimistic_write')
        .getOneOrFail();
      const today = dayIn(this.clock.now(), actor.timeZone);
      if (input.contactedOn > today) {
        throw RepatriationException.invalid(
          R.DATE_INVALID,
          'contactedOn',
          `${input.contactedOn} is in the future (today is ${today}).`,
        );
      }
      if (input.contactedOn < plan.returnedOn) {
        throw RepatriationException.invalid(
          R.DATE_INVALID,
          'contactedOn',
          `${input.contactedOn} is before the person returned (${plan.returnedOn}).`,
        );
      }
      const action = OUTCOME_ACTION[input.outcome];
      const recorded = await this.changes.transition(manager, this.kind, actor, contact, {
        action,
        sides,
        operation: 'recordFollowUpOutcome',
        apply: (item) => {
          item.contactedOn = input.contactedOn;
        },
        history: { details: { outcome: input.outcome, contactedOn: input.contactedOn } },
        audit: (item) => ({
          status: { before: FollowUpStatus.SCHEDULED, after: item.status },
          contactedOn: { before: null, after: input.contactedOn },
        }),
        eventExtra: (from) => ({ action, fromStatus: from }),
      });
      await this.follow(manager, actor, plan, contact, input.outcome, input.contactedOn);
      return recorded;
    });
  }

  /** What the outcome means for the plan and the track. */
  private async follow(
    manager: EntityManager,
    actor: Actor,
    plan: ReintegrationPlanEntity,
    contact: FollowUpContactEntity,
    outcome: FollowUpOutcome,
    day: string,
  ): Promise<void> {
    let ending: ProtectionStatus | null = ENDING[outcome] ?? null;
    let reason = `Follow-up contact ${contact.sequence} (${contact.monthsAfterReturn} months): ${outcome}.`;
    if (outcome === FollowUpOutcome.NOT_REACHED) {
      plan.unreachableInRow += 1;
      if (plan.unreachableInRow >= plan.lostAfterUnreachable) {
        ending = ProtectionStatus.LOST_TO_FOLLOW_UP;
        reason = `${plan.unreachableInRow} follow-up contacts in a row did not reach the person.`;
      }
    } else {
      plan.unreachableInRow = 0;
    }
    if (outcome === FollowUpOutcome.MET) {
      const [last]: { sequence: number }[] = await manager.query(
        'SELECT max(sequence)::int AS sequence FROM follow_up_contact WHERE plan_id = $1',
        [plan.id],
      );
      if (last.sequence === contact.sequence) ending = ProtectionStatus.REINTEGRATED;
    }
    if (ending) {
      // A person still in rehabilitation, or just home, may end the track either way.
      await this.victims.stepProtectionTrackWithin(manager, actor, plan.victimId, ending, day, reason);
      plan.status = PlanStatus.CLOSED;
      plan.outcome = ending;
      plan.outcomeOn = day;
      await this.cancelRemaining(manager, actor, plan.id, `The track ended: ${ending}.`);
    }
    await manager.save(plan);
  }

  private async cancelRemaining(manager: EntityManager, actor: Actor, planId: string, reason: string): Promise<void> {
    const scheduled = await manager.find(FollowUpContactEntity, {
      where: { planId, status: FollowUpStatus.SCHEDULED },
      order: { sequence: 'ASC' },
    });
    for (const row of scheduled) {
      const locked = await this.store.lockForSystem(manager, this.kind, row.id);
      if (!locked) continue;
      await this.changes.transition(manager, this.kind, actor, locked, {
        action: FollowUpAction.CANCEL,
        sides: [FollowUpSide.SYSTEM],
        reason,
        operation: 'cancelFollowUp',
      });
    }
  }
}
