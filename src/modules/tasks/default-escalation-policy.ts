/**
 * The default escalation ladder for tasks (DOMAIN.md section 5), frozen onto each task when it is created.
 * Offsets are relative to the due date; the escalation engine (a later issue) schedules one job per rung.
 */
export const DEFAULT_TASK_ESCALATION_POLICY = {
  name: 'task-default-2026',
  rungs: [
    { key: 'reminder-48h', offset: { hours: -48 }, targets: ['ASSIGNEE'] },
    { key: 'reminder-24h', offset: { hours: -24 }, targets: ['ASSIGNEE'] },
    { key: 'due', offset: { hours: 0 }, targets: ['ASSIGNEE', 'AGENCY_LIAISON'] },
    { key: 'supervisor', offset: { workingDays: 2 }, targets: ['AGENCY_SUPERVISOR'] },
    { key: 'secretariat', offset: { workingDays: 5 }, targets: ['UNIT_SECRETARIAT'] },
  ],
} as const;
