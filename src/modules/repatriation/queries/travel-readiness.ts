import { EntityManager, In, IsNull, Not } from 'typeorm';

import { TravelReadiness } from '../dto/repatriation.outputs';
import { OperationPersonEntity } from '../operation-person.entity';
import { MilestoneStatus, MilestoneType } from '../repatriation.enums';
import { RepatriationMilestoneEntity } from '../repatriation-milestone.entity';

const SETTLED = [MilestoneStatus.DONE, MilestoneStatus.WAIVED];
/** Steps are listed in the order they happen. */
const STEP_ORDER = Object.values(MilestoneType);

/**
 * For each person on an operation (now), the steps done for them or for the group, and the pending steps that block
 * departure. A person is ready when nothing blocks.
 */
export async function travelReadiness(
  manager: EntityManager,
  operationIds: readonly string[],
): Promise<Map<string, TravelReadiness[]>> {
  const result = new Map<string, TravelReadiness[]>(operationIds.map((id) => [id, []]));
  if (operationIds.length === 0) return result;
  const people = await manager.find(OperationPersonEntity, {
    where: { operationId: In([...operationIds]), leftAt: IsNull() },
    order: { victimCode: 'ASC' },
  });
  const milestones = await manager.find(RepatriationMilestoneEntity, {
    where: { operationId: In([...operationIds]), status: Not(MilestoneStatus.CANCELLED) },
    order: { number: 'ASC' },
  });
  for (const person of people) {
    const own = milestones
      .filter((m) => m.operationId === person.operationId && (m.victimId === null || m.victimId === person.victimId))
      .sort((a, b) => STEP_ORDER.indexOf(a.type) - STEP_ORDER.indexOf(b.type));
    const blocking = own.filter((m) => m.blocksDeparture && m.status === MilestoneStatus.PENDING).map((m) => m.type);
    result.get(person.operationId)!.push({
      victimId: person.victimId,
      victimCode: person.victimCode,
      ready: blocking.length === 0,
      done: own.filter((m) => SETTLED.includes(m.status)).map((m) => m.type),
      blocking,
    });
  }
  return result;
}
