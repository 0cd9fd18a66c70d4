import fc from 'fast-check';

import { Role } from '@app/kernel/role.enum';
import { AgencyCapability } from '@app/modules/agencies/agency.enums';
import { INDICATORS } from '@app/modules/statistics/indicator-catalogue';
import { MembershipRole, TaskForceLevel } from '@app/modules/task-forces/task-force.enums';
import { actorOf, Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { insertRegister, RegisterPerson } from '@libs/testing/statistics-register';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { TestApp } from '@libs/testing/test-app';

interface Figure {
  keys: string[];
  value: number | null;
}
interface Result {
  total: Figure;
  cells: Figure[];
  margins: { breakdown: string; multiValued: boolean; figures: Figure[] }[];
}

const STATISTICS = `query ($indicator: String!, $from: String!, $to: String!, $breakdowns: [StatisticsBreakdown!]!,
    $filters: [StatisticsFilterInput!]) {
  statistics(indicator: $indicator, from: $from, to: $to, breakdowns: $breakdowns, filters: $filters) {
    total { keys value } cells { keys value } margins { breakdown multiValued figures { keys value } }
  }
}`;

const PERSON_BREAKDOWNS = [
  'YEAR',
  'QUARTER',
  'MONTH',
  'ORIGIN_PROVINCE',
  'ORIGIN_REGENCY',
  'DESTINATION_COUNTRY',
  'EXPLOITATION_TYPE',
  'SEX',
  'AGE_BAND',
  'NATIONALITY',
] as const;
type PersonBreakdown = (typeof PERSON_BREAKDOWNS)[number];

/** What the register should say of one person along a breakdown, worked out here independently of the SQL. */
function keysOf(person: RegisterPerson, breakdown: PersonBreakdown, day = person.identifiedOn): string[] {
  const [year, month] = day.split('-');
  const region = person.originRegion;
  switch (breakdown) {
    case 'YEAR':
      return [year];
    case 'QUARTER':
      return [`${year}-Q${Math.ceil(Number(month) / 3)}`];
    case 'MONTH':
      return [`${year}-${month}`];
    case 'ORIGIN_PROVINCE':
      return [region ? region.split('.')[0] : 'UNKNOWN'];
    case 'ORIGIN_REGENCY':
      return [region?.includes('.') ? region : 'UNKNOWN'];
    case 'DESTINATION_COUNTRY':
      return [
        person.rescueCountry ?? (person.kase?.destinations.length === 1 ? person.kase.destinations[0] : 'UNKNOWN'),
      ];
    case 'EXPLOITATION_TYPE':
      return person.kase ? [...new Set(person.kase.exploitationTypes)] : ['UNKNOWN'];
    case 'SEX':
      return [person.sex];
    case 'AGE_BAND':
      return [person.ageBand];
    case 'NATIONALITY':
      return [person.nationality];
  }
}

const day = fc
  .tuple(fc.integer({ min: 2021, max: 2024 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const people = fc.array(
  fc.record<RegisterPerson>({
    status: fc.constantFrom('IDENTIFIED', 'IDENTIFIED', 'IDENTIFIED', 'PRESUMED', 'NOT_A_VICTIM'),
    identifiedOn: day,
    sex: fc.constantFrom('FEMALE', 'MALE', 'OTHER', 'UNKNOWN'),
    ageBand: fc.constantFrom('CHILD_12_17', 'ADULT_18_24', 'ADULT_25_34', 'UNKNOWN'),
    nationality: fc.constantFrom('ID', 'KH', 'MY'),
    originRegion: fc.constantFrom(null, '53', '53.71', '32', '32.12', '61.01'),
    rescueCountry: fc.constantFrom(null, null, 'KH', 'MY'),
    kase: fc.option(
      fc.record({
        exploitationTypes: fc.uniqueArray(
          fc.constantFrom('FORCED_LABOUR', 'SEXUAL_EXPLOITATION', 'FORCED_CRIMINALITY', 'DOMESTIC_SERVITUDE'),
          { minLength: 1, maxLength: 3 },
        ),
        destinations: fc.uniqueArray(fc.constantFrom('KH', 'MY', 'TH', 'SA'), { minLength: 0, maxLength: 2 }),
      }),
      { nil: null },
    ),
  }),
  { minLength: 0, maxLength: 40 },
);

/** The protection-track indicators (returns and what came of them), by the step each counts. */
const TRACK_INDICATORS: Record<string, string> = {
  PERSONS_REPATRIATED: 'REPATRIATED',
  PERSONS_REINTEGRATED: 'REINTEGRATED',
  PERSONS_LOST_TO_FOLLOW_UP: 'LOST_TO_FOLLOW_UP',
  PERSONS_RE_MIGRATED: 'RE_MIGRATED',
};

/** People who may have come home (a day) and may have had an outcome after (a later day). */
const journeys = fc
  .tuple(
    people,
    fc.array(
      fc.option(fc.tuple(day, day, fc.constantFrom(null, 'REINTEGRATED', 'LOST_TO_FOLLOW_UP', 'RE_MIGRATED')), {
        nil: null,
      }),
      { minLength: 40, maxLength: 40 },
    ),
  )
  .map(([register, returns]) =>
    register.map((person, index) => {
      const trip = returns[index];
      if (!trip) return person;
      const [home, later, outcome] = trip[0] <= trip[1] ? trip : [trip[1], trip[0], trip[2]];
      return { ...person, steps: [{ to: 'REPATRIATED', on: home }, ...(outcome ? [{ to: outcome, on: later }] : [])] };
    }),
  );

describe('statistics: breakdowns add up over generated registers', () => {
  // A database of its own: other suites' people would count in its figures.
  let env: IsolatedEnvironment;
  let api: TestApp;
  let factories: Factories;
  let token: string;
  let unitId: string;
  let userId: string;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    api = await TestApp.start(env.env);
    factories = new Factories(api);
    const unit = await factories.unit({ level: TaskForceLevel.NATIONAL });
    const secretariat = await factories.agency();
    await factories.membership({ unitId: unit.id, agencyId: secretariat.id, role: MembershipRole.SECRETARIAT });
    const reader = await factories.user([Role.SECRETARIAT], { agencyId: secretariat.id });
    unitId = unit.id;
    userId = (await factories.user([Role.CASE_OFFICER], { agencyId: secretariat.id })).id;
    token = await api.login(reader.email, TEST_PASSWORD);
  });

  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  const statistics = async (variables: Record<string, unknown>): Promise<Result> => {
    const response = await api.gql<{ statistics: Result }>(STATISTICS, variables, token);
    expect(response.errors).toBeUndefined();
    return response.data!.statistics;
  };
  const sum = (figures: Figure[]) => figures.reduce((total, figure) => total + (figure.value ?? 0), 0);
  const nonZero = (figures: Figure[]) =>
    Object.fromEntries(figures.filter((f) => f.value !== 0).map((f) => [f.keys.join('|'), f.value]));

  it('gives, for any register and any one or two breakdowns, exactly the counts worked out person by person', async () => {
    await fc.assert(
      fc.asyncProperty(
        people,
        fc.uniqueArray(fc.constantFrom(...PERSON_BREAKDOWNS), { minLength: 1, maxLength: 2 }),
        fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
        async (register, breakdowns, [from, to]) => {
          const agency = await factories.agency();
          await insertRegister(api.dataSource, { agencyId: agency.id, unitId, userId }, register);

          const sut = await statistics({
            indicator: 'VICTIMS_IDENTIFIED',
            from,
            to,
            breakdowns,
            filters: [{ breakdown: 'AGENCY', values: [agency.code] }],
          });

          const counted = register.filter(
            (p) => p.status === 'IDENTIFIED' && p.identifiedOn >= from && p.identifiedOn <= to,
          );
          expect(sut.total.value).toBe(counted.length);
          const expected = new Map<string, number>();
          const margins = breakdowns.map(() => new Map<string, number>());
          for (const person of counted) {
            const keys = breakdowns.map((breakdown) => keysOf(person, breakdown));
            keys.forEach((list, index) =>
              list.forEach((key) => margins[index].set(key, (margins[index].get(key) ?? 0) + 1)),
            );
            const combos =
              keys.length === 1 ? keys[0].map((k) => [k]) : keys[0].flatMap((a) => keys[1].map((b) => [a, b]));
            for (const combo of combos) expected.set(combo.join('|'), (expected.get(combo.join('|')) ?? 0) + 1);
          }
          expect(nonZero(sut.cells)).toEqual(Object.fromEntries(expected));
          sut.margins.forEach((margin, index) => {
            expect(nonZero(margin.figures)).toEqual(Object.fromEntries(margins[index]));
            expect(margin.multiValued).toBe(margin.breakdown === 'EXPLOITATION_TYPE');
            if (!margin.multiValued) expect(sum(margin.figures)).toBe(sut.total.value);
            else expect(sum(margin.figures)).toBeGreaterThanOrEqual(sut.total.value ?? 0);
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('counts returns, reintegrations, people lost and people re-migrated step by step, by the day of each step', async () => {
    await fc.assert(
      fc.asyncProperty(
        journeys,
        fc.constantFrom(...Object.keys(TRACK_INDICATORS)),
        fc.uniqueArray(fc.constantFrom(...PERSON_BREAKDOWNS), { minLength: 1, maxLength: 2 }),
        fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
        async (register, indicator, breakdowns, [from, to]) => {
          const agency = await factories.agency();
          await insertRegister(api.dataSource, { agencyId: agency.id, unitId, userId }, register);

          const sut = await statistics({
            indicator,
            from,
            to,
            breakdowns,
            filters: [{ breakdown: 'AGENCY', values: [agency.code] }],
          });

          const counted = register.flatMap((person) =>
            (person.steps ?? [])
              .filter((step) => step.to === TRACK_INDICATORS[indicator] && step.on >= from && step.on <= to)
              .map((step) => ({ person, on: step.on })),
          );
          expect(sut.total.value).toBe(counted.length);
          const expected = new Map<string, number>();
          for (const { person, on } of counted) {
            const keys = breakdowns.map((breakdown) => keysOf(person, breakdown, on));
            const combos =
              keys.length === 1 ? keys[0].map((k) => [k]) : keys[0].flatMap((a) => keys[1].map((b) => [a, b]));
            for (const combo of combos) expected.set(combo.join('|'), (expected.get(combo.join('|')) ?? 0) + 1);
          }
          expect(nonZero(sut.cells)).toEqual(Object.fromEntries(expected));
          for (const margin of sut.margins.filter((candidate) => !candidate.multiValued)) {
            expect(sum(margin.figures)).toBe(sut.total.value);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('runs every indicator by each breakdown it allows, and each single-valued breakdown adds up to the total', async () => {
    const owner = await factories.agency();
    const provider = await factories.agency({ capabilities: [AgencyCapability.MEDICAL] });
    const officer = actorOf(await factories.user([Role.CASE_OFFICER], { agencyId: owner.id }));
    const kase = await factories.case(officer);
    const victim = await factories.victim(officer, { caseId: kase.id });
    await factories.consent(officer, { victimId: victim.id, recipientAgencyId: provider.id });
    await factories.referral(officer, { victimId: victim.id, recipientAgencyId: provider.id });
    const referrals = await statistics({
      indicator: 'REFERRALS_MADE',
      from: '2021-01-01',
      to: '2026-12-31',
      breakdowns: ['SERVICE'],
    });
    expect(referrals.total.value).toBe(1);
    const home = (outcome: string | null, originRegion: string | null, sex: RegisterPerson['sex']): RegisterPerson => ({
      status: 'IDENTIFIED',
      identifiedOn: '2023-06-28',
      sex,
      ageBand: 'ADULT_25_34',
      nationality: 'ID',
      originRegion,
      rescueCountry: 'KH',
      kase: { exploitationTypes: ['FORCED_CRIMINALITY', 'FORCED_LABOUR'], destinations: ['KH'] },
      steps: [{ to: 'REPATRIATED', on: '2023-10-04' }, ...(outcome ? [{ to: outcome, on: '2024-04-04' }] : [])],
    });
    await insertRegister(api.dataSource, { agencyId: owner.id, unitId, userId }, [
      home(null, '53.71', 'MALE'),
      home('REINTEGRATED', '53', 'FEMALE'),
      home('LOST_TO_FOLLOW_UP', null, 'MALE'),
      home('RE_MIGRATED', '32.12', 'FEMALE'),
      home('RE_MIGRATED', '53.71', 'MALE'),
    ]);
    for (const [indicator, total] of [
      ['PERSONS_REPATRIATED', 5],
      ['PERSONS_REINTEGRATED', 1],
      ['PERSONS_LOST_TO_FOLLOW_UP', 1],
      ['PERSONS_RE_MIGRATED', 2],
    ] as const) {
      const sut = await statistics({
        indicator,
        from: '2021-01-01',
        to: '2026-12-31',
        breakdowns: ['YEAR'],
        filters: [{ breakdown: 'AGENCY', values: [owner.code] }],
      });
      expect({ indicator, total: sut.total.value }).toEqual({ indicator, total });
    }

    for (const indicator of INDICATORS) {
      for (const breakdown of indicator.breakdowns) {
        const sut = await statistics({
          indicator: indicator.key,
          from: '2021-01-01',
          to: '2026-12-31',
          breakdowns: [breakdown],
        });
        if (!sut.margins[0].multiValued)
          expect({ indicator: indicator.key, breakdown, sum: sum(sut.cells) }).toEqual({
            indicator: indicator.key,
            breakdown,
            sum: sut.total.value,
          });
      }
      const [first, second] = [indicator.breakdowns[0], indicator.breakdowns[indicator.breakdowns.length - 1]];
      const pair = await statistics({
        indicator: indicator.key,
        from: '2021-01-01',
        to: '2026-12-31',
        breakdowns: [first, second],
      });
      expect(sum(pair.margins[0].figures)).toBe(pair.total.value);
    }
  });
});
