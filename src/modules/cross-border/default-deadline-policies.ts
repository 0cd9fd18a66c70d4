import { RequestStage, RequestUrgency } from './cross-border.enums';

/**
 * DOMAIN.md section 4: acknowledge within 5 working days (URGENT 24 h), decide within 30 days (URGENT 72 h),
 * execute within 90 days (URGENT 7 days), all from submission. Seeded as data.
 */
export const DEFAULT_CROSS_BORDER_DEADLINES: {
  urgency: RequestUrgency;
  stage: RequestStage;
  clockHours: number | null;
  workingDays: number | null;
  calendarDays: number | null;
}[] = [
  {
    urgency: RequestUrgency.NORMAL,
    stage: RequestStage.ACKNOWLEDGE,
    clockHours: null,
    workingDays: 5,
    calendarDays: null,
  },
  { urgency: RequestUrgency.NORMAL, stage: RequestStage.DECIDE, clockHours: null, workingDays: null, calendarDays: 30 },
  {
    urgency: RequestUrgency.NORMAL,
    stage: RequestStage.EXECUTE,
    clockHours: null,
    workingDays: null,
    calendarDays: 90,
  },
  {
    urgency: RequestUrgency.URGENT,
    stage: RequestStage.ACKNOWLEDGE,
    clockHours: 24,
    workingDays: null,
    calendarDays: null,
  },
  { urgency: RequestUrgency.URGENT, stage: RequestStage.DECIDE, clockHours: 72, workingDays: null, calendarDays: null },
  {
    urgency: RequestUrgency.URGENT,
    stage: RequestStage.EXECUTE,
    clockHours: 168,
    workingDays: null,
    calendarDays: null,
  },
];
