import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { AgencyCapability } from '@app/modules/agencies/agency.enums';
import { DigestContentService } from '@app/modules/digests/digest-content.service';
import { isoWeekOf } from '@app/modules/digests/iso-week';
import { MembershipRole, TaskForceLevel } from '@app/modules/task-forces/task-force.enums';
import { TaskAction, TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';
import { TasksService } from '@app/modules/tasks/tasks.service';
import { actorOf, Factories, TEST_PASSWORD, unique } from '@libs/testing/factories';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';

import { CaseworkApi, people } from './support/casework-api';
import { OperationView, PlanView, RepatriationApi } from './support/repatriation-api';

const DAY = 86_400_000;

interface Group {
  key: string;
  label: string;
  open: number;
  overdue: number;
  byKind: { kind: string; open: number; overdue: number }[];
}

const ACCOUNTABILITY = `query ($weeks: Int) {
  accountability(weeks: $weeks) {
    computedAt kinds
    total { key open overdue byKind { kind open overdue } }
    byAgency { key label open overdue byKind { kind open overdue } }
    byProvince { key open overdue }
    byCounterpartCountry { key open overdue }
    responseTimes { agencyCode responses medianHours p90Hours }
    trend { weeksAgo at open overdue }
  }
}`;

describe('accountability: open and overdue work of a unit, the way its secretariat sees it', () => {
  let api: TestApp;
  const clock = new FixedClock(new Date('2026-03-02T02:00:00Z'));
  const codes: Record<string, string> = {};
  let secretariatToken: string;
  let liaisonToken: string;
  let secretariatUserId: string;

  beforeAll(async () => {
    api = await TestApp.start({}, { clock });
    const factories = new Factories(api);
    const unit = await factories.unit({
      level: TaskForceLevel.PROVINCE,
      parentUnitId: (await factories.unit()).id,
      regionCode: '53',
    });
    const assigner = await factories.agency({ regionCode: '53' });
    const slow = await factories.agency({ regionCode: '53.71' });
    const quick = await factories.agency();
    const outsider = await factories.agency();
    const secretariat = await factories.agency({ regionCode: '53' });
    Object.assign(codes, { slow: slow.code, quick: quick.code, outsider: outsider.code });
    for (const agency of [assigner, slow, quick]) await factories.membership({ unitId: unit.id, agencyId: agency.id });
    await factories.membership({ unitId: unit.id, agencyId: secretariat.id, role: MembershipRole.SECRETARIAT });
    const liaison = actorOf(await factories.user([Role.LIAISON], { agencyId: assigner.id }));
    const quickLiaison = actorOf(await factories.user([Role.LIAISON], { agencyId: quick.id }));
    const secretariatUser = await factories.user([Role.SECRETARIAT], { agencyId: secretariat.id });
    secretariatUserId = secretariatUser.id;
    secretariatToken = await api.login(secretariatUser.email, TEST_PASSWORD);
    liaisonToken = await api.login(
      (await factories.user([Role.LIAISON], { agencyId: assigner.id })).email,
      TEST_PASSWORD,
    );

    const tasks = api.app.get(TasksService);
    const assign = (assigneeAgencyId: string, days: number) =>
      tasks.createTask(liaison, {
        assigneeAgencyId,
        title: 'Verify the returnees’ travel documents',
        pillar: TaskPillar.PROTECTION,
        duty: TaskForceDuty.VICTIM_MONITORING,
        due: { at: new Date(clock.now().getTime() + days * DAY) },
      });
    // Two weeks ago: two tasks for the slow agency due in 3 days, one for the quick one answered in 2 hours.
    const early = [await assign(slow.id, 3), await assign(slow.id, 3)];
    const answered = await assign(quick.id, 3);
    clock.advance(2 * 3_600_000);
    await tasks.transition(quickLiaison, TaskAction.ACKNOWLEDGE, { id: answered.id });
    // Work of an agency outside the unit does not count.
    await assign(outsider.id, 1);
    // The records' own timestamps come from the database's clock: put them at the test clock's instants.
    await api.dataSource.query(`UPDATE task SET created_at = '2026-03-02T02:00:00Z' WHERE id = ANY($1::uuid[])`, [
      [...early, answered].map((task) => task.id),
    ]);
    await api.dataSource.query(
      `UPDATE work_item_event SET occurred_at = '2026-03-02T04:00:00Z' WHERE item_id = $1 AND from_status = 'OPEN'`,
      [answered.id],
    );
    clock.set(new Date('2026-03-16T02:00:00Z'));
    // Now: one more for the slow agency, not yet due.
    const late = await assign(slow.id, 10);
    await api.dataSource.query(`UPDATE task SET created_at = '2026-03-16T02:00:00Z' WHERE id = $1`, [late.id]);
  });

  afterAll(() => api?.stop());

  const accountability = async (weeks = 3) => {
    const response = await api.gql<{ accountability: Record<string, unknown> & { byAgency: Group[]; total: Group } }>(
      ACCOUNTABILITY,
      { weeks },
      secretariatToken,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.accountability;
  };

  it("groups the members' open and overdue work by agency, most overdue first, leaving other agencies out", async () => {
    const sut = await accountability();

    expect(sut.byAgency.map(({ key, open, overdue }) => ({ key, open, overdue }))).toEqual([
      { key: codes.slow, open: 3, overdue: 2 },
      { key: codes.quick, open: 1, overdue: 1 },
    ]);
    expect(sut.byAgency[0].byKind).toEqual([
      { kind: 'TASK', open: 3, overdue: 2 },
      { kind: 'REFERRAL', open: 0, overdue: 0 },
      { kind: 'CROSS_BORDER_REQUEST', open: 0, overdue: 0 },
      { kind: 'REPATRIATION_MILESTONE', open: 0, overdue: 0 },
      { kind: 'FOLLOW_UP_CONTACT', open: 0, overdue: 0 },
    ]);
    expect(sut.total).toMatchObject({ open: 4, overdue: 3 });
    expect(sut.kinds).toEqual([
      'TASK',
      'REFERRAL',
      'CROSS_BORDER_REQUEST',
      'REPATRIATION_MILESTONE',
      'FOLLOW_UP_CONTACT',
    ]);
  });

  it("groups the same work by the responsible agency's province, national bodies apart", async () => {
    const sut = await accountability();
    expect(sut.byProvince).toEqual([
      { key: '53', open: 3, overdue: 2 },
      { key: 'NATIONAL', open: 1, overdue: 1 },
    ]);
    expect(sut.byCounterpartCountry).toEqual([]);
  });

  it('gives response times per agency: hours from being asked to the first answer', async () => {
    const sut = await accountability();
    expect(sut.responseTimes).toEqual([{ agencyCode: codes.quick, responses: 1, medianHours: 2, p90Hours: 2 }]);
  });

  it('shows the trend against previous weeks: nothing overdue two weeks ago, three a week ago and now', async () => {
    const sut = await accountability(2);
    expect(
      (sut.trend as { weeksAgo: number; open: number; overdue: number }[]).map(({ weeksAgo, open, overdue }) => ({
        weeksAgo,
        open,
        overdue,
      })),
    ).toEqual([
      { weeksAgo: 0, open: 4, overdue: 3 },
      { weeksAgo: 1, open: 3, overdue: 3 },
      { weeksAgo: 2, open: 3, overdue: 0 },
    ]);
  });

  it("ranks the digest's agencies with the same counts", async () => {
    const sut = await accountability();
    const digest = await api.app
      .get(DigestContentService)
      .compute(secretariatUserId, isoWeekOf(clock.now(), 'Asia/Jakarta'), clock.now());

    expect(digest.sections.agencyRanking.map((item) => item.total)).toEqual(sut.byAgency.map((group) => group.overdue));
    expect(digest.sections.agencyRanking.map((item) => item.overdueTasks)).toEqual([2, 1]);
  });

  it('is for secretariats only', async () => {
    const response = await api.gql(ACCOUNTABILITY, {}, liaisonToken);
    expect(firstErrorCode(response)).toBe('FORBIDDEN');
  });

  describe('repatriation milestones and follow-up contacts', () => {
    let casework: CaseworkApi;
    let sut: RepatriationApi;
    const code: Record<string, string> = {};
    let planned: OperationView;
    let travelled: OperationView;
    let plan: PlanView;

    const must = async <T>(promise: Promise<{ data?: T | null; errors?: unknown }>): Promise<T> => {
      const result = await promise;
      expect(result.errors).toBeUndefined();
      return result.data as T;
    };

    /**
     * A unit of West Kalimantan (61) with a mission (S, no region) bringing two people home to a receiving office (R,
     * in Pontianak): one operation never leaves and its steps lapse; the other arrives, and its person's follow-up
     * contacts (1, 3, 6 and 12 months) fall to R, the first of them missed.
     */
    beforeAll(async () => {
      clock.set(new Date('2026-03-02T03:00:00Z'));
      const factories = new Factories(api);
      const unit = await factories.unit({
        level: TaskForceLevel.PROVINCE,
        parentUnitId: (await factories.unit()).id,
        regionCode: '61',
      });
      const sending = await factories.agency();
      const receiving = await factories.agency({ regionCode: '61.71', capabilities: [AgencyCapability.REPATRIATION] });
      const secretariat = await factories.agency({ regionCode: '61' });
      Object.assign(code, { sending: sending.code, receiving: receiving.code });
      for (const agency of [sending, receiving]) await factories.membership({ unitId: unit.id, agencyId: agency.id });
      await factories.membership({ unitId: unit.id, agencyId: secretariat.id, role: MembershipRole.SECRETARIAT });
      casework = new CaseworkApi(api, factories);
      sut = new RepatriationApi(casework);
      await casework.user('mission', [Role.LIAISON, Role.CASE_OFFICER], sending.code);
      await casework.user('office', [Role.LIAISON, Role.CASE_OFFICER], receiving.code);
      await casework.user('secretariat', [Role.SECRETARIAT], secretariat.code);

      const caseId = (
        await must(
          casework.openCase('mission', {
            unitId: unit.id,
            destinationCountries: ['KH'],
            exploitationTypes: ['FORCED_CRIMINALITY'],
            intakeChannel: 'EMBASSY',
            reportedOn: '2026-02-10',
          }),
        )
      ).openCase.id;
      // An origin without a task-force unit of its own: the receiving office keeps the reintegration plan.
      const victims = (
        await must(
          casework.registerGroup('mission', {
            operationKey: `accountability-${unique()}`,
            caseId,
            nationality: 'ID',
            rescuedOn: '2026-02-10',
            rescueCountry: 'KH',
            people: people(2, () => ({ originRegion: '94' })),
          }),
        )
      ).registerVictimGroup.victims;
      await must(casework.addParticipant('mission', caseId, receiving.code, 'LABOUR_MIGRATION_PROTECTION'));
      const operation = async (victimId: string) =>
        (
          await must(
            sut.create('mission', {
              fromCountry: 'KH',
              route: 'Phnom Penh – Jakarta – Pontianak',
              sendingAgencyId: sending.id,
              receivingAgencyId: receiving.id,
              plannedDepartureOn: '2026-03-20',
              plannedArrivalOn: '2026-03-20',
              victimIds: [victimId],
            }),
          )
        ).createRepatriationOperation;
      planned = await operation(victims[0].id);
      travelled = await operation(victims[1].id);
      for (const step of travelled.milestones.filter((m) => m.status === 'PENDING')) {
        if (['DEPARTED', 'ARRIVED', 'HANDED_OVER'].includes(step.type)) continue;
        await must(sut.record(step.ownerAgency.code === code.sending ? 'mission' : 'office', step.id, '2026-03-02'));
      }
      clock.set(new Date('2026-03-21T03:00:00Z'));
      await must(sut.depart('mission', travelled.id, '2026-03-20'));
      await must(sut.arrive('office', travelled.id, '2026-03-20'));
      travelled = (await must(sut.operation('office', travelled.id))).repatriationOperation;
      planned = (await must(sut.operation('office', planned.id))).repatriationOperation;
      [plan] = (await must(sut.plans('office', victims[1].id))).reintegrationPlans;
      // Five weeks after the return: the one-month contact is past due, nothing of the operations was done since.
      clock.set(new Date('2026-04-27T03:00:00Z'));
    });

    const kinds = (group: Group | undefined) =>
      Object.fromEntries(
        (group?.byKind ?? [])
          .filter((count) => count.open > 0)
          .map((count) => [count.kind, { open: count.open, overdue: count.overdue }]),
      );
    /** What the milestones themselves say, per owner: pending, and pending past due. */
    const pendingOf = (owner: string) => {
      const steps = [...planned.milestones, ...travelled.milestones].filter(
        (m) => m.ownerAgency.code === owner && m.status === 'PENDING',
      );
      return { open: steps.length, overdue: steps.filter((m) => new Date(m.dueAt) < clock.now()).length };
    };

    it("counts each owner's pending milestones and the responsible office's follow-ups, open and overdue", async () => {
      const view = await casework.ok<{ accountability: { byAgency: Group[]; total: Group } }>(
        'secretariat',
        ACCOUNTABILITY,
        { weeks: 1 },
      );
      const byAgency = new Map(view.accountability.byAgency.map((group) => [group.key, group]));

      // The operation that never left: the mission's four steps for its person and the departure, all lapsed.
      expect(kinds(byAgency.get(code.sending))).toEqual({ REPATRIATION_MILESTONE: { open: 5, overdue: 5 } });
      expect(pendingOf(code.sending)).toEqual({ open: 5, overdue: 5 });
      expect(plan.followUps.map((contact) => contact.monthsAfterReturn)).toEqual([1, 3, 6, 12]);
      expect(kinds(byAgency.get(code.receiving))).toEqual({
        REPATRIATION_MILESTONE: pendingOf(code.receiving),
        FOLLOW_UP_CONTACT: { open: 4, overdue: 1 },
      });
      expect(pendingOf(code.receiving).overdue).toBeGreaterThanOrEqual(3);
    });

    it('puts the milestones under the country the operation leaves and both kinds under the owners’ provinces', async () => {
      const view = await casework.ok<{
        accountability: { byCounterpartCountry: { key: string; open: number; overdue: number }[] };
      }>('secretariat', ACCOUNTABILITY, { weeks: 1 });
      const milestones = [pendingOf(code.sending), pendingOf(code.receiving)];
      expect(view.accountability.byCounterpartCountry).toEqual([
        {
          key: 'KH',
          open: milestones[0].open + milestones[1].open,
          overdue: milestones[0].overdue + milestones[1].overdue,
        },
      ]);
      const provinces = await casework.ok<{
        accountability: { byProvince: { key: string; open: number; overdue: number }[] };
      }>('secretariat', ACCOUNTABILITY, { weeks: 1 });
      // The mission has no region (NATIONAL); the receiving office is in Pontianak (61): its steps and its contacts.
      expect(
        Object.fromEntries(
          provinces.accountability.byProvince.map(({ key, open, overdue }) => [key, { open, overdue }]),
        ),
      ).toEqual({
        NATIONAL: { open: 5, overdue: 5 },
        '61': { open: milestones[1].open + 4, overdue: milestones[1].overdue + 1 },
      });
    });
  });
});
