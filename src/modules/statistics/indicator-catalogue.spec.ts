import { INDICATORS } from './indicator-catalogue';
import { SOURCES } from './indicator-registry';
import { Breakdown } from './statistics.enums';

const TIME = [Breakdown.YEAR, Breakdown.QUARTER, Breakdown.MONTH];

describe('the indicator catalogue', () => {
  it('gives every indicator a unique key, both names, a definition and the date it counts by', () => {
    expect(new Set(INDICATORS.map((indicator) => indicator.key)).size).toBe(INDICATORS.length);
    for (const indicator of INDICATORS) {
      expect(indicator.nameId.length).toBeGreaterThan(3);
      expect(indicator.nameEn.length).toBeGreaterThan(3);
      expect(indicator.definition.length).toBeGreaterThan(20);
      expect(indicator.countsBy.length).toBeGreaterThan(5);
      expect(indicator.sourceTables.length).toBeGreaterThan(0);
    }
  });

  it('reads every indicator from a source that serves each breakdown it allows, and nothing else', () => {
    expect(Object.keys(SOURCES).sort()).toEqual(INDICATORS.map((indicator) => indicator.key).sort());
    for (const indicator of INDICATORS) {
      const source = SOURCES[indicator.key];
      const served = [...TIME, ...(Object.keys(source.columns) as Breakdown[])];
      expect({ key: indicator.key, missing: indicator.breakdowns.filter((b) => !served.includes(b)) }).toEqual({
        key: indicator.key,
        missing: [],
      });
      const sql = `${source.from} ${source.where} ${source.day}`;
      for (const table of indicator.sourceTables) expect(sql).toMatch(new RegExp(`\\b${table}\\b`));
    }
  });

  it('lets no summed indicator have a multi-valued breakdown (its total would count a record twice)', () => {
    for (const indicator of INDICATORS.filter((candidate) => SOURCES[candidate.key].weight)) {
      const source = SOURCES[indicator.key];
      expect(indicator.breakdowns.filter((breakdown) => source.columns[breakdown]?.array)).toEqual([]);
    }
  });

  it('covers the units the task force reports', () => {
    const keys = INDICATORS.map((indicator) => indicator.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'REPORTS_RECEIVED',
        'VICTIMS_IDENTIFIED',
        'PRESUMED_VICTIMS',
        'SUSPECTS_CHARGED',
        'REFERRALS_MADE',
        'SERVICES_DELIVERED',
        'PERSONS_REPATRIATED',
        'PERSONS_REINTEGRATED',
        'PERSONS_LOST_TO_FOLLOW_UP',
        'PERSONS_RE_MIGRATED',
        'CROSS_BORDER_REQUESTS',
        'ACTIVITIES_HELD',
        'ACTIVITY_PARTICIPANTS',
        'MEETINGS_HELD',
        'ACTION_ITEMS_DUE',
      ]),
    );
  });
});
