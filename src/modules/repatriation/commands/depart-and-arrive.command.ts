import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { dayIn } from '@app/kernel/event-date';
import { decide } from '@app/workflow/lifecycle';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { MarkOperationDepartedInput, RecordArrivalInput } from '../dto/repatriation.inputs';
import { MilestoneKind } from '../milestone.kind';
import { OperationKind } from '../operation.kind';
import { OperationPersonEntity } from '../operation-person.entity';
import { travelReadiness } from '../queries/travel-readiness';
import {
  MilestoneAction,
  MilestoneSide,
  MilestoneStatus,
  MilestoneType,
  OperationAction,
  OperationSide,
} from '../repatriation.enums';
import { RepatriationErrorReason as R, RepatriationException } from '../repatriation.exception';
import { RepatriationMilestoneEntity } from '../repatriation-milestone.entity';
import { RepatriationOperationEntity } from '../repatriation-operation.entity';
import { HandoverService } from './handover.service';

/**
 * The departure side records the day the group left, once every person on it is ready (or moved to a later operation);
 * the receiving side records the arrival, not before the departure, and each person is handed to their home region.
 */
@Injectable()
export class DepartAndArriveCommand {
  constructor(
    private readonly kind: OperationKind,
    private readonly milestones: MilestoneKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
    private readonly handover: HandoverService,
    private readonly clock: Clock,
  ) {}

  depart(actor: Actor, input: MarkOperationDepartedInput): Promise<RepatriationOperationEntity> {
    return this.store.forChange(this.kind, actor, input.id, input.expectedVersion, async (manager, operation) => {
      const sides = this.kind.sides(actor, operation);
      this.requireAllowed(operation, OperationAction.DEPART, sides);
      const today = dayIn(this.clock.now(), actor.timeZone);
      checkDay('departedOn', input.departedOn, today, operation.startedOn, 'the operation began');
      const readiness = (await travelReadiness(manager, [operation.id])).get(operation.id) ?? [];
      if (readiness.length === 0) {
        throw RepatriationException.invalid(R.PEOPLE_NOT_READY, 'id', 'nobody is on the operation.');
      }
      const notReady = readiness.filter((person) => !person.ready);
      if (notReady.length > 0 && operation.status === 'PLANNED') {
        throw new RepatriationException(
          R.PEOPLE_NOT_READY,
          `id: ${notReady.length} ${notReady.length === 1 ? 'person is' : 'people are'} not ready to leave (${notReady
            .map((person) => `${person.victimCode}: ${person.blocking.join(', ')}`)
            .join('; ')}); record or waive those steps, or move the person to a later operation.`,
          'id',
        ).withProblems(
          notReady.map((person) => ({
            field: `people.${person.victimCode}`,
            message: `waits for ${person.blocking.join(', ')}`,
          })),
        );
      }
      const departed = await this.changes.transition(manager, this.kind, actor, operation, {
        action: OperationAction.DEPART,
        sides,
        operation: 'markOperationDeparted',
        apply: (item) => {
          item.departedOn = input.departedOn;
          item.departurePlace = input.departurePlace ?? item.departurePlace;
          item.flightOrCrossing = input.flightOrCrossing ?? item.flightOrCrossing;
        },
        audit: (item) => ({
          status: { before: 'PLANNED', after: item.status },
          departedOn: { before: null, after: input.departedOn },
        }),
        eventExtra: (from) => ({ action: OperationAction.DEPART, fromStatus: from }),
      });
      await this.settleGroupStep(manager, actor, operation.id, MilestoneType.DEPARTED, input.departedOn);
      return departed;
    });
  }

  arrive(actor: Actor, input: RecordArrivalInput): Promise<RepatriationOperationEntity> {
    return this.store.forChange(this.kind, actor, input.id, input.expectedVersion, async (manager, operation) => {
      const sides = this.kind.sides(actor, operation);
      this.requireAllowed(operation, OperationAction.ARRIVE, sides);
      const today = dayIn(this.clock.now(), actor.timeZone);
      checkDay('arrivedOn', input.arrivedOn, today, operation.departedOn ?? operation.startedOn, 'the departure');
      const arrived = await this.changes.transition(manager, this.kind, actor, operation, {
        action: OperationAction.ARRIVE,
        sides,
        operation: 'recordArrival',
        apply: (item) => {
          item.arrivedOn = input.arrivedOn;
          item.arrivalPlace = input.arrivalPlace ?? item.arrivalPlace;
        },
        audit: (item) => ({
          status: { before: 'DEPARTED', after: item.status },
          arrivedOn: { before: null, after: input.arrivedOn },
        }),
        eventExtra: (from) => ({ action: OperationAction.ARRIVE, fromStatus: from }),
      });
      await this.settleGroupStep(manager, actor, operation.id, MilestoneType.ARRIVED, input.arrivedOn);
      const people = await manager.find(OperationPersonEntity, {
        where: { operationId: operation.id, onboard: true },
        order: { victimCode: 'ASC' },
      });
      for (const person of people) {
        await manager.update(OperationPersonEntity, { id: person.id }, { onboard: false, arrived: true });
        const handedOver = await this.handover.handOver(manager, actor, arrived, person, input.arrivedOn);
        if (handedOver) await this.settlePersonStep(manager, actor, operation.id, person.victimId, input.arrivedOn);
      }
      return arrived;
    });
  }

  /** The lifecycle's refusal (wrong side, not from this status) comes before any check of the input's days. */
  private requireAllowed(
    operation: RepatriationOperationEntity,
    action: OperationAction,
    sides: OperationSide[],
  ): void {
    const decision = decide(this.kind.lifecycle, operation.status, action, sides);
    if ('refused' in decision) throw this.kind.refused(decision.refused);
  }

  /** The group's own step (departed, arrived), done on the day the operation says, for its owner. */
  private async settleGroupStep(
    manager: EntityManager,
    actor: Actor,
    operationId: string,
    type: MilestoneType,
    day: string,
  ): Promise<void> {
    const pending = await manager.find(RepatriationMilestoneEntity, {
      where: { operationId, type, status: MilestoneStatus.PENDING },
    });
    for (const milestone of pending) await this.recordFor(manager, actor, milestone, day);
  }

  private async settlePersonStep(
    manager: EntityManager,
    actor: Actor,
    operationId: string,
    victimId: string,
    day: string,
  ): Promise<void> {
    const pending = await manager.find(RepatriationMilestoneEntity, {
      where: { operationId, victimId, type: MilestoneType.HANDED_OVER, status: MilestoneStatus.PENDING },
    });
    for (const milestone of pending) await this.recordFor(manager, actor, milestone, day);
  }

  private async recordFor(
    manager: EntityManager,
    actor: Actor,
    milestone: RepatriationMilestoneEntity,
    day: string,
  ): Promise<void> {
    const locked = await this.store.lockForSystem(manager, this.milestones, milestone.id);
    if (!locked || locked.status !== MilestoneStatus.PENDING) return;
    await this.changes.transition(manager, this.milestones, actor, locked, {
      action: MilestoneAction.RECORD_FOR_OWNER,
      sides: [MilestoneSide.COORDINATOR],
      operation: 'recordMilestone',
      apply: (item) => {
        item.happenedOn = day;
      },
      history: { details: { type: locked.type, victimCode: locked.victimCode, happenedOn: day } },
    });
  }
}

/** A day of the operation: not in the future, not before `earliest`. */
function checkDay(field: string, day: string, today: string, earliest: string, what: string): void {
  if (day > today) {
    throw RepatriationException.invalid(R.DATE_INVALID, field, `${day} is in the future (today is ${today}).`);
  }
  if (day < earliest) {
    throw RepatriationException.invalid(R.DATE_INVALID, field, `${day} is before ${what} (${earliest}).`);
  }
}
