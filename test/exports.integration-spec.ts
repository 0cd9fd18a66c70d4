import ExcelJS from 'exceljs';

import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { ExploitationType } from '@app/modules/cases/case.enums';
import { ExpireExportsJob } from '@app/modules/exports/jobs/expire-exports.job';
import { PERSON_COLUMNS, QUASI_IDENTIFIER_COLUMNS } from '@app/modules/exports/kinds/deidentified-persons.kind';
import { MembershipRole, TaskForceLevel } from '@app/modules/task-forces/task-force.enums';
import { QueueName } from '@app/queue/queue.names';
import { AgeBand, IdentificationStatus, Sex } from '@app/modules/victims/victim.enums';
import { eventually } from '@libs/testing/eventually';
import { actorOf, Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

const SEEDED_NAME = 'Siti Rahasia Wulandari';
const SEEDED_NIK = '5371014506940007';
const SEEDED_PASSPORT = 'C7701234';

const REQUEST = `mutation ($input: RequestExportInput!) {
  requestExport(input: $input) { id status kind format k unitCode progressPercent downloadPath }
}`;
const MY_EXPORTS = `{ myExports(first: 20) { totalCount edges { node {
  id status progressPercent rowsTotal rowsWritten peopleSuppressed fileName contentType byteSize downloadPath
  expiresAt failure downloads k
} } } }`;

interface ExportNode {
  id: string;
  status: string;
  progressPercent: number;
  rowsTotal: number | null;
  rowsWritten: number;
  peopleSuppressed: number | null;
  fileName: string | null;
  byteSize: number | null;
  downloadPath: string | null;
  failure: string | null;
  downloads: number;
}

/**
 * Exports (issue 19, item 5): a unit's secretariat asks for the de-identified person-level export of its area; the
 * worker builds it in the background with progress the requester sees, tells them when it is ready, and only they
 * download it, each download audited, until it expires. The file is k-anonymous (counted here, combination by
 * combination) and carries no identity value.
 */
describe('de-identified person export', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let clock: FixedClock;
  let api: TestApp;
  let worker: TestWorker;
  let factories: Factories;
  let unitId: string;
  let peopleInArea = 0;
  const token: Record<string, string> = {};
  const email: Record<string, string> = {};
  const codes: string[] = [];

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    clock = new FixedClock(new Date('2026-12-01T03:00:00Z'));
    const settings = { ...env.env, SMTP_URL: sink.url };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    factories = new Factories(api);

    const unit = await factories.unit({ code: 'GTPP-EXPORT' });
    unitId = unit.id;
    const secretariatAgency = await factories.agency();
    const police = await factories.agency();
    const otherSecretariatAgency = await factories.agency();
    const otherUnit = await factories.unit({ code: 'GTPP-OTHER' });
    // A provincial unit below it, for Nusa Tenggara Timur (region 53): its area is the people from NTT.
    const ntt = await factories.unit({
      code: 'GTPP-NTT-X',
      level: TaskForceLevel.PROVINCE,
      parentUnitId: unitId,
      regionCode: '53',
      timeZone: 'Asia/Makassar',
    });
    const nttSecretariatAgency = await factories.agency();
    await factories.membership({ unitId: ntt.id, agencyId: nttSecretariatAgency.id, role: MembershipRole.SECRETARIAT });
    await factories.membership({ unitId, agencyId: secretariatAgency.id, role: MembershipRole.SECRETARIAT });
    await factories.membership({ unitId, agencyId: police.id });
    await factories.membership({
      unitId: otherUnit.id,
      agencyId: otherSecretariatAgency.id,
      role: MembershipRole.SECRETARIAT,
    });
    const people = {
      secretariat: await factories.user([Role.SECRETARIAT], { agencyId: secretariatAgency.id }),
      colleague: await factories.user([Role.SECRETARIAT], { agencyId: secretariatAgency.id }),
      officer: await factories.user([Role.CASE_OFFICER], { agencyId: police.id }),
      otherSecretariat: await factories.user([Role.SECRETARIAT], { agencyId: otherSecretariatAgency.id }),
      nttSecretariat: await factories.user([Role.SECRETARIAT], { agencyId: nttSecretariatAgency.id }),
    };
    for (const [name, user] of Object.entries(people)) {
      token[name] = await api.login(user.email, TEST_PASSWORD);
      email[name] = user.email;
    }

    // 30 women from NTT in a Cambodian scam compound, 14 men from West Java in forced labour in Malaysia, and 5
    // people whose combination is rare (children, another nationality, Saudi Arabia): together 49 in the area.
    const officer = actorOf(people.officer);
    const scam = await factories.case(officer, {
      unitId,
      originRegionCode: '53',
      destinationCountries: ['KH'],
      exploitationTypes: [ExploitationType.FORCED_CRIMINALITY],
    });
    const labour = await factories.case(officer, {
      unitId,
      originRegionCode: '32',
      destinationCountries: ['MY'],
      exploitationTypes: [ExploitationType.FORCED_LABOUR],
    });
    const rare = await factories.case(officer, {
      unitId,
      originRegionCode: '61',
      destinationCountries: ['SA'],
      exploitationTypes: [ExploitationType.SEXUAL_EXPLOITATION],
    });
    const register = async (caseId: string, count: number, fields: Parameters<Factories['victim']>[1]) => {
      for (let i = 0; i < count; i++) {
        const victim = await factories.victim(officer, { caseId, identifiedOn: '2023-07-14', ...fields });
        codes.push(victim.code);
        peopleInArea += 1;
      }
    };
    await register(scam.id, 29, { sex: Sex.FEMALE, ageBand: AgeBand.ADULT_25_34 });
    const seeded = await factories.victim(officer, {
      caseId: scam.id,
      identifiedOn: '2023-07-14',
      sex: Sex.FEMALE,
      ageBand: AgeBand.ADULT_25_34,
      identity: {
        fullName: SEEDED_NAME,
        dateOfBirth: '1994-06-05',
        nationalIdNumber: SEEDED_NIK,
        passportNumber: SEEDED_PASSPORT,
      },
    });
    codes.push(seeded.code);
    peopleInArea += 1;
    await register(labour.id, 14, { sex: Sex.MALE, ageBand: AgeBand.ADULT_18_24, identifiedOn: '2022-03-01' });
    await register(rare.id, 3, { sex: Sex.FEMALE, ageBand: AgeBand.CHILD_12_17 });
    await register(rare.id, 2, { sex: Sex.MALE, ageBand: AgeBand.ADULT_35_49, nationality: 'PH' });
    // Not a victim after screening: never exported.
    await factories.victim(officer, { caseId: scam.id, identificationStatus: IdentificationStatus.NOT_A_VICTIM });
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  const myExports = async (who: string): Promise<ExportNode[]> => {
    const response = await api.gql<{ myExports: { edges: { node: ExportNode }[] } }>(MY_EXPORTS, {}, token[who]);
    expect(response.errors).toBeUndefined();
    return response.data!.myExports.edges.map((edge) => edge.node);
  };
  const request = (who: string, input: Record<string, unknown>) =>
    api.gql<{ requestExport: { id: string; status: string; k: number | null } }>(REQUEST, { input }, token[who]);
  const download = (who: string, id: string) =>
    api.app.inject({ method: 'GET', url: `/exports/${id}/file`, headers: { authorization: `Bearer ${token[who]}` } });

  /** Every combination of the seven quasi-identifiers in the rows, with how many rows share it. */
  const combinations = (header: string[], rows: string[][]): Map<string, number> => {
    const at = Object.values(QUASI_IDENTIFIER_COLUMNS).map((column) => header.indexOf(column));
    expect(at.every((index) => index >= 0)).toBe(true);
    const counts = new Map<string, number>();
    for (const row of rows) {
      const key = at.map((index) => row[index]).join('|');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };

  it('builds the CSV in the background, shows its progress, tells the requester, and gives them a k-anonymous file with no identity', async () => {
    const requested = await request('secretariat', { kind: 'DEIDENTIFIED_PERSONS', format: 'CSV' });
    expect(requested.errors).toBeUndefined();
    expect(requested.data!.requestExport).toMatchObject({ status: 'QUEUED', k: 11 });
    const id = requested.data!.requestExport.id;
    expect((await myExports('secretariat')).find((e) => e.id === id)?.status).toBe('QUEUED');
    // The job carries the export's id and nothing else (no person, no request details).
    await worker.relay();
    const job = await worker.queues.queue(QueueName.EXPORTS).getJob(`export.${id}`);
    const { traceparent: _trace, ...payload } = job!.data as Record<string, unknown>;
    expect(payload).toEqual({ exportId: id });

    await worker.drain();
    const ready = (await myExports('secretariat')).find((e) => e.id === id)!;
    expect(ready).toMatchObject({ status: 'READY', progressPercent: 100, downloadPath: `/exports/${id}/file` });
    expect(ready.rowsWritten + ready.peopleSuppressed!).toBe(peopleInArea);
    expect(ready.fileName).toMatch(/^simpul-deidentified-persons-gtpp-export-2026-12-01\.csv$/);

    const mail = sink.to(email.secretariat).find((m) => m.subject.includes('siap'));
    expect(mail?.subject).toMatch(/Ekspor EXPORT-[0-9A-F]{8} Anda sudah siap/);

    const response = await download('secretariat', id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${ready.fileName}"`);
    const text = response.body;
    for (const secret of [SEEDED_NAME, SEEDED_NIK, SEEDED_PASSPORT, 'Rahasia', ...codes])
      expect(text).not.toContain(secret);

    const [headerLine, ...lines] = text.trimEnd().split('\r\n');
    const header = headerLine.split(',');
    expect(header).toEqual([...PERSON_COLUMNS]);
    const rows = lines.map((line) => line.split(','));
    expect(rows).toHaveLength(ready.rowsWritten);
    const counts = combinations(header, rows);
    for (const [combination, count] of counts) {
      expect({ combination, count: Math.min(count, 11) }).toEqual({ combination, count: 11 });
    }
    // The rare five are left out or merged; the 30 women of the scam case keep their detail where k allows.
    expect(ready.rowsWritten).toBeGreaterThanOrEqual(44);
  });

  it('shows the requester how far a running export got', async () => {
    // Hold the file's table so the export stops after writing its rows, before its file can be stored.
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('LOCK TABLE export_file_chunk IN EXCLUSIVE MODE');
    let id = '';
    try {
      const requested = await request('secretariat', { kind: 'DEIDENTIFIED_PERSONS', format: 'CSV' });
      id = requested.data!.requestExport.id;
      await worker.relay();
      await eventually(async () => {
        const running = (await myExports('secretariat')).find((e) => e.id === id)!;
        expect(running).toMatchObject({ status: 'RUNNING', progressPercent: 99, downloadPath: null });
        expect(running.rowsWritten).toBe(running.rowsTotal);
        expect(running.rowsWritten).toBeGreaterThan(0);
      });
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    await worker.drain();
    expect((await myExports('secretariat')).find((e) => e.id === id)).toMatchObject({
      status: 'READY',
      progressPercent: 100,
    });
  });

  it('still builds an export whose job Redis lost: the sweep finds it QUEUED in PostgreSQL', async () => {
    const requested = await request('secretariat', { kind: 'DEIDENTIFIED_PERSONS', format: 'CSV' });
    const id = requested.data!.requestExport.id;
    // As if the relay had published the job and Redis had then lost it (a flush, a failover without persistence).
    await api.dataSource.query(
      `UPDATE outbox_event SET published_at = now(), processed_at = now() WHERE aggregate_id = $1`,
      [id],
    );
    expect(await worker.queues.queue(QueueName.EXPORTS).getJob(`export.${id}`)).toBeUndefined();
    // The sweep leaves rows younger than half its interval to the job on its way: this one has waited a minute.
    await api.dataSource.query(`UPDATE data_export SET updated_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    const swept = await worker.sweep();
    expect(swept.exports).toMatchObject({ added: 1 });
    await worker.drain();
    expect((await myExports('secretariat')).find((e) => e.id === id)?.status).toBe('READY');
  });

  it('builds the XLSX with the same guarantees, its cells free of any identity value', async () => {
    const requested = await request('secretariat', { kind: 'DEIDENTIFIED_PERSONS', format: 'XLSX', unitId, k: 12 });
    expect(requested.errors).toBeUndefined();
    const id = requested.data!.requestExport.id;
    await worker.drain();
    const ready = (await myExports('secretariat')).find((e) => e.id === id)!;
    expect(ready.status).toBe('READY');

    const response = await download('secretariat', id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('persons')!;
    const values: string[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1).map((cell) => String(cell ?? ''))));
    const [header, ...rows] = values;
    expect(header).toEqual([...PERSON_COLUMNS]);
    expect(rows).toHaveLength(ready.rowsWritten);
    for (const count of combinations(header, rows).values()) expect(count).toBeGreaterThanOrEqual(12);
    const everything = JSON.stringify(values) + JSON.stringify(workbook.getWorksheet('about')?.getSheetValues());
    for (const secret of [SEEDED_NAME, SEEDED_NIK, SEEDED_PASSPORT, 'Rahasia', ...codes]) {
      expect(everything).not.toContain(secret);
    }
    expect(response.rawPayload.includes(Buffer.from(SEEDED_NIK))).toBe(false);
  });

  it('gives a provincial secretariat its own area only: the people whose region of origin is in its province', async () => {
    const requested = await request('nttSecretariat', { kind: 'DEIDENTIFIED_PERSONS', format: 'CSV' });
    expect(requested.errors).toBeUndefined();
    await worker.drain();
    const [ready] = await myExports('nttSecretariat');
    expect(ready.status).toBe('READY');
    // The 30 people of the scam case came from NTT (53); the others from West Java (32) and West Kalimantan (61).
    expect(ready.rowsWritten + ready.peopleSuppressed!).toBe(30);
    const rows = (await download('nttSecretariat', ready.id)).body.trimEnd().split('\r\n').slice(1);
    const province = PERSON_COLUMNS.indexOf('provinceOfOrigin');
    expect(new Set(rows.map((row) => row.split(',')[province]))).toEqual(new Set(['53']));
  });

  it('lets only the requester download, with the console’s cookie session as well as a bearer token, and audits each download', async () => {
    const [ready] = (await myExports('secretariat')).filter((e) => e.status === 'READY');
    // A colleague of the same secretariat, and the case officer: exactly what a random id gets.
    for (const who of ['colleague', 'officer', 'otherSecretariat']) {
      const response = await download(who, ready.id);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('secretariat');
    }
    expect((await download('colleague', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect(await myExports('colleague')).toEqual([]);

    const session = await api.app.inject({
      method: 'POST',
      url: '/auth/session',
      headers: { 'content-type': 'application/json' },
      payload: { email: email.secretariat, password: TEST_PASSWORD },
    });
    const setCookie = ([] as string[]).concat(session.headers['set-cookie'] as string | string[]);
    const cookie = setCookie.find((line) => line.startsWith('simpul_session='))!.split(';')[0];
    const csrf = session.json().csrfToken as string;
    const viaConsole = await api.app.inject({
      method: 'POST',
      url: `/exports/${ready.id}/file`,
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      payload: {},
    });
    expect(viaConsole.statusCode).toBe(200);
    expect(viaConsole.rawPayload.equals((await download('secretariat', ready.id)).rawPayload)).toBe(true);
    // A cookie alone (a link followed, a page elsewhere) gets nothing.
    const plainGet = await api.app.inject({ method: 'GET', url: `/exports/${ready.id}/file`, headers: { cookie } });
    expect(plainGet.statusCode).toBe(401);

    const audited = await api.dataSource.query(
      `SELECT actor_user_id AS "actorUserId" FROM audit_entry WHERE operation = 'export.downloaded' AND target_id = $1`,
      [ready.id],
    );
    const downloads = (await myExports('secretariat')).find((e) => e.id === ready.id)!.downloads;
    expect(audited).toHaveLength(downloads);
    expect(downloads).toBeGreaterThanOrEqual(3);
  });

  it('refuses, naming the argument: k below the minimum, someone not entitled, an unknown kind or format', async () => {
    const lowK = await request('secretariat', { kind: 'DEIDENTIFIED_PERSONS', format: 'CSV', k: 5 });
    expect(firstErrorCode(lowK)).toBe('BAD_USER_INPUT');
    expect(lowK.errors![0].message).toBe(
      'k: 5 is below the minimum of 11; every combination of quasi-identifiers in the file must be shared by at least 11 people.',
    );
    expect(lowK.errors![0].extensions?.field).toBe('k');

    const officer = await request('officer', { kind: 'DEIDENTIFIED_PERSONS', format: 'CSV' });
    expect(firstErrorCode(officer)).toBe('FORBIDDEN');
    expect(officer.errors![0].message).toMatch(/only the secretariat of a task-force unit may export its area/);

    const otherUnit = await request('otherSecretariat', { kind: 'DEIDENTIFIED_PERSONS', format: 'CSV', unitId });
    expect(firstErrorCode(otherUnit)).toBe('FORBIDDEN');
    expect(otherUnit.errors![0].message).toMatch(/^unitId: your agency does not hold the secretariat of this/);

    const kind = await request('secretariat', { kind: 'ANNUAL_SOMETHING', format: 'CSV' });
    expect(firstErrorCode(kind)).toBe('BAD_USER_INPUT');
    expect(kind.errors![0].message).toMatch(/kind/);
    const format = await request('secretariat', { kind: 'DEIDENTIFIED_PERSONS', format: 'PDF' });
    expect(firstErrorCode(format)).toBe('BAD_USER_INPUT');
    expect(format.errors![0].message).toMatch(/format/);
    const count = await api.dataSource.query(`SELECT count(*)::int AS n FROM data_export WHERE status = 'QUEUED'`);
    expect(count[0].n).toBe(0);
  });

  it('keeps no file of an export that fails midway: the file appears only with READY, in one transaction', async () => {
    // A real fault at the last step: PostgreSQL refuses to mark the export READY after every chunk was written.
    await api.dataSource.query(`CREATE FUNCTION refuse_ready() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full (injected)'; END $$`);
    await api.dataSource.query(`CREATE TRIGGER refuse_ready BEFORE UPDATE ON data_export FOR EACH ROW
      WHEN (NEW.status = 'READY') EXECUTE FUNCTION refuse_ready()`);
    try {
      const requested = await request('secretariat', { kind: 'DEIDENTIFIED_PERSONS', format: 'XLSX' });
      const id = requested.data!.requestExport.id;
      await worker.drain();
      const failed = (await myExports('secretariat')).find((e) => e.id === id)!;
      expect(failed).toMatchObject({ status: 'FAILED', downloadPath: null, fileName: null });
      expect(failed.failure).toMatch(
        /^The export failed while it was being built \(error [0-9a-f-]{36}\); nothing was kept/,
      );
      const chunks = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM export_file_chunk WHERE export_id = $1`,
        [id],
      );
      expect(chunks[0].n).toBe(0);
      const response = await download('secretariat', id);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toEqual({
        code: 'CONFLICT',
        reason: 'EXPORT_FILE_NOT_AVAILABLE',
        field: 'id',
        message: `Export ${id} failed and kept no file; ask for it again.`,
      });
    } finally {
      await api.dataSource.query(`DROP TRIGGER refuse_ready ON data_export; DROP FUNCTION refuse_ready()`);
    }
  });

  it('expires: after the configured time the file cannot be downloaded and is deleted', async () => {
    const [ready] = (await myExports('secretariat')).filter((e) => e.status === 'READY');
    clock.advance(72 * 3_600_000 + 1);
    const late = await download('secretariat', ready.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/expired at .*; ask for it again/);
    const [{ n: readyBefore }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM data_export WHERE status = 'READY'`,
    );
    expect(readyBefore).toBeGreaterThanOrEqual(3);
    const expired = await worker.context.get(ExpireExportsJob).expire(clock.now());
    expect(expired).toBe(readyBefore);
    expect((await myExports('secretariat')).find((e) => e.id === ready.id)?.status).toBe('EXPIRED');
    const chunks = await api.dataSource.query(`SELECT count(*)::int AS n FROM export_file_chunk`);
    expect(chunks[0].n).toBe(0);
  });
});
