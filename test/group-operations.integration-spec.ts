import { Role } from '@app/kernel/role.enum';
import { unique } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

import { CaseworkApi, people, PersonRow } from './support/casework-api';

interface Problem {
  field: string;
  message: string;
}

/**
 * Group operations: one rescue brings many people. Each call is all or nothing, names every bad row and field, and
 * is idempotent on the client's operation key, so a dropped connection never leaves half a group behind.
 */
describe('group operations: all or nothing, every bad row named, idempotent on the key', () => {
  let api: TestApp;
  let sut: CaseworkApi;
  let caseId: string;

  beforeAll(async () => {
    api = await TestApp.start();
    sut = new CaseworkApi(api);
    await sut.user('police', [Role.CASE_OFFICER, Role.LIAISON], 'BARESKRIM');
    await sut.user('kemensos', [Role.CASE_OFFICER, Role.LIAISON], 'KEMENSOS');
    await sut.user('kemlu', [Role.CASE_OFFICER], 'KEMLU');
    const opened = await sut.openCase('police', {
      unitId: await sut.unitId('GTPP-NAS'),
      exploitationTypes: ['FORCED_CRIMINALITY'],
      intakeChannel: 'EMBASSY',
    });
    caseId = opened.data!.openCase.id;
    await sut.addParticipant('police', caseId, 'KEMENSOS', 'SOCIAL_REHABILITATION');
  });
  afterAll(() => api.stop());

  const counts = async () =>
    (
      await api.dataSource.query(
        `SELECT (SELECT count(*) FROM victim)::int AS victims, (SELECT count(*) FROM consent)::int AS consents,
                (SELECT count(*) FROM referral)::int AS referrals, (SELECT count(*) FROM group_operation)::int AS operations,
                (SELECT count(*) FROM audit_entry)::int AS audit, (SELECT count(*) FROM outbox_event)::int AS events`,
      )
    )[0];
  const group = (rows: PersonRow[], operationKey = `group-${unique()}`) => ({
    operationKey,
    caseId,
    nationality: 'ID',
    rescuedOn: '2023-06-28',
    people: rows,
  });
  const problemsOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    (response.errors?.[0].extensions?.problems ?? []) as Problem[];

  it('refuses a group with bad rows as a whole, naming each row and field, and writes nothing', async () => {
    const registered = await sut.registerGroup('police', group(people(1)));
    const existing = registered.data!.registerVictimGroup.victims[0];
    const [passport] = await api.dataSource.query('SELECT passport_index FROM victim WHERE id = $1', [existing.id]);
    expect(passport.passport_index).not.toBeNull();
    const existingPassport = (
      await sut.run<{ victim: { identity: { passportNumber: string } } }>(
        'police',
        'query ($id: ID!) { victim(id: $id) { identity { passportNumber } } }',
        { id: existing.id },
      )
    ).data!.victim.identity.passportNumber;

    const rows = people(6);
    rows[1].identity.dateOfBirth = '2090-01-01';
    rows[2].rescuedOn = '1990-05-05';
    rows[4].identity.passportNumber = rows[0].identity.passportNumber;
    rows[5].identity.passportNumber = existingPassport;
    const before = await counts();
    const input = group(rows);
    const refused = await sut.registerGroup('police', input);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'GROUP_INVALID',
      field: 'people.1.identity.dateOfBirth',
    });
    expect(problemsOf(refused).map((problem) => problem.field)).toEqual([
      'people.1.identity.dateOfBirth',
      'people.2.rescuedOn',
      'people.4.identity.passportNumber',
    ]);
    expect(refused.errors?.[0].message).toMatch(/^3 of 6 rows cannot be registered, so nothing was\./);
    expect(problemsOf(refused)[1].message).toContain("before the person's birth");
    expect(await counts()).toEqual(before);

    // Fixed, the same key goes through (the refused call claimed nothing); the register-duplicate is named then.
    rows[1].identity.dateOfBirth = '1990-01-01';
    rows[2].rescuedOn = undefined;
    rows[4].identity.passportNumber = `Q${unique().slice(0, 7)}`;
    const stillOne = await sut.registerGroup('police', { ...input, people: rows });
    expect(problemsOf(stillOne)).toEqual([
      {
        field: 'people.5.identity.passportNumber',
        message: expect.stringContaining(`already registered as ${existing.code}`),
      },
    ]);
    expect(await counts()).toEqual(before);
    rows[5].identity.passportNumber = `R${unique().slice(0, 7)}`;
    const done = await sut.registerGroup('police', { ...input, people: rows });
    expect(done.errors).toBeUndefined();
    expect(done.data!.registerVictimGroup.victims).toHaveLength(6);
  });

  it('names a row the edge validation refuses by its index', async () => {
    const rows = people(3) as unknown as Record<string, unknown>[];
    rows[2].sex = 'WOMAN';
    const refused = await sut.registerGroup('police', group(rows as unknown as PersonRow[]));
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toContain('WOMAN');
  });

  it('answers two simultaneous calls with the same key with one set of records', async () => {
    const input = group(people(3));
    const before = await counts();
    const [one, two] = await Promise.all([sut.registerGroup('police', input), sut.registerGroup('police', input)]);
    expect([one.errors, two.errors]).toEqual([undefined, undefined]);
    const replays = [one, two].map((response) => response.data!.registerVictimGroup.replayed).sort();
    expect(replays).toEqual([false, true]);
    expect(one.data!.registerVictimGroup.victims.map((v) => v.id)).toEqual(
      two.data!.registerVictimGroup.victims.map((v) => v.id),
    );
    const after = await counts();
    expect(after.victims - before.victims).toBe(3);
    expect(after.operations - before.operations).toBe(1);
  });

  it('refuses the same key for another request, naming the key', async () => {
    const operationKey = `reused-${unique()}`;
    expect((await sut.registerGroup('police', group(people(1), operationKey))).errors).toBeUndefined();
    const before = await counts();
    const other = await sut.registerGroup('police', group(people(2), operationKey));
    expect(other.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'OPERATION_KEY_REUSED',
      field: 'operationKey',
    });
    expect(await counts()).toEqual(before);
  });

  it('records consent for a selection, refusing the whole when one row cannot take it', async () => {
    const ids = (await sut.registerGroup('police', group(people(4)))).data!.registerVictimGroup.victims.map(
      (v) => v.id,
    );
    const theirs = (await sut.registerGroup('kemensos', group(people(1)))).data!.registerVictimGroup.victims[0].id;
    const before = await counts();
    const refused = await sut.consentGroup('police', [ids[0], theirs, ids[1], ids[0]], 'KEMENSOS', 'CASE_COORDINATION');
    expect(problemsOf(refused).map((problem) => problem.field)).toEqual(['victimIds.1', 'victimIds.3']);
    expect(problemsOf(refused)[0].message).toContain('only the owning agency records consent');
    expect(await counts()).toEqual(before);

    const key = `consent-${unique()}`;
    const first = await sut.consentGroup('police', ids, 'KEMENSOS', 'CASE_COORDINATION', { operationKey: key });
    expect(first.data!.recordConsentForGroup.consents).toHaveLength(4);
    const retry = await sut.consentGroup('police', ids, 'KEMENSOS', 'CASE_COORDINATION', { operationKey: key });
    expect(retry.data!.recordConsentForGroup).toMatchObject({
      replayed: true,
      consents: first.data!.recordConsentForGroup.consents,
    });
    const again = await sut.consentGroup('police', ids.slice(0, 2), 'KEMENSOS', 'CASE_COORDINATION');
    expect(problemsOf(again)[0].message).toContain('already in force');
  });

  it('refers a selection in one call: each row needs consent for the provider; a retry proposes nothing more', async () => {
    const ids = (await sut.registerGroup('police', group(people(3)))).data!.registerVictimGroup.victims.map(
      (v) => v.id,
    );
    await sut.consentGroup('police', ids.slice(0, 2), 'YAYASAN-PULIH', 'SERVICE_REFERRAL');
    const before = await counts();
    // Kemensos works the case: it may refer the people of the police case, with their consent for the provider.
    const refused = await sut.referGroup('kemensos', ids, 'YAYASAN-PULIH', 'PSYCHOSOCIAL');
    expect(problemsOf(refused)).toEqual([
      { field: 'victimIds.2', message: expect.stringContaining('has no consent in force for Yayasan Pulih') },
    ]);
    // An agency outside the case sees none of them: each row answers as a missing record would.
    const outsider = await sut.referGroup('kemlu', ids.slice(0, 1), 'YAYASAN-PULIH', 'PSYCHOSOCIAL');
    expect(problemsOf(outsider)).toEqual([
      { field: 'victimIds.0', message: `victimIds.0: victim record ${ids[0]} was not found.` },
    ]);
    expect(await counts()).toEqual(before);

    const key = `refer-${unique()}`;
    const first = await sut.referGroup('kemensos', ids.slice(0, 2), 'YAYASAN-PULIH', 'PSYCHOSOCIAL', {
      operationKey: key,
    });
    expect(first.data!.proposeReferralsForGroup.referrals).toHaveLength(2);
    const middle = await counts();
    const retry = await sut.referGroup('kemensos', ids.slice(0, 2), 'YAYASAN-PULIH', 'PSYCHOSOCIAL', {
      operationKey: key,
    });
    expect(retry.data!.proposeReferralsForGroup.replayed).toBe(true);
    expect(await counts()).toEqual(middle);
  });
});
