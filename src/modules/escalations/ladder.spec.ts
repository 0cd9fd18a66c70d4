import { WorkCalendar } from '@libs/deadlines';

import { DEFAULT_ESCALATION_POLICIES } from './default-policies';
import { RungStatus } from './escalation.types';
import { isReminder, planLadder, rungTime, staleReminderReason } from './ladder';

const task = DEFAULT_ESCALATION_POLICIES.find((policy) => policy.itemType === 'TASK')!;
const crossBorder = DEFAULT_ESCALATION_POLICIES.find((policy) => policy.itemType === 'CROSS_BORDER_REQUEST')!;
// 17 August (Independence Day) falls on a Monday in 2026.
const jakarta = new WorkCalendar({ timeZone: 'Asia/Jakarta', holidays: ['2026-08-17'] });
const at = (iso: string) => new Date(iso);
const plan = (deadline: string, now: string) =>
  planLadder(task, at(deadline), jakarta, at(now)).map((rung) => ({
    key: rung.definition.key,
    fireAt: rung.fireAt.toISOString(),
    status: rung.status,
  }));

describe('escalation ladder (DOMAIN.md section 5)', () => {
  it('reminds 48 h and 24 h before, escalates at the deadline and after 2 and 5 working days', () => {
    // Due Friday 14 August 2026, 17:00 WIB; the Monday after is a public holiday.
    expect(plan('2026-08-14T10:00:00Z', '2026-08-01T00:00:00Z')).toEqual([
      { key: 'reminder-48h', fireAt: '2026-08-12T10:00:00.000Z', status: 'SCHEDULED' },
      { key: 'reminder-24h', fireAt: '2026-08-13T10:00:00.000Z', status: 'SCHEDULED' },
      { key: 'due', fireAt: '2026-08-14T10:00:00.000Z', status: 'SCHEDULED' },
      { key: 'supervisor', fireAt: '2026-08-19T10:00:00.000Z', status: 'SCHEDULED' },
      { key: 'secretariat', fireAt: '2026-08-24T10:00:00.000Z', status: 'SCHEDULED' },
    ]);
  });

  it('skips reminders already past and starts with the latest escalation due, once', () => {
    // Planned (a reopened task) four working days after its old due date: the supervisor rung is the level
    // it has reached; the deadline rung and the reminders are not sent after the fact.
    expect(plan('2026-08-14T10:00:00Z', '2026-08-21T00:00:00Z').map((rung) => [rung.key, rung.status])).toEqual([
      ['reminder-48h', RungStatus.SKIPPED],
      ['reminder-24h', RungStatus.SKIPPED],
      ['due', RungStatus.SKIPPED],
      ['supervisor', RungStatus.SCHEDULED],
      ['secretariat', RungStatus.SCHEDULED],
    ]);
    // A deadline only hours away: the reminders it can no longer give are skipped, the rest stand.
    expect(plan('2026-08-14T10:00:00Z', '2026-08-14T02:00:00Z').map((rung) => rung.status)).toEqual([
      RungStatus.SKIPPED,
      RungStatus.SKIPPED,
      RungStatus.SCHEDULED,
      RungStatus.SCHEDULED,
      RungStatus.SCHEDULED,
    ]);
  });

  it('tells reminders from escalations and computes each offset in the responsible calendar', () => {
    expect(task.rungs.map(isReminder)).toEqual([true, true, false, false, false]);
    const deadline = at('2026-08-14T10:00:00Z');
    expect(rungTime(deadline, { key: 'x', offset: { hours: 6 }, targets: [] }, jakarta).toISOString()).toBe(
      '2026-08-14T16:00:00.000Z',
    );
    const last = crossBorder.rungs.at(-1)!;
    expect(last.action).toBe('PROPOSE_FORMAL_CHANNEL');
    expect(last.targets).toContain('ATTACHE_SUPERVISOR');
  });

  it('drops a reminder that comes due only after its deadline, and never an escalation', () => {
    const deadline = at('2026-08-14T10:00:00Z');
    const reminder = { fireAt: at('2026-08-13T10:00:00Z'), deadlineAt: deadline };
    const escalation = { fireAt: deadline, deadlineAt: deadline };
    // On time, or late but still before the deadline: it still helps.
    expect(staleReminderReason(reminder, at('2026-08-13T10:00:01Z'))).toBeNull();
    expect(staleReminderReason(reminder, at('2026-08-14T09:59:59Z'))).toBeNull();
    // Redis was down over the deadline: "due Friday 17:00" would arrive after it.
    expect(staleReminderReason(reminder, at('2026-08-14T10:00:23Z'))).toMatch(/deadline had passed.*1440 min late/);
    expect(staleReminderReason(escalation, at('2026-08-20T00:00:00Z'))).toBeNull();
  });
});
