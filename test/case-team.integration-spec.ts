import { Role } from '@app/kernel/role.enum';
import { unique } from '@libs/testing/factories';
import { GraphqlResponse, TestApp } from '@libs/testing/test-app';

import { CaseworkApi, outcome, people } from './support/casework-api';

/**
 * The case team and the rules around it: every bad input gets a clear error naming the field, and writes nothing;
 * the lead changes hands with a reason and the work of the case follows it.
 */
describe('case team: bad input, handover, links', () => {
  let api: TestApp;
  let sut: CaseworkApi;
  let caseId: string;
  let victimIds: string[];

  const counts = async () =>
    (
      await api.dataSource.query(
        `SELECT (SELECT count(*) FROM case_participant)::int AS team, (SELECT count(*) FROM case_event)::int AS history,
                (SELECT count(*) FROM trafficking_case)::int AS cases, (SELECT count(*) FROM victim_event)::int AS steps,
                (SELECT count(*) FROM victim_service)::int AS services, (SELECT count(*) FROM task)::int AS tasks,
                (SELECT count(*) FROM suspect_event)::int AS suspects, (SELECT count(*) FROM cross_border_request)::int AS requests`,
      )
    )[0];
  const refusedWith = (response: GraphqlResponse<unknown>, expected: Record<string, string>) =>
    expect(response.errors?.[0].extensions).toMatchObject(expected);

  beforeAll(async () => {
    api = await TestApp.start();
    sut = new CaseworkApi(api);
    await sut.user('police', [Role.CASE_OFFICER, Role.LIAISON], 'BARESKRIM');
    await sut.user('prosecutor', [Role.CASE_OFFICER, Role.LIAISON], 'KEJAGUNG');
    await sut.user('kemensos', [Role.CASE_OFFICER, Role.LIAISON], 'KEMENSOS');
    await sut.user('kemlu', [Role.CASE_OFFICER, Role.LIAISON], 'KEMLU');
    const opened = await sut.openCase('police', {
      unitId: await sut.unitId('GTPP-NAS'),
      exploitationTypes: ['FORCED_LABOUR'],
      intakeChannel: 'POLICE',
      reportedOn: '2024-05-02',
    });
    caseId = opened.data!.openCase.id;
    victimIds = (
      await sut.registerGroup('police', {
        operationKey: `team-${unique()}`,
        caseId,
        nationality: 'ID',
        people: people(2, (index) => ({
          identity: {
            fullName: `Lestari Wulandari ${unique().replace(/\d/g, 'X')}`,
            dateOfBirth: index === 0 ? '2001-04-04' : undefined,
          },
        })),
      })
    ).data!.registerVictimGroup.victims.map((victim) => victim.id);
    await sut.addParticipant('police', caseId, 'KEMENSOS', 'SOCIAL_REHABILITATION', '2024-05-10');
  });
  afterAll(() => api.stop());

  it('refuses each bad input with a clear error naming the field, writing nothing', async () => {
    const before = await counts();
    const unit = await sut.unitId('GTPP-NAS');
    const open = (extra: Record<string, unknown>) =>
      sut.openCase('police', { unitId: unit, exploitationTypes: ['OTHER'], intakeChannel: 'POLICE', ...extra });

    refusedWith(await sut.addParticipant('police', caseId, 'BNP2TKI', 'LABOUR_MIGRATION_PROTECTION'), {
      code: 'BAD_USER_INPUT',
      reason: 'PARTICIPANT_INVALID',
      field: 'agencyId',
    });
    refusedWith(await sut.addParticipant('police', caseId, 'KEMENSOS', 'SOCIAL_REHABILITATION'), {
      code: 'CONFLICT',
      reason: 'ALREADY_PARTICIPATING',
      field: 'agencyId',
    });
    const misfit = await sut.addParticipant('police', caseId, 'KEMENKES', 'INVESTIGATION');
    refusedWith(misfit, { code: 'BAD_USER_INPUT', reason: 'ROLE_DOES_NOT_FIT', field: 'role' });
    expect(misfit.errors?.[0].message).toBe(
      'role: INVESTIGATION does not fit Kemenkes (MINISTRY): it is a role for a police body.',
    );
    refusedWith(await sut.addParticipant('police', caseId, 'MY-PDRM', 'INVESTIGATION'), {
      reason: 'ROLE_DOES_NOT_FIT',
      field: 'role',
    });
    refusedWith(await sut.addParticipant('police', caseId, 'KEJAGUNG', 'PROSECUTION', '2099-01-01'), {
      reason: 'EVENT_DATE_INVALID',
      field: 'since',
    });
    refusedWith(await sut.endParticipation('police', caseId, 'BARESKRIM', 'Closing our part'), {
      reason: 'LEAD_PARTICIPATION',
      field: 'agencyId',
    });
    refusedWith(await sut.endParticipation('police', caseId, 'KEJAGUNG', 'Not in it'), {
      reason: 'NOT_PARTICIPATING',
      field: 'agencyId',
    });
    refusedWith(await sut.endParticipation('police', caseId, 'KEMENSOS', 'Too early', '2024-05-01'), {
      reason: 'EVENT_DATE_INVALID',
      field: 'endedOn',
    });
    refusedWith(await sut.handOver('police', caseId, 'KEJAGUNG', 'P21 issued'), {
      reason: 'NOT_PARTICIPATING',
      field: 'toAgencyId',
    });
    refusedWith(await sut.handOver('police', caseId, 'BARESKRIM', 'Ourselves'), {
      reason: 'ALREADY_LEAD',
      field: 'toAgencyId',
    });
    refusedWith(await open({ rescuedOn: '2099-12-31' }), { reason: 'EVENT_DATE_INVALID', field: 'rescuedOn' });
    refusedWith(await open({ exploitationFrom: '2023-05-01', exploitationTo: '2023-04-01' }), {
      reason: 'EVENT_DATE_INVALID',
      field: 'exploitationTo',
    });
    refusedWith(await open({ leadRole: 'HEALTH' }), { reason: 'ROLE_DOES_NOT_FIT', field: 'leadRole' });

    // Event dates of people: never in the future, never before the person's birth.
    refusedWith(await sut.step('police', victimIds[0], 'IN_REHABILITATION', '2099-01-01'), {
      reason: 'EVENT_DATE_INVALID',
      field: 'occurredOn',
    });
    const beforeBirth = await sut.step('police', victimIds[0], 'IN_REHABILITATION', '2000-01-01');
    refusedWith(beforeBirth, { reason: 'EVENT_DATE_INVALID', field: 'occurredOn' });
    expect(beforeBirth.errors?.[0].message).toBe("occurredOn: 2000-01-01 is before the person's birth (2001-04-04).");
    // Kemensos may not see the birth date (no consent): the bound comes from the age band everyone reads.
    const banded = await sut.service('kemensos', victimIds[0], 'SHELTER', 'KEMENSOS', '1970-01-01');
    refusedWith(banded, { reason: 'EVENT_DATE_INVALID', field: 'deliveredOn' });
    expect(banded.errors?.[0].message).toContain('before the person could have been born (age band');
    refusedWith(
      await sut.service('kemensos', victimIds[0], 'SHELTER', 'KEMENSOS', '2024-05-10', {
        deliveredUntil: '2024-05-01',
      }),
      { reason: 'EVENT_DATE_INVALID', field: 'deliveredUntil' },
    );

    // Comments and notes refer to people by code.
    const name = (await sut.victim('police', victimIds[1])).data!.victim.identity!.fullName;
    refusedWith(
      await sut.run('kemensos', 'mutation ($input: CommentOnCaseInput!) { commentOnCase(input: $input) { id } }', {
        input: { caseId, body: `Family of ${name.toUpperCase()} asked about the shelter.` },
      }),
      { reason: 'IDENTITY_IN_TEXT', field: 'body' },
    );

    // Links to what the caller cannot see answer NOT_FOUND, exactly as a random id would.
    const task = (as: string, extra: Record<string, unknown>) =>
      sut.agencyId('KEMENSOS').then((assigneeAgencyId) =>
        sut.run(as, 'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
          input: {
            assigneeAgencyId,
            title: 'Follow-up',
            pillar: 'PROTECTION',
            duty: 'VICTIM_MONITORING',
            due: { workingDays: 3 },
            ...extra,
          },
        }),
      );
    const invisible = await task('kemlu', { caseId });
    const random = await task('kemlu', { caseId: '00000000-0000-4000-8000-000000000000' });
    refusedWith(invisible, { code: 'NOT_FOUND', field: 'caseId' });
    expect(invisible.errors?.[0].message.replace(caseId, 'X')).toBe(
      random.errors?.[0].message.replace('00000000-0000-4000-8000-000000000000', 'X'),
    );
    refusedWith(await task('kemlu', { victimIds: [victimIds[0]] }), { code: 'NOT_FOUND', field: 'victimIds.0' });
    const otherCase = (
      await sut.openCase('police', { unitId: unit, exploitationTypes: ['OTHER'], intakeChannel: 'POLICE' })
    ).data!.openCase.id;
    refusedWith(await task('police', { caseId: otherCase, victimIds: [victimIds[0]] }), {
      code: 'BAD_USER_INPUT',
      reason: 'LINK_INVALID',
      field: 'victimIds.0',
    });
    refusedWith(
      await sut.run(
        'kemlu',
        'mutation ($input: DraftCrossBorderRequestInput!) { draftCrossBorderRequest(input: $input) { id } }',
        {
          input: {
            counterpartCountry: 'KH',
            counterpartAgencyId: await sut.agencyId('KH-GDI'),
            channel: 'DIPLOMATIC_KBRI',
            category: 'CASE_INFORMATION',
            subject: 'Information',
            body: 'By code.',
            victimIds: [victimIds[0]],
          },
        },
      ),
      { code: 'NOT_FOUND', field: 'victimIds.0' },
    );

    // Suspects: recorded at the start of the process, moved one step at a time, with days that follow each other.
    const suspect = await sut.run<{ recordSuspect: { id: string } }>(
      'police',
      'mutation ($input: RecordSuspectInput!) { recordSuspect(input: $input) { id } }',
      { input: { caseId, identity: { fullName: 'Suspect Satu' }, roleInChain: 'BROKER', status: 'CHARGED' } },
    );
    refusedWith(suspect, { reason: 'INVALID_FIELD', field: 'status' });

    // (One case was opened above, to link a person from another case: nothing else was written.)
    const after = await counts();
    expect(after).toEqual({ ...before, cases: before.cases + 1, team: before.team + 1, history: before.history + 1 });
  });

  it('moves a suspect one step at a time, each with a day not before the last', async () => {
    const recorded = await sut.ok<{ recordSuspect: { id: string } }>(
      'police',
      'mutation ($input: RecordSuspectInput!) { recordSuspect(input: $input) { id } }',
      {
        input: {
          caseId,
          identity: { fullName: 'Rudi Hartono', aliases: ['Bang Rudi'] },
          roleInChain: 'RECRUITER',
          relationToVictims: ['RELATIVE'],
          status: 'NAMED_SUSPECT',
          statusOn: '2024-05-20',
        },
      },
    );
    const step = (to: string, occurredOn: string) =>
      sut.run(
        'police',
        'mutation ($input: ChangeSuspectStatusInput!) { changeSuspectStatus(input: $input) { status statusOn } }',
        {
          input: { id: recorded.recordSuspect.id, to, occurredOn },
        },
      );
    refusedWith(await step('CONVICTED', '2024-06-01'), { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', field: 'to' });
    refusedWith(await step('ARRESTED', '2024-05-01'), { reason: 'EVENT_DATE_INVALID', field: 'occurredOn' });
    for (const [to, day] of [
      ['ARRESTED', '2024-05-21'],
      ['CHARGED', '2024-08-01'],
      ['CONVICTED', '2025-01-15'],
    ]) {
      expect(outcome(await step(to, day))).toBe('OK');
    }
    const history = await sut.ok<{ suspect: { status: string; history: { toStatus: string; occurredOn: string }[] } }>(
      'police',
      'query ($id: ID!) { suspect(id: $id) { status history { toStatus occurredOn } } }',
      { id: recorded.recordSuspect.id },
    );
    expect(history.suspect.history.map((entry) => `${entry.toStatus} ${entry.occurredOn}`)).toEqual([
      'NAMED_SUSPECT 2024-05-20',
      'ARRESTED 2024-05-21',
      'CHARGED 2024-08-01',
      'CONVICTED 2025-01-15',
    ]);
    // Social rehabilitation takes part in the case but does not see its suspects.
    const seen = await sut.caseView<{ suspects: unknown[] }>('kemensos', caseId, 'suspects { code }');
    expect(seen.data!.case.suspects).toEqual([]);
  });

  it('hands the lead to the prosecutor with a reason; the former lead stays in the team in its role', async () => {
    expect((await sut.addParticipant('police', caseId, 'KEJAGUNG', 'PROSECUTION')).errors).toBeUndefined();
    const handed = await sut.handOver('police', caseId, 'KEJAGUNG', 'Dossier complete (P21)');
    expect(handed.data?.handOverCaseLead.leadAgency.code).toBe('KEJAGUNG');
    const team = await sut.caseView<{
      participants: { agency: { code: string }; role: string; lead: boolean }[];
      history: { kind: string; reason: string | null }[];
    }>('police', caseId, 'participants { agency { code } role lead } history { kind reason }');
    expect(team.data!.case.participants.filter((p) => p.lead).map((p) => p.agency.code)).toEqual(['KEJAGUNG']);
    expect(team.data!.case.participants.find((p) => p.agency.code === 'BARESKRIM')).toMatchObject({
      role: 'INVESTIGATION',
      lead: false,
    });
    expect(team.data!.case.history.at(-1)).toEqual({ kind: 'LEAD_HANDED_OVER', reason: 'Dossier complete (P21)' });
    // The new lead moves the case; the former lead reads it but no longer changes it.
    const move = (as: string) =>
      sut.run(as, 'mutation ($input: ChangeCaseStatusInput!) { changeCaseStatus(input: $input) { status } }', {
        input: { id: caseId, to: 'VERIFIED' },
      });
    expect(outcome(await move('police'))).toBe('FORBIDDEN');
    expect(outcome(await move('prosecutor'))).toBe('OK');
  });
});
