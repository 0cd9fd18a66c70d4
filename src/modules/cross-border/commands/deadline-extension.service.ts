import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { WorkItemChanges } from '@app/workflow/work-item-changes';

import { RequestHistoryKind, STAGE_FIELD } from '../cross-border.constants';
import { RequestStage } from '../cross-border.enums';
import { CrossBorderErrorReason, CrossBorderException } from '../cross-border.exception';
import { CrossBorderKind } from '../cross-border.kind';
import { runningStages } from '../cross-border.lifecycle';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';

/**
 * A new date for one running stage: an extension by the home side or a postponement by the counterpart. It needs a
 * reason and a later date; the old date stays in the history, and the stage's ladder starts over for the new one.
 */
@Injectable()
export class DeadlineExtensionService {
  constructor(
    private readonly kind: CrossBorderKind,
    private readonly changes: WorkItemChanges,
  ) {}

  async extend(
    manager: EntityManager,
    actor: Actor,
    request: CrossBorderRequestEntity,
    change: { stage: RequestStage; newDate: Date; reason: string; details: Record<string, unknown> },
  ): Promise<CrossBorderRequestEntity> {
    const { stage, newDate, reason } = change;
    if (!runningStages(request.status).includes(stage)) {
      throw new CrossBorderException(
        CrossBorderErrorReason.DEADLINE_INVALID,
        `Invalid input: the ${stage} stage of a ${request.status} request is not running.`,
        'stage',
      );
    }
    const field = STAGE_FIELD[stage];
    const current = request[field] as Date;
    if (newDate.getTime() <= current.getTime()) {
      throw new CrossBorderException(
        CrossBorderErrorReason.DEADLINE_INVALID,
        `Invalid input: the new date must be later than the current one (${current.toISOString()}).`,
        'newDate',
      );
    }
    if (!reason.trim()) {
      throw new CrossBorderException(
        CrossBorderErrorReason.REASON_REQUIRED,
        'A reason is required to move a date.',
        'reason',
      );
    }
    request[field] = newDate;
    request.deadlineVersions = { ...request.deadlineVersions, [stage]: request.deadlineVersions[stage] + 1 };
    request.overdueStages = request.overdueStages.filter((overdue) => overdue !== stage);
    const dates = { before: current.toISOString(), after: newDate.toISOString() };
    return this.changes.record(manager, this.kind, actor, request, {
      operation: 'extendCrossBorderDeadline',
      history: { kind: RequestHistoryKind.DEADLINE_EXTENDED, reason, details: { stage, ...dates, ...change.details } },
      audit: { [`${stage}.by`]: dates },
      events: [{ topic: 'cross-border.deadline-extended', extra: { stage } }],
    });
  }
}
