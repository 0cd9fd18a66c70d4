import { FixedClock } from '@app/kernel/clock';
import { AgencyCapability } from '@app/modules/agencies/agency.enums';
import { MembershipRole } from '@app/modules/task-forces/task-force.enums';
import { Locale, Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD, unique } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';

interface ProvidersPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { code: string } }[];
}

const PROVIDERS = `query ($filter: ProviderFilter!, $first: Int, $after: String) {
  providers(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`;

/**
 * The provider directory against the seeded reference data (an isolated copy, so the counts are exact) plus a
 * few agencies and memberships of its own. The clock stands at 18:30 UTC on 10 March 2026: already 11 March in
 * Makassar, where the NTT unit keeps its calendar.
 */
describe('provider directory', () => {
  let env: IsolatedEnvironment;
  let sut: TestApp;
  let factories: Factories;
  const clock = new FixedClock(new Date('2026-03-10T18:30:00Z'));
  let indonesianToken: string;
  let englishToken: string;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sut = await TestApp.start(env.env, { clock });
    factories = new Factories(sut);
    indonesianToken = await sut.login((await factories.user([Role.CASE_OFFICER])).email, TEST_PASSWORD);
    englishToken = await sut.login((await factories.user([Role.PARTNER], { locale: Locale.EN })).email, TEST_PASSWORD);
  });

  afterAll(async () => {
    await sut?.stop();
    await env?.drop();
  });

  const providers = async (filter: Record<string, unknown>, token = indonesianToken, first = 100, after?: string) => {
    const result = await sut.gql<{ providers: ProvidersPage }>(PROVIDERS, { filter, first, after }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.providers;
  };
  const codes = (page: ProvidersPage) => page.edges.map((edge) => edge.node.code);
  const unitId = async (code: string): Promise<string> =>
    (await sut.dataSource.query('SELECT id FROM task_force_unit WHERE code = $1', [code]))[0].id;
  /** A shelter provider of its own, a member of the unit for the period given. */
  const shelterIn = async (unitCode: string, validFrom: string, validTo: string | null = null): Promise<string> => {
    const code = `SHELTER-${unique()}`;
    const agency = await factories.agency({ code, capabilities: [AgencyCapability.SHELTER] });
    await sut.dataSource.query(
      `INSERT INTO membership (unit_id, agency_id, role, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)`,
      [await unitId(unitCode), agency.id, MembershipRole.MEMBER, validFrom, validTo],
    );
    return code;
  };

  it('lists the active agencies that deliver the service, by name in the reader’s language', async () => {
    await factories.agency({
      code: `CLOSED-CLINIC-${unique()}`,
      nameId: 'Klinik Tutup',
      nameEn: 'Closed Clinic',
      capabilities: [AgencyCapability.MEDICAL],
      active: false,
    });

    const indonesian = await providers({ capability: 'MEDICAL' });
    // Caritas Kamboja, Kementerian Kesehatan, Lembaga Perlindungan Saksi dan Korban, Organisasi Internasional …
    expect(codes(indonesian)).toEqual(['CARITAS-KH', 'KEMENKES', 'LPSK', 'IOM']);
    expect(indonesian.totalCount).toBe(4);
    // Caritas Cambodia, International Organization for Migration, Ministry of Health, Witness and Victim …
    expect(codes(await providers({ capability: 'MEDICAL' }, englishToken))).toEqual([
      'CARITAS-KH',
      'IOM',
      'KEMENKES',
      'LPSK',
    ]);
  });

  it('narrows to one country', async () => {
    expect(codes(await providers({ capability: 'MEDICAL', country: 'KH' }))).toEqual(['CARITAS-KH']);
    expect(codes(await providers({ capability: 'SHELTER', country: 'KH' }, englishToken))).toEqual([
      'CARITAS-KH',
      'KH-MOSVY',
    ]);
    expect(codes(await providers({ capability: 'WITNESS_PROTECTION', country: 'MY' }))).toEqual([]);
  });

  it('finds the members of a province’s unit and of the regency units inside it', async () => {
    expect(codes(await providers({ capability: 'SHELTER', region: '53' }))).toEqual(['DINSOS-NTT', 'UPTD-PPA-NTT']);
    expect(codes(await providers({ capability: 'LEGAL_AID', region: '53' }))).toEqual(['UPTD-PPA-NTT']);
    // IOM is a partner of the national unit only, which has no region.
    expect(codes(await providers({ capability: 'MEDICAL', region: '53' }))).toEqual([]);

    const sambas = await shelterIn('GTPP-SAMBAS', '2024-01-01');
    const kalbar = await providers({ capability: 'SHELTER', region: '61' });
    expect(codes(kalbar).sort()).toEqual(['DINSOS-KALBAR', sambas].sort());
    expect(codes(await providers({ capability: 'SHELTER', region: '61.01' }))).toEqual([sambas]);
    // A regency without a unit finds nobody; the region and the country must both hold.
    expect(codes(await providers({ capability: 'SHELTER', region: '61.02' }))).toEqual([]);
    expect(codes(await providers({ capability: 'SHELTER', region: '61', country: 'KH' }))).toEqual([]);
  });

  it('counts memberships in force today in the unit’s own time zone, in active units only', async () => {
    // 11 March in Makassar (NTT) although still 10 March in UTC: a membership from the 11th counts already.
    const startedToday = await shelterIn('GTPP-NTT', '2026-03-11');
    const endedToday = await shelterIn('GTPP-NTT', '2024-01-01', '2026-03-11');
    const startsTomorrow = await shelterIn('GTPP-NTT', '2026-03-12');
    const inNtt = codes(await providers({ capability: 'SHELTER', region: '53' }));
    expect(inNtt).toContain(startedToday);
    expect(inNtt).not.toContain(endedToday);
    expect(inNtt).not.toContain(startsTomorrow);

    clock.set(new Date('2026-03-11T16:00:00Z'));
    try {
      // Now 12 March in Makassar.
      expect(codes(await providers({ capability: 'SHELTER', region: '53' }))).toContain(startsTomorrow);
    } finally {
      clock.set(new Date('2026-03-10T18:30:00Z'));
    }

    const [closedUnit] = await sut.dataSource.query(
      `INSERT INTO task_force_unit (code, name_id, name_en, level, region_code, parent_unit_id, time_zone, active)
       VALUES ($1, 'Gugus Tugas Uji (tutup)', 'Closed test unit', 'REGENCY_CITY', '53.71', $2, 'Asia/Makassar', false)
       RETURNING code`,
      [`GTPP-CLOSED-${unique()}`, await unitId('GTPP-NTT')],
    );
    const inClosedUnit = await shelterIn(closedUnit.code, '2024-01-01');
    expect(codes(await providers({ capability: 'SHELTER', region: '53' }))).not.toContain(inClosedUnit);
    expect(codes(await providers({ capability: 'SHELTER', region: '53.71' }))).toEqual([]);
  });

  it('pages through the providers with cursors, without repeats or gaps', async () => {
    const all = await providers({ capability: 'SHELTER' });
    expect(all.totalCount).toBeGreaterThanOrEqual(8);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const connection = await providers({ capability: 'SHELTER' }, indonesianToken, 3, after);
      expect(connection.totalCount).toBe(all.totalCount);
      seen.push(...codes(connection));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor!;
    }
    expect(seen).toEqual(codes(all));
  });

  it('refuses an unknown country or region, naming the field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ capability: 'SHELTER', country: 'XX' }, 'filter.country', /country must be an ISO 3166-1 alpha-2/],
      [{ capability: 'SHELTER', country: 'kh' }, 'filter.country', /country/],
      [{ capability: 'SHELTER', region: '99' }, 'filter.region', /region must be an Indonesian province/],
      [{ capability: 'SHELTER', region: '32.12.01' }, 'filter.region', /region/],
      [{ capability: 'SHELTER', region: 'Jawa Barat' }, 'filter.region', /region/],
    ];
    for (const [filter, field, message] of cases) {
      const result = await sut.gql(PROVIDERS, { filter }, indonesianToken);
      expect({ filter, error: result.errors?.[0].extensions }).toMatchObject({
        filter,
        error: { code: 'BAD_USER_INPUT', field },
      });
      expect(result.errors![0].message).toMatch(message);
    }
    const noService = await sut.gql(PROVIDERS, { filter: { region: '53' } }, indonesianToken);
    expect(firstErrorCode(noService)).toBe('BAD_USER_INPUT');
    expect(noService.errors![0].message).toMatch(/capability/);
  });

  it('is open to every signed-in user and to nobody else', async () => {
    const auditor = await sut.login((await factories.user([Role.AUDITOR])).email, TEST_PASSWORD);
    expect(codes(await providers({ capability: 'WITNESS_PROTECTION' }, auditor))).toEqual(['LPSK']);
    expect(firstErrorCode(await sut.gql(PROVIDERS, { filter: { capability: 'SHELTER' } }))).toBe('UNAUTHENTICATED');
  });
});
