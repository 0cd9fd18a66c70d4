import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { firstErrorCode, GraphqlResponse, TestApp } from '@libs/testing/test-app';

interface Row {
  counterpartAgency: { code: string; acronym: string; country: string };
  submitted: number;
  acknowledged: number;
  medianDaysToAcknowledge: number | null;
  p90DaysToAcknowledge: number | null;
  answered: number;
  medianDaysToAnswer: number | null;
  p90DaysToAnswer: number | null;
}

const QUERY = `query ($from: DateTime!, $to: DateTime!, $country: String) {
  counterpartResponseTimes(from: $from, to: $to, country: $country) {
    counterpartAgency { code acronym country }
    submitted acknowledged medianDaysToAcknowledge p90DaysToAcknowledge
    answered medianDaysToAnswer p90DaysToAnswer } }`;

const HOUR = 3_600_000;
const FROM = '2025-01-01T00:00:00.000Z';
const TO = '2025-04-01T00:00:00.000Z';

/**
 * Response times per counterpart on a dataset of its own (an isolated copy of the seeded database, so every
 * count is exact), inserted straight into cross_border_request. Ditjen Imigrasi's attaché in Phnom Penh files;
 * the figures below are worked out by hand in the comments, with percentile_cont's linear interpolation:
 * the p-th percentile of n sorted values sits at position p·(n−1), between the values either side.
 */
describe('counterpart response times', () => {
  let env: IsolatedEnvironment;
  let sut: TestApp;
  const agencyId: Record<string, string> = {};
  const token: Record<string, string> = {};
  let filerId: string;

  /** One request as the cross-border module stores it; offsets in hours after submission. */
  const request = async (
    counterpartCode: string,
    submittedAt: string | null,
    steps: { acknowledgedAfter?: number; answeredAfter?: number; direction?: 'OUTGOING' | 'INCOMING' } = {},
  ) => {
    const submitted = submittedAt ? new Date(submittedAt) : null;
    const after = (hours: number | undefined) =>
      submitted && hours !== undefined ? new Date(submitted.getTime() + hours * HOUR) : null;
    const acknowledgedAt = after(steps.acknowledgedAfter);
    const answeredAt = after(steps.answeredAfter);
    const status = answeredAt ? 'ANSWERED' : acknowledgedAt ? 'ACKNOWLEDGED' : submitted ? 'SUBMITTED' : 'DRAFT';
    await sut.dataSource.query(
      `INSERT INTO cross_border_request (direction, counterpart_country, counterpart_agency_id, channel, category,
         urgency, confidentiality, subject, body, filed_by_user_id, filing_agency_id, on_behalf_of_agency_id, status,
         submitted_at, acknowledged_at, answered_at)
       VALUES ($1, $2, $3, 'IMMIGRATION_ATTACHE', 'TRAVEL_DOCUMENT_VERIFICATION', 'NORMAL', 'STANDARD',
         'Verification of travel documents', 'Please verify the documents of VCT-7K3QX9MB.', $4, $5, $6, $7, $8, $9, $10)`,
      [
        steps.direction ?? 'OUTGOING',
        counterpartCode.slice(0, 2),
        agencyId[counterpartCode],
        filerId,
        agencyId['ATASE-IMIGRASI-PNH'],
        agencyId['DITJEN-IMIGRASI'],
        status,
        submitted,
        acknowledgedAt,
        answeredAt,
      ],
    );
  };

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sut = await TestApp.start(env.env);
    const codes = ['KH-AHTJP', 'KH-MOSVY', 'KH-GDI', 'MY-PDRM', 'MY-JIM', 'DITJEN-IMIGRASI', 'ATASE-IMIGRASI-PNH'];
    for (const code of codes) {
      agencyId[code] = (await sut.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    const factories = new Factories(sut);
    const user = async (name: string, roles: Role[], code: string) => {
      const created = await factories.user(roles, { agencyId: agencyId[code] });
      token[name] = await sut.login(created.email, TEST_PASSWORD);
      return created.id;
    };
    filerId = await user('attache', [Role.ATTACHE], 'ATASE-IMIGRASI-PNH');
    await user('liaison', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await user('supervisor', [Role.SUPERVISOR], 'DITJEN-IMIGRASI');
    await user('secretariat', [Role.SECRETARIAT], 'DITJEN-IMIGRASI');
    await user('officer', [Role.CASE_OFFICER], 'DITJEN-IMIGRASI');
    await user('counterpart', [Role.COUNTERPART], 'KH-GDI');

    // AHTJP Police (KH). In the period: acknowledged after 0.5, 2, 3 and 4 days, one never; answered after 10, 20
    // and 60 days (the last one after the period ended, which still counts).
    await request('KH-AHTJP', FROM, { acknowledgedAfter: 12, answeredAfter: 240 }); // exactly at `from`: in
    await request('KH-AHTJP', '2025-01-15T06:00:00Z', { acknowledgedAfter: 48, answeredAfter: 480 });
    await request('KH-AHTJP', '2025-02-01T00:00:00Z', { acknowledgedAfter: 72, answeredAfter: 1440 });
    await request('KH-AHTJP', '2025-02-10T00:00:00Z', { acknowledgedAfter: 96 });
    await request('KH-AHTJP', '2025-03-31T23:59:59Z');
    // Outside the period: a second before `from`, and exactly at `to` (the period is half-open).
    await request('KH-AHTJP', '2024-12-31T23:59:59Z', { acknowledgedAfter: 24 });
    await request('KH-AHTJP', TO, { acknowledgedAfter: 36, answeredAfter: 60 });
    // Not outgoing requests of the period: one AHTJP sent to Indonesia, and a draft never submitted.
    await request('KH-AHTJP', '2025-02-05T00:00:00Z', { direction: 'INCOMING', acknowledgedAfter: 2400 });
    await request('KH-AHTJP', null);

    // MoSVY (KH): acknowledged after 6 hours (0.25 days) and 42 hours (1.75 days); one answered after 7 days.
    await request('KH-MOSVY', '2025-02-03T02:00:00Z', { acknowledgedAfter: 6, answeredAfter: 168 });
    await request('KH-MOSVY', '2025-03-10T00:00:00Z', { acknowledgedAfter: 42 });

    // GDI Cambodia (KH): submitted, never acknowledged.
    await request('KH-GDI', '2025-03-01T00:00:00Z');

    // PDRM (MY): acknowledged after 1 and 3 days; answered after 14, 21 and 7 days (the last without an
    // acknowledgement first).
    await request('MY-PDRM', '2025-01-20T00:00:00Z', { acknowledgedAfter: 24, answeredAfter: 336 });
    await request('MY-PDRM', '2025-02-20T00:00:00Z', { acknowledgedAfter: 72, answeredAfter: 504 });
    await request('MY-PDRM', '2025-03-20T00:00:00Z', { answeredAfter: 168 });

    // JIM (MY): only an incoming request in the period and an outgoing one long before: no row.
    await request('MY-JIM', '2025-02-11T00:00:00Z', { direction: 'INCOMING', acknowledgedAfter: 24 });
    await request('MY-JIM', '2024-06-01T00:00:00Z', { acknowledgedAfter: 24, answeredAfter: 48 });
  });

  afterAll(async () => {
    await sut?.stop();
    await env?.drop();
  });

  const ask = (variables: Record<string, unknown>, as = 'attache') =>
    sut.gql<{ counterpartResponseTimes: Row[] }>(QUERY, variables, token[as]);

  const rows = async (variables: Record<string, unknown>, as = 'attache'): Promise<Row[]> => {
    const result = await ask(variables, as);
    expect(result.errors).toBeUndefined();
    return result.data!.counterpartResponseTimes;
  };

  /** The figures of one row, rounded past floating-point noise (0.7 × 1 day is 0.7000000000000002). */
  const figures = (row: Row) => {
    const round = (value: number | null) => (value === null ? null : Math.round(value * 1e9) / 1e9);
    return {
      code: row.counterpartAgency.code,
      submitted: row.submitted,
      acknowledged: row.acknowledged,
      medianDaysToAcknowledge: round(row.medianDaysToAcknowledge),
      p90DaysToAcknowledge: round(row.p90DaysToAcknowledge),
      answered: row.answered,
      medianDaysToAnswer: round(row.medianDaysToAnswer),
      p90DaysToAnswer: round(row.p90DaysToAnswer),
    };
  };

  const AHTJP = {
    code: 'KH-AHTJP',
    submitted: 5,
    acknowledged: 4,
    // [0.5, 2, 3, 4]: median (2 + 3) / 2; p90 at position 2.7: 3 + 0.7 × (4 − 3).
    medianDaysToAcknowledge: 2.5,
    p90DaysToAcknowledge: 3.7,
    answered: 3,
    // [10, 20, 60]: median 20; p90 at position 1.8: 20 + 0.8 × (60 − 20).
    medianDaysToAnswer: 20,
    p90DaysToAnswer: 52,
  };
  const GDI = {
    code: 'KH-GDI',
    submitted: 1,
    acknowledged: 0,
    medianDaysToAcknowledge: null,
    p90DaysToAcknowledge: null,
    answered: 0,
    medianDaysToAnswer: null,
    p90DaysToAnswer: null,
  };
  const MOSVY = {
    code: 'KH-MOSVY',
    submitted: 2,
    acknowledged: 2,
    // [0.25, 1.75]: median 1; p90 at position 0.9: 0.25 + 0.9 × 1.5.
    medianDaysToAcknowledge: 1,
    p90DaysToAcknowledge: 1.6,
    answered: 1,
    medianDaysToAnswer: 7,
    p90DaysToAnswer: 7,
  };
  const PDRM = {
    code: 'MY-PDRM',
    submitted: 3,
    acknowledged: 2,
    // [1, 3]: median 2; p90 at position 0.9: 1 + 0.9 × 2.
    medianDaysToAcknowledge: 2,
    p90DaysToAcknowledge: 2.8,
    answered: 3,
    // [7, 14, 21]: median 14; p90 at position 1.8: 14 + 0.8 × 7.
    medianDaysToAnswer: 14,
    p90DaysToAnswer: 19.6,
  };

  it('gives each counterpart’s counts, medians and 90th percentiles, by country and then acronym', async () => {
    const times = await rows({ from: FROM, to: TO });

    // KH: "AHTJP Police", "GDI Cambodia", "MoSVY"; then MY: "PDRM". JIM had no outgoing request in the period.
    expect(times.map(figures)).toEqual([AHTJP, GDI, MOSVY, PDRM]);
    expect(times.map((row) => row.counterpartAgency)).toEqual([
      { code: 'KH-AHTJP', acronym: 'AHTJP Police', country: 'KH' },
      { code: 'KH-GDI', acronym: 'GDI Cambodia', country: 'KH' },
      { code: 'KH-MOSVY', acronym: 'MoSVY', country: 'KH' },
      { code: 'MY-PDRM', acronym: 'PDRM', country: 'MY' },
    ]);
  });

  it('counts requests submitted from `from` up to but not including `to`', async () => {
    // A millisecond later the request submitted exactly at `from` drops out: [2, 3, 4] and [20, 60] remain.
    const later = await rows({ from: '2025-01-01T00:00:00.001Z', to: TO, country: 'KH' });
    expect(figures(later[0])).toEqual({
      ...AHTJP,
      submitted: 4,
      acknowledged: 3,
      medianDaysToAcknowledge: 3,
      p90DaysToAcknowledge: 3.8, // position 1.8: 3 + 0.8 × 1
      answered: 2,
      medianDaysToAnswer: 40,
      p90DaysToAnswer: 56, // position 0.9: 20 + 0.9 × 40
    });

    // The request submitted exactly at the old `to` belongs to the next period (acknowledged after 1.5 days).
    const next = await rows({ from: TO, to: '2025-04-02T00:00:00Z' });
    expect(next.map(figures)).toEqual([
      {
        code: 'KH-AHTJP',
        submitted: 1,
        acknowledged: 1,
        medianDaysToAcknowledge: 1.5,
        p90DaysToAcknowledge: 1.5,
        answered: 1,
        medianDaysToAnswer: 2.5,
        p90DaysToAnswer: 2.5,
      },
    ]);

    // The one submitted a second before `from`, acknowledged a day later and never answered.
    const before = await rows({ from: '2024-12-31T00:00:00Z', to: FROM });
    expect(before.map(figures)).toEqual([
      {
        code: 'KH-AHTJP',
        submitted: 1,
        acknowledged: 1,
        medianDaysToAcknowledge: 1,
        p90DaysToAcknowledge: 1,
        answered: 0,
        medianDaysToAnswer: null,
        p90DaysToAnswer: null,
      },
    ]);

    // A period with no outgoing request (JIM's incoming one falls in it) has no rows.
    expect(await rows({ from: '2025-02-11T00:00:00Z', to: '2025-02-12T00:00:00Z' })).toEqual([]);
  });

  it('narrows to one country', async () => {
    expect((await rows({ from: FROM, to: TO, country: 'MY' })).map(figures)).toEqual([PDRM]);
    expect((await rows({ from: FROM, to: TO, country: 'KH' })).map(figures)).toEqual([AHTJP, GDI, MOSVY]);
    expect(await rows({ from: FROM, to: TO, country: 'TH' })).toEqual([]);
  });

  it('leaves out incoming requests', async () => {
    // AHTJP's incoming request (acknowledged after 100 days) and JIM's would change these figures if counted.
    const [ahtjp] = await rows({ from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z', country: 'KH' });
    expect(figures(ahtjp)).toEqual({
      code: 'KH-AHTJP',
      submitted: 2,
      acknowledged: 2,
      medianDaysToAcknowledge: 3.5,
      p90DaysToAcknowledge: 3.9,
      answered: 1,
      medianDaysToAnswer: 60,
      p90DaysToAnswer: 60,
    });
    const malaysia = await rows({ from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z', country: 'MY' });
    expect(malaysia.map((row) => row.counterpartAgency.code)).toEqual(['MY-PDRM']);
    expect(malaysia[0].submitted).toBe(1);
  });

  it('refuses a backwards or empty period, one longer than 5 years, and an unknown country, naming the field', async () => {
    const refusal = (result: GraphqlResponse<unknown>) => ({
      code: firstErrorCode(result),
      field: result.errors?.[0]?.extensions?.field,
      reason: result.errors?.[0]?.extensions?.reason,
    });
    expect(refusal(await ask({ from: TO, to: FROM }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'to',
      reason: 'INVALID_PERIOD',
    });
    expect(refusal(await ask({ from: FROM, to: FROM }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'to',
      reason: 'INVALID_PERIOD',
    });
    expect(refusal(await ask({ from: '2020-01-01T00:00:00Z', to: '2025-01-01T00:00:00.001Z' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'to',
      reason: 'PERIOD_TOO_LONG',
    });
    // Exactly 5 years is allowed.
    expect(await rows({ from: '2020-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' })).toEqual([
      expect.objectContaining({ counterpartAgency: expect.objectContaining({ code: 'KH-AHTJP' }), submitted: 1 }),
      expect.objectContaining({ counterpartAgency: expect.objectContaining({ code: 'MY-JIM' }), submitted: 1 }),
    ]);
    for (const country of ['XX', 'kh', 'KHM', 'UK']) {
      const result = await ask({ from: FROM, to: TO, country });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'country', reason: 'INVALID_INPUT' });
    }
  });

  it('is open to attachés, liaisons, supervisors and secretariats only', async () => {
    for (const role of ['liaison', 'supervisor', 'secretariat']) {
      expect((await rows({ from: FROM, to: TO, country: 'MY' }, role)).map(figures)).toEqual([PDRM]);
    }
    for (const role of ['officer', 'counterpart']) {
      expect(firstErrorCode(await ask({ from: FROM, to: TO }, role))).toBe('FORBIDDEN');
    }
    expect(firstErrorCode(await sut.gql(QUERY, { from: FROM, to: TO }))).toBe('UNAUTHENTICATED');
  });
});
