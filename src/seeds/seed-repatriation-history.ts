import { EntityManager } from 'typeorm';

import { RepatriationMilestoneEntity } from '@app/modules/repatriation/repatriation-milestone.entity';
import { RepatriationOperationEntity } from '@app/modules/repatriation/repatriation-operation.entity';
import { MilestoneStatus, OperationStatus } from '@app/modules/repatriation/repatriation.enums';

import { HISTORICAL_OPERATIONS } from './repatriation-history';

/**
 * Loads the repatriations of repatriation-history.ts as completed operations, in the caller's transaction after the
 * agencies they name. An operation is matched by route and start, so a second run changes nothing. Nobody recorded
 * them (no creator), their steps are done and carry no ladder, and the people are a number with the source note: the
 * sources do not name them, and the register holds no invented identities.
 */
export async function seedRepatriationHistory(manager: EntityManager, counts: Record<string, number>): Promise<void> {
  const agencies: { id: string; code: string }[] = await manager.query('SELECT id, code FROM agency');
  const agency = (code: string) => {
    const found = agencies.find((row) => row.code === code);
    if (!found) throw new Error(`Repatriation history refers to unknown agency ${code}`);
    return found.id;
  };
  for (const seed of HISTORICAL_OPERATIONS) {
    if (await manager.existsBy(RepatriationOperationEntity, { route: seed.route, startedOn: seed.startedOn })) continue;
    const arrived = seed.arrivedOn !== null || seed.departedOn === null;
    const operation = await manager.save(
      manager.create(RepatriationOperationEntity, {
        fromCountry: seed.fromCountry,
        route: seed.route,
        sendingAgencyId: agency(seed.sendingCode),
        receivingAgencyId: agency(seed.receivingCode),
        counterpartAgencyId: seed.counterpartCode ? agency(seed.counterpartCode) : null,
        status: arrived ? OperationStatus.ARRIVED : OperationStatus.DEPARTED,
        startedOn: seed.startedOn,
        plannedDepartureOn: seed.plannedDepartureOn,
        plannedArrivalOn: seed.plannedArrivalOn,
        departurePlace: seed.departurePlace,
        arrivalPlace: seed.arrivalPlace,
        flightOrCrossing: null,
        departedOn: seed.departedOn,
        arrivedOn: seed.arrivedOn,
        createdByUserId: null,
        recordedHeadcount: seed.headcount,
        source: seed.source,
      }),
    );
    counts['repatriation operations'] = (counts['repatriation operations'] ?? 0) + 1;
    for (const step of seed.milestones) {
      await manager.insert(RepatriationMilestoneEntity, {
        operationId: operation.id,
        type: step.type,
        victimId: null,
        victimCode: null,
        ownerAgencyId: agency(step.ownerCode),
        sendingAgencyId: operation.sendingAgencyId,
        receivingAgencyId: operation.receivingAgencyId,
        blocksDeparture: false,
        status: MilestoneStatus.DONE,
        // The deadline of a step done in the past: the end of the day it happened, or of the planned departure.
        dueAt: new Date(`${step.happenedOn ?? seed.plannedDepartureOn}T10:00:00Z`),
        deadlineVersion: 1,
        happenedOn: step.happenedOn,
        crossBorderRequestId: null,
        statusReason: step.happenedOn ? null : 'Done; the day is not in the sources.',
        escalationPolicy: { name: 'history', rungs: [] },
      });
      counts['repatriation milestones'] = (counts['repatriation milestones'] ?? 0) + 1;
    }
  }
}
