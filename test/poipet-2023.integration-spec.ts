import { FixedClock } from '@app/kernel/clock';
import { daysBetween } from '@app/kernel/event-date';
import { Role } from '@app/kernel/role.enum';
import { unique } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

import { CaseworkApi, outcome, people, VictimView } from './support/casework-api';

/**
 * Poipet 2023, replayed with its real dates (DOMAIN.md section 8; seed brief P5): 27 Indonesians rescued from a scam
 * compound in Poipet on 28 June 2023, moved to a Caritas shelter on 14 July, one more rescued on 5 September,
 * 28 repatriated on 4 October (98 days). The police lead the case; Kemensos, KBRI Phnom Penh, the immigration
 * attaché, Ditjen Imigrasi, a hospital and a provincial social-affairs office work the same 28 people, each within
 * what its role and the people's consent allow. The record is entered in March 2026: the dates are 2023's, the
 * deadlines of new work run from now.
 */
const NOW = new Date('2026-03-02T03:00:00Z');
const RESCUE = '2023-06-28';
const SHELTER = '2023-07-14';
const SECOND_RESCUE = '2023-09-05';
const REPATRIATION = '2023-10-04';

describe('Poipet 2023: one case, 28 people, seven agencies', () => {
  let sut: CaseworkApi;
  let api: TestApp;
  const clock = new FixedClock(NOW);
  let caseId: string;
  let victims: VictimView[];
  /** The three hospitalised in Phnom Penh, and the people from East Nusa Tenggara. */
  let hospitalised: string[];
  let fromNtt: string[];

  beforeAll(async () => {
    api = await TestApp.start({}, { clock });
    sut = new CaseworkApi(api);
    await sut.user('police', [Role.CASE_OFFICER, Role.LIAISON], 'BARESKRIM');
    await sut.user('kemensos', [Role.CASE_OFFICER, Role.LIAISON], 'KEMENSOS');
    await sut.user('kbri', [Role.CASE_OFFICER], 'KBRI-PNH');
    await sut.user('attache', [Role.ATTACHE], 'ATASE-IMIGRASI-PNH');
    await sut.user('imigrasi', [Role.LIAISON, Role.CASE_OFFICER], 'DITJEN-IMIGRASI');
    await sut.user('hospital', [Role.CASE_OFFICER], 'RS-POLRI');
    await sut.user('dinsos', [Role.CASE_OFFICER], 'DINSOS-NTT');
    await sut.user('counterpart', [Role.COUNTERPART], 'KH-GDI');
  });
  afterAll(() => api.stop());

  const ids = () => victims.map((victim) => victim.id);

  it('the police open the 2023 case with its own dates, marked as entered late', async () => {
    const opened = await sut.openCase('police', {
      unitId: await sut.unitId('GTPP-NAS'),
      destinationCountries: ['KH'],
      exploitationTypes: ['FORCED_CRIMINALITY'],
      recruitmentChannels: ['FACEBOOK'],
      intakeChannel: 'EMBASSY',
      summary: 'Online-scam compound in Poipet; recruited through Facebook job ads.',
      reportedOn: RESCUE,
      exploitationTo: RESCUE,
      rescuedOn: RESCUE,
      rescuePlace: 'Poipet, Banteay Meanchey',
      rescueCountry: 'KH',
    });
    expect(opened.errors).toBeUndefined();
    caseId = opened.data!.openCase.id;
    const read = await sut.caseView<{ rescuedOn: string; recordedLate: boolean; participants: unknown[] }>(
      'police',
      caseId,
      'rescuedOn recordedLate participants { agency { code } role lead since current }',
    );
    expect(read.data!.case).toEqual({
      rescuedOn: RESCUE,
      recordedLate: true,
      participants: [
        { agency: { code: 'BARESKRIM' }, role: 'INVESTIGATION', lead: true, since: RESCUE, current: true },
      ],
    });
    // Before the team exists, Kemensos sees neither the case nor anything in it.
    expect(outcome(await sut.caseView('kemensos', caseId, 'id'))).toBe('NOT_FOUND');
  });

  it('registers the 28 people in one call; a retry with the same key writes nothing more', async () => {
    const rows = people(28, (index) => ({
      originRegion: index < 10 ? '53' : '32',
      // The 28th was rescued on 5 September from another compound in the same province.
      ...(index === 27 ? { rescuedOn: SECOND_RESCUE } : {}),
    }));
    const input = {
      operationKey: `poipet-2023-${unique()}`,
      caseId,
      nationality: 'ID',
      rescuedOn: RESCUE,
      rescuePlace: 'Poipet, Banteay Meanchey',
      rescueCountry: 'KH',
      identifiedOn: RESCUE,
      people: rows,
    };
    const counts = async () =>
      (
        await sut.db.query(
          `SELECT (SELECT count(*) FROM victim WHERE case_id = $1)::int AS victims,
                  (SELECT count(*) FROM victim_event e JOIN victim v ON v.id = e.victim_id WHERE v.case_id = $1)::int AS history,
                  (SELECT count(*) FROM case_event WHERE case_id = $1)::int AS case_history,
                  (SELECT count(*) FROM audit_entry WHERE operation = 'registerVictim')::int AS audit`,
          [caseId],
        )
      )[0];
    const first = await sut.registerGroup('police', input);
    expect(first.errors).toBeUndefined();
    expect(first.data!.registerVictimGroup.replayed).toBe(false);
    victims = first.data!.registerVictimGroup.victims;
    expect(victims).toHaveLength(28);
    expect(victims.filter((victim) => victim.rescuedOn === RESCUE)).toHaveLength(27);
    expect(victims[27].rescuedOn).toBe(SECOND_RESCUE);
    const after = await counts();
    expect(after.victims).toBe(28);

    const retry = await sut.registerGroup('police', input);
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.registerVictimGroup.replayed).toBe(true);
    expect(retry.data!.registerVictimGroup.victims.map((victim) => victim.id)).toEqual(ids());
    expect(await counts()).toEqual(after);
    hospitalised = ids().slice(3, 6);
    fromNtt = ids().slice(0, 10);
  });

  it('the police build the case team, each agency in a role that fits it, with historical dates', async () => {
    const team: [string, string, string?][] = [
      ['KBRI-PNH', 'CONSULAR_PROTECTION', RESCUE],
      ['ATASE-IMIGRASI-PNH', 'ATTACHE_POST'],
      ['DITJEN-IMIGRASI', 'IMMIGRATION', '2023-09-20'],
      ['KEMENSOS', 'SOCIAL_REHABILITATION', REPATRIATION],
      ['RS-POLRI', 'HEALTH', REPATRIATION],
      ['DINSOS-NTT', 'SOCIAL_REHABILITATION', '2023-10-05'],
    ];
    for (const [code, role, since] of team) {
      const added = await sut.addParticipant('police', caseId, code, role, since);
      expect([code, added.errors]).toEqual([code, undefined]);
    }
    // Consent per person, recipient and purpose, recorded by the police for a selection at once (2023 dates).
    const givenAt = '2023-07-14T03:00:00Z';
    for (const [recipient, purpose, who] of [
      ['KEMENSOS', 'CASE_COORDINATION', ids()],
      ['KBRI-PNH', 'REPATRIATION', ids()],
      ['DITJEN-IMIGRASI', 'REPATRIATION', ids()],
      ['RS-POLRI', 'SERVICE_REFERRAL', hospitalised],
      ['DINSOS-NTT', 'SERVICE_REFERRAL', fromNtt],
    ] as [string, string, string[]][]) {
      const recorded = await sut.consentGroup('police', who, recipient, purpose, { givenAt });
      expect([recipient, recorded.errors, recorded.data?.recordConsentForGroup.consents.length]).toEqual([
        recipient,
        undefined,
        who.length,
      ]);
    }
  });

  it('each agency sees the 28 by code, and identities only where consent covers its role', async () => {
    const identities = async (as: string) => {
      const seen = await sut.caseView<{ victims: VictimView[] }>(
        as,
        caseId,
        'victims { id code identity { fullName } }',
      );
      expect([as, seen.errors]).toEqual([as, undefined]);
      return seen.data!.case.victims;
    };
    for (const as of ['kemensos', 'kbri', 'imigrasi']) {
      const seen = await identities(as);
      expect(seen).toHaveLength(28);
      expect(seen.every((victim) => victim.identity !== null)).toBe(true);
    }
    // The attaché post takes part but holds no consent: codes only. The hospital: the three it will treat.
    expect((await identities('attache')).filter((victim) => victim.identity !== null)).toEqual([]);
    const atHospital = await identities('hospital');
    expect(atHospital).toHaveLength(28);
    expect(
      atHospital
        .filter((v) => v.identity !== null)
        .map((v) => v.id)
        .sort(),
    ).toEqual([...hospitalised].sort());
    const atDinsos = await identities('dinsos');
    expect(
      atDinsos
        .filter((v) => v.identity !== null)
        .map((v) => v.id)
        .sort(),
    ).toEqual([...fromNtt].sort());
    // Every opening is audited, naming the reader and their agency.
    const [audit] = await sut.db.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE operation = 'readVictimIdentity' AND actor_user_id = $1
         AND acting_agency_id = $2`,
      [sut.userId.hospital, await sut.agencyId('RS-POLRI')],
    );
    expect(audit.n).toBe(3);
    // Re-registering a person Kemensos can see is refused as the duplicate it is, pointing to the record.
    const again = await sut.run(
      'kemensos',
      'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id } }',
      {
        input: {
          identity: { fullName: 'Anyone', passportNumber: (await passportOf(victims[0].id)) ?? 'X' },
          sex: 'MALE',
          ageBand: 'ADULT_25_34',
          nationality: 'ID',
        },
      },
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_VICTIM' });
  });

  /** The passport a registration used, read back through the police's own (audited) view. */
  const passportOf = async (victimId: string): Promise<string | undefined> => {
    const read = await sut.run<{ victim: { identity: { passportNumber: string } } }>(
      'police',
      'query ($id: ID!) { victim(id: $id) { identity { passportNumber } } }',
      { id: victimId },
    );
    return read.data?.victim.identity.passportNumber;
  };

  it('KBRI Phnom Penh records the shelter stay and the three hospital stays with their 2023 dates', async () => {
    for (const [index, id] of ids().entries()) {
      const arrived = index === 27 ? SECOND_RESCUE : SHELTER;
      expect(outcome(await sut.step('kbri', id, 'IN_SHELTER_ABROAD', arrived))).toBe('OK');
      const shelter = await sut.service('kbri', id, 'SHELTER', 'CARITAS-KH', arrived, { deliveredUntil: REPATRIATION });
      expect(shelter.data?.recordServiceDelivered.recordedLate).toBe(true);
    }
    for (const id of hospitalised) {
      const care = await sut.service('kbri', id, 'MEDICAL', 'KH-CALMETTE', '2023-08-02', {
        deliveredUntil: '2023-08-09',
        note: 'Hospital costs paid by KBRI Phnom Penh.',
      });
      expect(care.errors).toBeUndefined();
    }
    // A note naming the person is refused: codes only.
    const named = await sut.service('kbri', victims[0].id, 'INTERPRETER', 'KBRI-PNH', '2023-07-20', {
      note: `Interpreter for ${(await sut.victim('police', victims[0].id)).data!.victim.identity!.fullName} at the police`,
    });
    expect(named.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
  });

  it('the attaché links the police case and its people to the exit-clearance request', async () => {
    const [actip] = await sut.db.query(`SELECT id FROM legal_instrument WHERE code = 'ASEAN-ACTIP-2015'`);
    const drafted = await sut.run<{ draftCrossBorderRequest: { id: string } }>(
      'attache',
      'mutation ($input: DraftCrossBorderRequestInput!) { draftCrossBorderRequest(input: $input) { id } }',
      {
        input: {
          counterpartCountry: 'KH',
          counterpartAgencyId: await sut.agencyId('KH-GDI'),
          onBehalfOfAgencyId: await sut.agencyId('DITJEN-IMIGRASI'),
          channel: 'IMMIGRATION_ATTACHE',
          legalInstrumentId: actip.id,
          category: 'REPATRIATION_EXIT_CLEARANCE',
          subject: 'Exit clearance for 28 Indonesian citizens (case codes attached)',
          body: 'Exit clearance requested for the people listed by code.',
          caseIds: [caseId],
          victimIds: ids(),
        },
      },
    );
    expect(drafted.errors).toBeUndefined();
    const id = drafted.data!.draftCrossBorderRequest.id;
    const submitted = await sut.run<{ submitCrossBorderRequest: { acknowledgeBy: string } }>(
      'attache',
      'mutation ($input: RequestActionInput!) { submitCrossBorderRequest(input: $input) { acknowledgeBy } }',
      { input: { id } },
    );
    expect(submitted.errors).toBeUndefined();
    // Deadlines of new work run from now, not from 2023.
    expect(new Date(submitted.data!.submitCrossBorderRequest.acknowledgeBy).getTime()).toBeGreaterThan(NOW.getTime());
    // The counterpart sees the 28 by code; it holds no consent, so no identity.
    const there = await sut.run<{ crossBorderRequest: { victims: { code: string; identity: unknown }[] } }>(
      'counterpart',
      'query ($id: ID!) { crossBorderRequest(id: $id) { victims { code identity { fullName } } } }',
      { id },
    );
    expect(there.data!.crossBorderRequest.victims).toHaveLength(28);
    expect(there.data!.crossBorderRequest.victims.every((victim) => victim.identity === null)).toBe(true);
  });

  it('the police assign case-linked tasks: to a team member, and to BP2MI only by adding it explicitly', async () => {
    const task = (assignee: string, extra: Record<string, unknown> = {}) =>
      sut.agencyId(assignee).then((assigneeAgencyId) =>
        sut.run<{ createTask: { id: string; dueAt: string } }>(
          'police',
          'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id dueAt } }',
          {
            input: {
              assigneeAgencyId,
              title: 'Travel documents (SPLP) for the 28 citizens of the case',
              pillar: 'PROTECTION',
              duty: 'VICTIM_MONITORING',
              due: { workingDays: 5 },
              caseId,
              victimIds: ids(),
              ...extra,
            },
          },
        ),
      );
    const toImigrasi = await task('DITJEN-IMIGRASI');
    expect(toImigrasi.errors).toBeUndefined();
    expect(new Date(toImigrasi.data!.createTask.dueAt).getTime()).toBeGreaterThan(NOW.getTime());
    const seen = await sut.run<{ task: { case: { id: string }; victims: unknown[] } }>(
      'imigrasi',
      'query ($id: ID!) { task(id: $id) { case { id } victims { code } } }',
      { id: toImigrasi.data!.createTask.id },
    );
    expect(seen.data!.task.case.id).toBe(caseId);
    expect(seen.data!.task.victims).toHaveLength(28);
    const listed = await sut.run<{ tasks: { totalCount: number } }>(
      'imigrasi',
      'query ($filter: TaskFilter) { tasks(filter: $filter) { totalCount } }',
      { filter: { linkedItemId: caseId } },
    );
    expect(listed.data!.tasks.totalCount).toBe(1);

    const refused = await task('BP2MI');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ASSIGNEE_NOT_IN_CASE' });
    const added = await task('BP2MI', { addAssigneeToCase: 'LABOUR_MIGRATION_PROTECTION' });
    expect(added.errors).toBeUndefined();
  });

  it('Imigrasi and KBRI move the 28 to repatriation; Kemensos refers the three to the hospital in one call', async () => {
    for (const id of ids()) {
      expect(outcome(await sut.step('imigrasi', id, 'AWAITING_REPATRIATION', '2023-09-28'))).toBe('OK');
      expect(outcome(await sut.step('kbri', id, 'REPATRIATED', REPATRIATION))).toBe('OK');
    }
    const referred = await sut.referGroup('kemensos', hospitalised, 'RS-POLRI', 'MEDICAL', { urgency: 'HIGH' });
    expect(referred.errors).toBeUndefined();
    for (const referral of referred.data!.proposeReferralsForGroup.referrals) {
      expect(new Date(referral.respondBy).getTime()).toBeGreaterThan(NOW.getTime());
    }
    // The hospital answers, and records the check-up it gave on arrival in 2023.
    const [first] = referred.data!.proposeReferralsForGroup.referrals;
    const accepted = await sut.run(
      'hospital',
      'mutation ($input: ReferralActionInput!) { acceptReferral(input: $input) { status } }',
      {
        input: { id: first.id },
      },
    );
    expect(accepted.errors).toBeUndefined();
    expect(outcome(await sut.service('hospital', hospitalised[0], 'MEDICAL', 'RS-POLRI', '2023-10-05'))).toBe('OK');
    // Kemensos takes them into rehabilitation, and refers the NTT people to the province for livelihood support.
    for (const id of fromNtt)
      expect(outcome(await sut.step('kemensos', id, 'IN_REHABILITATION', '2023-10-05'))).toBe('OK');
    const toProvince = await sut.referGroup('kemensos', fromNtt, 'DINSOS-NTT', 'LIVELIHOOD');
    expect(toProvince.errors).toBeUndefined();
    // One of them is reintegrated by the provincial office, today.
    expect(outcome(await sut.step('dinsos', fromNtt[0], 'REINTEGRATED'))).toBe('OK');
  });

  it("every agency's work is in the person's and the case's history, with who and which agency", async () => {
    const history = await sut.run<{
      victim: { history: { kind: string; actingAgencyId: string; occurredOn: string | null; recordedLate: boolean }[] };
    }>('police', 'query ($id: ID!) { victim(id: $id) { history { kind actingAgencyId occurredOn recordedLate } } }', {
      id: hospitalised[0],
    });
    const entries = history.data!.victim.history;
    const byAgency = new Set(entries.map((entry) => entry.actingAgencyId));
    for (const code of ['BARESKRIM', 'KBRI-PNH', 'DITJEN-IMIGRASI', 'KEMENSOS', 'RS-POLRI']) {
      expect([code, byAgency.has(await sut.agencyId(code))]).toEqual([code, true]);
    }
    expect(entries.find((entry) => entry.kind === 'REGISTERED')).toMatchObject({
      occurredOn: RESCUE,
      recordedLate: true,
    });
    const steps = entries
      .filter((entry) => entry.kind === 'PROTECTION_STATUS_CHANGED')
      .map((entry) => entry.occurredOn);
    expect(steps).toEqual([SHELTER, '2023-09-28', REPATRIATION, '2023-10-05']);
    // 98 days from the rescue to the repatriation.
    expect(daysBetween(RESCUE, REPATRIATION)).toBe(98);

    const onCase = await sut.caseView<{
      history: { kind: string; details: { what?: string } }[];
      tasks: { dueAt: string }[];
      referrals: { respondBy: string }[];
      crossBorderRequests: { acknowledgeBy: string }[];
    }>(
      'kemensos',
      caseId,
      'history { kind details } tasks { dueAt } referrals { respondBy } crossBorderRequests { acknowledgeBy }',
    );
    const kinds = onCase.data!.case.history.map((entry) => entry.details.what ?? entry.kind);
    for (const what of [
      'REGISTERED',
      'PARTICIPANT_ADDED',
      'SERVICE_DELIVERED',
      'PROTECTION_STATUS_CHANGED',
      'REFERRAL_PROPOSED',
    ]) {
      expect([what, kinds.includes(what)]).toEqual([what, true]);
    }
    expect(onCase.data!.case.tasks).toHaveLength(2);
    expect(onCase.data!.case.referrals).toHaveLength(13);
    expect(onCase.data!.case.crossBorderRequests).toHaveLength(1);
  });

  it('ending the attaché post’s participation ends its access on the next request', async () => {
    expect(outcome(await sut.caseView('attache', caseId, 'id'))).toBe('OK');
    // It joined in 2026 (there was no attaché post in 2023): its participation cannot end before it began.
    const backdated = await sut.endParticipation(
      'police',
      caseId,
      'ATASE-IMIGRASI-PNH',
      'Repatriation done',
      REPATRIATION,
    );
    expect(backdated.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endedOn' });
    expect(outcome(await sut.caseView('attache', caseId, 'id'))).toBe('OK');
    const ended = await sut.endParticipation('police', caseId, 'ATASE-IMIGRASI-PNH', 'Exit clearance obtained');
    expect(ended.errors).toBeUndefined();
    expect(outcome(await sut.caseView('attache', caseId, 'id'))).toBe('NOT_FOUND');
    const people28 = await sut.run<{ victims: { totalCount: number } }>(
      'attache',
      'query ($filter: VictimFilter) { victims(filter: $filter) { totalCount } }',
      { filter: { caseId } },
    );
    expect(people28.data!.victims.totalCount).toBe(0);
  });
});
