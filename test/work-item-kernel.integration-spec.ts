import { randomUUID } from 'node:crypto';

import { Client } from 'pg';

import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { GraphqlResponse, TestApp } from '@libs/testing/test-app';

/**
 * The rules every kind of work item shares because they load for a change the same way (the work-item kernel):
 * visible? → lock → version. Someone who may not see an item gets exactly what a random id gets, even with a stale
 * version, and takes no lock on it; someone who may see it and sends a stale version gets CONFLICT naming the field.
 */
describe('the work-item kernel, for every kind of work item', () => {
  let sut: TestApp;
  const token: Record<string, string> = {};
  const agencyId: Record<string, string> = {};
  const items: Record<'task' | 'referral' | 'request', string> = { task: '', referral: '', request: '' };

  const ok = async <T>(query: string, input: Record<string, unknown>, as: string): Promise<T> => {
    const result = await sut.gql<T>(query, { input }, token[as]);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  beforeAll(async () => {
    sut = await TestApp.start();
    const factories = new Factories(sut);
    for (const code of ['KEMLU', 'POLRI', 'BARESKRIM', 'KH-GDI']) {
      agencyId[code] = (await sut.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    agencyId.HOSPITAL = (
      await factories.agency({ type: AgencyType.SERVICE_PROVIDER, capabilities: [AgencyCapability.MEDICAL] })
    ).id;
    agencyId.OUTSIDER = (await factories.agency()).id;
    const user = async (name: string, roles: Role[], agency: string) => {
      const created = await factories.user(roles, { agencyId: agencyId[agency] });
      token[name] = await sut.login(created.email, TEST_PASSWORD);
    };
    await user('kemlu', [Role.LIAISON], 'KEMLU');
    await user('polri', [Role.LIAISON, Role.CASE_OFFICER], 'POLRI');
    await user('hospital', [Role.CASE_OFFICER], 'HOSPITAL');
    await user('attache', [Role.ATTACHE], 'BARESKRIM');
    // Every role an outsider could hold, in an agency that has nothing to do with any of the items.
    await user('outsider', [Role.LIAISON, Role.CASE_OFFICER, Role.SUPERVISOR, Role.ATTACHE], 'OUTSIDER');

    items.task = (
      await ok<{ createTask: { id: string } }>(
        'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
        {
          assigneeAgencyId: agencyId.POLRI,
          title: 'Verify identities of the rescued citizens',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { workingDays: 5 },
        },
        'kemlu',
      )
    ).createTask.id;

    const victim = await ok<{ registerVictim: { id: string } }>(
      'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id } }',
      {
        identity: { fullName: 'Dewi Lestari', dateOfBirth: '1994-03-07', passportNumber: `K${Date.now()}`.slice(0, 9) },
        sex: 'FEMALE',
        ageBand: 'ADULT_25_34',
        nationality: 'ID',
        originRegion: '32.12',
      },
      'polri',
    );
    await ok(
      'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
      {
        victimId: victim.registerVictim.id,
        recipientAgencyId: agencyId.HOSPITAL,
        purpose: 'SERVICE_REFERRAL',
        method: 'WRITTEN_SIGNED',
      },
      'polri',
    );
    items.referral = (
      await ok<{ proposeReferral: { id: string } }>(
        'mutation ($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }',
        { victimId: victim.registerVictim.id, recipientAgencyId: agencyId.HOSPITAL, service: 'MEDICAL' },
        'polri',
      )
    ).proposeReferral.id;

    items.request = (
      await ok<{ draftCrossBorderRequest: { id: string } }>(
        'mutation ($input: DraftCrossBorderRequestInput!) { draftCrossBorderRequest(input: $input) { id } }',
        {
          counterpartCountry: 'KH',
          counterpartAgencyId: agencyId['KH-GDI'],
          onBehalfOfAgencyId: agencyId.BARESKRIM,
          channel: 'IMMIGRATION_ATTACHE',
          category: 'REPATRIATION_EXIT_CLEARANCE',
          subject: 'Exit clearance for the rescued citizens',
          body: 'Exit clearance for the citizens in the annex.',
        },
        'attache',
      )
    ).draftCrossBorderRequest.id;
  });
  afterAll(() => sut.stop());

  /** One mutation per kind that loads the item for a change, and who works on each. */
  const kinds = [
    { kind: 'task', worker: 'polri', mutation: 'acknowledgeTask', input: 'TaskTransitionInput' },
    { kind: 'referral', worker: 'hospital', mutation: 'acceptReferral', input: 'ReferralActionInput' },
    { kind: 'request', worker: 'attache', mutation: 'submitCrossBorderRequest', input: 'RequestActionInput' },
  ] as const;
  const change = (spec: (typeof kinds)[number], id: string, expectedVersion: number, as: string) =>
    sut.gql(
      `mutation ($input: ${spec.input}!) { ${spec.mutation}(input: $input) { id } }`,
      {
        input: { id, expectedVersion },
      },
      token[as],
    );
  /** The error as a client sees it, with the id taken out, so two answers can be compared for any difference. */
  const shape = (result: GraphqlResponse, id: string) =>
    JSON.stringify({ errors: result.errors, data: result.data }).replaceAll(id, '<id>');

  for (const spec of kinds) {
    it(`${spec.kind}: an outsider with a stale version gets exactly what a random id gets`, async () => {
      const id = items[spec.kind];
      const hidden = await change(spec, id, 99, 'outsider');
      const random = randomUUID();
      const missing = await change(spec, random, 99, 'outsider');
      expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(shape(hidden, id)).toBe(shape(missing, random));
      expect(JSON.stringify(hidden)).not.toMatch(/TSK-|REF-|CBR-/);
    });

    it(`${spec.kind}: someone working on it with a stale version gets CONFLICT naming expectedVersion`, async () => {
      const stale = await change(spec, items[spec.kind], 99, spec.worker);
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
      expect(stale.errors?.[0].message).toMatch(/TSK-|REF-|CBR-/);
    });

    it(`${spec.kind}: an outsider's change takes no lock on it (answered while someone else holds the row)`, async () => {
      const table = { task: 'task', referral: 'referral', request: 'cross_border_request' }[spec.kind];
      const holder = new Client({ connectionString: sut.config.databaseUrl });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT id FROM ${table} WHERE id = $1 FOR UPDATE`, [items[spec.kind]]);
        // Had the outsider's change tried to lock the row, it would wait for this transaction, which only ends after.
        const answered = await Promise.race([
          change(spec, items[spec.kind], 99, 'outsider').then((result) => result.errors?.[0].extensions?.code),
          new Promise((resolve) => setTimeout(() => resolve('still waiting for the row lock'), 10_000)),
        ]);
        expect(answered).toBe('NOT_FOUND');
      } finally {
        await holder.query('ROLLBACK');
        await holder.end();
      }
    });
  }
});
