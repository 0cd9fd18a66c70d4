import { DateTime } from 'luxon';

import { elapsedFraction, isPaused, pauseClock, resumeClock, startClock } from './deadline-clock';
import { WorkCalendar } from './work-calendar';

const wib = new WorkCalendar({ timeZone: 'Asia/Jakarta', holidays: [] });
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Jakarta' }).toJSDate();

describe('deadline clock', () => {
  const clock = startClock(at('2026-11-16T09:00'), at('2026-11-20T09:00')); // Monday → Friday

  it('reports how much of the window has elapsed', () => {
    expect(elapsedFraction(clock, at('2026-11-16T09:00'))).toBe(0);
    expect(elapsedFraction(clock, at('2026-11-18T09:00'))).toBeCloseTo(0.5);
    expect(elapsedFraction(clock, at('2026-11-21T09:00'))).toBeCloseTo(1.25);
  });

  it('stops while paused, keeps the reason, and moves the deadline by the paused time onto a working day', () => {
    const paused = pauseClock(clock, at('2026-11-17T09:00'), 'awaiting documents from Indonesia');
    expect(isPaused(paused)).toBe(true);
    expect(elapsedFraction(paused, at('2026-11-19T09:00'))).toBeCloseTo(0.25);

    const resumed = resumeClock(paused, at('2026-11-18T09:00'), wib);
    expect(isPaused(resumed)).toBe(false);
    // One day paused: Friday 09:00 + 1 day = Saturday, so the deadline moves to Monday 09:00.
    expect(DateTime.fromJSDate(resumed.dueAt, { zone: 'Asia/Jakarta' }).toISO({ includeOffset: false })).toBe(
      '2026-11-23T09:00:00.000',
    );
    expect(resumed.pauses).toEqual([
      { from: at('2026-11-17T09:00'), to: at('2026-11-18T09:00'), reason: 'awaiting documents from Indonesia' },
    ]);
  });

  it('refuses a pause without a reason, a double pause and a resume that was never paused', () => {
    expect(() => pauseClock(clock, at('2026-11-17T09:00'), '  ')).toThrow(/reason/);
    const paused = pauseClock(clock, at('2026-11-17T09:00'), 'awaiting the victim');
    expect(() => pauseClock(paused, at('2026-11-17T10:00'), 'again')).toThrow(/already paused/);
    expect(() => resumeClock(clock, at('2026-11-17T10:00'), wib)).toThrow(/not paused/);
  });
});
