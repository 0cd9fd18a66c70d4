import { GiveWayRule } from './give-way-rule';

describe('GiveWayRule: when work that can wait holds back for a backlog of due rungs', () => {
  it('gives way while a hold lasts and goes on as soon as none does', () => {
    const rule = new GiveWayRule(60_000);
    expect(rule.observe(0, 0)).toBe(false);
    expect(rule.observe(1_500, 100)).toBe(true);
    expect(rule.observe(900, 700)).toBe(true);
    expect(rule.observe(-2, 1_600)).toBe(false);
  });

  it('gives way at most so long in a row, then delivers beside the hold until it lapses once', () => {
    const rule = new GiveWayRule(60_000);
    expect(rule.observe(3_000, 0)).toBe(true);
    expect(rule.observe(3_000, 59_000)).toBe(true);
    expect(rule.observe(3_000, 60_001)).toBe(false);
    expect(rule.overridden).toBe(true);
    expect(rule.observe(3_000, 120_000)).toBe(false);
    // The hold lapsed: the next storm is given way to again, for as long.
    expect(rule.observe(-2, 121_000)).toBe(false);
    expect(rule.overridden).toBe(false);
    expect(rule.observe(2_000, 200_000)).toBe(true);
    expect(rule.observe(2_000, 259_000)).toBe(true);
  });
});
