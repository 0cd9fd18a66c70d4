import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { firstErrorCode, GraphqlResponse, TestApp } from '@libs/testing/test-app';

/**
 * Issue "Hardening", item 4: no answer may tell a caller something the matching read would hide. Another agency's
 * staff are hidden wherever people are returned, and a consent recipient reads no more of the consents in a
 * record's history than `consents` shows it. (The duplicate oracle of registration: victims.integration-spec.ts.)
 */
describe('closed oracles: other agencies’ staff and consents', () => {
  let sut: TestApp;
  let factories: Factories;
  const token: Record<string, string> = {};
  const agencyId: Record<string, string> = {};
  const userId: Record<string, string> = {};

  beforeAll(async () => {
    sut = await TestApp.start();
    factories = new Factories(sut);
    for (const code of ['POLRI', 'KEMLU', 'KEMENSOS', 'DITJEN-IMIGRASI']) {
      agencyId[code] = (await sut.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    agencyId.HOSPITAL = (
      await factories.agency({ type: AgencyType.SERVICE_PROVIDER, capabilities: [AgencyCapability.MEDICAL] })
    ).id;
    const user = async (name: string, roles: Role[], code: string) => {
      const created = await factories.user(roles, { agencyId: agencyId[code], displayName: `Staff ${name}` });
      userId[name] = created.id;
      token[name] = await sut.login(created.email, TEST_PASSWORD);
    };
    await user('kemlu', [Role.LIAISON], 'KEMLU');
    await user('imigrasi', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await user('imigrasiColleague', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await user('secretariat', [Role.SECRETARIAT], 'POLRI');
    await user('admin', [Role.ADMINISTRATOR], 'POLRI');
    await user('polri', [Role.CASE_OFFICER], 'POLRI');
    await user('kemensos', [Role.CASE_OFFICER], 'KEMENSOS');
    await user('hospital', [Role.CASE_OFFICER], 'HOSPITAL');
  });
  afterAll(() => sut?.stop());

  it("answers user(id) for another agency's user exactly as for an id that does not exist", async () => {
    const USER = 'query ($id: ID!) { user(id: $id) { id email displayName } }';
    const answer = (result: GraphqlResponse<unknown>, id: string) => ({
      data: result.data,
      errors: result.errors?.map((error) => ({ ...error, message: error.message.replace(id, '<id>') })),
    });
    const missing = '6f1c2a8e-0000-4000-8000-000000000000';
    const stranger = await sut.gql(USER, { id: userId.imigrasi }, token.kemlu);
    const nobody = await sut.gql(USER, { id: missing }, token.kemlu);
    expect(firstErrorCode(stranger)).toBe('NOT_FOUND');
    expect(answer(stranger, userId.imigrasi)).toEqual(answer(nobody, missing));
    expect(JSON.stringify(stranger)).not.toContain('Staff imigrasi');

    // The staff rule still lets colleagues and administrators through.
    const colleague = await sut.gql<{ user: { displayName: string } }>(
      USER,
      { id: userId.imigrasi },
      token.imigrasiColleague,
    );
    expect(colleague.data!.user.displayName).toBe('Staff imigrasi');
    const admin = await sut.gql<{ user: { displayName: string } }>(USER, { id: userId.imigrasi }, token.admin);
    expect(admin.data!.user.displayName).toBe('Staff imigrasi');
  });

  it("shows a task's named assignee only to those who may see the assignee agency's staff", async () => {
    const created = await sut.gql<{ createTask: { id: string; assigneeUser: { email: string } | null } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id assigneeUser { email displayName } } }',
      {
        input: {
          assigneeAgencyId: agencyId['DITJEN-IMIGRASI'],
          assigneeUserId: userId.imigrasi,
          title: 'Verify travel documents of 28 citizens in Phnom Penh',
          pillar: 'PROTECTION',
          duty: 'COORDINATION',
          due: { workingDays: 3 },
        },
      },
      token.kemlu,
    );
    expect(created.errors).toBeUndefined();
    // Kemlu assigned the work but cannot read Imigrasi's staff: not even in its own mutation's answer.
    expect(created.data!.createTask.assigneeUser).toBeNull();
    const TASK = 'query ($id: ID!) { task(id: $id) { assigneeUserId assigneeUser { email displayName } } }';
    const seenBy = async (as: string) =>
      (
        await sut.gql<{ task: { assigneeUserId: string; assigneeUser: { displayName: string } | null } }>(
          TASK,
          { id: created.data!.createTask.id },
          token[as],
        )
      ).data!.task;
    expect(await seenBy('kemlu')).toEqual({ assigneeUserId: userId.imigrasi, assigneeUser: null });
    // The Polri secretariat follows the task, but Imigrasi's staff are not Polri's.
    expect((await seenBy('secretariat')).assigneeUser).toBeNull();
    expect((await seenBy('imigrasiColleague')).assigneeUser).toMatchObject({ displayName: 'Staff imigrasi' });
  });

  it('shows a consent recipient, in the history, only the consents about its own agency', async () => {
    const registered = await sut.gql<{ registerVictim: { id: string } }>(
      'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id } }',
      {
        input: {
          identity: { fullName: 'Dewi Anggraini Saputri', dateOfBirth: '1994-03-08', passportNumber: 'C4471902' },
          sex: 'FEMALE',
          ageBand: 'ADULT_25_34',
          nationality: 'ID',
          originRegion: '53',
        },
      },
      token.polri,
    );
    const victimId = registered.data!.registerVictim.id;
    const consent = async (recipient: string) =>
      (
        await sut.gql<{ recordConsent: { id: string } }>(
          'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
          {
            input: {
              victimId,
              recipientAgencyId: agencyId[recipient],
              purpose: 'SERVICE_REFERRAL',
              method: 'WRITTEN_SIGNED',
            },
          },
          token.polri,
        )
      ).data!.recordConsent.id;
    await consent('KEMENSOS');
    const hospitalConsent = await consent('HOSPITAL');
    await sut.gql(
      'mutation ($input: RevokeConsentInput!) { revokeConsent(input: $input) { id } }',
      { input: { id: hospitalConsent, reason: 'The person asked to stop sharing with the hospital' } },
      token.polri,
    );

    type View = {
      victim: {
        consents: { recipientAgency: { id: string } }[];
        history: { kind: string; details: { recipientAgencyId?: string; reason?: string } }[];
      };
    };
    const VIEW = `query ($id: ID!) { victim(id: $id) { consents { recipientAgency { id } } history { kind details } } }`;
    const view = async (as: string) => (await sut.gql<View>(VIEW, { id: victimId }, token[as])).data!.victim;

    const owner = await view('polri');
    expect(owner.history.map((entry) => entry.kind)).toEqual([
      'REGISTERED',
      'CONSENT_RECORDED',
      'CONSENT_RECORDED',
      'CONSENT_REVOKED',
    ]);

    const recipient = await view('kemensos');
    expect(recipient.consents.map((c) => c.recipientAgency.id)).toEqual([agencyId.KEMENSOS]);
    expect(recipient.history.map((entry) => [entry.kind, entry.details.recipientAgencyId ?? null])).toEqual([
      ['REGISTERED', null],
      ['CONSENT_RECORDED', agencyId.KEMENSOS],
    ]);
    expect(JSON.stringify(recipient)).not.toContain(agencyId.HOSPITAL);
    expect(JSON.stringify(recipient)).not.toContain('stop sharing with the hospital');

    // The unit secretariat follows the record but is no recipient: no consent entries at all.
    const secretariat = await view('secretariat');
    expect(secretariat.history.map((entry) => entry.kind)).toEqual(['REGISTERED']);
    expect(secretariat.consents).toEqual([]);

    // A former recipient no longer sees the record at all.
    expect(firstErrorCode(await sut.gql(VIEW, { id: victimId }, token.hospital))).toBe('NOT_FOUND');
  });
});
