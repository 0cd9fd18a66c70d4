export { WorkCalendar } from './work-calendar';
export type { IsoWeekday, WorkCalendarOptions } from './work-calendar';
export {
  addClockHours,
  addWorkingDays,
  daysOffBetween,
  nextWorkingMoment,
  rollToWorkingDay,
  workingDaysBetween,
} from './deadline-math';
export { elapsedFraction, isPaused, pauseClock, resumeClock, startClock } from './deadline-clock';
export type { DeadlineClock, Pause } from './deadline-clock';
