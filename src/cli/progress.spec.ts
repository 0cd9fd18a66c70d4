import { formatDuration, Progress } from './progress';

class FakeStream {
  readonly writes: string[] = [];
  constructor(readonly isTTY: boolean) {}
  write(text: string): boolean {
    this.writes.push(text);
    return true;
  }
}

describe('Progress', () => {
  it('writes a plain line every interval without a terminal, and a final line with the elapsed time', () => {
    let now = 0;
    const stream = new FakeStream(false);
    const sut = new Progress('digest:send 2026-W48', 1000, { stream, lineIntervalMs: 10_000, now: () => now });
    for (let i = 0; i < 1000; i++) {
      now += 50; // 20 per second: 50 s in all
      sut.tick();
    }
    sut.finish();
    // The first tick, then one line per 10 s, then the last line: not one line per item.
    expect(stream.writes).toHaveLength(6);
    expect(stream.writes[1]).toBe('digest:send 2026-W48: 201/1,000 (20%), 20/s, about 40s left\n');
    expect(stream.writes.at(-1)).toBe('digest:send 2026-W48: 1,000/1,000 (100%) in 50s\n');
    expect(stream.writes.join('')).not.toContain('\r');
  });

  it('redraws one line in place on a terminal, at most ten times a second', () => {
    let now = 0;
    const stream = new FakeStream(true);
    const sut = new Progress('pii:rotate', 50, { stream, now: () => now });
    for (let i = 0; i < 50; i++) {
      now += 20;
      sut.tick();
    }
    sut.finish();
    expect(stream.writes.length).toBeLessThanOrEqual(12);
    expect(stream.writes.slice(0, -1).every((text) => text.startsWith('\r') && !text.includes('\n'))).toBe(true);
    expect(stream.writes[2]).toMatch(/^\rpii:rotate \[#+-+\] \d+\/50 \(\d+%\) 50\/s, \d+s left/);
    expect(stream.writes.at(-1)).toBe('\rpii:rotate: 50/50 (100%) in 1s\x1b[K\n');
  });

  it('grows the total when more items turn up than expected', () => {
    const stream = new FakeStream(false);
    const sut = new Progress('x', 1, { stream, now: () => 0 });
    sut.tick(3);
    sut.finish();
    expect(stream.writes.at(-1)).toBe('x: 3/3 (100%) in 0s\n');
  });

  it('formats durations for people', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(409_000)).toBe('6m 49s');
    expect(formatDuration(7_500_000)).toBe('2h 5m');
  });
});
