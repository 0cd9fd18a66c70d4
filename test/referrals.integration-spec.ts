import { FixedClock } from '@app/kernel/clock';
import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { Role } from '@app/kernel/role.enum';
import { QueueName } from '@app/queue/queue.names';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

const REFERRAL_FIELDS = `id reference status service urgency respondBy version previousReferralId statusReason outcome
  fromAgency { code } recipientAgency { code } history { kind fromStatus toStatus reason }`;
const PROPOSE = `mutation ($input: ProposeReferralInput!) { proposeReferral(input: $input) { ${REFERRAL_FIELDS} } }`;
const ACTION = (name: string, input: string) =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { ${REFERRAL_FIELDS} } }`;
const VICTIM_IDENTITY = `query ($id: ID!) { victim(id: $id) { code canSeeIdentity identity { fullName passportNumber } } }`;

interface ReferralView {
  id: string;
  reference: string;
  status: string;
  respondBy: string;
  version: number;
  previousReferralId: string | null;
  outcome: string | null;
  history: { kind: string; fromStatus: string | null; toStatus: string | null; reason: string | null }[];
}

let people = 0;
function person(name: string) {
  people += 1;
  const digits = `${Date.now()}${people}`.slice(-7);
  return {
    identity: {
      fullName: name,
      dateOfBirth: new Date(Date.UTC(1980, 0, 1) + people * 41 * 86_400_000).toISOString().slice(0, 10),
      passportNumber: `X${digits}`,
    },
    sex: 'MALE',
    ageBand: 'ADULT_25_34',
    nationality: 'ID',
    originRegion: '32.12',
  };
}

/**
 * Referrals on the Poipet 2023 scenario (DOMAIN.md section 8): Polri registers rescued citizens and refers
 * them for hospital care; the providers answer, concurrently at times; respond-by expiry runs in the worker on
 * a controlled clock.
 */
describe('referrals of victims to providers', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let clock: FixedClock;
  let api: TestApp;
  let worker: TestWorker;
  const token: Record<string, string> = {};
  const agencyId: Record<string, string> = {};
  let caseId: string;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    // Monday 2 November 2026, 09:00 in Jakarta.
    clock = new FixedClock(new Date('2026-11-02T02:00:00Z'));
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '200' };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    const factories = new Factories(api);
    for (const code of ['POLRI', 'KEMLU', 'LBH', 'LPSK', 'IOM']) {
      agencyId[code] = (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    const hospital = await factories.agency({
      code: `RS-POLRI-${Date.now().toString(36).toUpperCase()}`,
      acronym: 'RS Polri',
      nameId: 'RS Bhayangkara Tk. I R. Said Sukanto',
      nameEn: 'Said Sukanto Police Hospital',
      type: AgencyType.SERVICE_PROVIDER,
      capabilities: [AgencyCapability.MEDICAL],
    });
    agencyId.HOSPITAL = hospital.id;
    const closed = await factories.agency({ capabilities: [AgencyCapability.MEDICAL], active: false });
    agencyId.CLOSED = closed.id;
    const user = async (name: string, roles: Role[], agency: string) => {
      const created = await factories.user(roles, { agencyId: agencyId[agency] });
      token[name] = await api.login(created.email, TEST_PASSWORD);
    };
    await user('polri', [Role.CASE_OFFICER], 'POLRI');
    await user('hospital', [Role.CASE_OFFICER], 'HOSPITAL');
    await user('hospital2', [Role.LIAISON], 'HOSPITAL');
    await user('lpsk', [Role.CASE_OFFICER], 'LPSK');
    await user('iom', [Role.PARTNER], 'IOM');
    await user('kemlu', [Role.LIAISON], 'KEMLU');
    await user('secretariat', [Role.SECRETARIAT], 'POLRI');

    const unit = (await api.dataSource.query(`SELECT id FROM task_force_unit WHERE code = 'GTPP-NAS'`))[0].id;
    const opened = await api.gql<{ openCase: { id: string } }>(
      'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }',
      {
        input: {
          unitId: unit,
          destinationCountries: ['KH'],
          exploitationTypes: ['FORCED_CRIMINALITY'],
          recruitmentChannels: ['FACEBOOK'],
          intakeChannel: 'EMBASSY',
          summary: 'Online-scam compound in Poipet; 27 citizens rescued on 28 June 2023.',
        },
      },
      token.polri,
    );
    expect(opened.errors).toBeUndefined();
    caseId = opened.data!.openCase.id;
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  const register = async (name: string): Promise<{ id: string; code: string }> => {
    const result = await api.gql<{ registerVictim: { id: string; code: string } }>(
      'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id code } }',
      { input: { ...person(name), caseId } },
      token.polri,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.registerVictim;
  };
  const consent = async (victimId: string, agency: string, purpose = 'SERVICE_REFERRAL') => {
    const result = await api.gql<{ recordConsent: { id: string } }>(
      'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
      { input: { victimId, recipientAgencyId: agencyId[agency], purpose, method: 'WRITTEN_SIGNED' } },
      token.polri,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.recordConsent.id;
  };
  const propose = (victimId: string, agency: string, extra: Record<string, unknown> = {}, as = 'polri') =>
    api.gql<{ proposeReferral: ReferralView }>(
      PROPOSE,
      { input: { victimId, recipientAgencyId: agencyId[agency], service: 'MEDICAL', urgency: 'HIGH', ...extra } },
      token[as],
    );
  const act = (name: string, as: string, input: Record<string, unknown>) => {
    const type = {
      acceptReferral: 'ReferralActionInput',
      startReferralService: 'ReferralActionInput',
      declineReferral: 'ReferralReasonInput',
      withdrawReferral: 'ReferralReasonInput',
      discontinueReferral: 'ReferralReasonInput',
      completeReferral: 'CompleteReferralInput',
      rerouteReferral: 'RerouteReferralInput',
    }[name]!;
    return api.gql<Record<string, ReferralView>>(ACTION(name, type), { input }, token[as]);
  };
  const identityAs = async (as: string, victimId: string) => {
    const result = await api.gql<{ victim: { canSeeIdentity: boolean; identity: { fullName: string } | null } }>(
      VICTIM_IDENTITY,
      { id: victimId },
      token[as],
    );
    return result.errors ? firstErrorCode(result) : (result.data!.victim.identity?.fullName ?? null);
  };
  const referralCount = async () =>
    (await api.dataSource.query(`SELECT count(*)::int AS n FROM referral`))[0].n as number;

  it('Poipet: Polri registers three citizens and refers them for hospital care; the hospital accepts and completes', async () => {
    const names = ['Andi Saputra', 'Budi Hartono', 'Cahya Nugraha'];
    const victims = [];
    for (const name of names) victims.push(await register(name));
    for (const victim of victims) await consent(victim.id, 'HOSPITAL');

    const referrals: ReferralView[] = [];
    for (const victim of victims) {
      const proposed = await propose(victim.id, 'HOSPITAL');
      expect(proposed.errors).toBeUndefined();
      referrals.push(proposed.data!.proposeReferral);
    }
    // HIGH urgency: two working days in the hospital's calendar (Jakarta): Wednesday 4 November, 09:00.
    expect(referrals.map((r) => [r.status, r.respondBy])).toEqual(
      Array(3).fill(['PROPOSED', '2026-11-04T02:00:00.000Z']),
    );
    expect(referrals[0].reference).toMatch(/^REF-\d{6}$/);

    // The hospital's work list, and the identities it now holds through consent-backed referrals (audited).
    const awaiting = await api.gql<{ referrals: { totalCount: number; edges: { node: { id: string } }[] } }>(
      '{ referrals(filter: { queue: AWAITING_MY_ANSWER }) { totalCount edges { node { id } } } }',
      {},
      token.hospital,
    );
    expect(awaiting.data!.referrals.edges.map((edge) => edge.node.id).sort()).toEqual(
      referrals.map((r) => r.id).sort(),
    );
    expect(await identityAs('hospital', victims[0].id)).toBe(names[0]);
    const [reads] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry a JOIN app_user u ON u.id = a.actor_user_id
       WHERE a.operation = 'readVictimIdentity' AND a.target_id = $1 AND u.agency_id = $2`,
      [victims[0].id, agencyId.HOSPITAL],
    );
    expect(reads.n).toBe(1);

    for (const referral of referrals) {
      expect((await act('acceptReferral', 'hospital', { id: referral.id })).data!.acceptReferral.status).toBe(
        'ACCEPTED',
      );
      expect(
        (await act('startReferralService', 'hospital', { id: referral.id })).data!.startReferralService.status,
      ).toBe('IN_SERVICE');
      const done = await act('completeReferral', 'hospital', { id: referral.id, outcome: 'Treated; fit to travel.' });
      expect(done.data!.completeReferral).toMatchObject({ status: 'COMPLETED', outcome: 'Treated; fit to travel.' });
      expect(done.data!.completeReferral.history.map((h) => h.toStatus)).toEqual([
        'PROPOSED',
        'ACCEPTED',
        'IN_SERVICE',
        'COMPLETED',
      ]);
    }
    // Completed: the hospital no longer holds the identities; Polri's sent list shows the outcome.
    expect(await identityAs('hospital', victims[0].id)).toBeNull();
    const sent = await api.gql<{ referrals: { edges: { node: { status: string } }[] } }>(
      '{ referrals(filter: { queue: SENT_BY_MY_AGENCY }) { edges { node { status } } } }',
      {},
      token.polri,
    );
    expect(sent.data!.referrals.edges.filter((edge) => edge.node.status === 'COMPLETED').length).toBeGreaterThanOrEqual(
      3,
    );

    // Events for notifications carry codes, never names.
    const events = JSON.stringify(
      await api.dataSource.query(`SELECT topic, payload FROM outbox_event WHERE topic LIKE 'referral.%'`),
    );
    expect(events).toContain('referral.proposed');
    expect(events).toContain('referral.completed');
    for (const name of names) expect(events).not.toContain(name);
  });

  it('refuses a referral without consent, to an incapable or inactive provider, or to IOM without a capacity gap', async () => {
    const victim = await register('Dedi Kurniawan');
    const before = await referralCount();
    const noConsent = await propose(victim.id, 'HOSPITAL');
    expect(noConsent.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONSENT_REQUIRED' });
    expect(noConsent.errors![0].message).toContain(victim.code);

    await consent(victim.id, 'LBH');
    const incapable = await propose(victim.id, 'LBH');
    expect(incapable.errors![0].extensions).toMatchObject({ reason: 'PROVIDER_INCAPABLE', field: 'recipientAgencyId' });
    expect(firstErrorCode(await propose(victim.id, 'CLOSED'))).toBe('BAD_USER_INPUT');

    await consent(victim.id, 'IOM');
    const noGap = await propose(victim.id, 'IOM');
    expect(noGap.errors![0].extensions).toMatchObject({ reason: 'CAPACITY_GAP_REQUIRED', field: 'capacityGapReason' });
    expect(firstErrorCode(await propose(victim.id, 'HOSPITAL', { service: 'SURGERY' }))).toBe('BAD_USER_INPUT');
    expect(await referralCount()).toBe(before);

    const withGap = await propose(victim.id, 'IOM', {
      capacityGapReason: 'No national shelter can take a male survivor in Pontianak this month.',
    });
    expect(withGap.errors).toBeUndefined();
    // The partner organisation sees it in its list and holds the identity while it is open.
    expect(await identityAs('iom', victim.id)).toBe('Dedi Kurniawan');
    // Only the owning agency refers; others are refused.
    expect(firstErrorCode(await propose(victim.id, 'HOSPITAL', {}, 'kemlu'))).toBe('NOT_FOUND');
  });

  it('never shows identity to an agency without ownership or a consent-backed referral, and revocation bites at once', async () => {
    const victim = await register('Eko Prasetyo');
    const consentId = await consent(victim.id, 'HOSPITAL');
    const referral = (await propose(victim.id, 'HOSPITAL')).data!.proposeReferral;
    expect(await identityAs('hospital', victim.id)).toBe('Eko Prasetyo');

    // The paths walked below are every field of the schema that returns a victim: a new one fails this line
    // until it is added to the walk.
    const schema = await api.gql<{
      __schema: { types: { name: string; fields: { name: string; type: unknown }[] | null }[] };
    }>(
      '{ __schema { types { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } }',
    );
    const returnsVictim = (type: unknown): boolean => {
      const t = type as { name: string | null; ofType: unknown } | null;
      return (
        !!t &&
        (t.name === 'Victim' || t.name === 'VictimConnection' || t.name === 'VictimIdentity' || returnsVictim(t.ofType))
      );
    };
    const victimPaths = schema
      .data!.__schema.types.filter((type) => !type.name.startsWith('__'))
      .flatMap((type) =>
        (type.fields ?? []).filter((field) => returnsVictim(field.type)).map((f) => `${type.name}.${f.name}`),
      )
      .sort();
    // (The mutations answer only the owning agency's officers and its case's participants; VictimEdge.node is the
    // victims list; Case.victims, Task.victims and the repatriation fields give the people the reader may see, through
    // the same rule.)
    expect(victimPaths).toEqual([
      'Case.victims',
      'CrossBorderVictim.identity',
      'Mutation.changeProtectionStatus',
      'Mutation.recordIdentificationDecision',
      'Mutation.registerVictim',
      'Query.victim',
      'Query.victims',
      'Referral.victim',
      'ReintegrationPlan.victim',
      'RepatriationOperationPerson.victim',
      'Task.victims',
      'Victim.identity',
      'VictimEdge.node',
      'VictimGroupRegistration.victims',
    ]);

    // Every query path that reaches a victim, as Kemlu (no ownership, no referral) and the secretariat.
    for (const outsider of ['kemlu', 'secretariat', 'lpsk']) {
      const paths = await Promise.all([
        api.gql(VICTIM_IDENTITY, { id: victim.id }, token[outsider]),
        api.gql('{ victims(first: 100) { edges { node { identity { fullName } } } } }', {}, token[outsider]),
        api.gql(
          'query ($id: ID!) { referral(id: $id) { victim { identity { fullName } } } }',
          { id: referral.id },
          token[outsider],
        ),
        api.gql(
          '{ referrals(first: 100) { edges { node { victim { identity { fullName } } } } } }',
          {},
          token[outsider],
        ),
        api.gql(
          '{ crossBorderRequests(first: 100) { edges { node { victims { identity { fullName } } } } } }',
          {},
          token[outsider],
        ),
        api.gql('{ cases(first: 100) { edges { node { victims { identity { fullName } } } } } }', {}, token[outsider]),
        api.gql('{ tasks(first: 100) { edges { node { victims { identity { fullName } } } } } }', {}, token[outsider]),
      ]);
      expect(JSON.stringify(paths)).not.toContain('Eko Prasetyo');
    }

    const revoked = await api.gql(
      'mutation ($input: RevokeConsentInput!) { revokeConsent(input: $input) { revokedAt } }',
      { input: { id: consentId, reason: 'Withdrawn by the person' } },
      token.polri,
    );
    expect(revoked.errors).toBeUndefined();
    // The very next request: the code only.
    const after = await api.gql<{ victim: { canSeeIdentity: boolean; identity: unknown; code: string } }>(
      VICTIM_IDENTITY,
      { id: victim.id },
      token.hospital,
    );
    expect(after.data!.victim).toEqual({ code: victim.code, canSeeIdentity: false, identity: null });
    const viaReferral = await api.gql(
      'query ($id: ID!) { referral(id: $id) { victim { identity { fullName } } } }',
      { id: referral.id },
      token.hospital,
    );
    expect(JSON.stringify(viaReferral)).not.toContain('Eko Prasetyo');
  });

  it('two people acting at once: one wins, the other gets CONFLICT', async () => {
    const victim = await register('Fajar Ramadhan');
    await consent(victim.id, 'HOSPITAL');
    const referral = (await propose(victim.id, 'HOSPITAL')).data!.proposeReferral;
    const both = await Promise.all([
      act('acceptReferral', 'hospital', { id: referral.id }),
      act('declineReferral', 'hospital2', { id: referral.id, reason: 'No bed free' }),
    ]);
    const codes = both.map((result) => (result.errors ? firstErrorCode(result) : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);

    const victim2 = await register('Gilang Permana');
    await consent(victim2.id, 'HOSPITAL');
    const second = (await propose(victim2.id, 'HOSPITAL')).data!.proposeReferral;
    const race = await Promise.all([
      act('acceptReferral', 'hospital', { id: second.id }),
      act('withdrawReferral', 'polri', { id: second.id, reason: 'Sent to the wrong hospital' }),
    ]);
    const conflicts = race.filter((result) => firstErrorCode(result) === 'CONFLICT').length;
    // One after the other under the row lock: accept then withdraw (both succeed, version 3), or withdraw then
    // accept (the acceptance finds it WITHDRAWN: CONFLICT, version 2). Never an acceptance of a withdrawn one.
    const [final] = await api.dataSource.query(`SELECT status, version FROM referral WHERE id = $1`, [second.id]);
    expect(final.status).toBe('WITHDRAWN');
    expect([conflicts, final.version]).toEqual(conflicts === 1 ? [1, 2] : [0, 3]);

    // A stale version is refused; the wrong side is refused; an illegal step is refused.
    const third = await register('Hadi Susanto');
    await consent(third.id, 'HOSPITAL');
    const r3 = (await propose(third.id, 'HOSPITAL')).data!.proposeReferral;
    expect(firstErrorCode(await act('acceptReferral', 'hospital', { id: r3.id, expectedVersion: 99 }))).toBe(
      'CONFLICT',
    );
    expect(firstErrorCode(await act('acceptReferral', 'polri', { id: r3.id }))).toBe('FORBIDDEN');
    expect(firstErrorCode(await act('completeReferral', 'hospital', { id: r3.id, outcome: 'Done already' }))).toBe(
      'CONFLICT',
    );
    expect(firstErrorCode(await act('acceptReferral', 'kemlu', { id: r3.id }))).toBe('NOT_FOUND');
    const noReason = await act('declineReferral', 'hospital', { id: r3.id, reason: ' ' });
    expect(firstErrorCode(noReason)).toBe('BAD_USER_INPUT');
  });

  it('a declined referral is re-routed to another provider, keeping the chain', async () => {
    const victim = await register('Indra Wijaya');
    await consent(victim.id, 'HOSPITAL');
    const first = (await propose(victim.id, 'HOSPITAL')).data!.proposeReferral;
    const declined = await act('declineReferral', 'hospital', { id: first.id, reason: 'No trauma surgeon this week' });
    expect(declined.data!.declineReferral).toMatchObject({
      status: 'DECLINED',
      statusReason: 'No trauma surgeon this week',
    });

    // LPSK needs its own consent first.
    const refused = await act('rerouteReferral', 'polri', { id: first.id, recipientAgencyId: agencyId.LPSK });
    expect(refused.errors![0].extensions?.reason).toBe('CONSENT_REQUIRED');
    await consent(victim.id, 'LPSK');
    const rerouted = await act('rerouteReferral', 'polri', { id: first.id, recipientAgencyId: agencyId.LPSK });
    expect(rerouted.errors).toBeUndefined();
    expect(rerouted.data!.rerouteReferral).toMatchObject({ status: 'PROPOSED', previousReferralId: first.id });
    const again = await act('rerouteReferral', 'polri', { id: first.id, recipientAgencyId: agencyId.LPSK });
    expect(again.errors![0].extensions?.reason).toBe('NOT_REROUTABLE');
    const old = await api.gql<{ referral: ReferralView }>(
      `query ($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} } }`,
      { id: first.id },
      token.polri,
    );
    expect(old.data!.referral.history.map((h) => h.kind)).toEqual(['PROPOSED', 'TRANSITION', 'REROUTED']);
    // Not re-routable while still open.
    expect(
      (
        await act('rerouteReferral', 'polri', {
          id: rerouted.data!.rerouteReferral.id,
          recipientAgencyId: agencyId.HOSPITAL,
        })
      ).errors![0].extensions?.reason,
    ).toBe('NOT_REROUTABLE');
  });

  it('expires when the respond-by passes (escalation ladder in the worker), and can then be re-routed', async () => {
    const victim = await register('Joko Santoso');
    await consent(victim.id, 'HOSPITAL');
    await consent(victim.id, 'LPSK');
    const referral = (await propose(victim.id, 'HOSPITAL', { urgency: 'EMERGENCY' })).data!.proposeReferral;
    // EMERGENCY: 24 clock hours.
    expect(referral.respondBy).toBe('2026-11-03T02:00:00.000Z');
    await worker.drain();

    clock.set(new Date('2026-11-03T02:00:30Z'));
    await worker.sweep();
    for (const job of await worker.queues.queue(QueueName.ESCALATIONS).getJobs(['delayed'])) {
      await job.promote().catch(() => undefined);
    }
    await worker.drain();

    const expired = await api.gql<{ referral: ReferralView }>(
      `query ($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} } }`,
      { id: referral.id },
      token.polri,
    );
    expect(expired.data!.referral.status).toBe('EXPIRED');
    // The 24-hour reminder was already due at proposal (skipped); the respond-by rung fired and expired it.
    expect(expired.data!.referral.history.map((h) => `${h.kind}:${h.toStatus ?? ''}`)).toEqual([
      'PROPOSED:PROPOSED',
      'ESCALATED:',
      'TRANSITION:EXPIRED',
    ]);
    // The provider no longer holds the identity; the sender re-routes.
    expect(await identityAs('hospital', victim.id)).toBeNull();
    const rerouted = await act('rerouteReferral', 'polri', { id: referral.id, recipientAgencyId: agencyId.LPSK });
    expect(rerouted.data!.rerouteReferral.status).toBe('PROPOSED');
    clock.set(new Date('2026-11-02T02:00:00Z'));
  });
});
