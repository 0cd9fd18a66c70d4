import { parseInstant } from './date-time.scalar';

describe('parseInstant', () => {
  it('reads ISO 8601 instants with a zone, as the moment they name', () => {
    expect(parseInstant('2026-12-05T16:00:00+07:00').toISOString()).toBe('2026-12-05T09:00:00.000Z');
    expect(parseInstant('2028-02-29T00:00:00.123Z').toISOString()).toBe('2028-02-29T00:00:00.123Z');
    expect(parseInstant('2026-12-05T09:00Z').toISOString()).toBe('2026-12-05T09:00:00.000Z');
  });

  it('refuses what is not a real moment between 1900 and 2100, saying why', () => {
    expect(() => parseInstant(1_764_000_000_000)).toThrow(/must be a string/);
    expect(() => parseInstant('2026-12-05')).toThrow(/with a time zone/);
    expect(() => parseInstant('2026-12-05T09:00:00')).toThrow(/with a time zone/);
    expect(() => parseInstant('2026-02-30T09:00:00Z')).toThrow(/not a real date and time/);
    expect(() => parseInstant('2026-12-05T24:00:00Z')).toThrow(/not a real date and time/);
    expect(() => parseInstant('0000-01-01T00:00:00Z')).toThrow(/between 1900-01-01 and 2100-12-31/);
    expect(() => parseInstant('9999-12-31T23:59:59Z')).toThrow(/between 1900-01-01 and 2100-12-31/);
  });
});
