import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

import { TaskForceLevel } from '@app/modules/task-forces/task-force.enums';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';
import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD, unique } from '@libs/testing/factories';
import { firstErrorCode, GraphqlResponse, TestApp } from '@libs/testing/test-app';

const CASE_FIELDS = `id reference status statusReason version leadAgency { code } unit { code } originRegionCode
  destinationCountries transitCountries exploitationTypes recruitmentChannels meansOfControl intakeChannel summary`;
const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { ${CASE_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateCaseInput!) { updateCase(input: $input) { ${CASE_FIELDS} } }`;
const CHANGE = `mutation ($input: ChangeCaseStatusInput!) { changeCaseStatus(input: $input) { ${CASE_FIELDS} } }`;
const READ = `query ($id: ID!) { case(id: $id) { ${CASE_FIELDS}
  history { kind fromStatus toStatus reason actorUserId actingAgencyId details } } }`;
const LIST = `query ($filter: CaseFilter, $first: Int, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id reference } } } }`;

interface CaseView {
  id: string;
  reference: string;
  status: string;
  statusReason: string | null;
  version: number;
  leadAgency: { code: string };
  unit: { code: string };
  originRegionCode: string | null;
  destinationCountries: string[];
  transitCountries: string[];
  exploitationTypes: string[];
  recruitmentChannels: string[];
  meansOfControl: string[];
  intakeChannel: string;
  summary: string;
}
interface HistoryEntry {
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  actorUserId: string;
  actingAgencyId: string;
  details: Record<string, { before: unknown; after: unknown }>;
}
interface ListView {
  cases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; reference: string } }[];
  };
}

/** Counts SQL statements sent through the app's DataSource. */
class CountingLogger extends AbstractLogger {
  count = 0;
  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {}
  override logQuery(): void {
    this.count++;
  }
}

describe('trafficking cases', () => {
  let sut: TestApp;
  let factories: Factories;
  const agencyId: Record<string, string> = {};
  const unitId: Record<string, string> = {};
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};

  beforeAll(async () => {
    sut = await TestApp.start();
    factories = new Factories(sut);
    for (const code of ['POLRI', 'BARESKRIM', 'KEMENSOS', 'PEMKAB-SAMBAS', 'IOM']) {
      agencyId[code] = (await sut.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    for (const code of ['GTPP-NAS', 'GTPP-SAMBAS']) {
      unitId[code] = (await sut.dataSource.query('SELECT id FROM task_force_unit WHERE code = $1', [code]))[0].id;
    }
    const user = async (name: string, roles: Role[], code: string) => {
      const created = await factories.user(roles, { agencyId: agencyId[code] });
      userId[name] = created.id;
      token[name] = await sut.login(created.email, TEST_PASSWORD);
    };
    await user('officer', [Role.CASE_OFFICER], 'BARESKRIM');
    await user('liaison', [Role.LIAISON], 'BARESKRIM');
    await user('supervisor', [Role.SUPERVISOR], 'BARESKRIM');
    await user('kemensos', [Role.LIAISON], 'KEMENSOS');
    // Polri holds the national unit's secretariat, of which Bareskrim and Kemensos are members.
    await user('secretariat', [Role.SECRETARIAT], 'POLRI');
    await user('secretariatLiaison', [Role.SECRETARIAT, Role.LIAISON], 'POLRI');
    await user('sambasSecretariat', [Role.SECRETARIAT], 'PEMKAB-SAMBAS');
    await user('admin', [Role.ADMINISTRATOR], 'BARESKRIM');
    await user('auditor', [Role.AUDITOR], 'BARESKRIM');
    await user('adminAndLiaison', [Role.ADMINISTRATOR, Role.LIAISON], 'BARESKRIM');
    await user('iom', [Role.CASE_OFFICER], 'IOM');
  });
  afterAll(() => sut.stop());

  const openCase = (as: string, overrides: Record<string, unknown> = {}) =>
    sut.gql<{ openCase: CaseView }>(
      OPEN,
      {
        input: {
          unitId: unitId['GTPP-NAS'],
          exploitationTypes: ['FORCED_CRIMINALITY'],
          intakeChannel: 'EMBASSY',
          ...overrides,
        },
      },
      token[as],
    );
  const opened = async (as = 'officer', overrides: Record<string, unknown> = {}) => {
    const result = await openCase(as, overrides);
    expect(result.errors).toBeUndefined();
    return result.data!.openCase;
  };
  const changeStatus = (id: string, to: string, as = 'officer', extra: Record<string, unknown> = {}) =>
    sut.gql<{ changeCaseStatus: CaseView }>(CHANGE, { input: { id, to, ...extra } }, token[as]);
  const read = (id: string, as: string) =>
    sut.gql<{ case: CaseView & { history: HistoryEntry[] } }>(READ, { id }, token[as]);
  const list = async (as: string, filter: Record<string, unknown> = {}, page: Record<string, unknown> = {}) => {
    const result = await sut.gql<ListView>(LIST, { filter, first: 100, ...page }, token[as]);
    expect(result.errors).toBeUndefined();
    return result.data!.cases;
  };
  const listedIds = async (as: string, filter: Record<string, unknown> = {}) =>
    (await list(as, filter)).edges.map((edge) => edge.node.id);
  const counts = async () =>
    (
      await sut.dataSource.query(
        `SELECT (SELECT count(*) FROM trafficking_case)::int AS cases, (SELECT count(*) FROM case_event)::int AS events,
                (SELECT count(*) FROM outbox_event WHERE aggregate_type = 'Case')::int AS outbox,
                (SELECT count(*) FROM audit_entry WHERE target_type = 'Case')::int AS audit`,
      )
    )[0];

  it('opens a case with every field, led by the opener’s agency, and reads it back', async () => {
    const input = {
      unitId: unitId['GTPP-NAS'],
      originRegionCode: '32.12',
      destinationCountries: ['KH'],
      transitCountries: ['MY', 'TH', 'MY'],
      exploitationTypes: ['FORCED_CRIMINALITY', 'FORCED_LABOUR'],
      recruitmentChannels: ['FACEBOOK', 'TELEGRAM'],
      meansOfControl: ['DOCUMENT_CONFISCATION', 'DEBT_BONDAGE', 'PHYSICAL_VIOLENCE'],
      intakeChannel: 'EMBASSY',
      summary: '  Online-scam compound in Poipet; recruited through Facebook job ads for "customer service" work.  ',
    };
    const created = await sut.gql<{ openCase: CaseView }>(OPEN, { input }, token.officer);
    expect(created.errors).toBeUndefined();
    const sutCase = created.data!.openCase;
    expect(sutCase.reference).toMatch(/^CASE-\d{6}$/);
    expect(sutCase).toMatchObject({
      status: 'REPORTED',
      statusReason: null,
      version: 1,
      leadAgency: { code: 'BARESKRIM' },
      unit: { code: 'GTPP-NAS' },
      originRegionCode: '32.12',
      destinationCountries: ['KH'],
      transitCountries: ['MY', 'TH'],
      exploitationTypes: ['FORCED_CRIMINALITY', 'FORCED_LABOUR'],
      recruitmentChannels: ['FACEBOOK', 'TELEGRAM'],
      meansOfControl: ['DOCUMENT_CONFISCATION', 'DEBT_BONDAGE', 'PHYSICAL_VIOLENCE'],
      intakeChannel: 'EMBASSY',
      summary: input.summary.trim(),
    });

    const readBack = await read(sutCase.id, 'liaison');
    expect(readBack.errors).toBeUndefined();
    const { history, ...fields } = readBack.data!.case;
    expect(fields).toEqual(sutCase);
    expect(history).toEqual([
      expect.objectContaining({
        kind: 'OPENED',
        fromStatus: null,
        toStatus: 'REPORTED',
        actorUserId: userId.officer,
        actingAgencyId: agencyId.BARESKRIM,
      }),
    ]);

    const [event] = await sut.dataSource.query(`SELECT topic, payload FROM outbox_event WHERE aggregate_id = $1`, [
      sutCase.id,
    ]);
    expect(event.topic).toBe('case.opened');
    expect(event.payload).toMatchObject({
      caseId: sutCase.id,
      reference: sutCase.reference,
      leadAgencyId: agencyId.BARESKRIM,
      unitId: unitId['GTPP-NAS'],
      status: 'REPORTED',
    });
    // Ids and codes only: nothing the user typed travels in events.
    expect(JSON.stringify(event.payload)).not.toContain('Poipet');
    const [audit] = await sut.dataSource.query(
      `SELECT operation, acting_agency_id AS "actingAgencyId" FROM audit_entry WHERE target_id = $1`,
      [sutCase.id],
    );
    expect(audit).toEqual({ operation: 'openCase', actingAgencyId: agencyId.BARESKRIM });
  });

  it('refuses bad input with an error naming the field, writing nothing', async () => {
    const inactiveUnit = await sut.dataSource.getRepository(TaskForceUnitEntity).save({
      code: `TEST-${unique()}`,
      nameId: 'Gugus Tugas Uji',
      nameEn: 'Test task force',
      level: TaskForceLevel.PROVINCE,
      regionCode: '53',
      parentUnitId: unitId['GTPP-NAS'],
      timeZone: 'Asia/Makassar',
      active: false,
    });
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ destinationCountries: ['KH', 'XX'] }, 'destinationCountries'],
      [{ destinationCountries: ['kh'] }, 'destinationCountries'],
      [{ transitCountries: ['UK'] }, 'transitCountries'],
      [{ originRegionCode: '99' }, 'originRegionCode'],
      [{ originRegionCode: '32.12.01' }, 'originRegionCode'],
      [{ originRegionCode: 'Jawa Barat' }, 'originRegionCode'],
      [{ exploitationTypes: [] }, 'exploitationTypes'],
      [{ unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId'],
      [{ unitId: inactiveUnit.id }, 'unitId'],
      [{ unitId: 'GTPP-NAS' }, 'unitId'],
      [{ summary: 'x'.repeat(1001) }, 'summary'],
    ];
    for (const [overrides, field] of cases) {
      const result = await openCase('officer', overrides);
      expect({ field, error: result.errors?.[0].extensions }).toMatchObject({
        field,
        error: { code: 'BAD_USER_INPUT', field },
      });
      expect(result.errors?.[0].message).toContain(field);
    }
    const xx = await openCase('officer', { destinationCountries: ['KH', 'XX'] });
    expect(xx.errors?.[0].message).toContain('"XX"');

    // Values outside an enum are refused by GraphQL itself, the message naming the field and the value.
    for (const [field, value] of [
      ['exploitationTypes', ['HUMAN_SMUGGLING']],
      ['recruitmentChannels', ['CARRIER_PIGEON']],
      ['meansOfControl', ['CHARM']],
      ['intakeChannel', 'FAX'],
    ] as const) {
      const result = await openCase('officer', { [field]: value });
      expect(firstErrorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain(field);
      expect(result.errors?.[0].message).toContain(String(value));
    }
    expect(await counts()).toEqual(before);
  });

  it('takes the lead agency from the opener, never from input, and only for bodies that can lead a case', async () => {
    const withLead = await openCase('officer', { leadAgencyId: agencyId.KEMENSOS });
    expect(firstErrorCode(withLead)).toBe('BAD_USER_INPUT');
    const iom = await openCase('iom');
    expect(iom.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'LEAD_AGENCY_NOT_ELIGIBLE' });
    expect(firstErrorCode(await openCase('supervisor'))).toBe('FORBIDDEN');
    expect(firstErrorCode(await openCase('secretariat'))).toBe('FORBIDDEN');
    expect((await opened('liaison')).leadAgency.code).toBe('BARESKRIM');
    expect((await opened('kemensos')).leadAgency.code).toBe('KEMENSOS');
  });

  it('walks the whole justice track, every step in the history, the audit trail and the outbox', async () => {
    const { id } = await opened();
    let version = 1;
    const steps: [string, string][] = [
      ['VERIFIED', 'officer'],
      ['INVESTIGATION', 'officer'],
      ['PROSECUTION', 'liaison'],
      ['TRIAL', 'supervisor'],
      ['VERDICT', 'officer'],
      ['CLOSED', 'officer'],
    ];
    for (const [to, as] of steps) {
      const result = await changeStatus(id, to, as, {
        expectedVersion: version,
        reason: to === 'VERDICT' ? 'Sentenced to 9 years' : undefined,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.changeCaseStatus).toMatchObject({ status: to, version: version + 1, statusReason: null });
      version += 1;
    }
    const { history } = (await read(id, 'officer')).data!.case;
    expect(history.map((entry) => `${entry.kind}:${entry.fromStatus ?? ''}>${entry.toStatus}`)).toEqual([
      'OPENED:>REPORTED',
      'STATUS_CHANGED:REPORTED>VERIFIED',
      'STATUS_CHANGED:VERIFIED>INVESTIGATION',
      'STATUS_CHANGED:INVESTIGATION>PROSECUTION',
      'STATUS_CHANGED:PROSECUTION>TRIAL',
      'STATUS_CHANGED:TRIAL>VERDICT',
      'STATUS_CHANGED:VERDICT>CLOSED',
    ]);
    expect(history[3].actorUserId).toBe(userId.liaison);
    expect(history[4].actorUserId).toBe(userId.supervisor);
    expect(history[5].reason).toBe('Sentenced to 9 years');

    const outbox = await sut.dataSource.query(
      `SELECT topic, payload FROM outbox_event WHERE aggregate_id = $1 ORDER BY created_at`,
      [id],
    );
    expect(outbox.map((row: { topic: string }) => row.topic)).toEqual([
      'case.opened',
      ...steps.map(() => 'case.status-changed'),
    ]);
    expect(outbox[6].payload).toMatchObject({ fromStatus: 'VERDICT', status: 'CLOSED' });
    const audit = await sut.dataSource.query(
      `SELECT operation, changes FROM audit_entry WHERE target_id = $1 ORDER BY occurred_at`,
      [id],
    );
    expect(audit).toHaveLength(7);
    expect(audit[6]).toEqual({
      operation: 'changeCaseStatus',
      changes: { status: { before: 'VERDICT', after: 'CLOSED' } },
    });

    // CLOSED is final.
    const reopened = await changeStatus(id, 'INVESTIGATION', 'officer', { reason: 'New evidence' });
    expect(reopened.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
  });

  it('takes side exits only with a reason, and resumes a stopped investigation', async () => {
    const notTrafficking = await opened();
    const noReason = await changeStatus(notTrafficking.id, 'NOT_TRAFFICKING', 'officer', { reason: '   ' });
    expect(noReason.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REASON_REQUIRED',
      field: 'reason',
    });
    expect((await read(notTrafficking.id, 'officer')).data!.case.status).toBe('REPORTED');
    const exited = await changeStatus(notTrafficking.id, 'NOT_TRAFFICKING', 'officer', {
      reason: 'Irregular migration for work, no exploitation found',
    });
    expect(exited.data?.changeCaseStatus).toMatchObject({
      status: 'NOT_TRAFFICKING',
      statusReason: 'Irregular migration for work, no exploitation found',
    });

    const fromVerified = await opened();
    await changeStatus(fromVerified.id, 'VERIFIED');
    expect(
      (await changeStatus(fromVerified.id, 'NOT_TRAFFICKING', 'officer', { reason: 'Smuggling, not trafficking' })).data
        ?.changeCaseStatus.status,
    ).toBe('NOT_TRAFFICKING');

    const stopped = await opened();
    await changeStatus(stopped.id, 'VERIFIED');
    await changeStatus(stopped.id, 'INVESTIGATION');
    expect(firstErrorCode(await changeStatus(stopped.id, 'INVESTIGATION_STOPPED'))).toBe('BAD_USER_INPUT');
    const sp3 = await changeStatus(stopped.id, 'INVESTIGATION_STOPPED', 'officer', {
      reason: 'SP3: insufficient evidence',
    });
    expect(sp3.data?.changeCaseStatus).toMatchObject({
      status: 'INVESTIGATION_STOPPED',
      statusReason: 'SP3: insufficient evidence',
    });
    const resumed = await changeStatus(stopped.id, 'INVESTIGATION', 'officer', {
      reason: 'SP3 annulled in pre-trial proceedings',
    });
    expect(resumed.data?.changeCaseStatus).toMatchObject({
      status: 'INVESTIGATION',
      statusReason: 'SP3 annulled in pre-trial proceedings',
    });
    const { history } = (await read(stopped.id, 'officer')).data!.case;
    expect(history.slice(-2).map((entry) => [entry.toStatus, entry.reason])).toEqual([
      ['INVESTIGATION_STOPPED', 'SP3: insufficient evidence'],
      ['INVESTIGATION', 'SP3 annulled in pre-trial proceedings'],
    ]);
  });

  it('refuses an illegal transition with CONFLICT (ILLEGAL_TRANSITION), changing nothing', async () => {
    const { id } = await opened();
    const before = await counts();
    for (const to of ['TRIAL', 'CLOSED', 'INVESTIGATION_STOPPED', 'REPORTED']) {
      const result = await changeStatus(id, to, 'officer', { reason: 'because' });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    }
    const skipped = await changeStatus(id, 'TRIAL');
    expect(skipped.errors?.[0].message).toBe(
      'A case that is REPORTED cannot move to TRIAL (allowed next: VERIFIED, NOT_TRAFFICKING).',
    );
    expect(firstErrorCode(await changeStatus(id, 'NOT_A_STATUS'))).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    expect((await read(id, 'officer')).data!.case).toMatchObject({ status: 'REPORTED', version: 1 });
  });

  it('lets exactly one of two simultaneous identical steps win; the other gets CONFLICT', async () => {
    const { id } = await opened();
    const results = await Promise.all([changeStatus(id, 'VERIFIED'), changeStatus(id, 'VERIFIED', 'liaison')]);
    expect(results.map((result) => firstErrorCode(result) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const { history } = (await read(id, 'officer')).data!.case;
    expect(history.filter((entry) => entry.kind === 'STATUS_CHANGED')).toHaveLength(1);
  });

  it('edits the description with optimistic concurrency: a stale version is refused with CONFLICT', async () => {
    const { id } = await opened('officer', { destinationCountries: ['KH'] });
    const edited = await sut.gql<{ updateCase: CaseView }>(
      UPDATE,
      {
        input: {
          id,
          expectedVersion: 1,
          destinationCountries: ['KH', 'MM'],
          meansOfControl: ['DEBT_BONDAGE'],
          originRegionCode: '53',
          summary: 'Two compounds: Poipet and Myawaddy.',
        },
      },
      token.liaison,
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateCase).toMatchObject({
      version: 2,
      destinationCountries: ['KH', 'MM'],
      meansOfControl: ['DEBT_BONDAGE'],
      originRegionCode: '53',
      exploitationTypes: ['FORCED_CRIMINALITY'],
      intakeChannel: 'EMBASSY',
    });

    const before = await counts();
    const staleEdit = await sut.gql(
      UPDATE,
      { input: { id, expectedVersion: 1, transitCountries: ['TH'] } },
      token.officer,
    );
    expect(staleEdit.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CASE_VERSION_CONFLICT',
      field: 'expectedVersion',
    });
    const staleStep = await changeStatus(id, 'VERIFIED', 'officer', { expectedVersion: 1 });
    expect(staleStep.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CASE_VERSION_CONFLICT' });
    expect(await counts()).toEqual(before);

    expect((await changeStatus(id, 'VERIFIED', 'officer', { expectedVersion: 2 })).data?.changeCaseStatus.version).toBe(
      3,
    );
    const badEdit = await sut.gql(UPDATE, { input: { id, transitCountries: ['ZZ'] } }, token.officer);
    expect(badEdit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'transitCountries' });
    const badUnit = await sut.gql(
      UPDATE,
      { input: { id, unitId: '00000000-0000-4000-8000-000000000000' } },
      token.officer,
    );
    expect(badUnit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });

    const { history } = (await read(id, 'officer')).data!.case;
    const update = history.find((entry) => entry.kind === 'UPDATED')!;
    expect(update.details).toMatchObject({
      destinationCountries: { before: ['KH'], after: ['KH', 'MM'] },
      originRegionCode: { before: null, after: '53' },
    });
    expect(history.map((entry) => entry.kind)).toEqual(['OPENED', 'UPDATED', 'STATUS_CHANGED']);
  });

  it('shows a case to its lead agency and the unit secretariats, NOT_FOUND to everyone else', async () => {
    const { id } = await opened();
    for (const who of ['officer', 'liaison', 'supervisor', 'secretariat', 'secretariatLiaison', 'adminAndLiaison']) {
      expect({ who, errors: (await read(id, who)).errors }).toEqual({ who, errors: undefined });
      expect({ who, listed: (await listedIds(who)).includes(id) }).toEqual({ who, listed: true });
    }
    for (const who of ['kemensos', 'sambasSecretariat', 'admin', 'auditor', 'iom']) {
      const result = await read(id, who);
      expect({ who, code: firstErrorCode(result) }).toEqual({ who, code: 'NOT_FOUND' });
      expect({ who, listed: (await listedIds(who)).includes(id) }).toEqual({ who, listed: false });
    }
    // A malformed id is refused at the edge, naming the argument (it says nothing about which cases exist).
    expect((await read('not-a-uuid', 'officer')).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    expect(firstErrorCode(await read('00000000-0000-4000-8000-000000000000', 'officer'))).toBe('NOT_FOUND');
    expect(firstErrorCode(await sut.gql(READ, { id }))).toBe('UNAUTHENTICATED');

    // Another agency's liaison cannot change it either, and learns nothing from a stale version.
    expect(firstErrorCode(await changeStatus(id, 'VERIFIED', 'kemensos'))).toBe('NOT_FOUND');
    expect(firstErrorCode(await changeStatus(id, 'VERIFIED', 'kemensos', { expectedVersion: 99 }))).toBe('NOT_FOUND');
    expect(firstErrorCode(await sut.gql(UPDATE, { input: { id, summary: 'x' } }, token.kemensos))).toBe('NOT_FOUND');
    // Secretariats read; a Polri liaison who sees it as secretariat still does not work a Bareskrim case.
    expect(firstErrorCode(await changeStatus(id, 'VERIFIED', 'secretariat'))).toBe('FORBIDDEN');
    const notHolder = await changeStatus(id, 'VERIFIED', 'secretariatLiaison');
    expect(notHolder.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_CASE_HOLDER' });
    expect((await read(id, 'officer')).data!.case.version).toBe(1);

    // A case filed under the Sambas unit is the Sambas secretariat's too.
    const sambas = await opened('officer', { unitId: unitId['GTPP-SAMBAS'], originRegionCode: '61.01' });
    expect((await read(sambas.id, 'sambasSecretariat')).data?.case.unit.code).toBe('GTPP-SAMBAS');
    expect(await listedIds('sambasSecretariat')).toContain(sambas.id);
  });

  it('filters by status, lead agency, unit and exploitation type, and pages newest first', async () => {
    const agency = await factories.agency();
    const liaison = await factories.user([Role.LIAISON], { agencyId: agency.id });
    token.fresh = await sut.login(liaison.email, TEST_PASSWORD);
    const make = async (exploitationTypes: string[], unit = 'GTPP-NAS') =>
      (await opened('fresh', { exploitationTypes, unitId: unitId[unit] })).id;
    const scam = await make(['FORCED_CRIMINALITY']);
    const labour = await make(['FORCED_LABOUR', 'DOMESTIC_SERVITUDE']);
    const sexual = await make(['SEXUAL_EXPLOITATION', 'FORCED_CRIMINALITY'], 'GTPP-SAMBAS');
    const more = [];
    for (let i = 0; i < 4; i++) more.push(await make(['OTHER']));
    await changeStatus(labour, 'VERIFIED', 'fresh');

    const ids = async (filter: Record<string, unknown>) => (await listedIds('fresh', filter)).sort();
    expect(await ids({ exploitationType: 'FORCED_CRIMINALITY' })).toEqual([scam, sexual].sort());
    expect(await ids({ exploitationType: 'DOMESTIC_SERVITUDE' })).toEqual([labour]);
    expect(await ids({ status: ['VERIFIED'] })).toEqual([labour]);
    expect(await ids({ status: 'REPORTED', exploitationType: 'FORCED_LABOUR' })).toEqual([]);
    expect(await ids({ unitId: unitId['GTPP-SAMBAS'] })).toEqual([sexual]);
    expect(await ids({ leadAgencyId: agency.id })).toHaveLength(7);
    expect(await ids({ leadAgencyId: agencyId.BARESKRIM })).toEqual([]);
    const badFilter = await sut.gql(LIST, { filter: { exploitationType: 'SMUGGLING' } }, token.fresh);
    expect(firstErrorCode(badFilter)).toBe('BAD_USER_INPUT');

    // Pages of 3, newest first, with no gaps or repeats.
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 3; page++) {
      const result = await list('fresh', {}, { first: 3, after });
      expect(result.totalCount).toBe(7);
      seen.push(...result.edges.map((edge) => edge.node.id));
      expect(result.pageInfo.hasNextPage).toBe(page < 2);
      after = result.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual([...more].reverse().concat([sexual, labour, scam]));
    const badCursor = await sut.gql(LIST, { first: 3, after: 'bm90IGEgY3Vyc29y' }, token.fresh);
    expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('resolves lead agency, unit and history in batches: the query count does not grow with the page', async () => {
    const agency = await factories.agency();
    const liaison = await factories.user([Role.LIAISON], { agencyId: agency.id });
    const as = await sut.login(liaison.email, TEST_PASSWORD);
    const addCases = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const result = await sut.gql(
          OPEN,
          { input: { unitId: unitId['GTPP-NAS'], exploitationTypes: ['OTHER'], intakeChannel: 'HOTLINE' } },
          as,
        );
        expect(result.errors).toBeUndefined();
      }
    };
    const page = `{ cases(first: 50) { totalCount edges { node { reference leadAgency { code } unit { code } history { kind } } } } }`;
    const logger = new CountingLogger();
    const original = sut.dataSource.logger;
    Object.assign(sut.dataSource, { logger });
    const countQueries = async () => {
      logger.count = 0;
      const result: GraphqlResponse<{ cases: { totalCount: number } }> = await sut.gql(page, {}, as);
      expect(result.errors).toBeUndefined();
      return { count: logger.count, total: result.data!.cases.totalCount };
    };
    try {
      await addCases(2);
      const small = await countQueries();
      await addCases(10);
      const large = await countQueries();
      expect([small.total, large.total]).toEqual([2, 12]);
      expect(small.count).toBeGreaterThanOrEqual(4);
      expect(large.count).toBe(small.count);
    } finally {
      Object.assign(sut.dataSource, { logger: original });
    }
  });
});
