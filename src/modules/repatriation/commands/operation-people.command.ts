import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { dayIn } from '@app/kernel/event-date';
import { recordEvents } from '@app/queue/outbox';
import { actedBy } from '@app/workflow/work-item-events';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { AddRepatriationPeopleInput, MoveRepatriationPersonInput } from '../dto/repatriation.inputs';
import { MilestoneKind } from '../milestone.kind';
import { OperationKind } from '../operation.kind';
import { OperationPersonEntity } from '../operation-person.entity';
import { operationReference, RepatriationHistoryKind } from '../repatriation.constants';
import { MilestoneAction, MilestoneSide, MilestoneStatus, MilestoneType, OperationStatus } from '../repatriation.enums';
import { RepatriationErrorReason as R, RepatriationException } from '../repatriation.exception';
import { RepatriationMilestoneEntity } from '../repatriation-milestone.entity';
import { RepatriationOperationEntity } from '../repatriation-operation.entity';
import { MilestonePlanner } from './milestone-planner';
import { OperationPeople } from './operation-people';

/**
 * People join a planned operation, or leave it (one hospitalised travels later): the leaving is kept with its day and
 * reason, the person's pending steps on it are cancelled, and on the operation they move to they get the plan's
 * steps again, those already done (a travel document) carried over as done.
 */
@Injectable()
export class OperationPeopleCommand {
  constructor(
    private readonly kind: OperationKind,
    private readonly milestones: MilestoneKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
    private readonly people: OperationPeople,
    private readonly planner: MilestonePlanner,
    private readonly clock: Clock,
  ) {}

  add(actor: Actor, input: AddRepatriationPeopleInput): Promise<RepatriationOperationEntity> {
    return this.store.forChange(this.kind, actor, input.operationId, undefined, async (manager, operation) => {
      this.requirePlannedAndSide(actor, operation, 'operationId');
      const people = await this.people.check(manager, actor, operation, input.victimIds);
      const today = dayIn(this.clock.now(), actor.timeZone);
      await this.people.board(manager, actor, operation, people, today);
      await this.planner.plan(manager, actor, operation, people, { group: false });
      return this.changes.record(manager, this.kind, actor, operation, {
        operation: 'addRepatriationPeople',
        history: { kind: RepatriationHistoryKind.PERSON_JOINED, details: { people: people.map((p) => p.victimCode) } },
        audit: { victimIds: { before: null, after: input.victimIds } },
      });
    });
  }

  move(actor: Actor, input: MoveRepatriationPersonInput): Promise<RepatriationOperationEntity> {
    return this.store.forChange(this.kind, actor, input.operationId, undefined, async (manager, operation) => {
      this.requirePlannedAndSide(actor, operation, 'operationId');
      const row = await manager.findOneBy(OperationPersonEntity, {
        operationId: operation.id,
        victimId: input.victimId,
        onboard: true,
      });
      if (!row) {
        throw RepatriationException.invalid(R.NOT_ON_OPERATION, 'victimId', 'the person is not on this operation.');
      }
      let target: RepatriationOperationEntity | null = null;
      if (input.toOperationId) {
        if (input.toOperationId === operation.id) {
          throw RepatriationException.invalid(R.ALREADY_ON_OPERATION, 'toOperationId', 'the person is on it already.');
        }
        target = await this.store.loadForChange(manager, this.kind, actor, input.toOperationId);
        this.requirePlannedAndSide(actor, target, 'toOperationId');
      }
      const today = dayIn(this.clock.now(), actor.timeZone);
      await manager.update(
        OperationPersonEntity,
        { id: row.id },
        {
          onboard: false,
          leftOn: today,
          leftAt: this.clock.now(),
          leaveReason: input.reason,
          movedToOperationId: target?.id ?? null,
        },
      );
      const done = await this.settleSteps(manager, actor, operation, row, input.reason);
      if (target) {
        const [person] = await this.people.check(manager, actor, target, [input.victimId], 'victimId');
        await this.people.board(manager, actor, target, [person], today, 'victimId');
        await this.planner.plan(manager, actor, target, [person], {
          group: false,
          done: new Map([[person.victimId, done]]),
        });
      }
      await recordEvents(manager, [
        {
          topic: 'repatriation.person-moved',
          aggregateType: 'RepatriationOperation',
          aggregateId: operation.id,
          payload: {
            operationId: operation.id,
            reference: operationReference(operation),
            victimCode: row.victimCode,
            toOperationId: target?.id ?? null,
            ...actedBy(actor),
          },
        },
      ]);
      return this.changes.record(manager, this.kind, actor, operation, {
        operation: 'moveRepatriationPerson',
        history: {
          kind: RepatriationHistoryKind.PERSON_LEFT,
          reason: input.reason,
          details: {
            victimCode: row.victimCode,
            toOperation: target ? operationReference(target) : null,
            carriedOver: [...done.keys()],
          },
        },
        audit: { victimId: { before: operation.id, after: target?.id ?? null } },
      });
    });
  }

  private requirePlannedAndSide(actor: Actor, operation: RepatriationOperationEntity, field: string): void {
    if (this.kind.sides(actor, operation).length === 0) {
      throw this.kind.refused({
        kind: 'WRONG_SIDE',
        message: "Only the operation's responsible agencies may change who travels on it.",
      });
    }
    if (operation.status !== OperationStatus.PLANNED) {
      throw new RepatriationException(
        R.ILLEGAL_TRANSITION,
        `${field}: people join or leave an operation only while it is PLANNED (it is ${operation.status}).`,
        field,
      );
    }
  }

  /** Cancels the person's pending steps on the operation; returns the steps done, with their days. */
  private async settleSteps(
    manager: EntityManager,
    actor: Actor,
    operation: RepatriationOperationEntity,
    row: OperationPersonEntity,
    reason: string,
  ): Promise<Map<MilestoneType, string>> {
    const steps = await manager.find(RepatriationMilestoneEntity, {
      where: { operationId: operation.id, victimId: row.victimId },
    });
    const done = new Map<MilestoneType, string>();
    for (const step of steps) {
      if (step.status === MilestoneStatus.DONE && step.happenedOn) done.set(step.type, step.happenedOn);
      if (step.status !== MilestoneStatus.PENDING) continue;
      const locked = await this.store.lockForSystem(manager, this.milestones, step.id);
      if (!locked) continue;
      await this.changes.transition(manager, this.milestones, actor, locked, {
        action: MilestoneAction.CANCEL,
        sides: [MilestoneSide.COORDINATOR],
        reason: `${row.victimCode} left the operation: ${reason}`,
        operation: 'moveRepatriationPerson',
        apply: (item) => {
          item.statusReason = reason;
        },
      });
    }
    return done;
  }
}
