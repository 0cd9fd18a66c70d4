import { addClockHours, addWorkingDays, WorkCalendar } from '@libs/deadlines';

import { PolicySnapshot, RungDefinition, RungStatus } from './escalation.types';

export interface PlannedRung {
  index: number;
  definition: RungDefinition;
  fireAt: Date;
  status: RungStatus.SCHEDULED | RungStatus.SKIPPED;
}

/** When a rung fires for a deadline: clock hours either side of it, or working days after it. */
export function rungTime(deadline: Date, definition: RungDefinition, calendar: WorkCalendar): Date {
  const { hours, workingDays } = definition.offset;
  if (workingDays !== undefined && workingDays > 0) return addWorkingDays(deadline, workingDays, calendar);
  if (hours !== undefined && hours < 0) return new Date(deadline.getTime() + hours * 3_600_000);
  if (hours !== undefined && hours > 0) return addClockHours(deadline, hours);
  return deadline;
}

/** True for rungs before the deadline (reminders), false for rungs at or after it (escalations). */
export function isReminder(definition: RungDefinition): boolean {
  return (definition.offset.hours ?? 0) < 0 && !definition.offset.workingDays;
}

/**
 * The ladder for one deadline, planned at `now`. Rungs still ahead are SCHEDULED. Of those already past,
 * reminders are SKIPPED (a reminder after the fact helps nobody) and of the escalations only the latest
 * fires now: a task re-opened long after its due date reaches the level it is at, once, not every level.
 */
export function planLadder(policy: PolicySnapshot, deadline: Date, calendar: WorkCalendar, now: Date): PlannedRung[] {
  const rungs = policy.rungs.map((definition, index) => ({
    index,
    definition,
    fireAt: rungTime(deadline, definition, calendar),
  }));
  const pastEscalations = rungs.filter((rung) => rung.fireAt <= now && !isReminder(rung.definition));
  const current = pastEscalations.at(-1);
  return rungs.map((rung) => ({
    ...rung,
    status: rung.fireAt > now || rung === current ? RungStatus.SCHEDULED : RungStatus.SKIPPED,
  }));
}

/**
 * Why a reminder rung that comes due only now must not be sent, or null when it still helps: its deadline has
 * passed (the worker or Redis was away while it was due), as planning skips reminders already past. Escalations
 * are never stale: they fire late, but fire.
 */
export function staleReminderReason(rung: { fireAt: Date; deadlineAt: Date }, now: Date): string | null {
  if (rung.fireAt >= rung.deadlineAt || now < rung.deadlineAt) return null;
  const lateMinutes = Math.round((now.getTime() - rung.fireAt.getTime()) / 60_000);
  return `reminder not sent: its deadline had passed when it could fire (${lateMinutes} min late)`;
}
