import { dayIn, daysBetween, eventDateProblem, recordedLate } from './event-date';

describe('event dates', () => {
  it('takes the calendar day in the given zone', () => {
    expect(dayIn(new Date('2023-06-27T18:30:00Z'), 'Asia/Phnom_Penh')).toBe('2023-06-28');
    expect(dayIn(new Date('2023-06-27T18:30:00Z'), 'UTC')).toBe('2023-06-27');
  });

  it('counts the 98 days of the Poipet case from rescue to repatriation', () => {
    expect(daysBetween('2023-06-28', '2023-10-04')).toBe(98);
  });

  it('marks entries recorded more than 30 days after the event as late', () => {
    expect(recordedLate('2023-06-28', new Date('2026-03-02T03:00:00Z'))).toBe(true);
    expect(recordedLate('2026-02-20', new Date('2026-03-02T03:00:00Z'))).toBe(false);
    expect(recordedLate(null, new Date())).toBe(false);
  });

  it('refuses dates in the future and before the given bounds, naming both', () => {
    expect(eventDateProblem('2026-03-03', '2026-03-02')).toContain('in the future');
    expect(eventDateProblem('1990-01-01', '2026-03-02', [{ day: '1995-05-05', what: "the person's birth" }])).toBe(
      "1990-01-01 is before the person's birth (1995-05-05).",
    );
    expect(eventDateProblem('2023-06-28', '2026-03-02', [null, { day: '2023-01-01', what: 'x' }])).toBeNull();
  });
});
