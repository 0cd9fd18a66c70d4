import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { QueueName } from '@app/queue/queue.names';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { firstErrorCode, GraphqlResponse, TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

const FIELDS = `id reference status channel category urgency counterpartCountry acknowledgeBy decideBy executeBy
  overdueStages pausedAt submittedAt acknowledgedAt answeredAt counterpartReference proposedFromId version
  counterpartAgency { code } onBehalfOfAgency { code } victimCodes
  history { kind fromStatus toStatus reason details }`;

interface RequestView {
  id: string;
  reference: string;
  status: string;
  channel: string;
  acknowledgeBy: string | null;
  decideBy: string | null;
  executeBy: string | null;
  overdueStages: string[];
  pausedAt: string | null;
  acknowledgedAt: string | null;
  counterpartReference: string | null;
  proposedFromId: string | null;
  version: number;
  victimCodes: string[];
  history: {
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    reason: string | null;
    details: Record<string, unknown>;
  }[];
}

const INPUT_TYPE: Record<string, string> = {
  submitCrossBorderRequest: 'RequestActionInput',
  acknowledgeCrossBorderRequest: 'AcknowledgeRequestInput',
  acceptCrossBorderRequest: 'RequestActionInput',
  answerCrossBorderRequest: 'AnswerRequestInput',
  refuseCrossBorderRequest: 'RequestReasonInput',
  withdrawCrossBorderRequest: 'RequestReasonInput',
  closeCrossBorderRequest: 'RequestActionInput',
  extendCrossBorderDeadline: 'ExtendDeadlineInput',
  pauseCrossBorderClock: 'PauseClockInput',
  resumeCrossBorderClock: 'RequestActionInput',
  recordCounterpartReply: 'RecordCounterpartReplyInput',
  draftCrossBorderRequest: 'DraftCrossBorderRequestInput',
};

/**
 * Cross-border requests on the Poipet scenario (DOMAIN.md section 8), with the controlled clock so deadlines
 * meet Khmer New Year and Merdeka Day, and the worker so the ladder marks stages overdue and falls back to
 * the formal channel.
 */
describe('cross-border requests', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let clock: FixedClock;
  let api: TestApp;
  let worker: TestWorker;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    // Friday 10 April 2026, 09:00 in Phnom Penh: Khmer New Year (14–16 April) is next week.
    clock = new FixedClock(new Date('2026-04-10T02:00:00Z'));
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '200' };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    const factories = new Factories(api);
    const codes = [
      'ATASE-IMIGRASI-PNH',
      'DITJEN-IMIGRASI',
      'BARESKRIM',
      'KEMLU',
      'KH-AHTJP',
      'KH-MOSVY',
      'KH-GDI',
      'MY-PDRM',
      'POLRI',
    ];
    for (const code of codes)
      id[code] = (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    for (const code of ['MOU-POLRI-KH-MOHA-2022', 'KH-ID-IMM-2024']) {
      id[code] = (await api.dataSource.query('SELECT id FROM legal_instrument WHERE code = $1', [code]))[0].id;
    }
    id.rescueCommitment = (
      await api.dataSource.query(`SELECT id FROM agreement_commitment WHERE code = 'MOU-POLRI-KH-MOHA-2022-02'`)
    )[0].id;
    id.movementCommitment = (
      await api.dataSource.query(`SELECT id FROM agreement_commitment WHERE code = 'KH-ID-IMM-2024-02'`)
    )[0].id;
    const user = async (name: string, roles: Role[], agency: string, extra: Record<string, unknown> = {}) => {
      const created = await factories.user(roles, { agencyId: id[agency], ...extra });
      id[name] = created.id;
      token[name] = await api.login(created.email, TEST_PASSWORD);
    };
    await user('attacheBoss', [Role.SUPERVISOR], 'DITJEN-IMIGRASI');
    await user('attache', [Role.ATTACHE], 'ATASE-IMIGRASI-PNH', { supervisorUserId: id.attacheBoss });
    await user('imigrasi', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await user('bareskrim', [Role.LIAISON], 'BARESKRIM');
    await user('bareskrimBoss', [Role.SUPERVISOR], 'BARESKRIM');
    await user('ahtjp', [Role.COUNTERPART], 'KH-AHTJP');
    await user('mosvy', [Role.COUNTERPART], 'KH-MOSVY');
    await user('gdi', [Role.COUNTERPART], 'KH-GDI');
    await user('kemlu', [Role.LIAISON], 'KEMLU');
    await user('secretariat', [Role.SECRETARIAT], 'POLRI');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  beforeEach(() => clock.set(new Date('2026-04-10T02:00:00Z')));

  const call = (name: string, as: string, input: Record<string, unknown>) =>
    api.gql<Record<string, RequestView>>(
      `mutation ($input: ${INPUT_TYPE[name]}!) { ${name}(input: $input) { ${FIELDS} } }`,
      { input },
      token[as],
    );
  const ok = async (name: string, as: string, input: Record<string, unknown>): Promise<RequestView> => {
    const result = await call(name, as, input);
    expect({ name, errors: result.errors }).toEqual({ name, errors: undefined });
    return result.data![name];
  };
  const read = (as: string, requestId: string): Promise<GraphqlResponse<{ crossBorderRequest: RequestView }>> =>
    api.gql(`query ($id: ID!) { crossBorderRequest(id: $id) { ${FIELDS} } }`, { id: requestId }, token[as]);
  const draft = (overrides: Record<string, unknown> = {}, as = 'attache') =>
    call('draftCrossBorderRequest', as, {
      counterpartCountry: 'KH',
      counterpartAgencyId: id['KH-AHTJP'],
      onBehalfOfAgencyId: id.BARESKRIM,
      channel: 'POLICE_MOU',
      legalInstrumentId: id['MOU-POLRI-KH-MOHA-2022'],
      agreementCommitmentId: id.rescueCommitment,
      category: 'LOCATE_RESCUE',
      subject: 'Locate and rescue Indonesian citizens held in a Poipet compound',
      body: 'Twenty-seven citizens (codes in the annex) are reported held in an online-scam compound in Poipet.',
      ...overrides,
    });
  const timePasses = async (to: string) => {
    clock.set(new Date(to));
    await worker.sweep();
    for (const job of await worker.queues.queue(QueueName.ESCALATIONS).getJobs(['delayed'])) {
      await job.promote().catch(() => undefined);
    }
    await worker.drain();
  };

  it('Poipet: locate/rescue to the Cambodian anti-trafficking police, interview support from MoSVY, exit clearance from immigration', async () => {
    // 1. Locate and rescue, under the 2022 Polri–Cambodia MoU, filed by the attaché for Bareskrim.
    const rescue = (await draft()).data!.draftCrossBorderRequest;
    expect(rescue.status).toBe('DRAFT');
    expect(firstErrorCode(await read('ahtjp', rescue.id))).toBe('NOT_FOUND');
    const submitted = await ok('submitCrossBorderRequest', 'attache', { id: rescue.id });
    // Five working days in Phnom Penh skip Khmer New Year (14–16 April): Wednesday 22 April, 09:00.
    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      acknowledgeBy: '2026-04-22T02:00:00.000Z',
      reference: expect.stringMatching(/^CBR-\d{6}$/),
    });
    // Thirty days land on Sunday 10 May: the next working day in Cambodia (14 May is the King's birthday; 11 May is not).
    expect(new Date(submitted.decideBy!).toISOString().slice(0, 10)).toBe('2026-05-11');

    clock.set(new Date('2026-04-13T03:00:00Z'));
    const acknowledged = await ok('acknowledgeCrossBorderRequest', 'ahtjp', {
      id: rescue.id,
      counterpartReference: 'AHTJP/2026/0412',
    });
    expect(acknowledged).toMatchObject({ status: 'ACKNOWLEDGED', counterpartReference: 'AHTJP/2026/0412' });
    await ok('acceptCrossBorderRequest', 'ahtjp', { id: rescue.id });
    const partial = await ok('answerCrossBorderRequest', 'ahtjp', {
      id: rescue.id,
      partial: true,
      note: 'Compound located',
    });
    expect(partial.status).toBe('ACCEPTED');
    const answered = await ok('answerCrossBorderRequest', 'ahtjp', {
      id: rescue.id,
      note: 'Rescue carried out 28 June',
    });
    expect(answered.status).toBe('ANSWERED');
    expect(firstErrorCode(await call('closeCrossBorderRequest', 'ahtjp', { id: rescue.id }))).toBe('FORBIDDEN');
    const closed = await ok('closeCrossBorderRequest', 'bareskrim', { id: rescue.id });
    expect(closed.history.map((h) => h.toStatus ?? h.kind)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'ACKNOWLEDGED',
      'ACCEPTED',
      'ACCEPTED',
      'ANSWERED',
      'CLOSED',
    ]);

    // 2. Interview support from MoSVY, by the embassy channel; MoSVY replies by letter (recorded by the attaché).
    const interview = (
      await draft({
        counterpartAgencyId: id['KH-MOSVY'],
        channel: 'DIPLOMATIC_KBRI',
        legalInstrumentId: null,
        agreementCommitmentId: null,
        category: 'VICTIM_INTERVIEW_SUPPORT',
        subject: 'Interpreters for interviews of rescued citizens at the Caritas shelter',
      })
    ).data!.draftCrossBorderRequest;
    await ok('submitCrossBorderRequest', 'attache', { id: interview.id });
    clock.set(new Date('2026-04-14T03:00:00Z'));
    const letter = await ok('recordCounterpartReply', 'attache', {
      id: interview.id,
      kind: 'ACKNOWLEDGED',
      channel: 'LETTER',
      receivedAt: '2026-04-13T09:00:00Z',
      counterpartReference: 'MoSVY 118/26',
    });
    expect(letter).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedAt: '2026-04-13T09:00:00.000Z' });
    expect(letter.history.at(-1)).toMatchObject({ kind: 'COUNTERPART_REPLY', details: { channel: 'LETTER' } });
    // MoSVY's own account could have done it; KH-AHTJP's cannot see it at all.
    expect((await read('mosvy', interview.id)).data!.crossBorderRequest.status).toBe('ACKNOWLEDGED');
    expect(firstErrorCode(await read('ahtjp', interview.id))).toBe('NOT_FOUND');

    // 3. Exit clearance for repatriation from the General Department of Immigration, under the 2024 framework.
    const exit = (
      await draft({
        counterpartAgencyId: id['KH-GDI'],
        onBehalfOfAgencyId: id['DITJEN-IMIGRASI'],
        channel: 'IMMIGRATION_ATTACHE',
        legalInstrumentId: id['KH-ID-IMM-2024'],
        agreementCommitmentId: id.movementCommitment,
        category: 'REPATRIATION_EXIT_CLEARANCE',
        urgency: 'URGENT',
        subject: 'Exit clearance for 28 citizens, repatriation flight 4 October',
      })
    ).data!.draftCrossBorderRequest;
    const urgent = await ok('submitCrossBorderRequest', 'attache', { id: exit.id });
    // URGENT: 24 clock hours, holidays or not.
    expect(urgent.acknowledgeBy).toBe('2026-04-15T03:00:00.000Z');
    for (const kind of ['ACKNOWLEDGED', 'ACCEPTED', 'ANSWERED']) {
      await ok('recordCounterpartReply', 'attache', {
        id: exit.id,
        kind,
        channel: 'MEETING',
        receivedAt: '2026-04-14T03:00:00Z',
      });
    }
    expect((await ok('closeCrossBorderRequest', 'imigrasi', { id: exit.id })).status).toBe('CLOSED');

    // The commitments show their requests and activity.
    const instrument = await api.gql<{
      legalInstrument: {
        commitments: {
          code: string;
          lastActivityAt: string | null;
          crossBorderRequests: { reference: string; status: string }[];
        }[];
      };
    }>(
      'query ($id: ID!) { legalInstrument(id: $id) { commitments { code status lastActivityAt crossBorderRequests { reference status } } } }',
      { id: id['KH-ID-IMM-2024'] },
      token.imigrasi,
    );
    const movement = instrument.data!.legalInstrument.commitments.find((c) => c.code === 'KH-ID-IMM-2024-02')!;
    expect(movement.crossBorderRequests).toEqual([{ reference: urgent.reference, status: 'CLOSED' }]);
    expect(movement.lastActivityAt).not.toBeNull();
  });

  it('lets outsiders see nothing, counterparts only what is addressed to them, and nothing else in the system', async () => {
    const request = (
      await draft({
        onBehalfOfAgencyId: id['DITJEN-IMIGRASI'],
        counterpartAgencyId: id['KH-GDI'],
        legalInstrumentId: id['KH-ID-IMM-2024'],
        agreementCommitmentId: null,
        channel: 'IMMIGRATION_ATTACHE',
      })
    ).data!.draftCrossBorderRequest;
    await ok('submitCrossBorderRequest', 'attache', { id: request.id });
    expect(firstErrorCode(await read('kemlu', request.id))).toBe('NOT_FOUND');
    expect(firstErrorCode(await read('mosvy', request.id))).toBe('NOT_FOUND');
    expect(firstErrorCode(await call('acknowledgeCrossBorderRequest', 'kemlu', { id: request.id }))).toBe('NOT_FOUND');
    expect(firstErrorCode(await call('acknowledgeCrossBorderRequest', 'mosvy', { id: request.id }))).toBe('NOT_FOUND');
    expect((await read('imigrasi', request.id)).data!.crossBorderRequest.status).toBe('SUBMITTED');
    expect((await read('secretariat', request.id)).data!.crossBorderRequest.status).toBe('SUBMITTED');
    // The attaché may not act for the counterpart except by recording its reply.
    expect(firstErrorCode(await call('acknowledgeCrossBorderRequest', 'attache', { id: request.id }))).toBe(
      'FORBIDDEN',
    );
    // A counterpart account reaches nothing else.
    for (const query of [
      '{ tasks(first: 5) { totalCount } }',
      '{ victims(first: 5) { totalCount } }',
      '{ referrals(first: 5) { totalCount } }',
    ]) {
      expect(firstErrorCode(await api.gql(query, {}, token.mosvy))).toBe('FORBIDDEN');
    }
    const cases = await api.gql<{ cases: { totalCount: number } }>(
      '{ cases(first: 5) { totalCount } }',
      {},
      token.mosvy,
    );
    expect(cases.data?.cases.totalCount ?? 0).toBe(0);
    const inbox = await api.gql<{ crossBorderRequests: { edges: { node: { id: string } }[] } }>(
      '{ crossBorderRequests(filter: { queue: ADDRESSED_TO_MY_AGENCY }) { edges { node { id } } } }',
      {},
      token.mosvy,
    );
    expect(inbox.data!.crossBorderRequests.edges.map((e) => e.node.id)).not.toContain(request.id);
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const count = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM cross_border_request`))[0].n;
    const before = await count();
    const otherCountry = await draft({ counterpartCountry: 'MY' });
    expect(otherCountry.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'counterpartAgencyId' });
    const notBinding = await draft({
      counterpartCountry: 'MY',
      counterpartAgencyId: id['MY-PDRM'],
      agreementCommitmentId: null,
    });
    expect(notBinding.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'legalInstrumentId' });
    expect(notBinding.errors![0].message).toContain('does not bind MY');
    const wrongArea = await draft({ agreementCommitmentId: id.movementCommitment });
    expect(wrongArea.errors![0].extensions).toMatchObject({ field: 'agreementCommitmentId' });
    expect(firstErrorCode(await draft({ category: 'KIDNAP' }))).toBe('BAD_USER_INPUT');
    // A case the filer cannot link answers exactly as one that does not exist.
    expect(firstErrorCode(await draft({ caseIds: ['00000000-0000-4000-8000-000000000000'] }))).toBe('NOT_FOUND');
    expect(await count()).toBe(before);

    // Extensions: a reason and a later date, and the old date stays in the history.
    const request = (await draft()).data!.draftCrossBorderRequest;
    const submitted = await ok('submitCrossBorderRequest', 'attache', { id: request.id });
    const extend = (as: string, input: Record<string, unknown>) =>
      call('extendCrossBorderDeadline', as, { id: request.id, stage: 'DECIDE', ...input });
    expect(firstErrorCode(await extend('attache', { newDate: '2026-04-20T00:00:00Z', reason: 'Need more time' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(firstErrorCode(await extend('attache', { newDate: '2026-06-01T02:00:00Z', reason: '' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(firstErrorCode(await extend('kemlu', { newDate: '2026-06-01T02:00:00Z', reason: 'Looks late' }))).toBe(
      'NOT_FOUND',
    );
    const extended = await ok('extendCrossBorderDeadline', 'ahtjp', {
      id: request.id,
      stage: 'DECIDE',
      newDate: '2026-06-01T02:00:00Z',
      reason: 'Awaiting the provincial police report',
    });
    expect(extended.decideBy).toBe('2026-06-01T02:00:00.000Z');
    expect(extended.history.at(-1)).toMatchObject({
      kind: 'DEADLINE_EXTENDED',
      reason: 'Awaiting the provincial police report',
      details: { stage: 'DECIDE', before: submitted.decideBy, after: '2026-06-01T02:00:00.000Z' },
    });
    // Refusal needs grounds; withdrawing needs a reason; acting twice at once: one wins.
    expect(firstErrorCode(await call('refuseCrossBorderRequest', 'ahtjp', { id: request.id, reason: ' ' }))).toBe(
      'BAD_USER_INPUT',
    );
    const race = await Promise.all([
      call('refuseCrossBorderRequest', 'ahtjp', { id: request.id, reason: 'Outside our jurisdiction' }),
      call('withdrawCrossBorderRequest', 'bareskrim', { id: request.id, reason: 'Sent through the formal channel' }),
    ]);
    expect(race.map((result) => (result.errors ? firstErrorCode(result) : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('counts Malaysian deadlines in Kuala Lumpur, skipping Merdeka Day', async () => {
    // Friday 28 August 2026, 09:00 in Kuala Lumpur; Monday 31 August is National Day (Hari Merdeka).
    clock.set(new Date('2026-08-28T01:00:00Z'));
    const request = (
      await draft({
        counterpartCountry: 'MY',
        counterpartAgencyId: id['MY-PDRM'],
        channel: 'POLICE_MOU',
        legalInstrumentId: null,
        agreementCommitmentId: null,
        category: 'CASE_INFORMATION',
        subject: 'Information on the Sibu case (four victims from Indramayu)',
      })
    ).data!.draftCrossBorderRequest;
    const submitted = await ok('submitCrossBorderRequest', 'attache', { id: request.id });
    // Tuesday 1 to Friday 4 September, then Monday 7 September: 09:00 in Kuala Lumpur is 01:00 UTC.
    expect(submitted.acknowledgeBy).toBe('2026-09-07T01:00:00.000Z');
    // Thirty days: Sunday 27 September, moved to Monday 28 September.
    expect(new Date(submitted.decideBy!).toISOString().slice(0, 10)).toBe('2026-09-28');
  });

  it("shows a linked victim's identity to the counterpart only with consent for it and the request's purpose", async () => {
    const registered = await api.gql<{ registerVictim: { id: string; code: string } }>(
      'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id code } }',
      {
        input: {
          identity: { fullName: 'Yusuf Maulana Hakim', passportNumber: 'E9087712', dateOfBirth: '1996-02-11' },
          sex: 'MALE',
          ageBand: 'ADULT_25_34',
          nationality: 'ID',
          originRegion: '32.12',
        },
      },
      token.imigrasi,
    );
    expect(registered.errors).toBeUndefined();
    const victim = registered.data!.registerVictim;
    const request = (
      await draft(
        {
          counterpartAgencyId: id['KH-GDI'],
          onBehalfOfAgencyId: id['DITJEN-IMIGRASI'],
          channel: 'IMMIGRATION_ATTACHE',
          legalInstrumentId: id['KH-ID-IMM-2024'],
          agreementCommitmentId: null,
          category: 'REPATRIATION_EXIT_CLEARANCE',
          victimIds: [victim.id],
        },
        'imigrasi',
      )
    ).data!.draftCrossBorderRequest;
    expect(request.victimCodes).toEqual([victim.code]);
    await ok('submitCrossBorderRequest', 'imigrasi', { id: request.id });
    const victims = async (as: string) => {
      const result = await api.gql<{
        crossBorderRequest: { victims: { code: string; identity: { fullName: string } | null }[] };
      }>(
        'query ($id: ID!) { crossBorderRequest(id: $id) { victims { code identity { fullName } } } }',
        { id: request.id },
        token[as],
      );
      return result.data!.crossBorderRequest.victims;
    };
    expect(await victims('gdi')).toEqual([{ code: victim.code, identity: null }]);
    expect(await victims('imigrasi')).toEqual([{ code: victim.code, identity: { fullName: 'Yusuf Maulana Hakim' } }]);
    // The secretariat follows the request but never sees identities.
    expect(await victims('secretariat')).toEqual([{ code: victim.code, identity: null }]);

    const consent = async (purpose: string) =>
      api.gql<{ recordConsent: { id: string } }>(
        'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
        { input: { victimId: victim.id, recipientAgencyId: id['KH-GDI'], purpose, method: 'WRITTEN_SIGNED' } },
        token.imigrasi,
      );
    // Consent for another purpose does not open it; consent for repatriation does, and the reading is audited.
    expect((await consent('LEGAL_PROCEEDINGS')).errors).toBeUndefined();
    expect(await victims('gdi')).toEqual([{ code: victim.code, identity: null }]);
    const repatriation = await consent('REPATRIATION');
    expect(repatriation.errors).toBeUndefined();
    expect(await victims('gdi')).toEqual([{ code: victim.code, identity: { fullName: 'Yusuf Maulana Hakim' } }]);
    const [audited] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE operation = 'readVictimIdentity' AND target_id = $1 AND actor_user_id = $2`,
      [victim.id, id.gdi],
    );
    expect(audited.n).toBe(1);
    // Revoked: gone on the next request.
    await api.gql(
      'mutation ($input: RevokeConsentInput!) { revokeConsent(input: $input) { id } }',
      { input: { id: repatriation.data!.recordConsent.id, reason: 'The person asked to stop sharing' } },
      token.imigrasi,
    );
    expect(await victims('gdi')).toEqual([{ code: victim.code, identity: null }]);
  });

  it('pauses the clock and moves the running dates by the pause when it restarts', async () => {
    const request = (await draft()).data!.draftCrossBorderRequest;
    const submitted = await ok('submitCrossBorderRequest', 'attache', { id: request.id });
    const paused = await ok('pauseCrossBorderClock', 'attache', {
      id: request.id,
      reason: 'Awaiting passport copies from Jakarta',
    });
    expect(paused.pausedAt).toBe('2026-04-10T02:00:00.000Z');
    const rungs = async () =>
      (
        await api.dataSource.query(`SELECT status FROM escalation_rung WHERE item_id = $1 AND status = 'SCHEDULED'`, [
          request.id,
        ])
      ).length;
    expect(await rungs()).toBe(0);
    clock.set(new Date('2026-04-12T02:00:00Z'));
    const resumed = await ok('resumeCrossBorderClock', 'attache', { id: request.id });
    const moved = (field: 'acknowledgeBy' | 'decideBy' | 'executeBy') =>
      new Date(resumed[field]!).getTime() - new Date(submitted[field]!).getTime();
    expect([moved('acknowledgeBy'), moved('decideBy'), moved('executeBy')]).toEqual(Array(3).fill(2 * 86_400_000));
    expect(await rungs()).toBeGreaterThan(0);
  });

  it('marks stages overdue and, when an informal request lapses on its last rung, proposes the formal channel', async () => {
    const request = (await draft()).data!.draftCrossBorderRequest;
    const submitted = await ok('submitCrossBorderRequest', 'attache', { id: request.id });
    await worker.drain();
    // The acknowledge deadline passes: overdue.
    await timePasses(new Date(new Date(submitted.acknowledgeBy!).getTime() + 60_000).toISOString());
    const overdue = (await read('attache', request.id)).data!.crossBorderRequest;
    expect(overdue.overdueStages).toEqual(['ACKNOWLEDGE']);
    const list = await api.gql<{ crossBorderRequests: { edges: { node: { id: string } }[] } }>(
      '{ crossBorderRequests(filter: { overdueStage: ACKNOWLEDGE }) { edges { node { id } } } }',
      {},
      token.attache,
    );
    expect(list.data!.crossBorderRequests.edges.map((e) => e.node.id)).toContain(request.id);
    // Five working days later, the last rung: the informal channel lapses and a formal MLA draft is proposed.
    await timePasses('2026-05-04T03:00:00Z');
    const lapsed = (await read('attache', request.id)).data!.crossBorderRequest;
    expect(lapsed.status).toBe('LAPSED');
    const proposed = lapsed.history.find((h) => h.kind === 'FORMAL_CHANNEL_PROPOSED')!;
    const formalId = proposed.details.formalRequestId as string;
    const formal = (await read('attache', formalId)).data!.crossBorderRequest;
    expect(formal).toMatchObject({ status: 'DRAFT', channel: 'FORMAL_MLA', proposedFromId: request.id });
    // The formal channel is reviewed by a supervisor of the home agency before it goes out.
    expect((await ok('submitCrossBorderRequest', 'attache', { id: formalId })).status).toBe('IN_REVIEW');
    expect(firstErrorCode(await read('ahtjp', formalId))).toBe('NOT_FOUND');
    expect((await ok('submitCrossBorderRequest', 'bareskrimBoss', { id: formalId })).status).toBe('SUBMITTED');
    // The attaché's supervisor was reached by the ladder.
    const reached = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE subject_id = $1 AND recipient_user_id = $2`,
      [request.id, id.attacheBoss],
    );
    expect(reached[0].n).toBeGreaterThan(0);
  });

  it('after the workers were away past the whole ladder, its rungs fire together in order, each action seeing the last', async () => {
    const request = (await draft()).data!.draftCrossBorderRequest;
    await ok('submitCrossBorderRequest', 'attache', { id: request.id });
    await worker.drain();
    // Nothing ran from before the acknowledge deadline until after the last rung: due (marks the stage overdue),
    // supervisor and secretariat (lapses the informal channel) are claimed in one batch and fire one after another.
    await timePasses('2026-05-04T03:00:00Z');
    const lapsed = (await read('attache', request.id)).data!.crossBorderRequest;
    expect(lapsed).toMatchObject({ status: 'LAPSED', overdueStages: ['ACKNOWLEDGE'] });
    const kinds = lapsed.history.map((h) => h.kind);
    const escalated = lapsed.history.filter((h) => h.kind === 'ESCALATED').map((h) => h.details.rung);
    expect(escalated).toEqual(['due', 'supervisor', 'secretariat']);
    // The stage was marked overdue once (the last rung's action found it marked), the lapse kept the mark, and the
    // formal channel was proposed once.
    expect(kinds.filter((kind) => kind === 'STAGE_OVERDUE')).toHaveLength(1);
    expect(kinds.indexOf('STAGE_OVERDUE')).toBeLessThan(kinds.indexOf('FORMAL_CHANNEL_PROPOSED'));
    expect(kinds.filter((kind) => kind === 'FORMAL_CHANNEL_PROPOSED')).toHaveLength(1);
    const proposed = lapsed.history.find((h) => h.kind === 'FORMAL_CHANNEL_PROPOSED')!;
    const formal = (await read('attache', proposed.details.formalRequestId as string)).data!.crossBorderRequest;
    expect(formal).toMatchObject({ status: 'DRAFT', channel: 'FORMAL_MLA', proposedFromId: request.id });
    const stageRungs = await api.dataSource.query(
      `SELECT rung_key AS key, status FROM escalation_rung WHERE item_id = $1 AND deadline_kind = 'ACKNOWLEDGE'
       ORDER BY rung_index`,
      [request.id],
    );
    expect(stageRungs.filter((rung: { key: string }) => rung.key !== 'reminder-48h')).toEqual([
      { key: 'due', status: 'FIRED' },
      { key: 'supervisor', status: 'FIRED' },
      { key: 'secretariat', status: 'FIRED' },
    ]);
  });
});
