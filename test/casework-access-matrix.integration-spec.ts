import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { Role } from '@app/kernel/role.enum';
import { Factories, unique } from '@libs/testing/factories';
import { GraphqlResponse, TestApp } from '@libs/testing/test-app';

import { CaseworkApi, outcome, people } from './support/casework-api';

/**
 * Every new operation of shared casework, for every kind of caller: the case's lead, a participant (social
 * rehabilitation, with consent for case coordination), an ex-participant, an agency outside the team, the unit
 * secretariat, a foreign counterpart, a partner and an auditor. Denials of records answer NOT_FOUND exactly as a
 * missing id; FORBIDDEN only where the caller sees the record but may not do this (or the role never may). Denied
 * calls write nothing. Then consent is revoked and a participation ends: access follows on the next request.
 */
const PERSONAS = [
  'lead',
  'participant',
  'exParticipant',
  'nonParticipant',
  'secretariat',
  'counterpart',
  'partner',
  'auditor',
] as const;
type Persona = (typeof PERSONAS)[number];

/** Tables any of the operations writes to: a denied call must leave every one as it was. */
const WRITES = [
  'case_participant',
  'case_event',
  'trafficking_case',
  'victim',
  'victim_event',
  'victim_service',
  'consent',
  'referral',
  'suspect',
  'suspect_event',
  'task',
  'cross_border_request',
  'group_operation',
];

describe('shared casework: who may do what', () => {
  let api: TestApp;
  let sut: CaseworkApi;
  let factories: Factories;
  let caseId: string;
  let victimIds: string[];
  let suspectId: string;
  let providerId: string;

  const snapshot = async () =>
    (
      await api.dataSource.query(
        `SELECT ${WRITES.map((table) => `(SELECT count(*) FROM ${table})::int AS "${table}"`).join(', ')}`,
      )
    )[0] as Record<string, number>;

  /** A case led by the lead's agency with the standard team: Kemensos in, KBRI Phnom Penh in and out. */
  const teamCase = async (checkExAccess = false): Promise<{ caseId: string; victimIds: string[] }> => {
    const opened = await sut.openCase('lead', {
      unitId: await sut.unitId('GTPP-NAS'),
      exploitationTypes: ['FORCED_CRIMINALITY'],
      intakeChannel: 'POLICE',
    });
    const id = opened.data!.openCase.id;
    expect((await sut.addParticipant('lead', id, 'KEMENSOS', 'SOCIAL_REHABILITATION')).errors).toBeUndefined();
    expect((await sut.addParticipant('lead', id, 'KBRI-PNH', 'CONSULAR_PROTECTION')).errors).toBeUndefined();
    const registered = await sut.registerGroup('lead', {
      operationKey: `matrix-${unique()}`,
      caseId: id,
      nationality: 'ID',
      people: people(3),
    });
    const ids = registered.data!.registerVictimGroup.victims.map((victim) => victim.id);
    expect((await sut.consentGroup('lead', ids, 'KEMENSOS', 'CASE_COORDINATION')).errors).toBeUndefined();
    expect((await sut.consentGroup('lead', ids, 'YAYASAN-PULIH', 'SERVICE_REFERRAL')).errors).toBeUndefined();
    // The ex-participant saw the case until its participation ended.
    if (checkExAccess) expect(outcome(await sut.caseView('exParticipant', id, 'id'))).toBe('OK');
    expect((await sut.endParticipation('lead', id, 'KBRI-PNH', 'Left the case')).errors).toBeUndefined();
    return { caseId: id, victimIds: ids };
  };

  beforeAll(async () => {
    api = await TestApp.start();
    factories = new Factories(api);
    sut = new CaseworkApi(api, factories);
    await sut.user('lead', [Role.CASE_OFFICER, Role.LIAISON], 'BARESKRIM');
    await sut.user('participant', [Role.CASE_OFFICER, Role.LIAISON], 'KEMENSOS');
    await sut.user('exParticipant', [Role.CASE_OFFICER, Role.LIAISON], 'KBRI-PNH');
    await sut.user('nonParticipant', [Role.CASE_OFFICER, Role.LIAISON], 'KEMLU');
    await sut.user('secretariat', [Role.SECRETARIAT], 'POLRI');
    await sut.user('counterpart', [Role.COUNTERPART], 'KH-GDI');
    await sut.user('partner', [Role.PARTNER], 'IOM');
    await sut.user('auditor', [Role.AUDITOR], 'KEMENKO-POLHUKAM');
    providerId = await sut.agencyId('YAYASAN-PULIH');

    ({ caseId, victimIds } = await teamCase(true));
    const suspect = await recordSuspect('lead');
    expect(suspect.errors).toBeUndefined();
    suspectId = (suspect.data as { recordSuspect: { id: string } }).recordSuspect.id;
    expect((await createTask('lead')).errors).toBeUndefined();
  });
  afterAll(() => api.stop());

  const recordSuspect = (as: Persona) =>
    sut.run(as, 'mutation ($input: RecordSuspectInput!) { recordSuspect(input: $input) { id code } }', {
      input: {
        caseId,
        identity: { fullName: `Suspect ${unique()}`, aliases: ['Bos Poipet'] },
        roleInChain: 'RECRUITER',
        relationToVictims: ['ONLINE_CONTACT'],
        nationality: 'ID',
        statusOn: '2024-01-10',
      },
    });

  /** Assignee: the other agency of the team (the lead's own agency for everyone else). */
  const createTask = async (as: Persona) =>
    sut.run(as, 'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
      input: {
        assigneeAgencyId: await sut.agencyId(as === 'lead' ? 'KEMENSOS' : 'BARESKRIM'),
        title: 'Case follow-up',
        pillar: 'PROTECTION',
        duty: 'VICTIM_MONITORING',
        due: { workingDays: 5 },
        caseId,
        victimIds: [victimIds[0]],
      },
    });

  /** A fresh agency the team may take in as a provider (one per call, so each addition is new). */
  const freshProvider = () =>
    factories.agency({ type: AgencyType.SERVICE_PROVIDER, capabilities: [AgencyCapability.MEDICAL] });

  /**
   * Each operation, as one persona, reduced to its outcome (the error code, or what the caller saw). `allowed` says
   * whether the call is expected to succeed: only then does it get a fixture of its own (a fresh case, provider or
   * suspect), so a refused call can be checked to write nothing at all.
   */
  const OPERATIONS: Record<string, (as: Persona, allowed: boolean) => Promise<string>> = {
    'case(id)': async (as) => outcome(await sut.caseView(as, caseId, 'id participants { agency { code } }')),
    'Victim.identity': async (as) => {
      const read = await sut.victim(as, victimIds[0]);
      return outcome(read) === 'OK' ? (read.data!.victim.identity ? 'IDENTITY' : 'CODE') : outcome(read);
    },
    'Case.suspects': async (as) => count(await sut.caseView(as, caseId, 'suspects { code }'), 'suspects'),
    'Case.tasks': async (as) => count(await sut.caseView(as, caseId, 'tasks { id }'), 'tasks'),
    'suspect(id).identity': async (as) => {
      const read = await sut.run<{ suspect: { identity: unknown } }>(
        as,
        'query ($id: ID!) { suspect(id: $id) { code identity { fullName } } }',
        { id: suspectId },
      );
      return outcome(read) === 'OK' ? (read.data!.suspect.identity ? 'IDENTITY' : 'CODE') : outcome(read);
    },
    addCaseParticipant: async (as) => {
      const provider = await freshProvider();
      return outcome(
        await sut.run(as, 'mutation ($input: AddCaseParticipantInput!) { addCaseParticipant(input: $input) { id } }', {
          input: { caseId, agencyId: provider.id, role: 'HEALTH' },
        }),
      );
    },
    endCaseParticipation: async (as, allowed) => {
      let agencyId = await sut.agencyId('KEMENSOS');
      if (allowed) {
        agencyId = (await freshProvider()).id;
        await sut.run(
          'lead',
          'mutation ($input: AddCaseParticipantInput!) { addCaseParticipant(input: $input) { id } }',
          {
            input: { caseId, agencyId, role: 'HEALTH' },
          },
        );
      }
      return outcome(
        await sut.run(
          as,
          'mutation ($input: EndCaseParticipationInput!) { endCaseParticipation(input: $input) { id } }',
          {
            input: { caseId, agencyId, reason: 'Service completed' },
          },
        ),
      );
    },
    handOverCaseLead: async (as, allowed) => {
      // A successful handover changes who leads: each one on a case of its own.
      const target = allowed ? (await teamCase()).caseId : caseId;
      return outcome(await sut.handOver(as, target, 'KEMENSOS', 'Social rehabilitation now leads'));
    },
    commentOnCase: async (as) =>
      outcome(
        await sut.run(as, 'mutation ($input: CommentOnCaseInput!) { commentOnCase(input: $input) { id } }', {
          input: { caseId, body: 'Shelter capacity confirmed for the group.' },
        }),
      ),
    recordServiceDelivered: async (as) =>
      outcome(await sut.service(as, victimIds[1], 'PSYCHOSOCIAL', 'YAYASAN-PULIH', '2024-02-01')),
    // One person per caller that may do it (a step cannot be taken twice); the others try the first.
    changeProtectionStatus: async (as) =>
      outcome(await sut.step(as, victimIds[as === 'participant' ? 1 : 0], 'IN_REHABILITATION', '2024-02-01')),
    recordIdentificationDecision: async (as) =>
      outcome(
        await sut.run(
          as,
          'mutation ($input: RecordIdentificationDecisionInput!) { recordIdentificationDecision(input: $input) { id } }',
          { input: { id: victimIds[1], status: 'IDENTIFIED', identifiedOn: '2024-01-15' } },
        ),
      ),
    proposeReferral: async (as) =>
      outcome(
        await sut.run(as, 'mutation ($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }', {
          input: { victimId: victimIds[2], recipientAgencyId: providerId, service: 'PSYCHOSOCIAL' },
        }),
      ),
    proposeReferralsForGroup: async (as) =>
      outcome(await sut.referGroup(as, victimIds, 'YAYASAN-PULIH', 'PSYCHOSOCIAL')),
    recordConsentForGroup: async (as) =>
      outcome(await sut.consentGroup(as, victimIds, 'DITJEN-IMIGRASI', 'REPATRIATION', { givenAt: undefined })),
    registerVictimGroup: async (as) =>
      outcome(
        await sut.registerGroup(as, { operationKey: `m-${unique()}`, caseId, nationality: 'ID', people: people(2) }),
      ),
    recordSuspect: async (as) => outcome(await recordSuspect(as)),
    changeSuspectStatus: async (as, allowed) => {
      const fresh = allowed ? await recordSuspect('lead') : null;
      const id = fresh ? (fresh.data as { recordSuspect: { id: string } }).recordSuspect.id : suspectId;
      return outcome(
        await sut.run(
          as,
          'mutation ($input: ChangeSuspectStatusInput!) { changeSuspectStatus(input: $input) { id } }',
          {
            input: { id, to: 'NAMED_SUSPECT', occurredOn: '2024-03-01' },
          },
        ),
      );
    },
    'createTask(caseId)': async (as) => outcome(await createTask(as)),
    'draftCrossBorderRequest(caseIds)': async (as) =>
      outcome(
        await sut.run(
          as,
          'mutation ($input: DraftCrossBorderRequestInput!) { draftCrossBorderRequest(input: $input) { id } }',
          {
            input: {
              counterpartCountry: 'KH',
              counterpartAgencyId: await sut.agencyId('KH-AHTJP'),
              channel: 'POLICE_MOU',
              category: 'CASE_INFORMATION',
              subject: 'Case information',
              body: 'Information on the compound, by code.',
              caseIds: [caseId],
            },
          },
        ),
      ),
  };

  const count = (response: GraphqlResponse<{ case: Record<string, unknown[]> }>, field: string): string =>
    outcome(response) === 'OK' ? String(response.data!.case[field].length) : outcome(response);

  /**
   * Expected outcome per persona, in the order lead, participant, ex-participant, non-participant, secretariat,
   * counterpart, partner, auditor. NOT_FOUND: the record is invisible to them; FORBIDDEN: they see it but may not
   * do this, or their role never may (the guard, before any record is read).
   */
  const N = 'NOT_FOUND';
  const F = 'FORBIDDEN';
  const B = 'BAD_USER_INPUT';
  const EXPECTED: Record<string, string[]> = {
    'case(id)': ['OK', 'OK', N, N, 'OK', N, N, N],
    'Victim.identity': ['IDENTITY', 'IDENTITY', N, N, 'CODE', F, N, F],
    'Case.suspects': ['1', '0', N, N, '1', N, N, N],
    'Case.tasks': ['1', '1', N, N, '1', N, N, N],
    'suspect(id).identity': ['IDENTITY', N, N, N, 'CODE', F, F, F],
    addCaseParticipant: ['OK', F, N, N, 'OK', F, F, F],
    endCaseParticipation: ['OK', F, N, N, 'OK', F, F, F],
    handOverCaseLead: ['OK', F, N, N, 'OK', F, F, F],
    commentOnCase: ['OK', 'OK', N, N, 'OK', F, F, F],
    recordServiceDelivered: ['OK', 'OK', N, N, F, F, F, F],
    changeProtectionStatus: ['OK', 'OK', N, N, F, F, F, F],
    recordIdentificationDecision: ['OK', 'OK', N, N, F, F, F, F],
    proposeReferral: ['OK', 'OK', N, N, F, F, F, F],
    // Group rows the caller cannot see are named as not found, in the same words as a missing id.
    proposeReferralsForGroup: ['OK', 'OK', B, B, F, F, F, F],
    // Consent stays with the owning agency: a participant's rows are refused.
    recordConsentForGroup: ['OK', B, B, B, F, F, F, F],
    registerVictimGroup: ['OK', 'OK', N, N, F, F, F, F],
    recordSuspect: ['OK', F, N, N, F, F, F, F],
    changeSuspectStatus: ['OK', N, N, N, F, F, F, F],
    'createTask(caseId)': ['OK', 'OK', N, N, F, F, F, F],
    'draftCrossBorderRequest(caseIds)': ['OK', 'OK', N, N, F, F, F, F],
  };

  it('covers every new operation', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  for (const [operation, run] of Object.entries(OPERATIONS)) {
    it(`${operation}: ${EXPECTED[operation].join(' ')}`, async () => {
      const expected = Object.fromEntries(PERSONAS.map((persona, index) => [persona, EXPECTED[operation][index]]));
      const denied = PERSONAS.filter((persona) => !/^(OK|IDENTITY|CODE|\d+)$/.test(expected[persona]));
      const seen: Record<string, string> = {};
      // The refusals first: each must leave every table as it was.
      for (const persona of denied) {
        const before = await snapshot();
        seen[persona] = await run(persona, false);
        expect([persona, await snapshot()]).toEqual([persona, before]);
      }
      for (const persona of PERSONAS.filter((p) => !denied.includes(p))) seen[persona] = await run(persona, true);
      expect(seen).toEqual(expected);
    });
  }

  it('revoking consent closes the identity to the participant on the next request', async () => {
    expect(await OPERATIONS['Victim.identity']('participant', true)).toBe('IDENTITY');
    const [consent] = await api.dataSource.query(
      `SELECT id FROM consent WHERE victim_id = $1 AND recipient_agency_id = $2 AND revoked_at IS NULL`,
      [victimIds[0], await sut.agencyId('KEMENSOS')],
    );
    const revoked = await sut.run(
      'lead',
      'mutation ($input: RevokeConsentInput!) { revokeConsent(input: $input) { id } }',
      {
        input: { id: consent.id, reason: 'Withdrawn by the person' },
      },
    );
    expect(revoked.errors).toBeUndefined();
    expect(await OPERATIONS['Victim.identity']('participant', true)).toBe('CODE');
  });

  it('ending the participation closes the case and its people to the participant on the next request', async () => {
    expect(
      (await sut.endParticipation('lead', caseId, 'KEMENSOS', 'Rehabilitation handed to the province')).errors,
    ).toBeUndefined();
    expect(await OPERATIONS['case(id)']('participant', false)).toBe(N);
    expect(await OPERATIONS['Case.tasks']('participant', false)).toBe(N);
    // The person whose consent was revoked is gone altogether.
    expect(await OPERATIONS['Victim.identity']('participant', false)).toBe(N);
    // A person whose consent for Kemensos is still in force stays visible to it by code (the consent rule, older
    // than teams: a recipient sees whom it may receive), without identity, and Kemensos no longer works for them.
    const other = await sut.victim('participant', victimIds[1]);
    expect(other.data!.victim).toMatchObject({ canSeeIdentity: false, identity: null });
    const work = await sut.service('participant', victimIds[1], 'PSYCHOSOCIAL', 'YAYASAN-PULIH', '2024-02-01');
    expect(work.errors?.[0].extensions).toMatchObject({ code: F, reason: 'NOT_PARTICIPANT' });
  });
});
