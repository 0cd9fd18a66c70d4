import { rollToWorkingDay } from './deadline-math';
import { WorkCalendar } from './work-calendar';

export interface Pause {
  from: Date;
  /** Empty while the clock is still paused. */
  to: Date | null;
  reason: string;
}

/** A deadline window that can be paused (awaiting documents, awaiting the victim) and resumed. */
export interface DeadlineClock {
  startedAt: Date;
  dueAt: Date;
  pauses: Pause[];
}

export function startClock(startedAt: Date, dueAt: Date): DeadlineClock {
  if (dueAt.getTime() <= startedAt.getTime()) throw new RangeError('A deadline must lie after its start');
  return { startedAt, dueAt, pauses: [] };
}

export function isPaused(clock: DeadlineClock): boolean {
  return clock.pauses.some((pause) => pause.to === null);
}

/** Stops the clock at `at` for `reason`; the deadline stays where it is until the clock resumes. */
export function pauseClock(clock: DeadlineClock, at: Date, reason: string): DeadlineClock {
  if (isPaused(clock)) throw new RangeError('The clock is already paused');
  if (!reason.trim()) throw new RangeError('A pause needs a reason');
  if (at.getTime() < clock.startedAt.getTime()) throw new RangeError('A pause cannot start before the clock');
  return { ...clock, pauses: [...clock.pauses, { from: at, to: null, reason: reason.trim() }] };
}

/**
 * Restarts the clock at `at`. The deadline moves later by the time spent paused (what was left when the clock
 * stopped is what is left now), then onto a working day if it would fall on a day off.
 */
export function resumeClock(clock: DeadlineClock, at: Date, calendar: WorkCalendar): DeadlineClock {
  const open = clock.pauses.find((pause) => pause.to === null);
  if (!open) throw new RangeError('The clock is not paused');
  if (at.getTime() < open.from.getTime()) throw new RangeError('A clock cannot resume before it paused');
  const pausedMs = at.getTime() - open.from.getTime();
  const dueAt = rollToWorkingDay(new Date(clock.dueAt.getTime() + pausedMs), calendar);
  return {
    ...clock,
    dueAt,
    pauses: clock.pauses.map((pause) => (pause === open ? { ...pause, to: at } : pause)),
  };
}

/** Time the clock has run (excluding pauses) between its start and `at`, in milliseconds. */
function runningMs(clock: DeadlineClock, at: Date): number {
  const end = at.getTime();
  let paused = 0;
  for (const pause of clock.pauses) {
    const from = Math.min(pause.from.getTime(), end);
    const to = Math.min(pause.to?.getTime() ?? end, end);
    paused += Math.max(0, to - from);
  }
  return Math.max(0, end - clock.startedAt.getTime() - paused);
}

/**
 * Share of the window used at `at`: 0 at the start, 1 at the deadline, above 1 when overdue. Paused time does
 * not count; the window is measured as it stood before any pause moved the deadline.
 */
export function elapsedFraction(clock: DeadlineClock, at: Date): number {
  const pausedTotal = clock.pauses.reduce(
    (sum, pause) => sum + ((pause.to?.getTime() ?? pause.from.getTime()) - pause.from.getTime()),
    0,
  );
  const window = clock.dueAt.getTime() - clock.startedAt.getTime() - pausedTotal;
  return window <= 0 ? 1 : runningMs(clock, at) / window;
}
