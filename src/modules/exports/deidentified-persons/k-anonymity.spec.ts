import fc from 'fast-check';

import { anonymise, planAnonymisation, QuasiCombination } from './k-anonymity';
import { classKey, QUASI_IDENTIFIERS, QuasiRecord, SUPPRESSED, TOP_LEVEL } from './quasi-identifiers';

const record = fc.record<QuasiRecord>({
  ageBand: fc.constantFrom('CHILD_0_11', 'CHILD_12_17', 'ADULT_18_24', 'ADULT_25_34', 'ADULT_50_PLUS', 'UNKNOWN'),
  sex: fc.constantFrom('FEMALE', 'MALE'),
  nationality: fc.constantFrom('ID', 'ID', 'ID', 'KH', 'MY'),
  originProvince: fc.constantFrom('53', '32', '61', '21', '52', 'UNKNOWN'),
  destinationCountry: fc.constantFrom('KH', 'MY', 'SA', 'KH,MY', 'ID', 'UNKNOWN'),
  exploitationType: fc.constantFrom(
    'FORCED_CRIMINALITY',
    'FORCED_LABOUR',
    'SEXUAL_EXPLOITATION',
    'FORCED_LABOUR,OTHER',
  ),
  year: fc.constantFrom('2016', '2019', '2022', '2023', '2024'),
});

/** The people a plan lets out, one output record per person. */
function released(combinations: QuasiCombination[], k: number): QuasiRecord[] {
  const plan = planAnonymisation(combinations, k);
  return combinations.flatMap(({ record, count }) => {
    const out = anonymise(record, plan);
    return out ? Array.from({ length: count }, () => out) : [];
  });
}

describe('k-anonymity of the de-identified person export', () => {
  it('leaves every combination of quasi-identifiers it releases shared by at least k people', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ record, count: fc.integer({ min: 1, max: 30 }) }), { maxLength: 120 }),
        fc.integer({ min: 2, max: 25 }),
        (combinations, k) => {
          const counts = new Map<string, number>();
          for (const out of released(combinations, k)) counts.set(classKey(out), (counts.get(classKey(out)) ?? 0) + 1);
          for (const count of counts.values()) expect(count).toBeGreaterThanOrEqual(k);
        },
      ),
    );
  });

  it('generalises before it suppresses: at most 5% of the people are left out unless nothing more can be generalised', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ record, count: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 2, max: 25 }),
        (combinations, k) => {
          const plan = planAnonymisation(combinations, k);
          const fullyGeneralised = QUASI_IDENTIFIERS.every((qi) => plan.levels[qi] === TOP_LEVEL[qi]);
          if (!fullyGeneralised) expect(plan.suppressedPeople).toBeLessThanOrEqual(plan.totalPeople * 0.05);
        },
      ),
    );
  });

  it('keeps the detail when every class already holds k people', () => {
    const combinations: QuasiCombination[] = [
      { record: person({ sex: 'FEMALE' }), count: 11 },
      { record: person({ sex: 'MALE' }), count: 12 },
    ];
    const plan = planAnonymisation(combinations, 11);
    expect(Object.values(plan.levels).every((level) => level === 0)).toBe(true);
    expect(anonymise(combinations[0].record, plan)).toEqual(combinations[0].record);
  });

  it('generalises the widest quasi-identifier first (here the year into five-year periods)', () => {
    const combinations: QuasiCombination[] = ['2020', '2021', '2022', '2023', '2024'].map((year) => ({
      record: person({ year }),
      count: 3,
    }));
    const plan = planAnonymisation(combinations, 11);
    expect(plan.levels.year).toBe(1);
    expect(anonymise(combinations[0].record, plan)?.year).toBe('2020-2024');
    expect(plan.suppressedPeople).toBe(0);
  });

  it('suppresses everyone when the whole area holds fewer than k people', () => {
    const plan = planAnonymisation([{ record: person({}), count: 4 }], 11);
    expect(plan.suppressedPeople).toBe(4);
    expect(anonymise(person({}), plan)).toBeNull();
    expect(Object.values(plan.levels).some((level) => level > 0)).toBe(true);
    expect(SUPPRESSED).toBe('*');
  });
});

function person(overrides: Partial<QuasiRecord>): QuasiRecord {
  return {
    ageBand: 'ADULT_25_34',
    sex: 'FEMALE',
    nationality: 'ID',
    originProvince: '53',
    destinationCountry: 'KH',
    exploitationType: 'FORCED_CRIMINALITY',
    year: '2023',
    ...overrides,
  };
}
