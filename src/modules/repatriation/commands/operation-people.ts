import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { isUniqueViolation } from '@app/database/db-errors';
import { formatReference } from '@app/kernel/reference';
import { CasesService } from '@app/modules/cases/cases.service';
import { ProtectionStatus } from '@app/modules/victims/victim.enums';
import { VictimsService } from '@app/modules/victims/victims.service';
import { WorkItemHistory } from '@app/workflow/history/work-item-history';

import { OperationPersonEntity } from '../operation-person.entity';
import { OPERATION_ITEM_TYPE, OPERATION_PREFIX, RepatriationHistoryKind } from '../repatriation.constants';
import { RepatriationErrorReason as R, RepatriationException } from '../repatriation.exception';
import { RepatriationOperationEntity } from '../repatriation-operation.entity';
import { PlannedPerson } from './milestone-planner';

/** A person about to board: id, code and case. */
export interface Boarding extends PlannedPerson {
  caseId: string | null;
}

/**
 * Who may travel on an operation, and boarding them. The creator may only put on people they may work on (others
 * answer NOT_FOUND, like a random id); both responsible agencies must take part in each person's case, or they would
 * not see whom they bring home (nothing widens access silently); nobody is on two operations at once.
 */
@Injectable()
export class OperationPeople {
  constructor(
    private readonly victims: VictimsService,
    private readonly cases: CasesService,
    private readonly history: WorkItemHistory,
  ) {}

  async check(
    manager: EntityManager,
    actor: Actor,
    operation: Pick<RepatriationOperationEntity, 'id' | 'sendingAgencyId' | 'receivingAgencyId'>,
    victimIds: readonly string[],
    field = 'victimIds',
  ): Promise<Boarding[]> {
    const duplicate = victimIds.findIndex((id, index) => victimIds.indexOf(id) !== index);
    if (duplicate >= 0) {
      throw RepatriationException.invalid(
        R.ALREADY_ON_OPERATION,
        `${field}.${duplicate}`,
        'the person is listed twice.',
      );
    }
    const workable = await this.victims.workableIds(manager, actor, victimIds);
    const missing = victimIds.findIndex((id) => !workable.includes(id));
    if (missing >= 0) {
      throw new RepatriationException(
        R.LINKED_RECORD_NOT_FOUND,
        `${field}.${missing}: victim record ${victimIds[missing]} was not found.`,
        `${field}.${missing}`,
      );
    }
    const records = await this.victims.linkedTo(victimIds);
    const people = victimIds.map((id) => {
      const record = records.find((row) => row.id === id)!;
      return { victimId: id, victimCode: record.code, caseId: record.caseId };
    });
    for (const [index, person] of people.entries()) {
      if (!person.caseId) continue;
      for (const [agencyField, agencyId] of [
        ['sendingAgencyId', operation.sendingAgencyId],
        ['receivingAgencyId', operation.receivingAgencyId],
      ] as const) {
        if ((await this.cases.withParticipant(manager, [agencyId], [person.caseId])).length === 0) {
          throw new RepatriationException(
            R.AGENCY_NOT_IN_CASE,
            `${field}.${index}: the ${agencyField === 'sendingAgencyId' ? 'departure-side' : 'receiving'} agency does not take part in the case of ${person.victimCode}, so it would not see whom it brings home; add it to the case team first.`,
            `${field}.${index}`,
          );
        }
      }
    }
    const onboard = await manager.find(OperationPersonEntity, {
      where: { victimId: In([...victimIds]), onboard: true },
    });
    const taken = people.findIndex((person) => onboard.some((row) => row.victimId === person.victimId));
    if (taken >= 0) await this.refuseTaken(manager, field, taken, people[taken], onboard);
    return people;
  }

  /** Puts the people on the operation (the track: awaiting repatriation), with an entry in its history for each. */
  async board(
    manager: EntityManager,
    actor: Actor,
    operation: RepatriationOperationEntity,
    people: readonly Boarding[],
    joinedOn: string,
    field = 'victimIds',
  ): Promise<void> {
    for (const [index, person] of people.entries()) {
      try {
        await manager.insert(OperationPersonEntity, {
          operationId: operation.id,
          victimId: person.victimId,
          victimCode: person.victimCode,
          caseId: person.caseId,
          joinedOn,
          onboard: true,
          arrived: false,
        });
      } catch (error) {
        // Someone put the person on another operation at the same moment: the index lets one through.
        if (isUniqueViolation(error, 'UQ_repatriation_person_onboard')) {
          throw RepatriationException.invalid(
            R.ALREADY_ON_OPERATION,
            `${field}.${index}`,
            `${person.victimCode} is already on another active operation.`,
          );
        }
        throw error;
      }
      // Identified or sheltered abroad: now awaiting repatriation (a person further along stays where they are).
      await this.victims.stepProtectionTrackWithin(
        manager,
        actor,
        person.victimId,
        ProtectionStatus.AWAITING_REPATRIATION,
        joinedOn,
        null,
      );
      await this.history.record(manager, OPERATION_ITEM_TYPE, operation.id, actor, {
        kind: RepatriationHistoryKind.PERSON_JOINED,
        details: { victimCode: person.victimCode, joinedOn },
      });
    }
  }

  private async refuseTaken(
    manager: EntityManager,
    field: string,
    index: number,
    person: Boarding,
    onboard: OperationPersonEntity[],
  ): Promise<never> {
    const row = onboard.find((candidate) => candidate.victimId === person.victimId)!;
    const [other]: { number: number }[] = await manager.query(
      'SELECT number FROM repatriation_operation WHERE id = $1',
      [row.operationId],
    );
    throw RepatriationException.invalid(
      R.ALREADY_ON_OPERATION,
      `${field}.${index}`,
      `${person.victimCode} is already on active operation ${formatReference(OPERATION_PREFIX, other.number)}; move them from it first.`,
    );
  }
}
