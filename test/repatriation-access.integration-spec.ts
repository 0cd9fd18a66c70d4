import { randomUUID } from 'node:crypto';

import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { unique } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

import { CaseworkApi, outcome, people, VictimView } from './support/casework-api';
import { OperationView, PlanView, RepatriationApi } from './support/repatriation-api';

const NOW = new Date('2026-03-02T03:00:00Z');
const TODAY = '2026-03-02';

/**
 * Who may do what with repatriation operations, milestones, reintegration plans and follow-ups (issue 18): every new
 * query and mutation, run by every kind of user, answers as the access rules say; a denied read looks like absence.
 * Then the bad inputs of the list: each refused naming the field, with nothing written.
 */
describe('repatriation: the access matrix and bad input', () => {
  let api: TestApp;
  let casework: CaseworkApi;
  let sut: RepatriationApi;
  const clock = new FixedClock(NOW);
  let caseId: string;
  let victims: VictimView[];
  let operation: OperationView;
  let empty: OperationView;
  let plan: PlanView;

  /** Everyone the matrix asks: the two sides, the case lead, the home office, a secretariat and outsiders. */
  const USERS: [string, Role[], string][] = [
    ['kbri', [Role.LIAISON, Role.CASE_OFFICER], 'KBRI-PNH'],
    ['bp2mi', [Role.LIAISON, Role.CASE_OFFICER], 'BP2MI'],
    ['police', [Role.LIAISON, Role.CASE_OFFICER], 'BARESKRIM'],
    ['dinsos', [Role.LIAISON, Role.CASE_OFFICER], 'DINSOS-NTT'],
    ['secretariat', [Role.SECRETARIAT], 'POLRI'],
    ['outsider', [Role.LIAISON, Role.CASE_OFFICER, Role.SUPERVISOR, Role.ATTACHE], 'POLDA-NTB'],
    ['counterpart', [Role.COUNTERPART], 'KH-GDI'],
    ['partner', [Role.PARTNER], 'IOM'],
    ['auditor', [Role.AUDITOR], 'POLRI'],
  ];

  const ok = async <T>(promise: Promise<{ data?: T | null; errors?: unknown }>): Promise<T> => {
    const result = await promise;
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const counts = async () =>
    (
      await casework.db.query(
        `SELECT (SELECT count(*) FROM repatriation_operation)::int AS operations,
                (SELECT count(*) FROM repatriation_operation_person)::int AS people,
                (SELECT count(*) FROM repatriation_milestone WHERE status = 'DONE')::int AS done,
                (SELECT count(*) FROM work_item_event WHERE item_type LIKE 'REPATRIATION%' OR item_type = 'FOLLOW_UP_CONTACT')::int AS history,
                (SELECT count(*) FROM follow_up_contact WHERE status <> 'SCHEDULED')::int AS outcomes,
                (SELECT count(*) FROM audit_entry)::int AS audit`,
      )
    )[0];

  beforeAll(async () => {
    api = await TestApp.start({}, { clock });
    casework = new CaseworkApi(api);
    sut = new RepatriationApi(casework);
    for (const [name, roles, code] of USERS) await casework.user(name, roles, code);
    caseId = (
      await ok(
        casework.openCase('police', {
          unitId: await casework.unitId('GTPP-NAS'),
          destinationCountries: ['KH'],
          exploitationTypes: ['FORCED_CRIMINALITY'],
          recruitmentChannels: ['FACEBOOK'],
          intakeChannel: 'EMBASSY',
          summary: 'Scam compound in Sihanoukville.',
          reportedOn: '2026-02-10',
        }),
      )
    ).openCase.id;
    victims = (
      await ok(
        casework.registerGroup('police', {
          operationKey: `access-${unique()}`,
          caseId,
          nationality: 'ID',
          rescuedOn: '2026-02-10',
          rescueCountry: 'KH',
          people: people(3, () => ({ originRegion: '53' })),
        }),
      )
    ).registerVictimGroup.victims;
    await ok(casework.addParticipant('police', caseId, 'KBRI-PNH', 'CONSULAR_PROTECTION'));
    await ok(casework.addParticipant('police', caseId, 'BP2MI', 'LABOUR_MIGRATION_PROTECTION'));
    const base = {
      fromCountry: 'KH',
      route: 'Sihanoukville – Phnom Penh – Jakarta',
      sendingAgencyId: await casework.agencyId('KBRI-PNH'),
      receivingAgencyId: await casework.agencyId('BP2MI'),
      counterpartAgencyId: await casework.agencyId('KH-GDI'),
      plannedDepartureOn: '2026-03-20',
      plannedArrivalOn: '2026-03-20',
    };
    operation = (await ok(sut.create('kbri', { ...base, victimIds: [victims[0].id, victims[1].id] })))
      .createRepatriationOperation;
    empty = (await ok(sut.create('kbri', { ...base, victimIds: [] }))).createRepatriationOperation;
  });
  afterAll(() => api.stop());

  const NOT_FOUND = 'NOT_FOUND';
  const FORBIDDEN = 'FORBIDDEN';

  /** Each user's answer to a read: OK (and what it shows), NOT_FOUND or FORBIDDEN. */
  const expectAnswers = async (run: (as: string) => Promise<string>, expected: Record<string, string>) => {
    const got: Record<string, string> = {};
    for (const [name] of USERS) got[name] = await run(name);
    expect(got).toEqual(expected);
  };

  it('repatriationOperation and repatriationOperations: the sides, the owners, the case team and the secretariat', async () => {
    const one = (as: string) => sut.operation(as, operation.id).then(outcome);
    await expectAnswers(one, {
      kbri: 'OK',
      bp2mi: 'OK',
      police: 'OK',
      dinsos: NOT_FOUND,
      secretariat: 'OK',
      outsider: NOT_FOUND,
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    const list = async (as: string) => {
      const result = await casework.run<{ repatriationOperations: { totalCount: number } }>(
        as,
        '{ repatriationOperations { totalCount } }',
      );
      return result.errors ? outcome(result) : String(result.data!.repatriationOperations.totalCount);
    };
    // Besides these two, the seeded history: Poipet 2023 (KBRI-PNH → BP2MI) and Sibu 2016 (KBRI-KUL → Bareskrim).
    await expectAnswers(list, {
      kbri: '3',
      bp2mi: '3',
      police: '2',
      dinsos: '0',
      secretariat: '4',
      outsider: '0',
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    // A denial and a random id answer alike.
    const random = await sut.operation('outsider', randomUUID());
    const hidden = await sut.operation('outsider', operation.id);
    expect(hidden.errors?.[0].extensions).toEqual(random.errors?.[0].extensions);
  });

  it('people appear by code; identity only where consent covers the reader', async () => {
    const seen = await ok(
      casework.run<{
        repatriationOperation: {
          people: { victimCode: string; victim: { identity: { fullName: string } | null } | null }[];
        };
      }>(
        'bp2mi',
        'query ($id: ID!) { repatriationOperation(id: $id) { people { victimCode victim { identity { fullName } } } } }',
        { id: operation.id },
      ),
    );
    expect(seen.repatriationOperation.people.map((p) => p.victim?.identity)).toEqual([null, null]);
    await ok(casework.consentGroup('police', [victims[0].id], 'BP2MI', 'REPATRIATION'));
    const consented = await ok(
      casework.run<{ repatriationOperation: { people: { victimCode: string; victim: { identity: unknown } }[] } }>(
        'bp2mi',
        'query ($id: ID!) { repatriationOperation(id: $id) { people { victimCode victim { identity { fullName } } } } }',
        { id: operation.id },
      ),
    );
    const byCode = new Map(consented.repatriationOperation.people.map((p) => [p.victimCode, p.victim.identity]));
    expect(byCode.get(victims[0].code)).toEqual({ fullName: victims[0].identity?.fullName ?? expect.any(String) });
    expect(byCode.get(victims[1].code)).toBeNull();
    // The secretariat sees the operation and the records by code (as it sees the caseload), never an identity.
    const secretariat = await ok(
      casework.run<{ repatriationOperation: { people: { victim: { identity: unknown } }[] } }>(
        'secretariat',
        'query ($id: ID!) { repatriationOperation(id: $id) { people { victim { identity { fullName } } } } }',
        { id: operation.id },
      ),
    );
    expect(secretariat.repatriationOperation.people.map((p) => p.victim.identity)).toEqual([null, null]);
  });

  it('createRepatriationOperation: only for your own agency, with people you may work on', async () => {
    const input = async (extra: Record<string, unknown> = {}) => ({
      fromCountry: 'KH',
      route: 'Phnom Penh – Jakarta',
      sendingAgencyId: await casework.agencyId('KBRI-PNH'),
      receivingAgencyId: await casework.agencyId('BP2MI'),
      plannedDepartureOn: '2026-04-01',
      plannedArrivalOn: '2026-04-01',
      victimIds: [],
      ...extra,
    });
    const create = async (as: string) => outcome(await sut.create(as, await input()));
    const before = await counts();
    const answers: Record<string, string> = {};
    for (const [name] of USERS) if (name !== 'kbri' && name !== 'bp2mi') answers[name] = await create(name);
    expect(answers).toEqual({
      police: 'BAD_USER_INPUT',
      dinsos: 'BAD_USER_INPUT',
      secretariat: FORBIDDEN,
      outsider: 'BAD_USER_INPUT',
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    expect(await counts()).toEqual(before);
    // A person the creator may not see answers like a random id.
    const stranger = await sut.create('kbri', await input({ victimIds: [randomUUID()] }));
    expect(stranger.errors?.[0].extensions).toMatchObject({ code: NOT_FOUND, field: 'victimIds.0' });
  });

  it('recordMilestone and waiveMilestone: the owner, or the operation’s sides for it; others are refused', async () => {
    const steps = operation.milestones.filter((m) => m.type === 'FINES_SETTLED');
    const record = (as: string) => sut.record(as, steps[0].id, TODAY).then(outcome);
    await expectAnswers(record, {
      kbri: 'OK',
      bp2mi: 'CONFLICT',
      police: FORBIDDEN,
      dinsos: NOT_FOUND,
      secretariat: FORBIDDEN,
      outsider: NOT_FOUND,
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    const waive = (as: string) =>
      casework
        .run('' + as, 'mutation ($input: WaiveMilestoneInput!) { waiveMilestone(input: $input) { status } }', {
          input: { id: steps[1].id, reason: 'Overstay waived by the Cambodian authorities.' },
        })
        .then(outcome);
    const answers: Record<string, string> = {};
    for (const [name] of USERS) if (name !== 'kbri' && name !== 'bp2mi') answers[name] = await waive(name);
    expect(answers).toEqual({
      police: FORBIDDEN,
      dinsos: NOT_FOUND,
      secretariat: FORBIDDEN,
      outsider: NOT_FOUND,
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    expect(await waive('bp2mi')).toBe('OK');
  });

  it('addRepatriationPeople and moveRepatriationPerson: the two sides only', async () => {
    const add = (as: string) =>
      casework
        .run(as, 'mutation ($input: AddRepatriationPeopleInput!) { addRepatriationPeople(input: $input) { id } }', {
          input: { operationId: empty.id, victimIds: [victims[2].id] },
        })
        .then(outcome);
    const answers: Record<string, string> = {};
    for (const [name] of USERS) if (name !== 'kbri' && name !== 'bp2mi') answers[name] = await add(name);
    // Nobody is on the empty operation yet, so the case team does not see it.
    expect(answers).toEqual({
      police: NOT_FOUND,
      dinsos: NOT_FOUND,
      secretariat: FORBIDDEN,
      outsider: NOT_FOUND,
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    expect(await add('bp2mi')).toBe('OK');
    const move = (as: string) => sut.move(as, empty.id, victims[2].id, null, 'Travels with the family later.');
    const moves: Record<string, string> = {};
    for (const [name] of USERS) if (name !== 'kbri' && name !== 'bp2mi') moves[name] = outcome(await move(name));
    expect(moves).toEqual({
      police: FORBIDDEN,
      dinsos: NOT_FOUND,
      secretariat: FORBIDDEN,
      outsider: NOT_FOUND,
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    expect(outcome(await move('kbri'))).toBe('OK');
  });

  it('markOperationDeparted and recordArrival: the departure side leaves, the receiving side arrives', async () => {
    for (const milestone of operation.milestones) {
      if (milestone.status !== 'PENDING' || ['DEPARTED', 'ARRIVED', 'HANDED_OVER'].includes(milestone.type)) continue;
      if (milestone.type === 'FINES_SETTLED') continue;
      await ok(sut.record('kbri', milestone.id, TODAY));
    }
    const depart = (as: string) => sut.depart(as, operation.id, TODAY).then(outcome);
    const answers: Record<string, string> = {};
    for (const [name] of USERS) if (name !== 'kbri') answers[name] = await depart(name);
    expect(answers).toEqual({
      bp2mi: FORBIDDEN,
      police: FORBIDDEN,
      dinsos: NOT_FOUND,
      secretariat: FORBIDDEN,
      outsider: NOT_FOUND,
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    expect(await depart('kbri')).toBe('OK');
    const arrive = (as: string) => sut.arrive(as, operation.id, TODAY).then(outcome);
    const arrivals: Record<string, string> = {};
    for (const [name] of USERS) if (name !== 'bp2mi') arrivals[name] = await arrive(name);
    expect(arrivals).toEqual({
      kbri: FORBIDDEN,
      police: FORBIDDEN,
      dinsos: NOT_FOUND,
      secretariat: FORBIDDEN,
      outsider: NOT_FOUND,
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    expect(await arrive('bp2mi')).toBe('OK');
    plan = (await ok(sut.plans('dinsos', victims[0].id))).reintegrationPlans[0];
    expect(plan.responsibleAgency.code).toBe('DINSOS-NTT');
  });

  it('reintegrationPlan(s) and followUpContacts: the home office, the case team and the secretariat', async () => {
    const one = async (as: string) => {
      const result = await casework.run<{ reintegrationPlan: { id: string } }>(
        as,
        'query ($id: ID!) { reintegrationPlan(id: $id) { id } }',
        { id: plan.id },
      );
      return outcome(result);
    };
    await expectAnswers(one, {
      kbri: 'OK',
      bp2mi: 'OK',
      police: 'OK',
      dinsos: 'OK',
      secretariat: 'OK',
      outsider: NOT_FOUND,
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    const ofPerson = async (as: string) => {
      const result = await sut.plans(as, victims[0].id);
      return result.errors ? outcome(result) : String(result.data!.reintegrationPlans.length);
    };
    await expectAnswers(ofPerson, {
      kbri: '1',
      bp2mi: '1',
      police: '1',
      dinsos: '1',
      secretariat: '1',
      outsider: '0',
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    const contacts = async (as: string) => {
      const result = await casework.run<{ followUpContacts: { totalCount: number } }>(
        as,
        '{ followUpContacts { totalCount } }',
      );
      return result.errors ? outcome(result) : String(result.data!.followUpContacts.totalCount);
    };
    await expectAnswers(contacts, {
      kbri: '8',
      bp2mi: '8',
      police: '8',
      dinsos: '8',
      secretariat: '8',
      outsider: '0',
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
  });

  it('recordFollowUpOutcome and assessReintegrationNeeds: the responsible agency only', async () => {
    const contact = plan.followUps[0];
    const record = (as: string) => sut.outcome(as, contact.id, victims[0].id, 'MET', TODAY).then(outcome);
    const answers: Record<string, string> = {};
    for (const [name] of USERS) if (name !== 'dinsos') answers[name] = await record(name);
    expect(answers).toEqual({
      kbri: FORBIDDEN,
      bp2mi: FORBIDDEN,
      police: FORBIDDEN,
      secretariat: FORBIDDEN,
      outsider: NOT_FOUND,
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
    expect(await record('dinsos')).toBe('OK');
    const assess = async (as: string) =>
      outcome(
        await casework.run(
          as,
          'mutation ($input: AssessReintegrationNeedsInput!) { assessReintegrationNeeds(input: $input) { id needs { need } } }',
          {
            input: {
              planId: plan.id,
              needs: [
                { need: 'PSYCHOSOCIAL', responsibleAgencyId: await casework.agencyId('DINSOS-NTT') },
                { need: 'LIVELIHOOD', responsibleAgencyId: await casework.agencyId('BP2MI') },
              ],
            },
          },
        ),
      );
    const assessed: Record<string, string> = {};
    for (const [name] of USERS) assessed[name] = await assess(name);
    expect(assessed).toEqual({
      kbri: FORBIDDEN,
      bp2mi: FORBIDDEN,
      police: FORBIDDEN,
      dinsos: 'OK',
      secretariat: FORBIDDEN,
      outsider: NOT_FOUND,
      counterpart: FORBIDDEN,
      partner: FORBIDDEN,
      auditor: FORBIDDEN,
    });
  });

  it('the kernel’s rules: an outsider with a stale version gets what a random id gets; a worker gets CONFLICT', async () => {
    const escort = empty.milestones.find((m) => m.type === 'ESCORT_ASSIGNED')!;
    const contact = plan.followUps[2];
    const changes = [
      {
        id: escort.id,
        worker: 'bp2mi',
        run: (as: string, id: string) =>
          casework.run(as, 'mutation ($input: RecordMilestoneInput!) { recordMilestone(input: $input) { id } }', {
            input: { id, happenedOn: TODAY, expectedVersion: 99 },
          }),
        prefix: /RMS-/,
      },
      {
        id: contact.id,
        worker: 'dinsos',
        run: (as: string, id: string) =>
          casework.run(
            as,
            'mutation ($input: RecordFollowUpOutcomeInput!) { recordFollowUpOutcome(input: $input) { id } }',
            { input: { id, victimId: victims[0].id, outcome: 'MET', contactedOn: TODAY, expectedVersion: 99 } },
          ),
        prefix: /FUC-/,
      },
    ];
    for (const change of changes) {
      const random = randomUUID();
      const hidden = await change.run('outsider', change.id);
      const missing = await change.run('outsider', random);
      expect(hidden.errors?.[0].extensions?.code).toBe(NOT_FOUND);
      const shape = (result: { errors?: unknown; data?: unknown }, id: string) =>
        JSON.stringify({ errors: result.errors, data: result.data }).replaceAll(id, '<id>');
      expect(shape(hidden, change.id)).toBe(shape(missing, random));
      const stale = await change.run(change.worker, change.id);
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
      expect(stale.errors?.[0].message).toMatch(change.prefix);
    }
  });

  describe('bad input: a clear error naming the field, and nothing written', () => {
    const refused = async (
      promise: Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>,
      field: string,
    ): Promise<void> => {
      const before = await counts();
      const result = await promise;
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    };
    let fresh: OperationView;

    beforeAll(async () => {
      fresh = (
        await ok(
          sut.create('kbri', {
            fromCountry: 'KH',
            route: 'Phnom Penh – Jakarta',
            sendingAgencyId: await casework.agencyId('KBRI-PNH'),
            receivingAgencyId: await casework.agencyId('BP2MI'),
            plannedDepartureOn: '2026-04-01',
            plannedArrivalOn: '2026-04-01',
            victimIds: [victims[2].id],
            startedOn: '2026-02-20',
          }),
        )
      ).createRepatriationOperation;
    });

    it('a milestone date before the operation began, or in the future', async () => {
      const step = fresh.milestones.find((m) => m.type === 'TRAVEL_DOCUMENT_ISSUED')!;
      await refused(sut.record('kbri', step.id, '2026-02-19'), 'happenedOn');
      await refused(sut.record('kbri', step.id, '2026-03-03'), 'happenedOn');
    });

    it('a person on two active operations at once', async () => {
      await refused(
        sut.create('kbri', {
          fromCountry: 'KH',
          route: 'Phnom Penh – Jakarta',
          sendingAgencyId: await casework.agencyId('KBRI-PNH'),
          receivingAgencyId: await casework.agencyId('BP2MI'),
          plannedDepartureOn: '2026-04-02',
          plannedArrivalOn: '2026-04-02',
          victimIds: [victims[2].id],
        }),
        'victimIds.0',
      );
    });

    it('departing with a person not ready', async () => {
      await refused(sut.depart('kbri', fresh.id, TODAY), 'id');
      expect((await ok(sut.operation('kbri', fresh.id))).repatriationOperation.status).toBe('PLANNED');
    });

    it('an arrival before the departure', async () => {
      for (const milestone of fresh.milestones) {
        if (milestone.status === 'PENDING' && !['DEPARTED', 'ARRIVED', 'HANDED_OVER'].includes(milestone.type)) {
          await ok(sut.record('kbri', milestone.id, TODAY));
        }
      }
      await ok(sut.depart('kbri', fresh.id, TODAY));
      await refused(sut.arrive('bp2mi', fresh.id, '2026-03-01'), 'arrivedOn');
    });

    it('a follow-up outcome for a person not in the plan', async () => {
      await refused(sut.outcome('dinsos', plan.followUps[1].id, victims[1].id, 'MET', TODAY), 'victimId');
    });

    it('an arrival planned before the departure, and a departure country that is home', async () => {
      const input = async (extra: Record<string, unknown>) => ({
        fromCountry: 'KH',
        route: 'Phnom Penh – Jakarta',
        sendingAgencyId: await casework.agencyId('KBRI-PNH'),
        receivingAgencyId: await casework.agencyId('BP2MI'),
        plannedDepartureOn: '2026-04-02',
        plannedArrivalOn: '2026-04-02',
        victimIds: [],
        ...extra,
      });
      await refused(sut.create('kbri', await input({ plannedArrivalOn: '2026-04-01' })), 'plannedArrivalOn');
      await refused(sut.create('kbri', await input({ fromCountry: 'ID' })), 'fromCountry');
      await refused(sut.create('kbri', await input({ startedOn: '2026-03-05' })), 'startedOn');
    });
  });
});
