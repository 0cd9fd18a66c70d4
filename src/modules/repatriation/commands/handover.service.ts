import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { CasesService } from '@app/modules/cases/cases.service';
import { CreateTaskInput } from '@app/modules/tasks/dto/task.inputs';
import { TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';
import { TasksService } from '@app/modules/tasks/tasks.service';
import { TaskForcesService } from '@app/modules/task-forces/task-forces.service';
import { ProtectionStatus } from '@app/modules/victims/victim.enums';
import { VictimsService } from '@app/modules/victims/victims.service';
import { recordEvents } from '@app/queue/outbox';
import { WorkItemHistory } from '@app/workflow/history/work-item-history';
import { actedBy } from '@app/workflow/work-item-events';

import { OperationPersonEntity } from '../operation-person.entity';
import {
  HANDOVER_TASK_WORKING_DAYS,
  OPERATION_ITEM_TYPE,
  operationReference,
  RepatriationHistoryKind,
} from '../repatriation.constants';
import { RepatriationOperationEntity } from '../repatriation-operation.entity';
import { ReintegrationPlanner } from './reintegration-planner';

/**
 * On arrival, each person is handed to the task-force unit of their home region (regency or city, else province,
 * from the person's region of origin): the agency that takes people for that unit (TaskForcesService.homeDeskOf) joins
 * the person's case, receives a task to accept the handover, and is made responsible for the reintegration plan (it
 * sees it from then on). With no unit for the region, the receiving agency keeps the plan. The person moves to
 * REPATRIATED on the track.
 */
@Injectable()
export class HandoverService {
  constructor(
    private readonly victims: VictimsService,
    private readonly cases: CasesService,
    private readonly tasks: TasksService,
    private readonly taskForces: TaskForcesService,
    private readonly planner: ReintegrationPlanner,
    private readonly history: WorkItemHistory,
  ) {}

  /** True when a home region took the person (the HANDED_OVER step is then done). */
  async handOver(
    manager: EntityManager,
    actor: Actor,
    operation: RepatriationOperationEntity,
    person: OperationPersonEntity,
    arrivedOn: string,
  ): Promise<boolean> {
    await this.victims.stepProtectionTrackWithin(
      manager,
      actor,
      person.victimId,
      ProtectionStatus.REPATRIATED,
      arrivedOn,
      null,
    );
    const [record] = await this.victims.linkedTo([person.victimId]);
    const desk = await this.taskForces.homeDeskOf(manager, record?.originRegion ?? null, arrivedOn);
    const responsibleAgencyId = desk?.agencyId ?? operation.receivingAgencyId;
    let handoverTaskId: string | null = null;
    if (desk && person.caseId) {
      await this.cases.joinForHandover(manager, actor, person.caseId, desk.agencyId, arrivedOn);
      if (desk.agencyId !== actor.agencyId) {
        const reference = operationReference(operation);
        const task = await this.tasks.createHandoverTask(manager, actor, {
          assigneeAgencyId: desk.agencyId,
          title: `Accept the handover of ${person.victimCode} (${reference})`,
          description: `${person.victimCode} arrived on ${arrivedOn} with repatriation operation ${reference}. Accept the handover for ${desk.unitCode} and follow the reintegration plan in Simpul.`,
          pillar: TaskPillar.PROTECTION,
          duty: TaskForceDuty.VICTIM_MONITORING,
          due: { workingDays: HANDOVER_TASK_WORKING_DAYS },
          caseId: person.caseId,
          victimIds: [person.victimId],
        } as CreateTaskInput);
        handoverTaskId = task.id;
      }
    }
    const plan = await this.planner.make(manager, actor, {
      victimId: person.victimId,
      victimCode: person.victimCode,
      caseId: person.caseId,
      operationId: operation.id,
      responsibleAgencyId,
      homeUnitId: desk?.unitId ?? null,
      handoverTaskId,
      returnedOn: arrivedOn,
    });
    await this.history.record(manager, OPERATION_ITEM_TYPE, operation.id, actor, {
      kind: RepatriationHistoryKind.HANDED_OVER,
      details: {
        victimCode: person.victimCode,
        homeUnit: desk?.unitCode ?? null,
        homeAgencyId: responsibleAgencyId,
        handoverTaskId,
        planId: plan.id,
      },
    });
    await recordEvents(manager, [
      {
        topic: 'repatriation.handed-over',
        aggregateType: 'RepatriationOperation',
        aggregateId: operation.id,
        payload: {
          operationId: operation.id,
          reference: operationReference(operation),
          victimCode: person.victimCode,
          homeAgencyId: responsibleAgencyId,
          homeUnitId: desk?.unitId ?? null,
          handoverTaskId,
          planId: plan.id,
          ...actedBy(actor),
        },
      },
    ]);
    return desk !== null;
  }
}
