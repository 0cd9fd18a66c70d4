import fc from 'fast-check';
import { DateTime } from 'luxon';

import {
  addClockHours,
  addWorkingDays,
  daysOffBetween,
  nextWorkingMoment,
  rollToWorkingDay,
  workingDaysBetween,
} from './deadline-math';
import { WorkCalendar } from './work-calendar';

// Indonesian public holidays around the examples (2026), as the `holiday` table would hold them.
const INDONESIA_2026 = [
  '2026-01-01',
  '2026-03-20',
  '2026-03-21',
  '2026-04-03',
  '2026-05-01',
  '2026-08-17',
  '2026-12-25',
];
const wib = new WorkCalendar({ timeZone: 'Asia/Jakarta', holidays: INDONESIA_2026 });
const wit = new WorkCalendar({ timeZone: 'Asia/Jayapura', holidays: INDONESIA_2026 });
const cambodia = new WorkCalendar({
  timeZone: 'Asia/Phnom_Penh',
  holidays: ['2026-04-14', '2026-04-15', '2026-04-16'],
});
const kelantan = new WorkCalendar({ timeZone: 'Asia/Kuala_Lumpur', holidays: [], weekend: [5, 6] });

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const localIso = (instant: Date, calendar: WorkCalendar) =>
  calendar.local(instant).toISO({ suppressMilliseconds: true, includeOffset: false });

describe('addWorkingDays', () => {
  it('skips the weekend: 5 working days from Wednesday is the next Wednesday', () => {
    const sut = addWorkingDays(at('2026-11-18T10:00', 'Asia/Jakarta'), 5, wib);
    expect(localIso(sut, wib)).toBe('2026-11-25T10:00:00');
  });

  it('skips public holidays: 1 working day from the Friday before Independence Day is Tuesday', () => {
    const sut = addWorkingDays(at('2026-08-14T09:00', 'Asia/Jakarta'), 1, wib);
    // Friday 14 → Monday 17 August is Independence Day, so the next working day is Tuesday 18.
    expect(localIso(sut, wib)).toBe('2026-08-18T09:00:00');
  });

  it('counts from the start of the next working day when work arrives on a day off', () => {
    const sut = addWorkingDays(at('2026-11-21T20:00', 'Asia/Jakarta'), 1, wib); // a Saturday
    expect(localIso(sut, wib)).toBe('2026-11-24T00:00:00'); // i.e. by the end of Monday
  });

  it('counts days in the responsible party’s own time zone (WIT is two hours ahead of WIB)', () => {
    // 23:00 WIB on Friday is already 01:00 Saturday in Jayapura.
    const start = at('2026-11-20T23:00', 'Asia/Jakarta');
    expect(localIso(addWorkingDays(start, 1, wib), wib)).toBe('2026-11-23T23:00:00');
    expect(localIso(addWorkingDays(start, 1, wit), wit)).toBe('2026-11-24T00:00:00');
  });

  it('follows Cambodia’s calendar (Khmer New Year) and a Friday–Saturday weekend', () => {
    expect(localIso(addWorkingDays(at('2026-04-13T09:00', 'Asia/Phnom_Penh'), 1, cambodia), cambodia)).toBe(
      '2026-04-17T09:00:00',
    );
    expect(localIso(addWorkingDays(at('2026-11-19T09:00', 'Asia/Kuala_Lumpur'), 1, kelantan), kelantan)).toBe(
      '2026-11-22T09:00:00',
    );
  });

  it('refuses negative or fractional day counts', () => {
    expect(() => addWorkingDays(new Date(), -1, wib)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5, wib)).toThrow(RangeError);
  });
});

describe('rollToWorkingDay', () => {
  it('moves a deadline on a holiday to the same time on the next working day', () => {
    const sut = rollToWorkingDay(at('2026-08-17T15:00', 'Asia/Jakarta'), wib);
    expect(localIso(sut, wib)).toBe('2026-08-18T15:00:00');
  });
});

describe('addClockHours and workingDaysBetween', () => {
  it('runs urgent windows through nights and weekends', () => {
    const sut = addClockHours(at('2026-11-21T10:00', 'Asia/Jakarta'), 24);
    expect(localIso(sut, wib)).toBe('2026-11-22T10:00:00');
  });

  it('counts working days between two instants', () => {
    expect(
      workingDaysBetween(at('2026-11-16T09:00', 'Asia/Jakarta'), at('2026-11-23T09:00', 'Asia/Jakarta'), wib),
    ).toBe(5);
    expect(
      workingDaysBetween(at('2026-11-23T09:00', 'Asia/Jakarta'), at('2026-11-16T09:00', 'Asia/Jakarta'), wib),
    ).toBe(-5);
  });
});

describe('deadline properties', () => {
  const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Phnom_Penh', 'Asia/Kuala_Lumpur'];
  const instant = fc.date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const holidayDates = fc.uniqueArray(
    fc
      .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-06-30T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    { maxLength: 60 },
  );
  const calendar = fc
    .record({ zone: fc.constantFrom(...zones), holidays: holidayDates, fridayWeekend: fc.boolean() })
    .map(
      ({ zone, holidays, fridayWeekend }) =>
        new WorkCalendar({ timeZone: zone, holidays, weekend: fridayWeekend ? [5, 6] : [6, 7] }),
    );

  it('never lands on a weekend or a holiday', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), calendar, (start, days, cal) => {
        const due = addWorkingDays(start, days, cal);
        return cal.isWorkingDay(cal.local(due));
      }),
    );
  });

  it('never ends before it starts, and a positive count ends on a later local day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), calendar, (start, days, cal) => {
        const due = addWorkingDays(start, days, cal);
        return cal.local(due).startOf('day') > cal.local(start).startOf('day');
      }),
    );
  });

  it('is monotonic in the number of days and in the start', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        calendar,
        (start, a, b, cal) => {
          const [fewer, more] = a <= b ? [a, b] : [b, a];
          return addWorkingDays(start, fewer, cal).getTime() <= addWorkingDays(start, more, cal).getTime();
        },
      ),
    );
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 72 * 3600 }),
        fc.integer({ min: 0, max: 20 }),
        calendar,
        (start, laterBySeconds, days, cal) => {
          const later = new Date(start.getTime() + laterBySeconds * 1000);
          return addWorkingDays(start, days, cal).getTime() <= addWorkingDays(later, days, cal).getTime();
        },
      ),
    );
  });

  it('keeps the local time of day of a start on a working day (no daylight saving in these zones)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 }), calendar, (start, days, cal) => {
        fc.pre(cal.isWorkingDay(cal.local(start)));
        const due = cal.local(addWorkingDays(start, days, cal));
        const from = cal.local(start);
        return due.hour === from.hour && due.minute === from.minute && due.offset === from.offset;
      }),
    );
  });

  it('counts exactly the requested working days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), calendar, (start, days, cal) => {
        const first = nextWorkingMoment(start, cal);
        const due = addWorkingDays(first, days, cal);
        return workingDaysBetween(first, due, cal) === days;
      }),
    );
  });
});

describe('daysOffBetween', () => {
  it('names the weekend and the holiday that 5 working days from Wednesday 12 August step over', () => {
    const start = at('2026-08-12T10:00', 'Asia/Jakarta');
    const due = addWorkingDays(start, 5, wib);
    expect(localIso(due, wib)).toBe('2026-08-20T10:00:00');
    expect(daysOffBetween(start, due, wib)).toEqual(['2026-08-15', '2026-08-16', '2026-08-17']);
  });

  it('names nothing when the span holds only working days', () => {
    const start = at('2026-11-16T08:00', 'Asia/Jakarta'); // a Monday
    expect(daysOffBetween(start, addWorkingDays(start, 4, wib), wib)).toEqual([]);
  });
});
