import ExcelJS from 'exceljs';

import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { ExploitationType } from '@app/modules/cases/case.enums';
import { CHAPTER_COLUMNS, DUTY_ORDER } from '@app/modules/exports/kinds/annual-report-layout';
import { MembershipRole } from '@app/modules/task-forces/task-force.enums';
import { AgeBand, IdentificationStatus, Sex } from '@app/modules/victims/victim.enums';
import { actorOf, Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

const REQUEST = `mutation ($input: RequestExportInput!) { requestExport(input: $input) { id status kind format } }`;
const MY_EXPORTS = `{ myExports(first: 20) { edges { node { id status fileName contentType } } } }`;
const REPORT = `query ($year: Int!) {
  annualReport(year: $year) { chapters { duty figures { pillar result { indicator { key } total { value } } } } }
}`;

interface Report {
  chapters: {
    duty: string;
    figures: { pillar: string | null; result: { indicator: { key: string }; total: { value: number } } }[];
  }[];
}

/** RFC 4180, enough for the files Simpul writes (quoted cells, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/**
 * The annual task-force report as an export (issue 19, item 5): the national secretariat asks for a year's report,
 * the worker builds it, and the file holds the five duty chapters in the report's order with the same figures as the
 * annualReport query (CSV: one table, the duty first; XLSX: a sheet per chapter).
 */
describe('annual report export', () => {
  // A database of its own: other suites' people would count in its figures.
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let worker: TestWorker;
  const token: Record<string, string> = {};
  const YEAR = 2023;
  const IDENTIFIED_IN_YEAR = 12;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    const clock = new FixedClock(new Date('2026-12-01T03:00:00Z'));
    const settings = { ...env.env, SMTP_URL: sink.url };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    const factories = new Factories(api);

    const unit = await factories.unit({ code: 'GTPP-NASIONAL-X' });
    const secretariatAgency = await factories.agency();
    const police = await factories.agency();
    await factories.membership({ unitId: unit.id, agencyId: secretariatAgency.id, role: MembershipRole.SECRETARIAT });
    await factories.membership({ unitId: unit.id, agencyId: police.id });
    const secretariat = await factories.user([Role.SECRETARIAT], { agencyId: secretariatAgency.id });
    const officer = await factories.user([Role.CASE_OFFICER], { agencyId: police.id });
    token.secretariat = await api.login(secretariat.email, TEST_PASSWORD);
    token.officer = await api.login(officer.email, TEST_PASSWORD);

    const kase = await factories.case(actorOf(officer), {
      unitId: unit.id,
      originRegionCode: '53',
      destinationCountries: ['KH'],
      exploitationTypes: [ExploitationType.FORCED_CRIMINALITY],
    });
    for (let i = 0; i < IDENTIFIED_IN_YEAR; i++) {
      await factories.victim(actorOf(officer), {
        caseId: kase.id,
        identifiedOn: '2023-07-14',
        identificationStatus: IdentificationStatus.IDENTIFIED,
        sex: i % 2 === 0 ? Sex.FEMALE : Sex.MALE,
        ageBand: AgeBand.ADULT_25_34,
      });
    }
    // Another year's people stay out of 2023's report.
    for (let i = 0; i < 3; i++) {
      await factories.victim(actorOf(officer), {
        caseId: kase.id,
        identifiedOn: '2022-03-01',
        identificationStatus: IdentificationStatus.IDENTIFIED,
      });
    }
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  const request = (input: Record<string, unknown>) =>
    api.gql<{ requestExport: { id: string; status: string } }>(REQUEST, { input }, token.secretariat);
  const build = async (format: 'CSV' | 'XLSX') => {
    const requested = await request({ kind: 'ANNUAL_REPORT', format, year: YEAR });
    expect(requested.errors).toBeUndefined();
    const id = requested.data!.requestExport.id;
    await worker.drain();
    const mine = await api.gql<{ myExports: { edges: { node: { id: string; status: string; fileName: string } }[] } }>(
      MY_EXPORTS,
      {},
      token.secretariat,
    );
    const ready = mine.data!.myExports.edges.map((edge) => edge.node).find((node) => node.id === id)!;
    expect(ready.status).toBe('READY');
    const response = await api.app.inject({
      method: 'GET',
      url: `/exports/${id}/file`,
      headers: { authorization: `Bearer ${token.secretariat}` },
    });
    expect(response.statusCode).toBe(200);
    return { ready, response };
  };
  const identifiedInQuery = async (): Promise<{ duty: string; value: number }> => {
    const report = await api.gql<{ annualReport: Report }>(REPORT, { year: YEAR }, token.secretariat);
    expect(report.errors).toBeUndefined();
    for (const chapter of report.data!.annualReport.chapters) {
      const found = chapter.figures.find((figure) => figure.result.indicator.key === 'VICTIMS_IDENTIFIED');
      if (found) return { duty: chapter.duty, value: found.result.total.value };
    }
    throw new Error('annualReport has no VICTIMS_IDENTIFIED figure');
  };

  it('builds the CSV: the five duty chapters in order, and the figures of the annualReport query', async () => {
    const { ready, response } = await build('CSV');
    expect(ready.fileName).toMatch(/^simpul-annual-report-gtpp-nasional-x-2026-12-01\.csv$/);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual(['duty', ...CHAPTER_COLUMNS]);
    const duties = rows.map((row) => row[0]).filter((duty, index, all) => all.indexOf(duty) === index);
    expect(duties).toEqual([...DUTY_ORDER]);

    const expected = await identifiedInQuery();
    expect(expected.value).toBe(IDENTIFIED_IN_YEAR);
    const at = (column: string) => header.indexOf(column);
    const total = rows.find((row) => row[at('indicator')] === 'VICTIMS_IDENTIFIED' && row[at('breakdown')] === '');
    expect(total?.[at('duty')]).toBe(expected.duty);
    expect(Number(total?.[at('value')])).toBe(expected.value);
    // Its breakdown by sex adds up to it.
    const bySex = rows.filter(
      (row) => row[at('indicator')] === 'VICTIMS_IDENTIFIED' && row[at('breakdown')].startsWith('SEX='),
    );
    expect(bySex.reduce((sum, row) => sum + Number(row[at('value')]), 0)).toBe(IDENTIFIED_IN_YEAR);
  });

  it('builds the XLSX with a sheet per duty chapter, in order, with the same figures', async () => {
    const { response } = await build('XLSX');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheets = workbook.worksheets.map((sheet) => sheet.name);
    expect(sheets).toEqual(DUTY_ORDER.map((duty, index) => `${index + 1} ${duty}`.slice(0, 31)));

    const expected = await identifiedInQuery();
    const sheet = workbook.worksheets[DUTY_ORDER.indexOf(expected.duty as (typeof DUTY_ORDER)[number])];
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values[0]).toEqual([...CHAPTER_COLUMNS]);
    const total = values.find((row) => row[1] === 'VICTIMS_IDENTIFIED' && (row[3] ?? '') === '');
    expect(total?.[4]).toBe(expected.value);
  });

  it('refuses an annual report without a year or for a year out of range, naming year', async () => {
    const missing = await request({ kind: 'ANNUAL_REPORT', format: 'CSV' });
    expect(firstErrorCode(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0].message).toBe('year: ANNUAL_REPORT reports on one year; give year (e.g. 2025).');
    expect(missing.errors![0].extensions?.field).toBe('year');

    const future = await request({ kind: 'ANNUAL_REPORT', format: 'XLSX', year: 2027 });
    expect(firstErrorCode(future)).toBe('BAD_USER_INPUT');
    expect(future.errors![0].message).toBe(
      'year: 2027 is out of range; ANNUAL_REPORT covers a year from 2000 to 2026.',
    );
    expect(future.errors![0].extensions?.field).toBe('year');

    const early = await request({ kind: 'ANNUAL_REPORT', format: 'XLSX', year: 1995 });
    expect(early.errors![0].extensions?.field).toBe('year');
  });
});
