import { Role } from '@app/kernel/role.enum';
import { unique } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

import { CaseworkApi, outcome, people } from './support/casework-api';

/**
 * Sibu 2016 (DOMAIN.md section 8; seed brief P14): Bareskrim and the Malaysian police rescued 4 women from
 * Indramayu (West Java) held for sexual exploitation in Sibu, Sarawak, in October–November 2016; they stayed in a
 * Malaysian shelter during the investigation and court process. The sources give the months only: the days below are
 * placeholders within them. Bareskrim asks the Royal Malaysia Police for case information under a seeded ASEAN
 * instrument; Indonesia's own ratification law binds no one else and is refused as a basis.
 */
const RESCUE = '2016-11-01';

describe('Sibu 2016: an information request to the Royal Malaysia Police under an ASEAN instrument', () => {
  let api: TestApp;
  let sut: CaseworkApi;
  let caseId: string;
  let victimIds: string[];

  beforeAll(async () => {
    api = await TestApp.start();
    sut = new CaseworkApi(api);
    await sut.user('bareskrim', [Role.CASE_OFFICER, Role.LIAISON], 'BARESKRIM');
    await sut.user('supervisor', [Role.SUPERVISOR], 'BARESKRIM');
    await sut.user('kbriKl', [Role.CASE_OFFICER], 'KBRI-KUL');
    await sut.user('dinsosJabar', [Role.CASE_OFFICER], 'DINSOS-JABAR');
    await sut.user('pdrm', [Role.COUNTERPART], 'MY-PDRM');
  });
  afterAll(() => api.stop());

  const instrument = async (code: string): Promise<string> =>
    (await api.dataSource.query('SELECT id FROM legal_instrument WHERE code = $1', [code]))[0].id;

  it('the 2016 case, its four people and its team, with the 2016 dates', async () => {
    const opened = await sut.openCase('bareskrim', {
      unitId: await sut.unitId('GTPP-JABAR'),
      originRegionCode: '32.12',
      destinationCountries: ['MY'],
      exploitationTypes: ['SEXUAL_EXPLOITATION'],
      intakeChannel: 'POLICE',
      reportedOn: '2016-10-20',
      rescuedOn: RESCUE,
      rescuePlace: 'Sibu, Sarawak',
      rescueCountry: 'MY',
    });
    expect(opened.errors).toBeUndefined();
    caseId = opened.data!.openCase.id;
    const registered = await sut.registerGroup('bareskrim', {
      operationKey: `sibu-2016-${unique()}`,
      caseId,
      nationality: 'ID',
      rescuedOn: RESCUE,
      rescuePlace: 'Sibu, Sarawak',
      rescueCountry: 'MY',
      people: people(4, () => ({ sex: 'FEMALE', originRegion: '32.12' })),
    });
    expect(registered.errors).toBeUndefined();
    victimIds = registered.data!.registerVictimGroup.victims.map((victim) => victim.id);
    expect(
      (await sut.addParticipant('bareskrim', caseId, 'KBRI-KUL', 'CONSULAR_PROTECTION', RESCUE)).errors,
    ).toBeUndefined();
    expect(
      (await sut.addParticipant('bareskrim', caseId, 'DINSOS-JABAR', 'SOCIAL_REHABILITATION', '2017-01-10')).errors,
    ).toBeUndefined();
    // KBRI Kuala Lumpur records the Malaysian shelter stay during the court process (by code; no consent needed).
    for (const id of victimIds) {
      const stay = await sut.service('kbriKl', id, 'SHELTER', 'MY-RP-ATIPSOM', '2016-11-02', {
        deliveredUntil: '2016-12-20',
      });
      expect(stay.data?.recordServiceDelivered.recordedLate).toBe(true);
    }
    const province = await sut.caseView<{ victims: { code: string; identity: unknown }[] }>(
      'dinsosJabar',
      caseId,
      'victims { code identity { fullName } }',
    );
    expect(province.data!.case.victims).toHaveLength(4);
    expect(province.data!.case.victims.every((victim) => victim.identity === null)).toBe(true);
  });

  it('files the request under the ASEAN MLA treaty, refusing Indonesia’s own ACTIP ratification law', async () => {
    const draft = async (legalInstrumentId: string) =>
      sut.run<{ draftCrossBorderRequest: { id: string; status: string } }>(
        'bareskrim',
        'mutation ($input: DraftCrossBorderRequestInput!) { draftCrossBorderRequest(input: $input) { id status } }',
        {
          input: {
            counterpartCountry: 'MY',
            counterpartAgencyId: await sut.agencyId('MY-PDRM'),
            channel: 'FORMAL_MLA',
            legalInstrumentId,
            category: 'CASE_INFORMATION',
            subject: 'Information on the Sibu investigation and court process',
            body: 'Exchange of information on the persons held in Sibu, listed by code, and the recruiters.',
            caseIds: [caseId],
            victimIds,
          },
        },
      );
    const national = await draft(await instrument('UU-12-2017-ACTIP'));
    expect(national.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'legalInstrumentId' });
    expect(national.errors?.[0].message).toContain('does not bind MY');

    const drafted = await draft(await instrument('ASEAN-MLAT-2004'));
    expect(drafted.errors).toBeUndefined();
    const { id } = drafted.data!.draftCrossBorderRequest;
    const submit = (as: string) =>
      sut.run<{ submitCrossBorderRequest: { status: string; acknowledgeBy: string | null } }>(
        as,
        'mutation ($input: RequestActionInput!) { submitCrossBorderRequest(input: $input) { status acknowledgeBy } }',
        { input: { id } },
      );
    // Formal mutual legal assistance goes through the home agency's supervisor first.
    expect((await submit('bareskrim')).data!.submitCrossBorderRequest.status).toBe('IN_REVIEW');
    const approved = await submit('supervisor');
    expect(approved.data!.submitCrossBorderRequest.status).toBe('SUBMITTED');
    expect(approved.data!.submitCrossBorderRequest.acknowledgeBy).not.toBeNull();

    // The Royal Malaysia Police see it, the four people by code, and acknowledge it.
    const seen = await sut.run<{
      crossBorderRequest: { victimCodes: string[]; victims: { identity: unknown }[] };
    }>('pdrm', 'query ($id: ID!) { crossBorderRequest(id: $id) { victimCodes victims { identity { fullName } } } }', {
      id,
    });
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.crossBorderRequest.victimCodes).toHaveLength(4);
    expect(seen.data!.crossBorderRequest.victims.every((victim) => victim.identity === null)).toBe(true);
    const acknowledged = await sut.run<{ acknowledgeCrossBorderRequest: { status: string } }>(
      'pdrm',
      'mutation ($input: AcknowledgeRequestInput!) { acknowledgeCrossBorderRequest(input: $input) { status } }',
      { input: { id, counterpartReference: 'PDRM/D7/2016/118' } },
    );
    expect(acknowledged.data?.acknowledgeCrossBorderRequest.status).toBe('ACKNOWLEDGED');
    // The case shows the request to its team, KBRI Kuala Lumpur included, with its staged deadlines.
    const onCase = await sut.caseView<{ crossBorderRequests: { status: string; decideBy: string | null }[] }>(
      'kbriKl',
      caseId,
      'crossBorderRequests { status decideBy }',
    );
    expect(onCase.data!.case.crossBorderRequests).toEqual([{ status: 'ACKNOWLEDGED', decideBy: expect.any(String) }]);
    // The counterpart never sees the case itself.
    expect(outcome(await sut.caseView('pdrm', caseId, 'id'))).toBe('NOT_FOUND');
  });
});
