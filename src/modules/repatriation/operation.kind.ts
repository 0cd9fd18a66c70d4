import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { WorkCalendar } from '@libs/deadlines';

import { Actor } from '@app/auth/actor';
import { DomainEvent, RepatriationOperationPayload, Topic, TopicPayloads } from '@app/kernel/topics';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { Refusal } from '@app/workflow/lifecycle';
import { DeadlineState, EscalationParties, SqlCondition, WorkItemKind } from '@app/workflow/work-item-kind';
import { actedBy, workItemEvent } from '@app/workflow/work-item-events';

import { actsFor, operationVisibility } from './repatriation-access';
import { OPERATION_ITEM_TYPE, OPERATION_PREFIX, operationReference } from './repatriation.constants';
import { OperationAction, OperationSide, OperationStatus } from './repatriation.enums';
import { RepatriationErrorReason as R, RepatriationException } from './repatriation.exception';
import { OPERATION_LIFECYCLE } from './repatriation.lifecycles';
import { RepatriationOperationEntity } from './repatriation-operation.entity';

export type OperationTopic = Extract<
  Topic,
  `repatriation.${'operation-planned' | 'departed' | 'arrived' | 'operation-cancelled'}`
>;

/**
 * Repatriation operations as a kind of work item: the departure side records the departure (or calls it off), the
 * receiving side the arrival. The operation has no deadline of its own: its milestones carry them (and their ladders).
 * Visibility is operationVisibility (repatriation-access.ts).
 */
@Injectable()
export class OperationKind implements WorkItemKind<
  RepatriationOperationEntity,
  OperationStatus,
  OperationAction,
  OperationSide,
  OperationTopic
> {
  readonly type = OPERATION_ITEM_TYPE;
  readonly typeName = 'RepatriationOperation';
  readonly entity = RepatriationOperationEntity;
  readonly alias = 'operation';
  readonly referencePrefix = OPERATION_PREFIX;
  readonly lifecycle = OPERATION_LIFECYCLE;
  readonly topics: Readonly<Record<OperationAction, OperationTopic>> = {
    DEPART: 'repatriation.departed',
    ARRIVE: 'repatriation.arrived',
    CANCEL: 'repatriation.operation-cancelled',
  };

  constructor(private readonly calendars: CalendarsService) {}

  notFound(id: string): RepatriationException {
    return new RepatriationException(R.OPERATION_NOT_FOUND, `Repatriation operation ${id} was not found.`);
  }

  versionConflict(reference: string): RepatriationException {
    return new RepatriationException(
      R.VERSION_CONFLICT,
      `Operation ${reference} was changed by someone else; reload and try again.`,
      'expectedVersion',
    );
  }

  refused(refusal: Refusal): RepatriationException {
    return new RepatriationException(
      R[refusal.kind],
      refusal.message,
      refusal.kind === 'REASON_REQUIRED' ? 'reason' : undefined,
    );
  }

  visibility(actor: Actor, alias: string): SqlCondition {
    return operationVisibility(actor, alias);
  }

  sides(actor: Actor, operation: RepatriationOperationEntity): OperationSide[] {
    const sides: OperationSide[] = [];
    if (actsFor(actor, operation.sendingAgencyId)) sides.push(OperationSide.SENDING);
    if (actsFor(actor, operation.receivingAgencyId)) sides.push(OperationSide.RECEIVING);
    return sides;
  }

  deadlines(): DeadlineState[] {
    return [];
  }

  calendar(manager: EntityManager, operation: RepatriationOperationEntity): Promise<WorkCalendar> {
    return this.calendars.agencyCalendar(manager, operation.sendingAgencyId);
  }

  escalationPolicy(): null {
    return null;
  }

  parties(operation: RepatriationOperationEntity): EscalationParties {
    return {
      responsibleAgencyId: operation.sendingAgencyId,
      responsibleUserId: null,
      filerUserId: operation.createdByUserId,
      watchingAgencyIds: [operation.sendingAgencyId, operation.receivingAgencyId],
      requestingAgencyId: operation.receivingAgencyId,
      respondingAgencyId: operation.sendingAgencyId,
    };
  }

  async event<K extends OperationTopic>(
    manager: EntityManager,
    topic: K,
    operation: RepatriationOperationEntity,
    actor: Actor | null,
    extra: Partial<RepatriationOperationPayload> = {},
  ): Promise<DomainEvent<K>> {
    const [counts]: { owners: string[] | null; onboard: number }[] = await manager.query(
      `SELECT (SELECT array_agg(DISTINCT owner_agency_id) FROM repatriation_milestone WHERE operation_id = $1) AS owners,
              (SELECT count(*)::int FROM repatriation_operation_person WHERE operation_id = $1 AND left_at IS NULL) AS onboard`,
      [operation.id],
    );
    const payload: RepatriationOperationPayload = {
      operationId: operation.id,
      reference: operationReference(operation),
      fromCountry: operation.fromCountry,
      sendingAgencyId: operation.sendingAgencyId,
      receivingAgencyId: operation.receivingAgencyId,
      ownerAgencyIds: counts.owners ?? [],
      status: operation.status,
      plannedDepartureOn: operation.plannedDepartureOn,
      plannedArrivalOn: operation.plannedArrivalOn,
      departedOn: operation.departedOn,
      arrivedOn: operation.arrivedOn,
      peopleOnboard: counts.onboard,
      ...actedBy(actor),
      ...extra,
    };
    return workItemEvent(this, topic, operation, payload as TopicPayloads[K]);
  }
}
