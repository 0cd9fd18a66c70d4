import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { addClockHours, addWorkingDays, rollToWorkingDay, WorkCalendar } from '@libs/deadlines';

import { EscalationsService } from '@app/modules/escalations/escalations.service';

import { CrossBorderDeadlinePolicyEntity } from '../cross-border-deadline-policy.entity';
import { CROSS_BORDER_ITEM_TYPE, STAGE_FIELD } from '../cross-border.constants';
import { RequestStage } from '../cross-border.enums';
import { CrossBorderKind } from '../cross-border.kind';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';

/** The three staged deadlines of a request (DOMAIN.md section 4), in the requested party's calendar. */
@Injectable()
export class RequestClockService {
  constructor(
    private readonly kind: CrossBorderKind,
    private readonly escalations: EscalationsService,
  ) {}

  /** Submission starts the clock: each stage's date from policy, and the escalation policy frozen on. */
  async start(manager: EntityManager, request: CrossBorderRequestEntity, at: Date): Promise<void> {
    request.submittedAt = at;
    const policies = await manager.findBy(CrossBorderDeadlinePolicyEntity, { urgency: request.urgency });
    const calendar = await this.kind.calendar(manager, request);
    for (const stage of Object.values(RequestStage)) {
      const policy = policies.find((candidate) => candidate.stage === stage);
      if (!policy) {
        throw new Error(`No cross-border deadline policy for ${request.urgency} ${stage}; seed the reference data.`);
      }
      request[STAGE_FIELD[stage]] = this.deadline(at, policy, calendar);
    }
    request.escalationPolicy = (await this.escalations.policyFor(
      manager,
      CROSS_BORDER_ITEM_TYPE,
      request.urgency,
    )) as unknown as Record<string, unknown>;
  }

  private deadline(start: Date, policy: CrossBorderDeadlinePolicyEntity, calendar: WorkCalendar): Date {
    if (policy.clockHours) return addClockHours(start, policy.clockHours);
    if (policy.workingDays) return addWorkingDays(start, policy.workingDays, calendar);
    // Calendar days; a deadline that lands on a weekend or holiday moves to the next working day.
    return rollToWorkingDay(new Date(start.getTime() + (policy.calendarDays ?? 0) * 86_400_000), calendar);
  }
}
