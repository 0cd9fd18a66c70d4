import fc from 'fast-check';

import { formatInstant, formatWithLuxon, MailLocale } from './locale';

const ZONES = [
  'Asia/Jakarta',
  'Asia/Makassar',
  'Asia/Jayapura',
  'Asia/Phnom_Penh',
  'Asia/Kuala_Lumpur',
  // Zones with summer time and with quarter-hour offsets: the offset's changes must land where luxon puts them.
  'Europe/London',
  'America/New_York',
  'Australia/Adelaide',
  'Asia/Kathmandu',
];

describe('formatInstant', () => {
  it('writes what luxon writes, for any instant from 1970 to 2100 in the zones mail goes to', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...ZONES),
        fc.constantFrom<MailLocale>('id', 'en'),
        (at, zone, locale) => {
          const iso = new Date(at).toISOString();
          expect(formatInstant(iso, locale, zone)).toBe(formatWithLuxon(iso, locale, zone));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('agrees with luxon on both sides of a change to summer time and back', () => {
    for (const iso of [
      '2026-03-29T00:59:59.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T00:59:00Z',
      '2026-10-25T01:00Z',
    ]) {
      expect(formatInstant(iso, 'en', 'Europe/London')).toBe(formatWithLuxon(iso, 'en', 'Europe/London'));
    }
    expect(formatInstant('2026-11-30T00:53:00.000Z', 'en', 'Asia/Jakarta')).toBe(
      'Mon 30 Nov 2026 07:53 (Asia/Jakarta)',
    );
    expect(formatInstant('2026-11-30T00:53:00+07:00', 'id', 'Asia/Jayapura')).toBe(
      'Sen 30 Nov 2026 02:53 (Asia/Jayapura)',
    );
  });

  it('reads an ISO string without an offset in the zone, and answers "-" for what it cannot read', () => {
    expect(formatInstant('2026-11-30T07:53', 'en', 'Asia/Makassar')).toBe('Mon 30 Nov 2026 07:53 (Asia/Makassar)');
    expect(formatInstant('not a date', 'en', 'Asia/Jakarta')).toBe('-');
    expect(formatInstant('2026-11-30T00:53:00Z', 'en', 'Mars/Olympus_Mons')).toBe('-');
    expect(formatInstant(undefined, 'id', 'Asia/Jakarta')).toBe('-');
  });
});
