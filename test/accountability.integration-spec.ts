import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { DigestContentService } from '@app/modules/digests/digest-content.service';
import { isoWeekOf } from '@app/modules/digests/iso-week';
import { MembershipRole, TaskForceLevel } from '@app/modules/task-forces/task-force.enums';
import { TaskAction, TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';
import { TasksService } from '@app/modules/tasks/tasks.service';
import { actorOf, Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';

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
  // A database of its own: other suites' people would count in its figures.
  let env: IsolatedEnvironment;
  let api: TestApp;
  const clock = new FixedClock(new Date('2026-03-02T02:00:00Z'));
  const codes: Record<string, string> = {};
  let secretariatToken: string;
  let liaisonToken: string;
  let secretariatUserId: string;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    api = await TestApp.start(env.env, { clock });
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

  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

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
});
