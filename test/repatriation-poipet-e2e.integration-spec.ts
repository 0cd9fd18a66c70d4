import { FixedClock } from '@app/kernel/clock';
import { DigestContentService } from '@app/modules/digests/digest-content.service';
import { Role } from '@app/kernel/role.enum';
import { unique } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';
import { timePasses } from '@libs/testing/time-passes';

import { CaseworkApi, outcome, people, VictimView } from './support/casework-api';
import { OperationView, PlanView, RepatriationApi } from './support/repatriation-api';

const at = (iso: string) => new Date(iso);
const RESCUE = '2023-06-28';
const SECOND_RESCUE = '2023-09-05';
const REPATRIATION = '2023-10-04';
const LATER_FLIGHT = '2023-10-18';

/**
 * Issue 18, "Done when": Poipet 2023 replayed with a controlled clock, from the rescue to the 12-month follow-up. 27
 * Indonesians rescued on 28 June, one more on 5 September; KBRI Phnom Penh plans the operation, one hospitalised
 * person moves to a later flight, the 27 others leave on 4 October (98 days after the rescue) and are handed to
 * their home provinces (East Nusa Tenggara, West Java), whose social-affairs offices take the handover task, join
 * the case and follow each person at 1, 3, 6 and 12 months. A missed 3-month contact escalates; one person re-migrates,
 * one is lost to follow-up after two contacts in a row find nobody, the others are reintegrated. The worker runs
 * in-process with real Redis and SMTP.
 */
describe('Poipet 2023: from the rescue to the 12-month follow-up', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let worker: TestWorker;
  let sut: RepatriationApi;
  let casework: CaseworkApi;
  const clock = new FixedClock(at('2023-06-28T05:00:00Z'));
  const email: Record<string, string> = {};
  let caseId: string;
  let victims: VictimView[];
  let operation: OperationView;
  let later: OperationView;
  let hospitalised: VictimView;
  let travellers: VictimView[];
  let lost: VictimView;
  let remigrated: VictimView;

  const passTo = (iso: string) => timePasses(clock, worker, at(iso));
  const ok = async <T>(promise: Promise<{ data?: T | null; errors?: unknown }>): Promise<T> => {
    const result = await promise;
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const escalationsOf = async (itemId: string): Promise<string[]> =>
    (
      await casework.db.query(
        `SELECT details->>'rung' AS rung FROM work_item_event WHERE item_id = $1 AND kind = 'ESCALATED' ORDER BY occurred_at`,
        [itemId],
      )
    ).map((row: { rung: string }) => row.rung);

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '200' };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    casework = new CaseworkApi(api);
    sut = new RepatriationApi(casework);
    const users: [string, Role[], string][] = [
      ['police', [Role.CASE_OFFICER, Role.LIAISON], 'BARESKRIM'],
      ['kbri', [Role.LIAISON, Role.CASE_OFFICER], 'KBRI-PNH'],
      ['kbriSupervisor', [Role.SUPERVISOR], 'KBRI-PNH'],
      ['bp2mi', [Role.LIAISON, Role.CASE_OFFICER], 'BP2MI'],
      ['bp2miSupervisor', [Role.SUPERVISOR], 'BP2MI'],
      ['dinsosNtt', [Role.LIAISON, Role.CASE_OFFICER], 'DINSOS-NTT'],
      ['dinsosNttSupervisor', [Role.SUPERVISOR], 'DINSOS-NTT'],
      ['dinsosJabar', [Role.LIAISON, Role.CASE_OFFICER], 'DINSOS-JABAR'],
    ];
    for (const [name, roles, code] of users) {
      await casework.user(name, roles, code);
      email[name] = (
        await casework.db.query('SELECT email FROM app_user WHERE id = $1', [casework.userId[name]])
      )[0].email;
    }
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  it('opens the case on the day of the rescue and registers the 27, then the one rescued on 5 September', async () => {
    const opened = await ok(
      casework.openCase('police', {
        unitId: await casework.unitId('GTPP-NAS'),
        destinationCountries: ['KH'],
        exploitationTypes: ['FORCED_CRIMINALITY'],
        recruitmentChannels: ['FACEBOOK'],
        intakeChannel: 'EMBASSY',
        summary: 'Online-scam compound in Poipet; recruited through Facebook job ads.',
        reportedOn: RESCUE,
        rescuedOn: RESCUE,
        rescuePlace: 'Poipet, Banteay Meanchey',
        rescueCountry: 'KH',
      }),
    );
    caseId = opened.openCase.id;
    const group = (n: number, rescuedOn: string, region: (index: number) => string) => ({
      operationKey: `poipet-${unique()}`,
      caseId,
      nationality: 'ID',
      rescuedOn,
      rescuePlace: 'Poipet, Banteay Meanchey',
      rescueCountry: 'KH',
      identifiedOn: rescuedOn,
      people: people(n, (index) => ({ originRegion: region(index) })),
    });
    // Ten from East Nusa Tenggara (53), the others from West Java (32).
    const first = await ok(
      casework.registerGroup(
        'police',
        group(27, RESCUE, (i) => (i < 10 ? '53' : '32')),
      ),
    );
    await passTo('2023-09-05T05:00:00Z');
    const second = await ok(
      casework.registerGroup(
        'police',
        group(1, SECOND_RESCUE, () => '32'),
      ),
    );
    victims = [...first.registerVictimGroup.victims, ...second.registerVictimGroup.victims];
    expect(victims).toHaveLength(28);
    for (const [code, role] of [
      ['KBRI-PNH', 'CONSULAR_PROTECTION'],
      ['BP2MI', 'LABOUR_MIGRATION_PROTECTION'],
    ]) {
      expect((await casework.addParticipant('police', caseId, code, role, RESCUE)).errors).toBeUndefined();
    }
    const ids = victims.map((victim) => victim.id);
    for (const recipient of ['KBRI-PNH', 'BP2MI']) {
      expect((await casework.consentGroup('police', ids, recipient, 'REPATRIATION')).errors).toBeUndefined();
    }
    // The people from East Nusa Tenggara agree to the provincial social-affairs office knowing who they are.
    const fromNtt = ids.slice(0, 10);
    expect((await casework.consentGroup('police', fromNtt, 'DINSOS-NTT', 'SERVICE_REFERRAL')).errors).toBeUndefined();
    hospitalised = victims[3];
    lost = victims[1];
    remigrated = victims[2];
    travellers = victims.filter((victim) => victim.id !== hospitalised.id);
  });

  it('KBRI plans the operation with its milestone plan, each step due in its owner’s calendar', async () => {
    await passTo('2023-09-18T02:00:00Z');
    const kbriId = await casework.agencyId('KBRI-PNH');
    const created = await ok(
      sut.create('kbri', {
        fromCountry: 'KH',
        route: 'Poipet – Phnom Penh – Jakarta',
        sendingAgencyId: kbriId,
        receivingAgencyId: await casework.agencyId('BP2MI'),
        counterpartAgencyId: await casework.agencyId('KH-GDI'),
        victimIds: victims.map((victim) => victim.id),
        plannedDepartureOn: REPATRIATION,
        plannedArrivalOn: REPATRIATION,
        departurePlace: 'Phnom Penh International Airport',
        arrivalPlace: 'Soekarno-Hatta',
        flightOrCrossing: 'ID 7603',
      }),
    );
    operation = created.createRepatriationOperation;
    expect(operation.reference).toMatch(/^RPT-\d{6}$/);
    // Four steps for each of the 28, the escort, the departure, the arrival, and each person's handover.
    expect(operation.milestones).toHaveLength(28 * 5 + 3);
    const of = (type: string) => operation.milestones.filter((m) => m.type === type);
    expect(of('TRAVEL_DOCUMENT_ISSUED').every((m) => m.ownerAgency.code === 'KBRI-PNH')).toBe(true);
    expect(of('EXIT_CLEARANCE_GRANTED').every((m) => m.ownerAgency.code === 'KH-GDI')).toBe(true);
    // A week before departure in Phnom Penh (Wednesday 27 September, 17:00 ICT); the escort is BP2MI's, two days
    // before (Monday 2 October, 17:00 WIB); the medical clearance's Sunday moves back to Friday.
    expect(of('TRAVEL_DOCUMENT_ISSUED')[0].dueAt).toBe('2023-09-27T10:00:00.000Z');
    expect(of('ESCORT_ASSIGNED')).toEqual([
      expect.objectContaining({ ownerAgency: { code: 'BP2MI' }, dueAt: '2023-10-02T10:00:00.000Z' }),
    ]);
    expect(of('MEDICAL_CLEARANCE')[0].dueAt).toBe('2023-09-29T10:00:00.000Z');
    expect(operation.readiness.filter((person) => person.ready)).toEqual([]);
    // Everyone now awaits repatriation on the protection track.
    const track = await ok(casework.victim('police', victims[0].id));
    expect(track.victim.protectionStatus).toBe('AWAITING_REPATRIATION');
    // Each agency owing a step is told once, with codes only (the foreign office has no account).
    await passTo(clock.now().toISOString());
    const planned = sink.to(email.bp2mi).filter((mail) => mail.subject.includes(operation.reference));
    expect(planned.map((mail) => mail.subject)).toEqual([
      `[Simpul] Repatriasi ${operation.reference}: langkah untuk instansi Anda`,
    ]);
    expect(planned[0].body).not.toContain(victims[0].identity?.fullName ?? 'never');
  });

  it('records each person’s steps; the hospitalised person moves to a later flight keeping what is done', async () => {
    await passTo('2023-09-25T03:00:00Z');
    for (const milestone of operation.milestones) {
      if (!milestone.victimCode || milestone.type === 'HANDED_OVER') continue;
      if (milestone.victimCode === hospitalised.code && milestone.type === 'MEDICAL_CLEARANCE') continue;
      const day = milestone.type === 'TRAVEL_DOCUMENT_ISSUED' ? '2023-09-22' : '2023-09-25';
      expect([milestone.reference, (await sut.record('kbri', milestone.id, day)).errors]).toEqual([
        milestone.reference,
        undefined,
      ]);
    }
    // The escort is still open: nobody may leave yet, and a departure is refused naming what waits.
    const refused = await sut.depart('kbri', operation.id, '2023-09-25');
    expect(outcome(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.field).toBe('id');
    expect(refused.errors?.[0].message).toContain(`${hospitalised.code}: MEDICAL_CLEARANCE, ESCORT_ASSIGNED`);

    later = (
      await ok(
        sut.create('kbri', {
          fromCountry: 'KH',
          route: 'Phnom Penh – Jakarta',
          sendingAgencyId: await casework.agencyId('KBRI-PNH'),
          receivingAgencyId: await casework.agencyId('BP2MI'),
          victimIds: [],
          plannedDepartureOn: LATER_FLIGHT,
          plannedArrivalOn: LATER_FLIGHT,
        }),
      )
    ).createRepatriationOperation;
    await ok(sut.move('kbri', operation.id, hospitalised.id, later.id, 'In hospital in Phnom Penh; travels later.'));
    const [source, target] = await Promise.all([
      ok(sut.operation('kbri', operation.id)),
      ok(sut.operation('kbri', later.id)),
    ]);
    operation = source.repatriationOperation;
    later = target.repatriationOperation;
    expect(operation.people.find((p) => p.victimId === hospitalised.id)).toMatchObject({
      onboard: false,
      leftOn: '2023-09-25',
    });
    expect(operation.readiness.map((p) => p.victimId)).not.toContain(hospitalised.id);
    expect(
      operation.milestones
        .filter((m) => m.victimCode === hospitalised.code && m.status === 'CANCELLED')
        .map((m) => m.type),
    ).toEqual(['MEDICAL_CLEARANCE', 'HANDED_OVER']);
    // On the later flight, the travel document issued on 22 September is carried over; the medical clearance waits.
    expect(later.readiness).toEqual([
      {
        victimId: hospitalised.id,
        victimCode: hospitalised.code,
        ready: false,
        blocking: ['MEDICAL_CLEARANCE', 'ESCORT_ASSIGNED'],
      },
    ]);
    expect(later.milestones.find((m) => m.type === 'TRAVEL_DOCUMENT_ISSUED')).toMatchObject({
      status: 'DONE',
      happenedOn: '2023-09-22',
    });
    // Nobody is on two active operations: putting the person back on the first is refused.
    const twice = await casework.run(
      'kbri',
      'mutation ($input: AddRepatriationPeopleInput!) { addRepatriationPeople(input: $input) { id } }',
      { input: { operationId: operation.id, victimIds: [hospitalised.id] } },
    );
    expect(outcome(twice)).toBe('BAD_USER_INPUT');
    expect(twice.errors?.[0].extensions?.field).toBe('victimIds.0');
  });

  it('the escort lapses: its ladder reminds and escalates BP2MI once per rung, then stops when it is done', async () => {
    const escort = operation.milestones.find((m) => m.type === 'ESCORT_ASSIGNED')!;
    await passTo('2023-09-30T10:00:00Z');
    await passTo('2023-10-02T10:00:00Z');
    // A second sweep at the same moment changes nothing: each rung fires once.
    await passTo('2023-10-02T10:00:00Z');
    expect(await escalationsOf(escort.id)).toEqual(['reminder-48h', 'due']);
    const aboutEscort = sink.to(email.bp2mi).filter((mail) => mail.subject.includes(escort.reference));
    expect(aboutEscort).toHaveLength(2);
    await passTo('2023-10-03T02:00:00Z');
    expect(await ok(sut.record('bp2mi', escort.id, '2023-10-03'))).toEqual({
      recordMilestone: { status: 'DONE', happenedOn: '2023-10-03' },
    });
    // The supervisor's rung (two working days after the deadline) will never fire: the step is done.
    const [supervisor] = await casework.db.query(
      `SELECT status FROM escalation_rung WHERE item_id = $1 AND rung_key = 'supervisor'`,
      [escort.id],
    );
    expect(supervisor.status).toBe('CANCELLED');
    await passTo('2023-10-04T03:00:00Z');
    expect(await escalationsOf(escort.id)).toEqual(['reminder-48h', 'due']);
    expect(sink.to(email.bp2miSupervisor).filter((mail) => mail.subject.includes(escort.reference))).toEqual([]);
    // Every rung of every milestone fired at most once, and nobody got the same message twice.
    const [dupes] = await casework.db.query(
      `SELECT count(*)::int AS n FROM (SELECT item_id, details->>'rung' FROM work_item_event
         WHERE item_type = 'REPATRIATION_MILESTONE' AND kind = 'ESCALATED' GROUP BY 1, 2 HAVING count(*) > 1) twice`,
    );
    expect(dupes.n).toBe(0);
    const subjects = sink.received.map((mail) => `${mail.to.join(',')} ${mail.subject}`);
    expect(subjects.length).toBe(new Set(subjects).size);
  });

  it('the 27 leave on 4 October, 98 days after the rescue, and arrive the same day', async () => {
    const early = await sut.arrive('bp2mi', operation.id, REPATRIATION);
    expect(outcome(early)).toBe('CONFLICT');
    const departed = await ok(sut.depart('kbri', operation.id, REPATRIATION));
    expect(departed.markOperationDeparted).toEqual({ status: 'DEPARTED', departedOn: REPATRIATION });
    const beforeDeparture = await sut.arrive('bp2mi', operation.id, '2023-10-03');
    expect(outcome(beforeDeparture)).toBe('BAD_USER_INPUT');
    expect(beforeDeparture.errors?.[0].extensions?.field).toBe('arrivedOn');
    const arrived = await ok(sut.arrive('bp2mi', operation.id, REPATRIATION));
    expect(arrived.recordArrival).toEqual({ status: 'ARRIVED', arrivedOn: REPATRIATION });
    const [days] = await casework.db.query(`SELECT ($1::date - $2::date) AS n`, [REPATRIATION, RESCUE]);
    expect(days.n).toBe(98);
    operation = (await ok(sut.operation('bp2mi', operation.id))).repatriationOperation;
    expect(operation.milestones.filter((m) => m.status === 'PENDING')).toEqual([]);
    expect(operation.people.filter((p) => p.arrived)).toHaveLength(27);
    expect((await ok(casework.victim('police', travellers[0].id))).victim.protectionStatus).toBe('REPATRIATED');
    // The week's digest of the receiving side lists the departure and the arrival, by code and count.
    const digest = await api.app.get(DigestContentService).compute(casework.userId.bp2mi, '2023-W40');
    // (The seeded history of Poipet 2023 falls in the same week; this operation's lines are the replay's.)
    expect(digest.sections.repatriationMoves.filter((move) => move.reference === operation.reference)).toEqual([
      expect.objectContaining({
        reference: operation.reference,
        move: 'DEPARTURE',
        day: REPATRIATION,
        done: true,
        people: 27,
      }),
      expect.objectContaining({
        reference: operation.reference,
        move: 'ARRIVAL',
        day: REPATRIATION,
        done: true,
        people: 27,
      }),
    ]);
  });

  it('hands each person to their home province: the unit’s office joins the case and gets a task', async () => {
    const tasks = async (as: string) =>
      (
        await ok(
          casework.run<{
            myWorkQueue: { edges: { node: { id: string; title: string; assigneeAgency: { code: string } } }[] };
          }>(as, '{ myWorkQueue(first: 100) { edges { node { id title assigneeAgency { code } } } } }'),
        )
      ).myWorkQueue.edges.map((edge) => edge.node);
    const ntt = await tasks('dinsosNtt');
    const jabar = await tasks('dinsosJabar');
    expect(ntt).toHaveLength(travellers.filter((v) => victims.indexOf(v) < 10).length);
    expect(jabar).toHaveLength(27 - ntt.length);
    expect(ntt.every((task) => /^Accept the handover of VCT-/.test(task.title))).toBe(true);
    const team = await ok(
      casework.caseView<{ participants: { agency: { code: string }; role: string; since: string }[] }>(
        'police',
        caseId,
        'participants { agency { code } role since }',
      ),
    );
    expect(team.case.participants).toEqual(
      expect.arrayContaining([
        { agency: { code: 'DINSOS-NTT' }, role: 'SOCIAL_REHABILITATION', since: REPATRIATION },
        { agency: { code: 'DINSOS-JABAR' }, role: 'SOCIAL_REHABILITATION', since: REPATRIATION },
      ]),
    );
    // The home office sees the person's plan; identity only where the person consented to it (NTT, not West Java).
    const plan = await ok(
      casework.run<{ reintegrationPlans: { victim: { identity: { fullName: string } | null } }[] }>(
        'dinsosNtt',
        'query ($id: ID!) { reintegrationPlans(victimId: $id) { victim { identity { fullName } } } }',
        { id: lost.id },
      ),
    );
    expect(plan.reintegrationPlans[0].victim.identity?.fullName).toBe(lost.identity?.fullName);
    const jabarPerson = travellers[20];
    const jabarPlan = await ok(
      casework.run<{ reintegrationPlans: { victim: { code: string; identity: unknown } }[] }>(
        'dinsosJabar',
        'query ($id: ID!) { reintegrationPlans(victimId: $id) { victim { code identity { fullName } } } }',
        { id: jabarPerson.id },
      ),
    );
    expect(jabarPlan.reintegrationPlans[0].victim).toEqual({ code: jabarPerson.code, identity: null });
    // The home offices take the handover.
    for (const [as, queue] of [
      ['dinsosNtt', ntt],
      ['dinsosJabar', jabar],
    ] as const) {
      for (const task of queue) {
        for (const step of ['acknowledgeTask', 'startTask', 'completeTask']) {
          await ok(casework.run(as, `mutation ($id: ID!) { ${step}(input: { id: $id }) { status } }`, { id: task.id }));
        }
      }
    }
  });

  it('follows each person at 1, 3, 6 and 12 months; a missed 3-month contact escalates', async () => {
    const plans = new Map<string, PlanView>();
    const owner = (victim: VictimView) => (victims.indexOf(victim) < 10 ? 'dinsosNtt' : 'dinsosJabar');
    for (const victim of travellers) {
      const [plan] = (await ok(sut.plans(owner(victim), victim.id))).reintegrationPlans;
      plans.set(victim.id, plan);
    }
    const first = plans.get(lost.id)!;
    expect(first.responsibleAgency.code).toBe('DINSOS-NTT');
    expect(first.followUps.map((f) => f.monthsAfterReturn)).toEqual([1, 3, 6, 12]);
    // 4 November 2023 is a Saturday: the 1-month contact is due on Monday 6 November, 17:00 WITA.
    expect(first.followUps[0].dueAt).toBe('2023-11-06T09:00:00.000Z');

    /** Everyone's `sequence`-th contact met a week ahead of its date, but `except`. */
    const meetAll = async (sequence: number, except: string[] = []) => {
      const due = first.followUps[sequence - 1].dueAt;
      await passTo(new Date(new Date(due).getTime() - 8 * 24 * 3600 * 1000).toISOString());
      const today = new Date(clock.now().getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
      for (const victim of travellers) {
        if (except.includes(victim.id)) continue;
        const contact = plans.get(victim.id)!.followUps[sequence - 1];
        await ok(sut.outcome(owner(victim), contact.id, victim.id, 'MET', today));
      }
      return today;
    };
    await meetAll(1);
    await meetAll(2, [lost.id]);
    // Nobody reaches the lost person at three months: the reminder, the deadline, then the supervisor.
    const missed = first.followUps[1];
    const [rung] = await casework.db.query(
      `SELECT fire_at FROM escalation_rung WHERE item_id = $1 AND rung_key = 'supervisor'`,
      [missed.id],
    );
    const due = new Date(missed.dueAt).getTime();
    await passTo(new Date(due - 7 * 24 * 3600 * 1000).toISOString());
    await passTo(missed.dueAt);
    await passTo(rung.fire_at.toISOString());
    expect(await escalationsOf(missed.id)).toEqual(['reminder-7d', 'due', 'supervisor']);
    expect(sink.to(email.dinsosNttSupervisor).filter((mail) => mail.subject.includes(missed.reference))).toHaveLength(
      1,
    );
    const overdue = await ok(
      casework.run<{ followUpContacts: { edges: { node: { reference: string; overdue: boolean } }[] } }>(
        'dinsosNtt',
        '{ followUpContacts(status: SCHEDULED, first: 100) { edges { node { reference overdue } } } }',
      ),
    );
    expect(
      overdue.followUpContacts.edges.filter((edge) => edge.node.overdue).map((edge) => edge.node.reference),
    ).toEqual([missed.reference]);
    // The home office's digest of that week lists the missed contact as overdue, by the person's code.
    const digest = await api.app.get(DigestContentService).compute(casework.userId.dinsosNtt, '2024-W02');
    expect(digest.sections.followUpsDue).toEqual([
      expect.objectContaining({
        reference: missed.reference,
        victimCode: lost.code,
        monthsAfterReturn: 3,
        overdue: true,
      }),
    ]);
    const today = new Date(clock.now().getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    await ok(sut.outcome('dinsosNtt', missed.id, lost.id, 'NOT_REACHED', today));
  });

  it('ends the tracks: one re-migrates at six months, one is lost, the others are reintegrated at twelve', async () => {
    const owner = (victim: VictimView) => (victims.indexOf(victim) < 10 ? 'dinsosNtt' : 'dinsosJabar');
    const planOf = async (victim: VictimView) => (await ok(sut.plans(owner(victim), victim.id))).reintegrationPlans[0];
    const lostPlan = await planOf(lost);
    const sixMonths = lostPlan.followUps[2].dueAt;
    await passTo(new Date(new Date(sixMonths).getTime() - 8 * 24 * 3600 * 1000).toISOString());
    const today = () => new Date(clock.now().getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    await ok(sut.outcome('dinsosNtt', lostPlan.followUps[2].id, lost.id, 'NOT_REACHED', today()));
    const remigratedPlan = await planOf(remigrated);
    await ok(sut.outcome('dinsosNtt', remigratedPlan.followUps[2].id, remigrated.id, 'RE_MIGRATED', today()));
    const others = travellers.filter((v) => v.id !== lost.id && v.id !== remigrated.id);
    for (const victim of others) {
      const plan = await planOf(victim);
      await ok(sut.outcome(owner(victim), plan.followUps[2].id, victim.id, 'MET', today()));
    }
    const twelve = lostPlan.followUps[3].dueAt;
    await passTo(new Date(new Date(twelve).getTime() - 8 * 24 * 3600 * 1000).toISOString());
    for (const victim of others) {
      const plan = await planOf(victim);
      await ok(sut.outcome(owner(victim), plan.followUps[3].id, victim.id, 'MET', today()));
    }
    const status = async (victim: VictimView) =>
      (await ok(casework.victim('police', victim.id))).victim.protectionStatus;
    expect(await status(lost)).toBe('LOST_TO_FOLLOW_UP');
    expect(await status(remigrated)).toBe('RE_MIGRATED');
    const reintegrated = await Promise.all(others.map(status));
    expect(new Set(reintegrated)).toEqual(new Set(['REINTEGRATED']));
    const closed = await planOf(lost);
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'LOST_TO_FOLLOW_UP' });
    expect(closed.followUps.map((f) => f.status)).toEqual(['MET', 'NOT_REACHED', 'NOT_REACHED', 'CANCELLED']);
    expect((await planOf(remigrated)).followUps.map((f) => f.status)).toEqual([
      'MET',
      'MET',
      'RE_MIGRATED',
      'CANCELLED',
    ]);
    // A follow-up outcome for a person not in the plan is refused naming the field, and changes nothing.
    const wrong = await sut.outcome('dinsosNtt', lostPlan.followUps[3].id, remigrated.id, 'MET', today());
    expect(outcome(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].extensions?.field).toBe('victimId');
  });
});
