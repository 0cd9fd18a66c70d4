import { FixedClock } from '@app/kernel/clock';
import { AttendanceStatus } from '@app/modules/meetings/meeting.enums';
import { MeetingsService } from '@app/modules/meetings/meetings.service';
import { TaskAction } from '@app/modules/tasks/task.enums';
import { TasksService } from '@app/modules/tasks/tasks.service';
import { coordinationCast, CoordinationCast } from '@libs/testing/coordination-cast';
import { CoordinationFactories } from '@libs/testing/coordination-factories';
import { Factories } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { TestApp } from '@libs/testing/test-app';

interface Figure {
  keys: string[];
  value: number | null;
}
interface IndicatorView {
  total: number;
  breakdowns: { dimension: string; items: { key: string; value: number }[] }[];
}

const STATISTICS = `query ($indicator: String!, $breakdowns: [StatisticsBreakdown!]!) {
  statistics(indicator: $indicator, from: "2026-11-01", to: "2026-11-30", breakdowns: $breakdowns) {
    total { value } cells { keys value }
  }
}`;
const INDICATOR = 'total breakdowns { dimension items { key value } }';
const FIGURES = `query ($unitId: ID) { meetingFigures(from: "2026-11-01", to: "2026-11-30", unitId: $unitId) {
  meetingsHeld { ${INDICATOR} } invitations { ${INDICATOR} } actionItemsDue { ${INDICATOR} }
} }`;

describe('coordination in the numbers: meetings, attendance and action items as catalogue indicators', () => {
  // A database of its own: other suites' meetings would count in its figures.
  let env: IsolatedEnvironment;
  let api: TestApp;
  let cast: CoordinationCast;
  const clock = new FixedClock(new Date('2026-11-02T02:00:00Z'));

  beforeAll(async () => {
    env = await isolatedEnvironment();
    api = await TestApp.start(env.env, { clock });
    const factories = new Factories(api);
    cast = await coordinationCast(api, factories);
    const meetings = api.app.get(MeetingsService);
    const tasks = api.app.get(TasksService);
    const meeting = await new CoordinationFactories(factories).meeting(cast.actor.organiser, {
      unitId: cast.unitId,
      invitedAgencyIds: [cast.agency.member, cast.agency.other],
    });
    clock.set(new Date('2026-11-04T04:00:00Z'));
    await meetings.recordAttendance(cast.actor.organiser, {
      meetingId: meeting.id,
      entries: [
        { agencyId: cast.agency.organiser, status: AttendanceStatus.PRESENT },
        { agencyId: cast.agency.member, status: AttendanceStatus.REPRESENTED },
        { agencyId: cast.agency.other, status: AttendanceStatus.ABSENT_WITH_NOTICE },
      ],
    });
    await new CoordinationFactories(factories).decision(cast.actor.organiser, {
      meetingId: meeting.id,
      actionItems: [
        {
          ownerAgencyId: cast.agency.member,
          title: 'Send the returnee list',
          due: { at: new Date('2026-11-10T10:00:00Z') },
        },
        {
          ownerAgencyId: cast.agency.member,
          title: 'Name a focal point',
          due: { at: new Date('2026-11-12T10:00:00Z') },
        },
        {
          ownerAgencyId: cast.agency.organiser,
          title: 'Circulate the minutes',
          due: { at: new Date('2026-11-06T10:00:00Z') },
        },
      ],
    });
    const [first] = await api.dataSource.query(
      `SELECT t.id FROM task t JOIN action_item i ON i.task_id = t.id WHERE t.title = 'Send the returnee list'`,
    );
    clock.set(new Date('2026-11-09T03:00:00Z'));
    for (const action of [TaskAction.ACKNOWLEDGE, TaskAction.START, TaskAction.COMPLETE]) {
      await tasks.transition(cast.actor.member, action, { id: first.id, note: 'Sent to the home provinces.' });
    }
    clock.set(new Date('2026-11-20T03:00:00Z'));
  });

  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  const statistics = async (indicator: string, breakdowns: string[]) => {
    const response = await api.gql<{ statistics: { total: Figure; cells: Figure[] } }>(
      STATISTICS,
      { indicator, breakdowns },
      cast.token.secretariat,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.statistics;
  };
  const nonZero = (cells: Figure[]) =>
    Object.fromEntries(cells.filter((c) => c.value).map((c) => [c.keys[0], c.value]));
  const items = (indicator: IndicatorView, dimension: string) =>
    Object.fromEntries(
      indicator.breakdowns
        .find((b) => b.dimension === dimension)!
        .items.filter((i) => i.value)
        .map((i) => [i.key, i.value]),
    );

  it('counts the meetings held, the invitations by attendance and the action items by timeliness', async () => {
    expect((await statistics('MEETINGS_HELD', ['MEETING_TYPE'])).cells).toEqual([{ keys: ['COORDINATION'], value: 1 }]);
    expect(nonZero((await statistics('MEETING_INVITATIONS', ['ATTENDANCE'])).cells)).toEqual({
      PRESENT: 1,
      REPRESENTED: 1,
      ABSENT_WITH_NOTICE: 1,
    });
    const timeliness = await statistics('ACTION_ITEMS_DUE', ['TIMELINESS']);
    expect(timeliness.total.value).toBe(3);
    expect(nonZero(timeliness.cells)).toMatchObject({ LATE: 2 });
  });

  it('agrees with the coordination figures the meetings module computes on its own, share by share', async () => {
    const response = await api.gql<{ meetingFigures: Record<string, IndicatorView> }>(
      FIGURES,
      { unitId: cast.unitId },
      cast.token.secretariat,
    );
    expect(response.errors).toBeUndefined();
    const figures = response.data!.meetingFigures;

    expect((await statistics('MEETINGS_HELD', ['YEAR'])).total.value).toBe(figures.meetingsHeld.total);
    expect(nonZero((await statistics('MEETING_INVITATIONS', ['ATTENDANCE'])).cells)).toEqual(
      items(figures.invitations, 'ATTENDANCE'),
    );
    expect(nonZero((await statistics('ACTION_ITEMS_DUE', ['TIMELINESS'])).cells)).toEqual(
      items(figures.actionItemsDue, 'TIMELINESS'),
    );
  });

  it('gives each agency its attendance and its action items on time and late', async () => {
    const codes = Object.fromEntries(
      (
        await api.dataSource.query(`SELECT id, code FROM agency WHERE id = ANY($1::uuid[])`, [
          [cast.agency.organiser, cast.agency.member, cast.agency.other],
        ])
      ).map((row: { id: string; code: string }) => [row.id, row.code]),
    );
    const cells = (result: { cells: Figure[] }) =>
      Object.fromEntries(result.cells.filter((cell) => cell.value).map((cell) => [cell.keys.join(' '), cell.value]));

    expect(cells(await statistics('MEETING_INVITATIONS', ['AGENCY', 'ATTENDANCE']))).toEqual({
      [`${codes[cast.agency.organiser]} PRESENT`]: 1,
      [`${codes[cast.agency.member]} REPRESENTED`]: 1,
      [`${codes[cast.agency.other]} ABSENT_WITH_NOTICE`]: 1,
    });
    expect(cells(await statistics('ACTION_ITEMS_DUE', ['AGENCY', 'TIMELINESS']))).toEqual({
      [`${codes[cast.agency.member]} ON_TIME`]: 1,
      [`${codes[cast.agency.member]} LATE`]: 1,
      [`${codes[cast.agency.organiser]} LATE`]: 1,
    });
  });
});
