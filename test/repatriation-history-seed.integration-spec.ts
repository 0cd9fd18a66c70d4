import { Role } from '@app/kernel/role.enum';
import { seedReferenceData } from '@app/seeds/seed-reference-data';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { TestApp } from '@libs/testing/test-app';

interface SeededOperation {
  reference: string;
  status: string;
  fromCountry: string;
  startedOn: string;
  departedOn: string | null;
  arrivedOn: string | null;
  headcount: number;
  source: string | null;
  sendingAgency: { code: string };
  receivingAgency: { code: string };
  milestones: { type: string; status: string; happenedOn: string | null; ownerAgency: { code: string } }[];
}

/** Poipet 2023 and Sibu 2016 are on the first start as completed operations (issue 18, item 7). */
describe('the repatriations of the papers, seeded as history', () => {
  // The seeded register as a first start leaves it: other suites add operations of their own.
  let env: IsolatedEnvironment;
  let api: TestApp;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment();
    api = await TestApp.start(env.env);
    const factories = new Factories(api);
    for (const [name, roles, code] of [
      ['secretariat', [Role.SECRETARIAT], 'POLRI'],
      ['kbri', [Role.LIAISON], 'KBRI-PNH'],
      ['counterpart', [Role.COUNTERPART], 'KH-GDI'],
      ['outsider', [Role.LIAISON], 'POLDA-NTB'],
    ] as [string, Role[], string][]) {
      const agencyId = (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
      const user = await factories.user(roles, { agencyId });
      token[name] = await api.login(user.email, TEST_PASSWORD);
    }
  });
  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  const LIST = `{ repatriationOperations(status: ARRIVED) { edges { node {
    reference status fromCountry startedOn departedOn arrivedOn headcount source
    sendingAgency { code } receivingAgency { code }
    milestones { type status happenedOn ownerAgency { code } } } } } }`;
  const list = async (as: string) => {
    const result = await api.gql<{ repatriationOperations: { edges: { node: SeededOperation }[] } }>(
      LIST,
      {},
      token[as],
    );
    expect(result.errors).toBeUndefined();
    return result.data!.repatriationOperations.edges.map((edge) => edge.node);
  };

  it('Poipet 2023: 28 people home on 4 October 2023, 98 days after the rescue, every step done', async () => {
    const poipet = (await list('secretariat')).find((operation) => operation.fromCountry === 'KH')!;
    expect(poipet).toMatchObject({
      status: 'ARRIVED',
      startedOn: '2023-06-28',
      departedOn: '2023-10-04',
      arrivedOn: '2023-10-04',
      headcount: 28,
      sendingAgency: { code: 'KBRI-PNH' },
      receivingAgency: { code: 'BP2MI' },
    });
    const [days] = await api.dataSource.query(`SELECT ($1::date - $2::date) AS n`, [
      poipet.arrivedOn,
      poipet.startedOn,
    ]);
    expect(days.n).toBe(98);
    expect(poipet.milestones.every((step) => step.status === 'DONE')).toBe(true);
    expect(poipet.milestones.find((step) => step.type === 'DEPARTED')).toMatchObject({ happenedOn: '2023-10-04' });
    expect(poipet.source).toContain('[002]');
    // The mission that ran it sees it too; nobody else outside the task force does.
    expect((await list('kbri')).map((operation) => operation.reference)).toContain(poipet.reference);
    expect(await list('outsider')).toEqual([]);
  });

  it('Sibu 2016: the 4 from Indramayu, brought home from Malaysia', async () => {
    const sibu = (await list('secretariat')).find((operation) => operation.fromCountry === 'MY')!;
    expect(sibu).toMatchObject({
      status: 'ARRIVED',
      headcount: 4,
      sendingAgency: { code: 'KBRI-KUL' },
      receivingAgency: { code: 'BARESKRIM' },
    });
    expect(sibu.source).toContain('[000]');
  });

  it('counterparts see none of it, and a second seed run inserts nothing', async () => {
    const refused = await api.gql('{ repatriationOperations { totalCount } }', {}, token.counterpart);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const before = await api.dataSource.query(
      'SELECT (SELECT count(*) FROM repatriation_operation)::int AS o, (SELECT count(*) FROM repatriation_milestone)::int AS m',
    );
    expect((await seedReferenceData(api.dataSource)).inserted).toBe(0);
    expect(
      await api.dataSource.query(
        'SELECT (SELECT count(*) FROM repatriation_operation)::int AS o, (SELECT count(*) FROM repatriation_milestone)::int AS m',
      ),
    ).toEqual(before);
  });
});
