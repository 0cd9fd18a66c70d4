import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';

import { WorkCalendar } from '@libs/deadlines';

import { Actor } from '@app/auth/actor';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { EscalationsService } from '@app/modules/escalations/escalations.service';
import { WorkItemChanges } from '@app/workflow/work-item-changes';

import { MilestoneKind } from '../milestone.kind';
import { MilestonePolicyEntity } from '../milestone-policy.entity';
import { addDays, endOfWorkingDay } from '../repatriation-days';
import { MILESTONE_ITEM_TYPE, RepatriationHistoryKind } from '../repatriation.constants';
import { MilestoneAnchor, MilestoneOwnerSide, MilestoneStatus, MilestoneType } from '../repatriation.enums';
import { RepatriationErrorReason as R, RepatriationException } from '../repatriation.exception';
import { RepatriationMilestoneEntity } from '../repatriation-milestone.entity';
import { RepatriationOperationEntity } from '../repatriation-operation.entity';

/** A person as a milestone plan names them: id and code only. */
export interface PlannedPerson {
  victimId: string;
  victimCode: string;
}

/**
 * Turns the milestone policy into an operation's work items: one milestone per person for per-person lines, one for
 * the group otherwise, each owned by the agency its line names (or the one the creator chose), due at the end of a
 * working day of the owner's calendar counted from the planned departure or arrival, with the milestone ladder frozen
 * on. Every milestone is recorded through the kernel (history, ladder).
 */
@Injectable()
export class MilestonePlanner {
  constructor(
    private readonly kind: MilestoneKind,
    private readonly changes: WorkItemChanges,
    private readonly calendars: CalendarsService,
    private readonly escalations: EscalationsService,
  ) {}

  /** The policy lines for a departure country: a line for the country replaces the '*' line of the same step. */
  async policyFor(manager: EntityManager, country: string): Promise<MilestonePolicyEntity[]> {
    const lines = await manager.findBy(MilestonePolicyEntity, { country: In(['*', country]) });
    const byType = new Map<MilestoneType, MilestonePolicyEntity>();
    for (const line of lines.sort((a, b) => (a.country === '*' ? -1 : 1) - (b.country === '*' ? -1 : 1))) {
      byType.set(line.type, line);
    }
    const plan = [...byType.values()].sort((a, b) => a.sequence - b.sequence);
    if (plan.length === 0) {
      throw new RepatriationException(R.NO_POLICY, `No milestone policy applies to departures from ${country}.`);
    }
    return plan;
  }

  /**
   * Plans the milestones of `people` (and, with `group`, the group's own) on an operation, in the caller's transaction.
   * `done` carries steps a person has already completed on an earlier operation (a travel document stays valid).
   */
  async plan(
    manager: EntityManager,
    actor: Actor,
    operation: RepatriationOperationEntity,
    people: readonly PlannedPerson[],
    options: {
      group: boolean;
      owners?: ReadonlyMap<MilestoneType, string>;
      exitClearanceRequestId?: string | null;
      done?: ReadonlyMap<string, ReadonlyMap<MilestoneType, string>>;
    },
  ): Promise<RepatriationMilestoneEntity[]> {
    const lines = await this.policyFor(manager, operation.fromCountry);
    const policy = await this.escalations.policyFor(manager, MILESTONE_ITEM_TYPE, 'ANY');
    const calendars = new Map<string, WorkCalendar>();
    const calendarOf = async (agencyId: string) => {
      if (!calendars.has(agencyId)) calendars.set(agencyId, await this.calendars.agencyCalendar(manager, agencyId));
      return calendars.get(agencyId) as WorkCalendar;
    };
    const planned: RepatriationMilestoneEntity[] = [];
    for (const line of lines) {
      const targets: (PlannedPerson | null)[] = line.perPerson ? [...people] : options.group ? [null] : [];
      if (targets.length === 0) continue;
      const ownerAgencyId = options.owners?.get(line.type) ?? ownerOf(operation, line.ownerSide);
      const anchor =
        line.anchor === MilestoneAnchor.DEPARTURE ? operation.plannedDepartureOn : operation.plannedArrivalOn;
      const due = endOfWorkingDay(
        addDays(anchor, line.offsetDays),
        await calendarOf(ownerAgencyId),
        line.offsetDays < 0 ? 'back' : 'forward',
      );
      for (const person of targets) {
        const doneOn = person ? options.done?.get(person.victimId)?.get(line.type) : undefined;
        const milestone = manager.create(RepatriationMilestoneEntity, {
          operationId: operation.id,
          type: line.type,
          victimId: person?.victimId ?? null,
          victimCode: person?.victimCode ?? null,
          ownerAgencyId,
          sendingAgencyId: operation.sendingAgencyId,
          receivingAgencyId: operation.receivingAgencyId,
          blocksDeparture: line.blocksDeparture,
          status: doneOn ? MilestoneStatus.DONE : MilestoneStatus.PENDING,
          happenedOn: doneOn ?? null,
          dueAt: due.at,
          deadlineVersion: 1,
          crossBorderRequestId:
            line.type === MilestoneType.EXIT_CLEARANCE_GRANTED ? (options.exitClearanceRequestId ?? null) : null,
          statusReason: null,
          escalationPolicy: policy as unknown as Record<string, unknown>,
        });
        planned.push(
          await this.changes.record(manager, this.kind, actor, milestone, {
            operation: 'planMilestone',
            history: {
              kind: RepatriationHistoryKind.CREATED,
              toStatus: milestone.status,
              details: { type: line.type, victimCode: person?.victimCode ?? null, carriedOver: !!doneOn },
            },
            audit: {
              type: { before: null, after: line.type },
              ownerAgencyId: { before: null, after: ownerAgencyId },
              dueAt: { before: null, after: due.at.toISOString() },
            },
          }),
        );
      }
    }
    return planned;
  }
}

function ownerOf(operation: RepatriationOperationEntity, side: MilestoneOwnerSide): string {
  if (side === MilestoneOwnerSide.RECEIVING) return operation.receivingAgencyId;
  // With no foreign authority named, the mission abroad carries the foreign steps and records them.
  if (side === MilestoneOwnerSide.COUNTERPART) return operation.counterpartAgencyId ?? operation.sendingAgencyId;
  return operation.sendingAgencyId;
}
