import { PolicySnapshot, RungDefinition, RungStatus, RungTarget } from '@app/modules/escalations/escalation.types';
import { isReminder } from '@app/modules/escalations/ladder';

import { FastCalendar } from './calendars';
import { array, CopyBatch, instant, NULL, text } from './copy';
import { Office } from './directory';
import { SeededRandom } from './random';

const DAY_MS = 86_400_000;

/**
 * No SCHEDULED rung may fall due before now + 3 days: the worker's minute sweep re-submits every SCHEDULED rung
 * whose time has passed, and firing them would pollute the benchmarks that run in the hour after loading.
 */
export const SCHEDULED_HORIZON_MS = 3 * DAY_MS;

export const RUNG_COLUMNS: readonly string[] = [
  'id',
  'created_at',
  'item_type',
  'item_id',
  'deadline_kind',
  'deadline_version',
  'deadline_at',
  'policy_name',
  'rung_key',
  'rung_index',
  'fire_at',
  'targets',
  'action',
  'status',
  'settled_at',
  'note',
  'recipient_count',
];

/** One rung of one deadline's ladder as it stands at `now`. */
export interface SettledRung {
  definition: RungDefinition;
  index: number;
  fireAt: Date;
  status: RungStatus.SCHEDULED | RungStatus.FIRED | RungStatus.SKIPPED;
  settledAt: Date | null;
}

/**
 * The ladder of one deadline: planned at `plannedAt` exactly as ladder.ts planLadder plans it (reminders already
 * past are SKIPPED; of the escalations already past only the latest stays, to fire at once), then run by a
 * worker that was up: every rung whose time came before `now` FIRED within a minute of it.
 */
export function ladderAt(
  policy: PolicySnapshot,
  deadline: Date,
  calendar: FastCalendar,
  plannedAt: Date,
  now: Date,
  random: SeededRandom,
): SettledRung[] {
  const planned = policy.rungs.map((definition, index) => ({
    definition,
    index,
    fireAt: calendar.rungTime(deadline, definition),
  }));
  const pastEscalations = planned.filter((rung) => rung.fireAt <= plannedAt && !isReminder(rung.definition));
  const current = pastEscalations.at(-1);
  return planned.map((rung): SettledRung => {
    if (rung.fireAt > plannedAt || rung === current) {
      if (rung.fireAt > now) {
        if (rung.fireAt.getTime() < now.getTime() + SCHEDULED_HORIZON_MS) {
          throw new Error(`A scheduled rung would fall due at ${rung.fireAt.toISOString()}, inside the sweep horizon`);
        }
        return { ...rung, status: RungStatus.SCHEDULED, settledAt: null };
      }
      const firedAt = Math.max(rung.fireAt.getTime(), plannedAt.getTime()) + random.int(2_000, 60_000);
      return { ...rung, status: RungStatus.FIRED, settledAt: new Date(Math.min(firedAt, now.getTime() - 1_000)) };
    }
    return { ...rung, status: RungStatus.SKIPPED, settledAt: plannedAt };
  });
}

/** Whether every rung of a deadline's ladder is past by `at` (an overdue item whose ladder has run out). */
export function ladderDoneBy(policy: PolicySnapshot, deadline: Date, calendar: FastCalendar, at: Date): boolean {
  return policy.rungs.every((definition) => calendar.rungTime(deadline, definition) <= at);
}

/** Whether every rung of a deadline's ladder is beyond the sweep horizon (a deadline safely ahead). */
export function ladderClearOfHorizon(
  policy: PolicySnapshot,
  deadline: Date,
  calendar: FastCalendar,
  now: Date,
): boolean {
  const horizon = now.getTime() + SCHEDULED_HORIZON_MS;
  return policy.rungs.every((definition) => calendar.rungTime(deadline, definition).getTime() >= horizon);
}

export interface LadderItem {
  itemType: string;
  itemId: string;
  deadlineKind: string;
  deadlineVersion: number;
  deadline: Date;
  plannedAt: Date;
  policyName: string;
}

/** Adds the rows of one ladder; `reached` says how many people a fired rung reached. */
export function addRungRows(
  batch: CopyBatch,
  random: SeededRandom,
  item: LadderItem,
  rungs: readonly SettledRung[],
  reached: (rung: SettledRung) => number,
): void {
  for (const rung of rungs) {
    batch.add([
      random.uuid(),
      instant(item.plannedAt),
      item.itemType,
      item.itemId,
      item.deadlineKind,
      String(item.deadlineVersion),
      instant(item.deadline),
      text(item.policyName),
      text(rung.definition.key),
      String(rung.index),
      instant(rung.fireAt),
      array(rung.definition.targets),
      text(rung.definition.action ?? null),
      rung.status,
      instant(rung.settledAt),
      rung.status === RungStatus.SKIPPED ? 'already past when the ladder was planned' : NULL,
      rung.status === RungStatus.FIRED ? String(reached(rung)) : NULL,
    ]);
  }
}

/** What rung-fire.job.ts resolves a rung's targets against (the item's escalation subject state). */
export interface RungAudience {
  assigneeUserId: string | null;
  responsible: Office;
  involved: readonly Office[];
  attacheSupervisorId: string | null;
}

/** How many people a fired rung reached: each person once, whichever target reached them. */
export function reachedBy(targets: readonly RungTarget[], audience: RungAudience): number {
  const people = new Set<string>();
  const { staff } = audience.responsible;
  for (const target of targets) {
    let users: readonly string[] = [];
    if (target === RungTarget.ASSIGNEE) users = audience.assigneeUserId ? [audience.assigneeUserId] : staff.liaisons;
    if (target === RungTarget.AGENCY_LIAISON) users = staff.liaisons;
    if (target === RungTarget.AGENCY_SUPERVISOR) users = staff.supervisors;
    if (target === RungTarget.UNIT_SECRETARIAT) users = audience.involved.flatMap((office) => office.secretariatReach);
    if (target === RungTarget.ATTACHE_SUPERVISOR && audience.attacheSupervisorId)
      users = [audience.attacheSupervisorId];
    for (const user of users) people.add(user);
  }
  return people.size;
}
