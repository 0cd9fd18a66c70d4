import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD, unique } from '@libs/testing/factories';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

describe('task-force directory', () => {
  let sut: TestApp;
  let liaisonToken: string;
  let adminToken: string;
  let auditorToken: string;

  beforeAll(async () => {
    sut = await TestApp.start();
    const factories = new Factories(sut);
    liaisonToken = await sut.login((await factories.user([Role.LIAISON])).email, TEST_PASSWORD);
    adminToken = await sut.login((await factories.user([Role.ADMINISTRATOR])).email, TEST_PASSWORD);
    auditorToken = await sut.login((await factories.user([Role.AUDITOR])).email, TEST_PASSWORD);
  });
  afterAll(() => sut.stop());

  const idOf = async (code: string, table = 'agency'): Promise<string> =>
    (await sut.dataSource.query(`SELECT id FROM ${table} WHERE code = $1`, [code]))[0].id;

  it('searches agencies by acronym, alias or name, in both languages', async () => {
    const query = 'query ($s: String!) { agencies(filter: { search: $s }) { edges { node { code acronym nameEn } } } }';
    const phnomPenh = await sut.gql<{ agencies: Page<{ code: string }> }>(query, { s: 'Phnom Penh' }, liaisonToken);
    const codes = phnomPenh.data!.agencies.edges.map((e) => e.node.code);
    expect(codes).toEqual(expect.arrayContaining(['KBRI-PNH', 'ATASE-IMIGRASI-PNH']));
    const kemlu = await sut.gql<{ agencies: Page<{ code: string }> }>(query, { s: 'luar negeri' }, liaisonToken);
    expect(kemlu.data!.agencies.edges.map((e) => e.node.code)).toContain('KEMLU');
  });

  it('filters agencies by country and capability', async () => {
    const result = await sut.gql<{ agencies: Page<{ country: string; capabilities: string[] }> }>(
      '{ agencies(first: 100, filter: { country: "KH" }) { totalCount edges { node { country capabilities } } } }',
      {},
      liaisonToken,
    );
    expect(result.data!.agencies.totalCount).toBeGreaterThanOrEqual(4);
    expect(result.data!.agencies.edges.every((e) => e.node.country === 'KH')).toBe(true);
    const shelters = await sut.gql<{ agencies: Page<{ capabilities: string[] }> }>(
      '{ agencies(first: 100, filter: { capability: SHELTER }) { edges { node { capabilities } } } }',
      {},
      liaisonToken,
    );
    expect(shelters.data!.agencies.edges.length).toBeGreaterThan(0);
    expect(shelters.data!.agencies.edges.every((e) => e.node.capabilities.includes('SHELTER'))).toBe(true);
  });

  it('pages through every agency with cursors, without repeats or gaps', async () => {
    const query =
      'query ($after: String) { agencies(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }';
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page++) {
      const result: { data: { agencies: Page<{ code: string }> } | null } = await sut.gql(
        query,
        { after },
        liaisonToken,
      );
      const connection = result.data!.agencies;
      total = connection.totalCount;
      seen.push(...connection.edges.map((e) => e.node.code));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
  });

  it('refuses a page size above the maximum, naming the argument', async () => {
    const result = await sut.gql('{ agencies(first: 1000) { totalCount } }', {}, liaisonToken);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('answers who was daily chair of the national unit before and after the 2023 change', async () => {
    const unitId = await idOf('GTPP-NAS', 'task_force_unit');
    const query = `query ($unit: ID!, $day: String!) {
      memberships(filter: { unitId: $unit, role: DAILY_CHAIR, activeOn: $day }) { edges { node { validFrom validTo agency { code } } } } }`;
    const before = await sut.gql<{ memberships: Page<{ agency: { code: string } }> }>(
      query,
      { unit: unitId, day: '2023-01-01' },
      liaisonToken,
    );
    const after = await sut.gql<{ memberships: Page<{ agency: { code: string } }> }>(
      query,
      { unit: unitId, day: '2024-01-01' },
      liaisonToken,
    );
    expect(before.data!.memberships.edges.map((e) => e.node.agency.code)).toEqual(['KEMENPPPA']);
    expect(after.data!.memberships.edges.map((e) => e.node.agency.code)).toEqual(['POLRI']);
  });

  it('shows the unit tree with provinces under the national unit', async () => {
    const result = await sut.gql<{ taskForceUnits: Page<{ code: string; parentUnit: { code: string } | null }> }>(
      '{ taskForceUnits(first: 100, filter: { level: PROVINCE }) { edges { node { code parentUnit { code } } } } }',
      {},
      liaisonToken,
    );
    const provinces = result.data!.taskForceUnits.edges.map((e) => e.node);
    expect(provinces.map((p) => p.code)).toEqual(
      expect.arrayContaining(['GTPP-NTT', 'GTPP-JABAR', 'GTPP-KALBAR', 'GTPP-KEPRI', 'GTPP-NTB']),
    );
    expect(provinces.every((p) => p.parentUnit?.code === 'GTPP-NAS')).toBe(true);
  });

  it('lists the 2024 immigration framework with its eight cooperation areas, and the 2022 police MoU', async () => {
    const result = await sut.gql<{
      legalInstruments: Page<{
        code: string;
        signedOn: string;
        commitments: { sequence: number; titleEn: string }[];
        parties: { code: string }[];
      }>;
    }>(
      '{ legalInstruments(first: 100) { edges { node { code signedOn signedAt commitments { sequence titleEn } parties { code } } } } }',
      {},
      liaisonToken,
    );
    const instruments = result.data!.legalInstruments.edges.map((e) => e.node);
    const framework = instruments.find((i) => i.code === 'KH-ID-IMM-2024');
    expect(framework?.signedOn).toBe('2024-03-13');
    expect(framework?.commitments.map((c) => c.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(framework?.commitments[5].titleEn).toMatch(/statistic/i);
    expect(framework?.parties.map((p) => p.code)).toContain('DITJEN-IMIGRASI');
    const mou = instruments.find((i) => i.code === 'MOU-POLRI-KH-MOHA-2022');
    expect(mou?.parties.map((p) => p.code)).toContain('POLRI');
  });

  it('serves the holiday calendars of Indonesia, Cambodia and Malaysia for this year and the next', async () => {
    const year = new Date().getUTCFullYear();
    for (const country of ['ID', 'KH', 'MY']) {
      for (const y of [year, year + 1]) {
        const result = await sut.gql<{ holidays: { date: string }[] }>(
          'query ($c: String!, $y: Int!) { holidays(country: $c, year: $y) { date name } }',
          { c: country, y },
          liaisonToken,
        );
        expect(result.data!.holidays.length).toBeGreaterThanOrEqual(8);
        expect(result.data!.holidays.every((h) => h.date.startsWith(String(y)))).toBe(true);
      }
    }
  });

  describe('administration', () => {
    const create = `mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id code version active parentAgency { code } } }`;
    const baseInput = () => ({
      code: `LBH-${unique()}`,
      nameId: 'Lembaga Bantuan Hukum Kupang',
      nameEn: 'Kupang Legal Aid Institute',
      acronym: 'LBH Kupang',
      type: 'NGO',
      country: 'ID',
      capabilities: ['LEGAL_AID'],
      timeZone: 'Asia/Makassar',
    });

    it('creates, edits and deactivates an agency, each with an audit entry of what changed', async () => {
      const input = baseInput();
      const created = await sut.gql<{ createAgency: { id: string; version: number } }>(create, { input }, adminToken);
      expect(created.errors).toBeUndefined();
      const id = created.data!.createAgency.id;

      const updated = await sut.gql<{ updateAgency: { nameEn: string; version: number } }>(
        'mutation ($input: UpdateAgencyInput!) { updateAgency(input: $input) { nameEn version } }',
        { input: { id, nameEn: 'LBH Kupang (Legal Aid)', expectedVersion: created.data!.createAgency.version } },
        adminToken,
      );
      expect(updated.data!.updateAgency.nameEn).toBe('LBH Kupang (Legal Aid)');

      const stale = await sut.gql(
        'mutation ($input: UpdateAgencyInput!) { updateAgency(input: $input) { id } }',
        { input: { id, nameEn: 'Stale edit', expectedVersion: created.data!.createAgency.version } },
        adminToken,
      );
      expect(firstErrorCode(stale)).toBe('CONFLICT');

      const deactivated = await sut.gql<{ deactivateAgency: { active: boolean } }>(
        'mutation ($input: DeactivateAgencyInput!) { deactivateAgency(input: $input) { active } }',
        { input: { id, reason: 'merged into another institute' } },
        adminToken,
      );
      expect(deactivated.data!.deactivateAgency.active).toBe(false);

      const trail = await sut.gql<{
        auditEntries: Page<{
          operation: string;
          changes: Record<string, { before: unknown; after: unknown }>;
          requestId: string | null;
          actorUserId: string;
        }>;
      }>(
        'query ($id: ID!) { auditEntries(filter: { targetId: $id }) { edges { node { operation changes requestId actorUserId actingAgencyId } } } }',
        { id },
        auditorToken,
      );
      const entries = trail.data!.auditEntries.edges.map((e) => e.node);
      expect(entries.map((e) => e.operation)).toEqual(['createAgency', 'updateAgency', 'deactivateAgency']);
      expect(entries[1].changes).toEqual({
        nameEn: { before: 'Kupang Legal Aid Institute', after: 'LBH Kupang (Legal Aid)' },
      });
      expect(entries.every((e) => typeof e.requestId === 'string' && e.actorUserId)).toBe(true);
    });

    it('refuses a duplicate code with CONFLICT naming the field', async () => {
      const result = await sut.gql(create, { input: { ...baseInput(), code: 'POLRI' } }, adminToken);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    });

    it('names the field of each invalid input', async () => {
      const badZone = await sut.gql(create, { input: { ...baseInput(), timeZone: 'Mars/Olympus' } }, adminToken);
      expect(badZone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
      const badCountry = await sut.gql(create, { input: { ...baseInput(), country: 'Indonesia' } }, adminToken);
      expect(badCountry.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
      const badParent = await sut.gql(
        create,
        { input: { ...baseInput(), parentAgencyId: '00000000-0000-4000-8000-000000000000' } },
        adminToken,
      );
      expect(badParent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentAgencyId' });
    });

    it('refuses an agency placed under its own part', async () => {
      const parent = await sut.gql<{ createAgency: { id: string } }>(create, { input: baseInput() }, adminToken);
      const child = await sut.gql<{ createAgency: { id: string } }>(
        create,
        { input: { ...baseInput(), parentAgencyId: parent.data!.createAgency.id } },
        adminToken,
      );
      const cycle = await sut.gql(
        'mutation ($input: UpdateAgencyInput!) { updateAgency(input: $input) { id } }',
        { input: { id: parent.data!.createAgency.id, parentAgencyId: child.data!.createAgency.id } },
        adminToken,
      );
      expect(cycle.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentAgencyId' });
    });

    it('refuses a second daily chair over the same period', async () => {
      const unitId = await idOf('GTPP-NAS', 'task_force_unit');
      const agencyId = await idOf('KEMLU');
      const result = await sut.gql(
        'mutation ($input: CreateMembershipInput!) { createMembership(input: $input) { id } }',
        { input: { unitId, agencyId, role: 'DAILY_CHAIR', validFrom: '2024-06-01' } },
        adminToken,
      );
      expect(firstErrorCode(result)).toBe('CONFLICT');
    });

    it('leaves nothing half-written when a later step of a mutation fails', async () => {
      const code = `INS-${unique()}`;
      const result = await sut.gql(
        'mutation ($input: CreateLegalInstrumentInput!) { createLegalInstrument(input: $input) { id } }',
        {
          input: {
            code,
            kind: 'MOU',
            titleId: 'Nota kesepahaman uji',
            titleEn: 'Test memorandum',
            partyAgencyIds: ['00000000-0000-4000-8000-000000000000'],
          },
        },
        adminToken,
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyAgencyIds' });
      expect(await sut.dataSource.query('SELECT 1 FROM legal_instrument WHERE code = $1', [code])).toHaveLength(0);
      expect(
        await sut.dataSource.query(
          `SELECT 1 FROM audit_entry WHERE operation = 'createLegalInstrument' AND changes::text LIKE $1`,
          [`%${code}%`],
        ),
      ).toHaveLength(0);
    });
  });

  describe('the audit trail', () => {
    it('is readable by auditors only', async () => {
      const result = await sut.gql('{ auditEntries { totalCount } }', {}, liaisonToken);
      expect(firstErrorCode(result)).toBe('FORBIDDEN');
    });

    it('cannot be edited or deleted, even with direct SQL', async () => {
      await expect(sut.dataSource.query(`UPDATE audit_entry SET operation = 'x'`)).rejects.toThrow(/append-only/);
      await expect(sut.dataSource.query('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
    });
  });
});
