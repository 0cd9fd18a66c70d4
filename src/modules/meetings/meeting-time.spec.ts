import { localInstant, localParts, WALL_CLOCK_TIME } from './meeting-time';

describe('meeting times in the zone they are given in', () => {
  it('reads a date and time in the unit’s zone as the instant it names', () => {
    expect(localInstant('2024-03-13', '09:00', 'Asia/Phnom_Penh')?.toISOString()).toBe('2024-03-13T02:00:00.000Z');
    expect(localInstant('2026-11-09', '09:00', 'Asia/Makassar')?.toISOString()).toBe('2026-11-09T01:00:00.000Z');
    expect(localInstant('2026-11-09', '09:00', 'Asia/Jayapura')?.toISOString()).toBe('2026-11-09T00:00:00.000Z');
  });

  it('gives back the local date and time, also across midnight UTC', () => {
    expect(localParts(new Date('2026-11-08T23:30:00Z'), 'Asia/Jakarta')).toEqual({ date: '2026-11-09', time: '06:30' });
  });

  it('accepts 24-hour wall-clock times only', () => {
    expect(['00:00', '09:30', '23:59'].every((time) => WALL_CLOCK_TIME.test(time))).toBe(true);
    expect(['24:00', '9:30', '09:60', '0930', '09:30:00'].some((time) => WALL_CLOCK_TIME.test(time))).toBe(false);
  });
});
