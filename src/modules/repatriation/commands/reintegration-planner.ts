import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { EscalationsService } from '@app/modules/escalations/escalations.service';
import { recordEvents } from '@app/queue/outbox';
import { actedBy } from '@app/workflow/work-item-events';
import { WorkItemChanges } from '@app/workflow/work-item-changes';

import { FollowUpContactEntity } from '../follow-up-contact.entity';
import { FollowUpKind } from '../follow-up.kind';
import { FollowUpPolicyEntity } from '../follow-up-policy.entity';
import { ReintegrationPlanEntity } from '../reintegration-plan.entity';
import { addMonths, endOfWorkingDay } from '../repatriation-days';
import { FOLLOW_UP_ITEM_TYPE, RepatriationHistoryKind } from '../repatriation.constants';
import { FollowUpStatus, PlanStatus } from '../repatriation.enums';
import { RepatriationErrorReason as R, RepatriationException } from '../repatriation.exception';

/** What a plan is made from on arrival. */
export interface NewPlan {
  victimId: string;
  victimCode: string;
  caseId: string | null;
  operationId: string;
  responsibleAgencyId: string;
  homeUnitId: string | null;
  handoverTaskId: string | null;
  returnedOn: string;
}

/**
 * Makes a person's reintegration plan on return, with the follow-up contacts of the policy in force (1, 3, 6 and 12
 * months by default), each due at the end of a working day of the responsible agency, its ladder frozen on.
 */
@Injectable()
export class ReintegrationPlanner {
  constructor(
    private readonly kind: FollowUpKind,
    private readonly changes: WorkItemChanges,
    private readonly calendars: CalendarsService,
    private readonly escalations: EscalationsService,
  ) {}

  async make(manager: EntityManager, actor: Actor, spec: NewPlan): Promise<ReintegrationPlanEntity> {
    const policy = await manager.findOne(FollowUpPolicyEntity, {
      where: { active: true },
      order: { createdAt: 'ASC' },
    });
    if (!policy) throw new RepatriationException(R.NO_POLICY, 'No follow-up policy is in force; seed one.');
    const plan = await manager.save(
      manager.create(ReintegrationPlanEntity, {
        ...spec,
        status: PlanStatus.ACTIVE,
        outcome: null,
        outcomeOn: null,
        unreachableInRow: 0,
        lostAfterUnreachable: policy.lostAfterUnreachable,
      }),
    );
    const calendar = await this.calendars.agencyCalendar(manager, spec.responsibleAgencyId);
    const ladder = await this.escalations.policyFor(manager, FOLLOW_UP_ITEM_TYPE, 'ANY');
    for (const [index, months] of [...policy.monthsAfterReturn].sort((a, b) => a - b).entries()) {
      const due = endOfWorkingDay(addMonths(spec.returnedOn, months), calendar, 'forward');
      const contact = manager.create(FollowUpContactEntity, {
        planId: plan.id,
        victimId: spec.victimId,
        victimCode: spec.victimCode,
        caseId: spec.caseId,
        responsibleAgencyId: spec.responsibleAgencyId,
        sequence: index + 1,
        monthsAfterReturn: months,
        scheduledOn: due.day,
        dueAt: due.at,
        deadlineVersion: 1,
        status: FollowUpStatus.SCHEDULED,
        contactedOn: null,
        escalationPolicy: ladder as unknown as Record<string, unknown>,
      });
      await this.changes.record(manager, this.kind, actor, contact, {
        operation: 'scheduleFollowUp',
        history: {
          kind: RepatriationHistoryKind.CREATED,
          toStatus: FollowUpStatus.SCHEDULED,
          details: { monthsAfterReturn: months, scheduledOn: due.day },
        },
        audit: { dueAt: { before: null, after: due.at.toISOString() } },
      });
    }
    await recordEvents(manager, [
      {
        topic: 'reintegration.plan-made',
        aggregateType: 'ReintegrationPlan',
        aggregateId: plan.id,
        payload: {
          followUpId: null,
          reference: spec.victimCode,
          planId: plan.id,
          victimCode: spec.victimCode,
          responsibleAgencyId: spec.responsibleAgencyId,
          sequence: null,
          status: plan.status,
          dueAt: null,
          deadlineVersion: null,
          contactedOn: null,
          ...actedBy(actor),
        },
      },
    ]);
    return plan;
  }
}
