import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { RequestHistoryKind, STAGE_FIELD } from '../cross-border.constants';
import { RequestSide } from '../cross-border.enums';
import { CrossBorderErrorReason, CrossBorderException } from '../cross-border.exception';
import { CrossBorderKind } from '../cross-border.kind';
import { runningStages } from '../cross-border.lifecycle';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';
import { RequestActionInput } from '../dto/cross-border.inputs';

/** Restarts a paused clock: each running stage's date moves by the time it was paused. */
@Injectable()
export class ResumeClockCommand {
  constructor(
    private readonly kind: CrossBorderKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: RequestActionInput): Promise<CrossBorderRequestEntity> {
    return this.store.forChange(this.kind, actor, input.id, input.expectedVersion, async (manager, request) => {
      if (!this.kind.sides(actor, request).includes(RequestSide.HOME)) {
        throw new CrossBorderException(CrossBorderErrorReason.WRONG_SIDE, 'Only the home side may do this.');
      }
      if (!request.pausedAt) {
        throw new CrossBorderException(CrossBorderErrorReason.CLOCK_NOT_PAUSED, 'The clock is running.');
      }
      const pausedMs = this.clock.now().getTime() - request.pausedAt.getTime();
      const moved: Record<string, { before: string; after: string }> = {};
      for (const stage of runningStages(request.status)) {
        const field = STAGE_FIELD[stage];
        const before = request[field];
        if (!before) continue;
        const after = new Date(before.getTime() + pausedMs);
        request[field] = after;
        request.deadlineVersions = { ...request.deadlineVersions, [stage]: request.deadlineVersions[stage] + 1 };
        moved[stage] = { before: before.toISOString(), after: after.toISOString() };
      }
      request.pausedAt = null;
      request.pauseReason = null;
      return this.changes.record(manager, this.kind, actor, request, {
        operation: 'resumeCrossBorderClock',
        history: {
          kind: RequestHistoryKind.CLOCK_RESUMED,
          details: { pausedHours: Math.round(pausedMs / 36_000) / 100, moved },
        },
        audit: Object.fromEntries(Object.entries(moved).map(([stage, dates]) => [`${stage}.by`, dates])),
      });
    });
  }
}
