import fc from 'fast-check';

import { isoWeekOf, previousIsoWeek, weekBounds } from './iso-week';

const iso = (instant: Date) => instant.toISOString();

describe('isoWeekOf', () => {
  it('reads the week on the recipient’s wall clock: Monday 01:00 in Jakarta is still Sunday in UTC', () => {
    const instant = new Date('2026-11-29T18:00:00Z');
    expect(isoWeekOf(instant, 'Asia/Jakarta')).toBe('2026-W49');
    expect(isoWeekOf(instant, 'UTC')).toBe('2026-W48');
  });

  it('uses the ISO week-year at the turn of the year', () => {
    // Friday 1 January 2027 belongs to 2026's 53rd week; Monday 30 December 2024 to 2025's first.
    expect(isoWeekOf(new Date('2027-01-01T05:00:00Z'), 'Asia/Jakarta')).toBe('2026-W53');
    expect(isoWeekOf(new Date('2024-12-30T05:00:00Z'), 'Asia/Jakarta')).toBe('2025-W01');
    expect(isoWeekOf(new Date('2026-03-02T00:00:00Z'), 'Asia/Jayapura')).toBe('2026-W10');
  });

  it('refuses an unknown time zone', () => {
    expect(() => isoWeekOf(new Date(), 'Asia/Atlantis')).toThrow('Unknown time zone "Asia/Atlantis"');
  });
});

describe('weekBounds', () => {
  it('runs from Monday 00:00 to the next Monday 00:00 in the time zone', () => {
    expect(weekBounds('2026-W49', 'Asia/Jakarta')).toEqual({
      start: new Date('2026-11-29T17:00:00Z'),
      end: new Date('2026-12-06T17:00:00Z'),
    });
    const wita = weekBounds('2026-W49', 'Asia/Makassar');
    expect([iso(wita.start), iso(wita.end)]).toEqual(['2026-11-29T16:00:00.000Z', '2026-12-06T16:00:00.000Z']);
  });

  it('takes week 53 in a year that has one, across the turn of the year', () => {
    const sut = weekBounds('2026-W53', 'Asia/Phnom_Penh');
    expect([iso(sut.start), iso(sut.end)]).toEqual(['2026-12-27T17:00:00.000Z', '2027-01-03T17:00:00.000Z']);
  });

  it('keeps to local midnights across a daylight-saving change (a 167-hour week)', () => {
    const sut = weekBounds('2026-W13', 'Europe/Berlin');
    expect([iso(sut.start), iso(sut.end)]).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect((sut.end.getTime() - sut.start.getTime()) / 3_600_000).toBe(167);
  });

  it.each([
    ['2026-W54', '2026 has weeks 01 to 53'],
    ['2025-W53', '2025 has weeks 01 to 52'],
    ['2026-W00', '2026 has weeks 01 to 53'],
    ['2026-W1', 'expected the form 2026-W48'],
    ['2026W01', 'expected the form 2026-W48'],
    ['26-W01', 'expected the form 2026-W48'],
    ['2026-w01', 'expected the form 2026-W48'],
    [' 2026-W01', 'expected the form 2026-W48'],
    ['', 'expected the form 2026-W48'],
  ])('refuses the malformed week %j', (week, reason) => {
    expect(() => weekBounds(week, 'Asia/Jakarta')).toThrow(RangeError);
    expect(() => weekBounds(week, 'Asia/Jakarta')).toThrow(`Invalid ISO week "${week}": ${reason}`);
  });

  it('refuses an unknown time zone', () => {
    expect(() => weekBounds('2026-W49', 'Mars/Olympus')).toThrow('Unknown time zone "Mars/Olympus"');
  });

  it('contains every instant of the week it names, in any zone', () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Phnom_Penh', 'Europe/Berlin', 'UTC'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const bounds = weekBounds(isoWeekOf(instant, zone), zone);
          expect(bounds.start.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(instant.getTime()).toBeLessThan(bounds.end.getTime());
        },
      ),
    );
  });
});

describe('previousIsoWeek', () => {
  it('steps back one week, across year ends with and without a week 53', () => {
    expect(previousIsoWeek('2026-W49')).toBe('2026-W48');
    expect(previousIsoWeek('2027-W01')).toBe('2026-W53');
    expect(previousIsoWeek('2026-W01')).toBe('2025-W52');
  });

  it('ends where the week it follows begins', () => {
    expect(weekBounds(previousIsoWeek('2027-W01'), 'Asia/Jakarta').end).toEqual(
      weekBounds('2027-W01', 'Asia/Jakarta').start,
    );
  });

  it('refuses a malformed week', () => {
    expect(() => previousIsoWeek('2026-W54')).toThrow('Invalid ISO week "2026-W54"');
  });
});
