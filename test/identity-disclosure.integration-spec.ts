import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

type Identity = { fullName: string } | null;

/**
 * Every way a victim's identity leaves the register (the record itself, a referral's provider, a cross-border
 * request's counterpart) goes through IdentityDisclosureService: each opening writes exactly one audit entry
 * naming who read it, and a reader who gets no identity leaves no entry.
 */
describe('identity disclosure: every opening audited, nothing else', () => {
  let sut: TestApp;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};
  let victim: { id: string; code: string };
  let requestId: string;
  let reference: string;

  const FULL_NAME = 'Yuliana Permata Sari';

  beforeAll(async () => {
    sut = await TestApp.start();
    const factories = new Factories(sut);
    for (const code of ['DITJEN-IMIGRASI', 'KEMENSOS', 'KH-GDI', 'POLRI']) {
      id[code] = (await sut.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    id.instrument = (await sut.dataSource.query(`SELECT id FROM legal_instrument WHERE code = 'KH-ID-IMM-2024'`))[0].id;
    id.HOSPITAL = (
      await factories.agency({ type: AgencyType.SERVICE_PROVIDER, capabilities: [AgencyCapability.MEDICAL] })
    ).id;
    const user = async (name: string, roles: Role[], agency: string) => {
      const created = await factories.user(roles, { agencyId: id[agency] });
      id[name] = created.id;
      token[name] = await sut.login(created.email, TEST_PASSWORD);
    };
    await user('imigrasi', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await user('kemensos', [Role.CASE_OFFICER], 'KEMENSOS');
    await user('hospital', [Role.CASE_OFFICER], 'HOSPITAL');
    await user('gdi', [Role.COUNTERPART], 'KH-GDI');
    await user('secretariat', [Role.SECRETARIAT], 'POLRI');

    const ok = async <T>(document: string, input: Record<string, unknown>, as: string): Promise<T> => {
      const result = await sut.gql<T>(document, { input }, token[as]);
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    victim = (
      await ok<{ registerVictim: { id: string; code: string } }>(
        'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id code } }',
        {
          identity: { fullName: FULL_NAME, passportNumber: 'E7730215', dateOfBirth: '1998-09-21' },
          sex: 'FEMALE',
          ageBand: 'ADULT_25_34',
          nationality: 'ID',
          originRegion: '32.12',
        },
        'imigrasi',
      )
    ).registerVictim;
    const consent = (recipient: string, purpose: string) =>
      ok(
        'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
        { victimId: victim.id, recipientAgencyId: id[recipient], purpose, method: 'WRITTEN_SIGNED' },
        'imigrasi',
      );
    await consent('KEMENSOS', 'SERVICE_REFERRAL');
    await consent('HOSPITAL', 'SERVICE_REFERRAL');
    await consent('KH-GDI', 'REPATRIATION');
    await ok(
      'mutation ($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }',
      { victimId: victim.id, recipientAgencyId: id.HOSPITAL, service: 'MEDICAL', urgency: 'NORMAL' },
      'imigrasi',
    );
    const drafted = await ok<{ draftCrossBorderRequest: { id: string; reference: string } }>(
      'mutation ($input: DraftCrossBorderRequestInput!) { draftCrossBorderRequest(input: $input) { id reference } }',
      {
        counterpartCountry: 'KH',
        counterpartAgencyId: id['KH-GDI'],
        onBehalfOfAgencyId: id['DITJEN-IMIGRASI'],
        channel: 'IMMIGRATION_ATTACHE',
        legalInstrumentId: id.instrument,
        agreementCommitmentId: null,
        category: 'REPATRIATION_EXIT_CLEARANCE',
        subject: 'Exit clearance for a citizen in a Phnom Penh shelter',
        body: 'Exit clearance is requested for the person linked by code.',
        victimIds: [victim.id],
      },
      'imigrasi',
    );
    requestId = drafted.draftCrossBorderRequest.id;
    reference = drafted.draftCrossBorderRequest.reference;
    await ok(
      'mutation ($input: RequestActionInput!) { submitCrossBorderRequest(input: $input) { id } }',
      { id: requestId },
      'imigrasi',
    );
  });
  afterAll(() => sut?.stop());

  const openings = async (): Promise<{ actor: string; via: string | null }[]> =>
    (
      await sut.dataSource.query(
        `SELECT actor_user_id AS actor, changes->'via'->>'after' AS via FROM audit_entry
          WHERE operation = 'readVictimIdentity' AND target_id = $1 ORDER BY occurred_at`,
        [victim.id],
      )
    ).map((row: { actor: string; via: string | null }) => ({ actor: row.actor, via: row.via }));
  const throughRecord = async (as: string): Promise<Identity> => {
    const result = await sut.gql<{ victim: { identity: Identity } }>(
      'query ($id: ID!) { victim(id: $id) { identity { fullName } } }',
      { id: victim.id },
      token[as],
    );
    return result.data?.victim.identity ?? null;
  };
  const throughRequest = async (as: string): Promise<Identity> => {
    const result = await sut.gql<{ crossBorderRequest: { victims: { identity: Identity }[] } }>(
      'query ($id: ID!) { crossBorderRequest(id: $id) { victims { identity { fullName } } } }',
      { id: requestId },
      token[as],
    );
    return result.data?.crossBorderRequest.victims[0].identity ?? null;
  };

  const readers: [string, string, (as: string) => Promise<Identity>, Identity, string | null][] = [
    ['the owning agency', 'imigrasi', throughRecord, { fullName: FULL_NAME }, null],
    ['the owning agency, on its request', 'imigrasi', throughRequest, { fullName: FULL_NAME }, null],
    ['a provider holding a consent-backed referral', 'hospital', throughRecord, { fullName: FULL_NAME }, null],
    [
      'the counterpart, with consent for the request’s purpose',
      'gdi',
      throughRequest,
      { fullName: FULL_NAME },
      'request',
    ],
    ['a consent recipient without a referral', 'kemensos', throughRecord, null, null],
    ['the unit secretariat', 'secretariat', throughRecord, null, null],
    ['the counterpart, on the record itself', 'gdi', throughRecord, null, null],
  ];
  for (const [who, as, read, expected, via] of readers) {
    it(`${who}: ${expected ? 'sees the identity, and one audit entry names them' : 'sees none, and nothing is written'}`, async () => {
      const before = await openings();
      expect(await read(as)).toEqual(expected);
      const added = (await openings()).slice(before.length);
      expect(added).toEqual(
        expected ? [{ actor: id[as], via: via === 'request' ? `cross-border request ${reference}` : null }] : [],
      );
    });
  }
});
