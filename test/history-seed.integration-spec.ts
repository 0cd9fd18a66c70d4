import { Role } from '@app/kernel/role.enum';
import { seedReferenceData } from '@app/seeds/seed-reference-data';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

/** The seeded rows: nobody recorded them (people's records always name their recorder). */
const SEEDED = {
  meeting: 'recorded_by_user_id IS NULL',
  meeting_attendance: 'meeting_id IN (SELECT id FROM meeting WHERE recorded_by_user_id IS NULL)',
  meeting_decision: 'meeting_id IN (SELECT id FROM meeting WHERE recorded_by_user_id IS NULL)',
  activity: 'recorded_by_user_id IS NULL',
  activity_revision: 'activity_id IN (SELECT id FROM activity WHERE recorded_by_user_id IS NULL)',
};

describe('the real events of the papers, seeded as history', () => {
  let api: TestApp;
  let secretariat: string;
  let counterpart: string;
  let partner: string;

  beforeAll(async () => {
    api = await TestApp.start();
    const factories = new Factories(api);
    const agencyId = async (code: string): Promise<string> =>
      (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    const login = async (roles: Role[], code: string) => {
      const user = await factories.user(roles, { agencyId: await agencyId(code) });
      return api.login(user.email, TEST_PASSWORD);
    };
    secretariat = await login([Role.SECRETARIAT], 'POLRI');
    counterpart = await login([Role.COUNTERPART], 'KH-GDI');
    partner = await login([Role.PARTNER], 'IOM');
  });

  afterAll(() => api?.stop());

  const PHNOM_PENH = `{ meetings(first: 100, filter: { from: "2024-03-13", to: "2024-03-13" }) { edges { node {
    title type localDate timeZone source unit { code } organiserAgency { code }
    attendance { agency { code } status people { name position } }
    decisions { number text agreementCommitment { code } actionItems { id } } } } } }`;

  it('records the 13 March 2024 Phnom Penh immigration meeting with its 8 cooperation areas as decisions', async () => {
    const result = await api.gql<{ meetings: { edges: { node: Record<string, unknown> }[] } }>(
      PHNOM_PENH,
      {},
      secretariat,
    );
    expect(result.errors).toBeUndefined();
    const [meeting] = result.data!.meetings.edges.map((edge) => edge.node);
    expect(meeting).toMatchObject({
      title: 'First Cambodia–Indonesia Bilateral Meeting on Immigration Matters',
      type: 'BILATERAL',
      localDate: '2024-03-13',
      timeZone: 'Asia/Phnom_Penh',
      unit: { code: 'GTPP-NAS' },
      organiserAgency: { code: 'DITJEN-IMIGRASI' },
      attendance: [
        {
          agency: { code: 'DITJEN-IMIGRASI' },
          status: 'PRESENT',
          people: [expect.objectContaining({ name: 'Silmy Salim' })],
        },
        {
          agency: { code: 'KH-GDI' },
          status: 'PRESENT',
          people: [expect.objectContaining({ name: 'Lt. Gen. SOK Veasna' })],
        },
      ],
    });
    expect(meeting.source).toMatch(/^\[002\] Aprilion & Murdani/);
    const decisions = meeting.decisions as { number: number; text: string; agreementCommitment: { code: string } }[];
    expect(decisions.map((decision) => [decision.number, decision.agreementCommitment.code])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, `KH-ID-IMM-2024-0${n}`]),
    );
    expect(decisions[5].text).toBe('Cooperate in area 6: Exchange of statistical data.');
  });

  it('shows that meeting to the Cambodian counterpart that attended it, and not to a partner that did not', async () => {
    const asCounterpart = await api.gql<{ meetings: { edges: unknown[] } }>(PHNOM_PENH, {}, counterpart);
    expect(asCounterpart.data!.meetings.edges).toHaveLength(1);
    const asPartner = await api.gql<{ meetings: { edges: unknown[] } }>(PHNOM_PENH, {}, partner);
    expect(asPartner.data!.meetings.edges).toEqual([]);
  });

  it('records the Ambon socialisation, the 30 July talk shows and the Brawijaya youth dialogue, each with its source', async () => {
    const result = await api.gql<{
      activities: {
        edges: {
          node: {
            startsOn: string;
            title: string;
            source: string;
            organiserAgency: { code: string };
            participants: { total: number; bySex: { notRecorded: number } } | null;
            history: { kind: string }[];
          };
        }[];
      };
    }>(
      `{ activities(first: 100, filter: { from: "2016-01-01", to: "2024-12-31" }) { edges { node {
         startsOn title source organiserAgency { code } participants { total bySex { notRecorded } } history { kind } } } } }`,
      {},
      secretariat,
    );
    expect(result.errors).toBeUndefined();
    const seeded = result
      .data!.activities.edges.map((edge) => edge.node)
      .filter((activity) => /^\[00\d\]/.test(activity.source ?? ''));
    expect(seeded.map((activity) => [activity.startsOn, activity.organiserAgency.code])).toEqual([
      ['2024-06-10', 'IOM'],
      ['2022-07-31', 'IOM'],
      ['2021-07-30', 'KEMENPPPA'],
      ['2016-11-18', 'IOM'],
    ]);
    expect(seeded[0]).toMatchObject({
      title: expect.stringMatching(/Brawijaya/),
      participants: { total: 211, bySex: { notRecorded: 211 } },
      history: [{ kind: 'RECORDED' }],
    });
    expect(seeded[3].participants).toBeNull();
    expect(seeded[3].source).toMatch(/18 November 2016/);
  });

  it('loads them once: seeding again inserts nothing and leaves every row as it was', async () => {
    const snapshot = async () => {
      const digests: Record<string, string> = {};
      for (const [table, seeded] of Object.entries(SEEDED)) {
        const [row] = await api.dataSource.query(
          `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t WHERE ${seeded}`,
        );
        digests[table] = row.digest;
      }
      return digests;
    };
    const before = await snapshot();
    const again = await seedReferenceData(api.dataSource);
    expect(again.inserted).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});
