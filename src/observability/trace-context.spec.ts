import {
  formatTraceparent,
  parseTraceparent,
  TraceContext,
  traceparentOf,
  withCurrentTraceparent,
} from './trace-context';

const VALID = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('trace context', () => {
  it('parses and formats a W3C traceparent, and refuses malformed or all-zero ids', () => {
    const sut = parseTraceparent(VALID);
    expect(sut).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 });
    expect(formatTraceparent(sut!)).toBe(VALID);
    expect(parseTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeUndefined();
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01')).toBeUndefined();
    expect(parseTraceparent('garbage')).toBeUndefined();
    expect(parseTraceparent(42)).toBeUndefined();
  });

  it('hands the current trace on to job payloads, never overwriting one they carry', async () => {
    expect(withCurrentTraceparent({ eventId: 'e' })).toEqual({ eventId: 'e' });
    await TraceContext.run(VALID, async () => {
      await Promise.resolve();
      expect(withCurrentTraceparent({ eventId: 'e' })).toEqual({ eventId: 'e', traceparent: VALID });
      expect(withCurrentTraceparent({ traceparent: 'other' })).toEqual({ traceparent: 'other' });
    });
    expect(traceparentOf({ traceparent: VALID })).toBe(VALID);
    expect(traceparentOf({ traceparent: 'forged<script>' })).toBeUndefined();
  });
});
