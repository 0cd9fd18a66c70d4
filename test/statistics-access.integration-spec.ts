import { Role } from '@app/kernel/role.enum';
import { AgencyType } from '@app/modules/agencies/agency.enums';
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
  scope: string;
  suppressionThreshold: number | null;
  total: Figure;
  cells: Figure[];
}

const STATISTICS = `query ($indicator: String!, $breakdowns: [StatisticsBreakdown!]!) {
  statistics(indicator: $indicator, from: "2023-01-01", to: "2023-12-31", breakdowns: $breakdowns) {
    scope suppressionThreshold total { keys value suppressed } cells { keys value suppressed }
  }
}`;

type Who =
  | 'liaisonA'
  | 'supervisorA'
  | 'officerA'
  | 'attacheA'
  | 'liaisonB'
  | 'provincialSecretariat'
  | 'nationalSecretariat'
  | 'secretariatWithoutUnit'
  | 'partner'
  | 'counterpart'
  | 'auditor'
  | 'administrator';

const person = (originRegion: string): RegisterPerson => ({
  status: 'IDENTIFIED',
  identifiedOn: '2023-06-15',
  sex: 'FEMALE',
  ageBand: 'ADULT_25_34',
  nationality: 'ID',
  originRegion,
  rescueCountry: 'KH',
  kase: { exploitationTypes: ['FORCED_CRIMINALITY'], destinations: ['KH'] },
  // Everyone came home on 4 October and was reintegrated by the end of the year.
  steps: [
    { to: 'REPATRIATED', on: '2023-10-04' },
    { to: 'REINTEGRATED', on: '2023-12-20' },
  ],
});
const many = (n: number, region: string) => Array.from({ length: n }, () => person(region));

describe('statistics: who may see what', () => {
  // A database of its own: other suites' people would count in its figures.
  let env: IsolatedEnvironment;
  let api: TestApp;
  const token: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment();
    api = await TestApp.start(env.env);
    const factories = new Factories(api);
    const national = await factories.unit({ level: TaskForceLevel.NATIONAL });
    const ntt = await factories.unit({ level: TaskForceLevel.PROVINCE, parentUnitId: national.id, regionCode: '53' });
    const agencyA = await factories.agency();
    const agencyB = await factories.agency();
    const provincialSecretariat = await factories.agency();
    const nationalSecretariat = await factories.agency();
    const iom = await factories.agency({ type: AgencyType.INTERNATIONAL_ORGANISATION });
    const ncct = await factories.agency({
      type: AgencyType.FOREIGN_COUNTERPART,
      country: 'KH',
      timeZone: 'Asia/Phnom_Penh',
    });
    await factories.membership({ unitId: ntt.id, agencyId: agencyA.id });
    await factories.membership({
      unitId: ntt.id,
      agencyId: provincialSecretariat.id,
      role: MembershipRole.SECRETARIAT,
    });
    await factories.membership({
      unitId: national.id,
      agencyId: nationalSecretariat.id,
      role: MembershipRole.SECRETARIAT,
    });
    const login = async (who: Who, roles: Role[], agencyId: string) => {
      const user = await factories.user(roles, { agencyId });
      token[who] = await api.login(user.email, TEST_PASSWORD);
      return user;
    };
    const officerA = await login('officerA', [Role.CASE_OFFICER], agencyA.id);
    const officerB = await factories.user([Role.CASE_OFFICER], { agencyId: agencyB.id });
    await login('liaisonA', [Role.LIAISON], agencyA.id);
    await login('supervisorA', [Role.SUPERVISOR], agencyA.id);
    await login('attacheA', [Role.ATTACHE], agencyA.id);
    await login('liaisonB', [Role.LIAISON], agencyB.id);
    await login('provincialSecretariat', [Role.SECRETARIAT], provincialSecretariat.id);
    await login('nationalSecretariat', [Role.SECRETARIAT], nationalSecretariat.id);
    await login('secretariatWithoutUnit', [Role.SECRETARIAT], agencyB.id);
    await login('partner', [Role.PARTNER], iom.id);
    await login('counterpart', [Role.COUNTERPART], ncct.id);
    await login('auditor', [Role.AUDITOR], nationalSecretariat.id);
    await login('administrator', [Role.ADMINISTRATOR], nationalSecretariat.id);

    // A: 30 people from West Java; B: 20 from NTT (the provincial unit's area, though B is no member) and 5 from
    // West Kalimantan.
    await insertRegister(
      api.dataSource,
      { agencyId: agencyA.id, unitId: ntt.id, userId: officerA.id },
      many(30, '32.12'),
    );
    await insertRegister(api.dataSource, { agencyId: agencyB.id, unitId: ntt.id, userId: officerB.id }, [
      ...many(20, '53.71'),
      ...many(5, '61'),
    ]);
  });

  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  const read = async (who: Who, indicator = 'VICTIMS_IDENTIFIED', breakdowns = ['ORIGIN_PROVINCE']) =>
    api.gql<{ statistics: Result }>(STATISTICS, { indicator, breakdowns }, token[who]);
  const figures = async (who: Who) => {
    const response = await read(who);
    expect(response.errors).toBeUndefined();
    const result = response.data!.statistics;
    return {
      scope: result.scope,
      threshold: result.suppressionThreshold,
      total: result.total.value,
      cells: Object.fromEntries(result.cells.map((cell) => [cell.keys[0], cell.value])),
    };
  };

  it.each<Who>(['liaisonA', 'supervisorA', 'officerA', 'attacheA'])(
    "lets agency staff (%s) see their own agency's records in full",
    async (who) => {
      expect(await figures(who)).toEqual({ scope: 'OWN_AGENCY', threshold: null, total: 30, cells: { '32': 30 } });
    },
  );

  it("lets another agency's liaison see only its own, small cells included (it may see the records)", async () => {
    expect(await figures('liaisonB')).toEqual({
      scope: 'OWN_AGENCY',
      threshold: null,
      total: 25,
      cells: { '53': 20, '61': 5 },
    });
  });

  it("lets a provincial secretariat see its unit's area: its members' records and records from its province", async () => {
    expect(await figures('provincialSecretariat')).toEqual({
      scope: 'UNIT_AREA',
      threshold: null,
      total: 50,
      cells: { '32': 30, '53': 20 },
    });
  });

  it('lets the national secretariat see the whole register', async () => {
    expect(await figures('nationalSecretariat')).toEqual({
      scope: 'UNIT_AREA',
      threshold: null,
      total: 55,
      cells: { '32': 30, '53': 20, '61': 5 },
    });
  });

  it('treats a secretariat officer whose agency holds no secretariat as agency staff', async () => {
    expect(await figures('secretariatWithoutUnit')).toMatchObject({ scope: 'OWN_AGENCY', total: 25 });
  });

  it.each<Who>(['partner', 'counterpart', 'auditor', 'administrator'])(
    'shows %s published aggregates only, the small cell and a second one suppressed so the total cannot undo it',
    async (who) => {
      const response = await read(who);
      expect(response.errors).toBeUndefined();
      const result = response.data!.statistics;
      expect(result).toMatchObject({
        scope: 'PUBLISHED',
        suppressionThreshold: 11,
        total: { value: 55, suppressed: false },
      });
      expect(result.cells).toEqual([
        { keys: ['32'], value: 30, suppressed: false },
        { keys: ['53'], value: null, suppressed: true },
        { keys: ['61'], value: null, suppressed: true },
      ]);
    },
  );

  it.each<Who>(['partner', 'counterpart'])(
    'answers %s asking for an unpublished indicator exactly as for an unknown one',
    async (who) => {
      const unpublished = await read(who, 'TASKS_ASSIGNED', ['YEAR']);
      const unknown = await read(who, 'NO_SUCH_INDICATOR', ['YEAR']);
      expect(firstErrorCode(unpublished)).toBe('BAD_USER_INPUT');
      expect(unpublished.errors?.[0]?.extensions).toEqual(unknown.errors?.[0]?.extensions);
      const catalogue = await api.gql<{ indicators: { key: string; published: boolean }[] }>(
        '{ indicators { key published } }',
        {},
        token[who],
      );
      expect(catalogue.data!.indicators.map((indicator) => indicator.key)).not.toContain('TASKS_ASSIGNED');
      expect(catalogue.data!.indicators.every((indicator) => indicator.published)).toBe(true);
    },
  );

  it('lists the whole catalogue, with names in both languages, units and breakdowns, to the secretariat', async () => {
    const catalogue = await api.gql<{ indicators: Record<string, unknown>[] }>(
      '{ indicators { key nameId nameEn unit definition countsBy breakdowns multiValuedBreakdowns sourceTables published duty pillar } }',
      {},
      token.nationalSecretariat,
    );
    expect(catalogue.data!.indicators).toContainEqual(
      expect.objectContaining({
        key: 'VICTIMS_IDENTIFIED',
        nameId: 'Orang yang diidentifikasi sebagai korban',
        unit: 'PERSON_IDENTIFIED_AS_VICTIM',
        multiValuedBreakdowns: ['EXPLOITATION_TYPE'],
        duty: 'VICTIM_MONITORING',
        pillar: 'PROTECTION',
      }),
    );
    expect(catalogue.data!.indicators.map((indicator) => indicator.key)).toContain('TASKS_ASSIGNED');
  });

  it.each(['PERSONS_REPATRIATED', 'PERSONS_REINTEGRATED'])(
    'shows %s to each reader in the same scope as the people identified (all of them returned)',
    async (indicator) => {
      const readers: Who[] = ['liaisonA', 'liaisonB', 'provincialSecretariat', 'nationalSecretariat', 'partner'];
      for (const who of readers) {
        const [identified, returned] = [await read(who), await read(who, indicator)];
        expect(returned.errors).toBeUndefined();
        expect({ who, ...returned.data!.statistics }).toEqual({ who, ...identified.data!.statistics });
      }
    },
  );

  it('refuses an anonymous caller', async () => {
    const response = await api.gql(STATISTICS, { indicator: 'VICTIMS_IDENTIFIED', breakdowns: ['YEAR'] });
    expect(firstErrorCode(response)).toBe('UNAUTHENTICATED');
  });
});
