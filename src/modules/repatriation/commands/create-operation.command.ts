import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { dayIn } from '@app/kernel/event-date';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { CrossBorderService } from '@app/modules/cross-border/cross-border.service';
import { WorkItemChanges } from '@app/workflow/work-item-changes';

import { CreateRepatriationOperationInput } from '../dto/repatriation.inputs';
import { OperationKind } from '../operation.kind';
import { actsFor } from '../repatriation-access';
import { RepatriationHistoryKind } from '../repatriation.constants';
import { MilestoneType, OperationStatus } from '../repatriation.enums';
import { RepatriationErrorReason as R, RepatriationException } from '../repatriation.exception';
import { RepatriationOperationEntity } from '../repatriation-operation.entity';
import { MilestonePlanner } from './milestone-planner';
import { OperationPeople } from './operation-people';

/**
 * An officer of one of the two responsible agencies plans an operation: its people (who must be theirs to work on),
 * its dates and route, and the milestone plan from policy, each milestone due in its owner's calendar.
 */
@Injectable()
export class CreateOperationCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kind: OperationKind,
    private readonly changes: WorkItemChanges,
    private readonly planner: MilestonePlanner,
    private readonly people: OperationPeople,
    private readonly crossBorder: CrossBorderService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: CreateRepatriationOperationInput): Promise<RepatriationOperationEntity> {
    if (input.exitClearanceRequestId) {
      // Only a request the creator may see can be linked; any other answers like a random id.
      await this.crossBorder.crossBorderRequest(actor, input.exitClearanceRequestId).catch(() => {
        throw new RepatriationException(
          R.LINKED_RECORD_NOT_FOUND,
          `exitClearanceRequestId: cross-border request ${input.exitClearanceRequestId} was not found.`,
          'exitClearanceRequestId',
        );
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const today = dayIn(this.clock.now(), actor.timeZone);
      const startedOn = input.startedOn ?? today;
      checkDates(input, startedOn, today);
      await requireAgency(manager, input.sendingAgencyId, 'sendingAgencyId');
      await requireAgency(manager, input.receivingAgencyId, 'receivingAgencyId');
      if (input.sendingAgencyId === input.receivingAgencyId) {
        throw RepatriationException.invalid(
          R.AGENCY_INVALID,
          'receivingAgencyId',
          'the two sides must be different agencies.',
        );
      }
      if (!actsFor(actor, input.sendingAgencyId) && !actsFor(actor, input.receivingAgencyId)) {
        throw RepatriationException.invalid(
          R.NOT_RESPONSIBLE,
          'sendingAgencyId',
          'you may plan an operation only for your own agency, as its departure side or its receiving side.',
        );
      }
      if (input.counterpartAgencyId) await requireAgency(manager, input.counterpartAgencyId, 'counterpartAgencyId');
      const owners = new Map<MilestoneType, string>();
      for (const [index, owner] of (input.owners ?? []).entries()) {
        await requireAgency(manager, owner.agencyId, `owners.${index}.agencyId`);
        owners.set(owner.type, owner.agencyId);
      }
      const frame = { id: '', sendingAgencyId: input.sendingAgencyId, receivingAgencyId: input.receivingAgencyId };
      const people = await this.people.check(manager, actor, frame, input.victimIds);
      const operation = await manager.save(
        manager.create(RepatriationOperationEntity, {
          fromCountry: input.fromCountry,
          route: input.route,
          sendingAgencyId: input.sendingAgencyId,
          receivingAgencyId: input.receivingAgencyId,
          counterpartAgencyId: input.counterpartAgencyId ?? null,
          status: OperationStatus.PLANNED,
          startedOn,
          plannedDepartureOn: input.plannedDepartureOn,
          plannedArrivalOn: input.plannedArrivalOn,
          departurePlace: input.departurePlace ?? null,
          arrivalPlace: input.arrivalPlace ?? null,
          flightOrCrossing: input.flightOrCrossing ?? null,
          departedOn: null,
          arrivedOn: null,
          createdByUserId: actor.userId,
        }),
      );
      await this.people.board(manager, actor, operation, people, startedOn);
      await this.planner.plan(manager, actor, operation, people, {
        group: true,
        owners,
        exitClearanceRequestId: input.exitClearanceRequestId ?? null,
      });
      return this.changes.record(manager, this.kind, actor, operation, {
        operation: 'createRepatriationOperation',
        history: {
          kind: RepatriationHistoryKind.CREATED,
          toStatus: OperationStatus.PLANNED,
          details: { people: people.map((person) => person.victimCode) },
        },
        audit: {
          fromCountry: { before: null, after: operation.fromCountry },
          sendingAgencyId: { before: null, after: operation.sendingAgencyId },
          receivingAgencyId: { before: null, after: operation.receivingAgencyId },
          plannedDepartureOn: { before: null, after: operation.plannedDepartureOn },
          victimIds: { before: null, after: input.victimIds },
        },
        events: [{ topic: 'repatriation.operation-planned' }],
      });
    });
  }
}

function checkDates(input: CreateRepatriationOperationInput, startedOn: string, today: string): void {
  if (input.fromCountry === 'ID') {
    throw RepatriationException.invalid(
      R.AGENCY_INVALID,
      'fromCountry',
      'an operation brings people home from abroad.',
    );
  }
  if (startedOn > today) {
    throw RepatriationException.invalid(
      R.DATE_INVALID,
      'startedOn',
      `${startedOn} is in the future (today is ${today}).`,
    );
  }
  if (input.plannedDepartureOn < startedOn) {
    throw RepatriationException.invalid(
      R.DATE_INVALID,
      'plannedDepartureOn',
      `${input.plannedDepartureOn} is before the operation began (${startedOn}).`,
    );
  }
  if (input.plannedArrivalOn < input.plannedDepartureOn) {
    throw RepatriationException.invalid(
      R.DATE_INVALID,
      'plannedArrivalOn',
      `${input.plannedArrivalOn} is before the planned departure (${input.plannedDepartureOn}).`,
    );
  }
}

async function requireAgency(manager: EntityManager, id: string, field: string): Promise<AgencyEntity> {
  const agency = await manager.findOneBy(AgencyEntity, { id });
  if (!agency || !agency.active) {
    throw RepatriationException.invalid(
      R.AGENCY_INVALID,
      field,
      `agency ${id} ${agency ? 'is inactive and takes no new work' : 'was not found'}.`,
    );
  }
  return agency;
}
