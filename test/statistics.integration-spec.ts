import { Role } from '@app/kernel/role.enum';
import { MembershipRole, TaskForceLevel } from '@app/modules/task-forces/task-force.enums';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { insertRegister, RegisterPerson } from '@libs/testing/statistics-register';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';

interface Figure {
  keys: string[];
  value: number | null;
  suppressed: boolean;
}
interface Result {
  total: Figure;
  cells: Figure[];
  margins: { breakdown: string; multiValued: boolean; figures: Figure[] }[];
  scope: string;
  suppressionThreshold: number | null;
  from: string;
  to: string;
  computedAt: string;
  indicator: { key: string };
  filters: { breakdown: string; values: string[] }[];
}

const STATISTICS = `query ($indicator: String!, $from: String!, $to: String!, $breakdowns: [StatisticsBreakdown!]!,
    $filters: [StatisticsFilterInput!]) {
  statistics(indicator: $indicator, from: $from, to: $to, breakdowns: $breakdowns, filters: $filters) {
    indicator { key } from to computedAt scope suppressionThreshold filters { breakdown values }
    total { keys value suppressed }
    cells { keys value suppressed }
    margins { breakdown multiValued figures { keys value suppressed } }
  }
}`;

const person = (identifiedOn: string, overrides: Partial<RegisterPerson> = {}): RegisterPerson => ({
  status: 'IDENTIFIED',
  identifiedOn,
  sex: 'FEMALE',
  ageBand: 'ADULT_25_34',
  nationality: 'ID',
  originRegion: '53',
  rescueCountry: null,
  kase: { exploitationTypes: ['FORCED_LABOUR'], destinations: ['MY'] },
  ...overrides,
});

const many = (n: number, make: (i: number) => RegisterPerson) => Array.from({ length: n }, (_, i) => make(i));

describe('statistics: figures from the register that add up', () => {
  // A database of its own: other suites' people would count in its figures.
  let env: IsolatedEnvironment;
  let api: TestApp;
  let token: string;
  const owner = { agencyId: '', unitId: '', userId: '' };

  beforeAll(async () => {
    env = await isolatedEnvironment();
    api = await TestApp.start(env.env);
    const factories = new Factories(api);
    const unit = await factories.unit({ level: TaskForceLevel.NATIONAL });
    const kemensos = await factories.agency({ code: `KEMENSOS-${Date.now()}` });
    const secretariat = await factories.agency();
    await factories.membership({ unitId: unit.id, agencyId: kemensos.id });
    await factories.membership({ unitId: unit.id, agencyId: secretariat.id, role: MembershipRole.SECRETARIAT });
    const officer = await factories.user([Role.CASE_OFFICER], { agencyId: kemensos.id });
    const reader = await factories.user([Role.SECRETARIAT], { agencyId: secretariat.id });
    Object.assign(owner, { agencyId: kemensos.id, unitId: unit.id, userId: officer.id });
    token = await api.login(reader.email, TEST_PASSWORD);
  });

  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  const statistics = (variables: Record<string, unknown>) =>
    api.gql<{ statistics: Result }>(STATISTICS, variables, token);
  const values = (figures: Figure[]) =>
    Object.fromEntries(figures.map((figure) => [figure.keys.join('|'), figure.value]));
  const sum = (figures: Figure[]) => figures.reduce((total, figure) => total + (figure.value ?? 0), 0);

  it("loads Kemensos' 2016–2019 victims as people and gets a total that is the sum of its years (5,026, never 4,026)", async () => {
    const years = { 2016: 1377, 2017: 1838, 2018: 1079, 2019: 732 };
    const people = Object.entries(years).flatMap(([year, n]) =>
      many(n, (i) =>
        person(`${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`),
      ),
    );
    await insertRegister(api.dataSource, owner, people);

    const response = await statistics({
      indicator: 'VICTIMS_IDENTIFIED',
      from: '2016-01-01',
      to: '2019-12-31',
      breakdowns: ['YEAR'],
    });

    expect(response.errors).toBeUndefined();
    const result = response.data!.statistics;
    expect(values(result.cells)).toEqual({ '2016': 1377, '2017': 1838, '2018': 1079, '2019': 732 });
    expect(result.total.value).toBe(5026);
    expect(sum(result.cells)).toBe(result.total.value);
    expect(result).toMatchObject({
      scope: 'UNIT_AREA',
      suppressionThreshold: null,
      from: '2016-01-01',
      to: '2019-12-31',
    });
    expect(result.indicator.key).toBe('VICTIMS_IDENTIFIED');
    expect(new Date(result.computedAt).getTime()).not.toBeNaN();
  });

  it("loads Kemlu's online-scam victims by country and gets a total equal to its countries' sum (4,694, not 4,730)", async () => {
    const countries = { KH: 2692, PH: 735, TH: 461, MM: 429, LA: 305, MY: 68, AE: 4 };
    const people = Object.entries(countries).flatMap(([country, n]) =>
      many(n, (i) =>
        person(`${2020 + (i % 5)}-0${(i % 9) + 1}-15`, {
          rescueCountry: country,
          kase: { exploitationTypes: ['FORCED_CRIMINALITY'], destinations: [country] },
        }),
      ),
    );
    await insertRegister(api.dataSource, owner, people);

    const response = await statistics({
      indicator: 'VICTIMS_IDENTIFIED',
      from: '2020-01-01',
      to: '2024-10-31',
      breakdowns: ['DESTINATION_COUNTRY'],
      filters: [{ breakdown: 'EXPLOITATION_TYPE', values: ['FORCED_CRIMINALITY'] }],
    });

    expect(response.errors).toBeUndefined();
    const result = response.data!.statistics;
    expect(values(result.cells)).toEqual(countries);
    expect(result.total.value).toBe(4694);
    expect(sum(result.cells)).toBe(result.total.value);
    expect(result.filters).toEqual([{ breakdown: 'EXPLOITATION_TYPE', values: ['FORCED_CRIMINALITY'] }]);
  });

  it('splits by two breakdowns: every row and column adds up to its subtotal, and the subtotals to the total', async () => {
    const response = await statistics({
      indicator: 'VICTIMS_IDENTIFIED',
      from: '2016-01-01',
      to: '2024-12-31',
      breakdowns: ['YEAR', 'DESTINATION_COUNTRY'],
    });

    const result = response.data!.statistics;
    expect(result.total.value).toBe(5026 + 4694);
    const [years, countries] = result.margins;
    expect(sum(years.figures)).toBe(result.total.value);
    expect(sum(countries.figures)).toBe(result.total.value);
    for (const year of years.figures) {
      expect(sum(result.cells.filter((cell) => cell.keys[0] === year.keys[0]))).toBe(year.value);
    }
    for (const country of countries.figures) {
      expect(sum(result.cells.filter((cell) => cell.keys[1] === country.keys[0]))).toBe(country.value);
    }
    expect(values(years.figures)['2016']).toBe(1377);
    expect(values(countries.figures)['KH']).toBe(2692);
  });

  it('says a multi-valued breakdown is one, and counts a person with two exploitation types once in the total', async () => {
    await insertRegister(api.dataSource, owner, [
      person('2015-03-01', {
        kase: { exploitationTypes: ['FORCED_LABOUR', 'SEXUAL_EXPLOITATION'], destinations: ['MY'] },
      }),
      person('2015-04-01', { kase: { exploitationTypes: ['FORCED_LABOUR'], destinations: ['MY'] } }),
    ]);

    const result = (
      await statistics({
        indicator: 'VICTIMS_IDENTIFIED',
        from: '2015-01-01',
        to: '2015-12-31',
        breakdowns: ['EXPLOITATION_TYPE'],
      })
    ).data!.statistics;

    expect(result.margins[0].multiValued).toBe(true);
    expect(result.total.value).toBe(2);
    expect(values(result.cells)).toEqual({ FORCED_LABOUR: 2, SEXUAL_EXPLOITATION: 1 });
  });

  describe('bad input: a clear error naming the argument', () => {
    const base = { indicator: 'VICTIMS_IDENTIFIED', from: '2023-01-01', to: '2023-12-31', breakdowns: ['YEAR'] };
    const refusal = async (variables: Record<string, unknown>) => {
      const response = await statistics({ ...base, ...variables });
      return {
        code: firstErrorCode(response),
        field: response.errors?.[0]?.extensions?.field,
        message: response.errors?.[0]?.message,
      };
    };

    it('refuses an unknown indicator', async () => {
      expect(await refusal({ indicator: 'VICTIMS_COUNTED_TWICE' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'indicator',
        message: expect.stringContaining('VICTIMS_COUNTED_TWICE'),
      });
    });

    it('refuses an unknown breakdown', async () => {
      const response = await statistics({ ...base, breakdowns: ['SHOE_SIZE'] });
      expect(firstErrorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toContain('SHOE_SIZE');
    });

    it('refuses a breakdown the indicator does not allow, naming the ones it does', async () => {
      expect(await refusal({ breakdowns: ['YEAR', 'MEETING_TYPE'] })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'breakdowns.1',
        message: expect.stringContaining('ORIGIN_PROVINCE'),
      });
    });

    it('refuses none, three, or the same breakdown twice', async () => {
      expect(await refusal({ breakdowns: [] })).toMatchObject({ field: 'breakdowns' });
      expect(await refusal({ breakdowns: ['YEAR', 'SEX', 'AGE_BAND'] })).toMatchObject({ field: 'breakdowns' });
      expect(await refusal({ breakdowns: ['SEX', 'SEX'] })).toMatchObject({ field: 'breakdowns' });
    });

    it('refuses a reversed period and one longer than ten years', async () => {
      expect(await refusal({ from: '2023-12-31', to: '2023-01-01' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'to',
      });
      expect(await refusal({ from: '2010-01-01', to: '2020-01-01' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'to',
      });
    });

    it('refuses a filter on a breakdown the indicator does not allow', async () => {
      expect(await refusal({ filters: [{ breakdown: 'TARGET_GROUP', values: ['STUDENTS'] }] })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filters.0.breakdown',
      });
    });

    it('refuses to combine the two splits of participants (by sex and by age band)', async () => {
      expect(await refusal({ indicator: 'ACTIVITY_PARTICIPANTS', breakdowns: ['SEX', 'AGE_BAND'] })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'breakdowns',
      });
    });
  });
});
