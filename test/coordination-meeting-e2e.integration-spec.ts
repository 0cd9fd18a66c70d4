import { FixedClock } from '@app/kernel/clock';
import { Locale, Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';
import { timePasses } from '@libs/testing/time-passes';

const at = (iso: string) => new Date(iso);

/** The six agencies at the national coordination meeting: Polri convenes it as the unit's secretariat. */
const AGENCIES = ['POLRI', 'KEMLU', 'DITJEN-IMIGRASI', 'BP2MI', 'KEMENSOS', 'KEMENPPPA'] as const;

interface IndicatorView {
  code: string;
  total: number;
  breakdowns: { dimension: string; items: { key: string; value: number }[] }[];
}

const INDICATOR = 'code total breakdowns { dimension items { key value } }';

/** Every breakdown of an indicator adds up to its total. */
function expectBreakdownsAddUp(indicator: IndicatorView): void {
  for (const breakdown of indicator.breakdowns) {
    const sum = breakdown.items.reduce((total, item) => total + item.value, 0);
    expect([indicator.code, breakdown.dimension, sum]).toEqual([indicator.code, breakdown.dimension, indicator.total]);
  }
}

const shares = (indicator: IndicatorView, dimension: string) =>
  Object.fromEntries(
    indicator.breakdowns
      .find((breakdown) => breakdown.dimension === dimension)!
      .items.filter((item) => item.value !== 0)
      .map((item) => [item.key, item.value]),
  );

/**
 * Issue 23, "Done when": a national coordination meeting with six agencies records three decisions whose action
 * items become tasks; one goes overdue and escalates (controlled clock, the worker in-process, real Redis and SMTP);
 * the next meeting starts with the open items; the figures of the month and of a year of activities add up; and
 * members, non-members, counterparts and partners see what they should.
 */
describe('a national coordination meeting, end to end', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let clock: FixedClock;
  let api: TestApp;
  let worker: TestWorker;
  const agencyId: Record<string, string> = {};
  const token: Record<string, string> = {};
  const email: Record<string, string> = {};
  let unitId: string;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    // Monday 2 November 2026, 09:00 in Jakarta.
    clock = new FixedClock(at('2026-11-02T02:00:00Z'));
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '200' };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    const factories = new Factories(api);
    const idOf = async (table: string, code: string): Promise<string> =>
      (await api.dataSource.query(`SELECT id FROM ${table} WHERE code = $1`, [code]))[0].id;
    unitId = await idOf('task_force_unit', 'GTPP-NAS');
    for (const code of [...AGENCIES, 'KH-GDI', 'IOM', 'POLDA-NTT']) agencyId[code] = await idOf('agency', code);
    const user = async (name: string, roles: Role[], code: string) => {
      const created = await factories.user(roles, { agencyId: agencyId[code], locale: Locale.EN });
      email[name] = created.email;
      token[name] = await api.login(created.email, TEST_PASSWORD);
    };
    await user('secretariat', [Role.SECRETARIAT], 'POLRI');
    await user('kemlu', [Role.LIAISON], 'KEMLU');
    await user('kemluSupervisor', [Role.SUPERVISOR], 'KEMLU');
    await user('imigrasi', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await user('bp2mi', [Role.LIAISON], 'BP2MI');
    await user('kemensos', [Role.LIAISON], 'KEMENSOS');
    await user('counterpart', [Role.COUNTERPART], 'KH-GDI');
    await user('iom', [Role.PARTNER], 'IOM');
    await user('nonMember', [Role.LIAISON], 'POLDA-NTT');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  const gql = <T = Record<string, unknown>>(who: string, query: string, variables: Record<string, unknown> = {}) =>
    api.gql<T>(query, variables, token[who]);
  const ok = async <T = Record<string, unknown>>(
    who: string,
    query: string,
    variables: Record<string, unknown> = {},
  ) => {
    const result = await gql<T>(who, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  let meetingId: string;
  let nextMeetingId: string;
  const item: Record<string, { id: string; taskId: string; reference: string }> = {};

  it('holds the meeting with six agencies and records who came', async () => {
    const scheduled = await ok<{ scheduleMeeting: { id: string; attendance: unknown[] } }>(
      'secretariat',
      `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id attendance { agency { code } } } }`,
      {
        input: {
          unitId,
          type: 'COORDINATION',
          title: 'Rapat Koordinasi Nasional GTPP-TPPO',
          date: '2026-11-04',
          startTime: '09:00',
          endTime: '12:00',
          place: 'Mabes Polri, Jakarta',
          online: true,
          agenda: ['Repatriation of the Poipet group', 'Pre-departure orientation in the provinces'],
          invitedAgencyIds: AGENCIES.slice(1).map((code) => agencyId[code]),
          costIdr: 35000000,
          fundingSource: 'APBN',
        },
      },
    );
    meetingId = scheduled.scheduleMeeting.id;
    expect(scheduled.scheduleMeeting.attendance).toEqual(AGENCIES.map((code) => ({ agency: { code } })));

    // The next meeting is on the calendar already: Wednesday 11 November.
    nextMeetingId = (
      await ok<{ scheduleMeeting: { id: string } }>(
        'secretariat',
        `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
        {
          input: {
            unitId,
            type: 'COORDINATION',
            title: 'Rapat Koordinasi Nasional GTPP-TPPO (lanjutan)',
            date: '2026-11-11',
            startTime: '09:00',
            online: true,
            invitedAgencyIds: AGENCIES.slice(1).map((code) => agencyId[code]),
          },
        },
      )
    ).scheduleMeeting.id;

    await timePasses(clock, worker, at('2026-11-04T05:00:00Z'));
    const entry = (code: string, status: string) => ({ agencyId: agencyId[code], status });
    const recorded = await ok<{ recordAttendance: { attendance: { agency: { code: string }; status: string }[] } }>(
      'secretariat',
      `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { attendance { agency { code } status } } }`,
      {
        input: {
          meetingId,
          entries: [
            entry('POLRI', 'PRESENT'),
            entry('KEMLU', 'PRESENT'),
            entry('DITJEN-IMIGRASI', 'PRESENT'),
            entry('BP2MI', 'REPRESENTED'),
            entry('KEMENSOS', 'ABSENT_WITH_NOTICE'),
          ],
        },
      },
    );
    expect(recorded.recordAttendance.attendance.map((row) => [row.agency.code, row.status])).toEqual([
      ['POLRI', 'PRESENT'],
      ['KEMLU', 'PRESENT'],
      ['DITJEN-IMIGRASI', 'PRESENT'],
      ['BP2MI', 'REPRESENTED'],
      ['KEMENSOS', 'ABSENT_WITH_NOTICE'],
      ['KEMENPPPA', 'INVITED'],
    ]);
  });

  it('records three decisions whose action items become tasks on the owners’ queues, and tells the owners', async () => {
    const decide = async (key: string, text: string, pillar: string, owner: string, title: string, days: number) => {
      const result = await ok<{
        recordDecision: { actionItems: { id: string; taskId: string; reference: string; dueAt: string }[] };
      }>(
        'secretariat',
        `mutation ($input: RecordDecisionInput!) { recordDecision(input: $input) {
           actionItems { id taskId reference dueAt } } }`,
        {
          input: {
            meetingId,
            text,
            pillar,
            actionItems: [{ ownerAgencyId: agencyId[owner], title, due: { workingDays: days } }],
          },
        },
      );
      item[key] = result.recordDecision.actionItems[0];
    };
    await decide(
      'kemlu',
      'Consular lists of the returnees are shared',
      'PROTECTION',
      'KEMLU',
      'Share the consular list',
      2,
    );
    await decide(
      'imigrasi',
      'Travel documents are verified before departure',
      'PROTECTION',
      'DITJEN-IMIGRASI',
      'Verify travel documents',
      5,
    );
    await decide(
      'bp2mi',
      'Pre-departure instructors are briefed',
      'PREVENTION',
      'BP2MI',
      'Brief the OPP instructors',
      10,
    );
    await worker.drain();

    const queue = await ok<{ myWorkQueue: { edges: { node: { reference: string; dueAt: string } }[] } }>(
      'kemlu',
      '{ myWorkQueue { edges { node { reference dueAt } } } }',
    );
    // Wednesday 12:00 + 2 working days in Kemlu's calendar: Friday 6 November, 12:00 in Jakarta.
    expect(queue.myWorkQueue.edges.map((edge) => edge.node)).toEqual([
      { reference: item.kemlu.reference, dueAt: '2026-11-06T05:00:00.000Z' },
    ]);
    const assigned = sink.to(email.kemlu).filter((mail) => mail.subject.includes(item.kemlu.reference));
    expect(assigned.map((mail) => mail.subject)).toEqual([
      `[Simpul] New task for your agency: ${item.kemlu.reference}`,
    ]);
  });

  it('lets the one Kemlu owes go overdue and escalate, while Imigrasi completes its own on time', async () => {
    for (const step of ['acknowledgeTask', 'startTask', 'completeTask']) {
      await ok('imigrasi', `mutation ($id: ID!) { ${step}(input: { id: $id }) { status } }`, {
        id: item.imigrasi.taskId,
      });
    }
    // Thursday 5 November, 12:00 in Jakarta: the 24-hour reminder, on time (a reminder that comes due only after
    // its deadline is skipped as stale); Friday 6 November: the deadline; then Tuesday 10 November: two working days later.
    await timePasses(clock, worker, at('2026-11-05T05:00:00Z'));
    await timePasses(clock, worker, at('2026-11-06T05:00:00Z'));
    await timePasses(clock, worker, at('2026-11-10T05:00:00Z'));
    const escalations = (name: string) =>
      sink
        .to(email[name])
        .filter((mail) => mail.subject === `[Simpul] Escalation: ${item.kemlu.reference} is past its deadline`);
    expect(escalations('kemlu')).toHaveLength(1);
    expect(escalations('kemluSupervisor')).toHaveLength(1);
    const history = await ok<{
      task: { overdue: boolean; history: { kind: string; details: { rung?: string } }[] };
    }>('kemlu', 'query ($id: ID!) { task(id: $id) { overdue history { kind details } } }', { id: item.kemlu.taskId });
    expect(history.task.overdue).toBe(true);
    // Created two days before its deadline, the item missed the 48-hour reminder; every later rung fired once.
    expect(
      history.task.history.filter((entry) => entry.kind === 'ESCALATED').map((entry) => entry.details.rung),
    ).toEqual(['reminder-24h', 'due', 'supervisor']);
    // Imigrasi's task was done: no reminder or escalation ever reached it.
    expect(sink.to(email.imigrasi).filter((mail) => /Reminder|Escalation/.test(mail.subject))).toEqual([]);
  });

  it('starts the next meeting with the open items of the earlier one, and closes one there with its outcome', async () => {
    await timePasses(clock, worker, at('2026-11-11T03:00:00Z'));
    const next = await ok<{
      meeting: {
        held: boolean;
        carriedOverActionItems: {
          reference: string;
          status: string;
          overdue: boolean;
          ownerAgency: { code: string };
        }[];
      };
    }>(
      'kemensos',
      'query ($id: ID!) { meeting(id: $id) { held carriedOverActionItems { reference status overdue ownerAgency { code } } } }',
      { id: nextMeetingId },
    );
    expect(next.meeting.held).toBe(true);
    expect(next.meeting.carriedOverActionItems).toEqual([
      { reference: item.kemlu.reference, status: 'OPEN', overdue: true, ownerAgency: { code: 'KEMLU' } },
      { reference: item.imigrasi.reference, status: 'DONE', overdue: false, ownerAgency: { code: 'DITJEN-IMIGRASI' } },
      { reference: item.bp2mi.reference, status: 'OPEN', overdue: false, ownerAgency: { code: 'BP2MI' } },
    ]);
    const closed = await ok<{ closeActionItem: { status: string; outcome: string; taskStatus: string } }>(
      'secretariat',
      `mutation ($input: CloseActionItemInput!) { closeActionItem(input: $input) { status outcome taskStatus } }`,
      {
        input: {
          id: item.imigrasi.id,
          outcome: 'ACHIEVED',
          note: 'All 28 travel documents verified.',
          meetingId: nextMeetingId,
        },
      },
    );
    expect(closed.closeActionItem).toEqual({ status: 'CLOSED', outcome: 'ACHIEVED', taskStatus: 'DONE' });
    const open = await ok<{
      openActionItems: { byAgency: { agency: { code: string }; open: number; overdue: number }[] };
    }>(
      'secretariat',
      'query ($unitId: ID) { openActionItems(filter: { unitId: $unitId }) { byAgency { agency { code } open overdue } } }',
      { unitId },
    );
    expect(open.openActionItems.byAgency).toEqual([
      { agency: { code: 'KEMLU' }, open: 1, overdue: 1 },
      { agency: { code: 'BP2MI' }, open: 1, overdue: 0 },
    ]);
  });

  it('counts the month: meetings held, attendance per agency, and action items on time and late, adding up', async () => {
    const figures = await ok<{
      meetingFigures: {
        meetingsHeld: IndicatorView;
        invitations: IndicatorView;
        actionItemsDue: IndicatorView;
        attendanceByAgency: {
          agency: { code: string };
          invited: number;
          present: number;
          represented: number;
          absentWithNotice: number;
          absent: number;
          notRecorded: number;
          attendanceRate: number | null;
        }[];
        actionItemsByAgency: {
          agency: { code: string };
          due: number;
          onTime: number;
          late: number;
          notYetDue: number;
          withdrawn: number;
          onTimeRate: number | null;
        }[];
      };
    }>(
      'secretariat',
      `query ($unitId: ID) { meetingFigures(from: "2026-11-01", to: "2026-11-30", unitId: $unitId) {
         meetingsHeld { ${INDICATOR} } invitations { ${INDICATOR} } actionItemsDue { ${INDICATOR} }
         attendanceByAgency { agency { code } invited present represented absentWithNotice absent notRecorded attendanceRate }
         actionItemsByAgency { agency { code } due onTime late notYetDue withdrawn onTimeRate } } }`,
      { unitId },
    );
    const { meetingsHeld, invitations, actionItemsDue, attendanceByAgency, actionItemsByAgency } =
      figures.meetingFigures;
    for (const indicator of [meetingsHeld, invitations, actionItemsDue]) expectBreakdownsAddUp(indicator);
    expect(meetingsHeld.total).toBe(2);
    expect(invitations.total).toBe(12);
    expect(shares(invitations, 'ATTENDANCE')).toEqual({
      PRESENT: 3,
      REPRESENTED: 1,
      ABSENT_WITH_NOTICE: 1,
      NOT_RECORDED: 7,
    });
    const kemlu = attendanceByAgency.find((row) => row.agency.code === 'KEMLU')!;
    expect(kemlu).toEqual({
      agency: { code: 'KEMLU' },
      invited: 2,
      present: 1,
      represented: 0,
      absentWithNotice: 0,
      absent: 0,
      notRecorded: 1,
      attendanceRate: 1,
    });
    expect(attendanceByAgency.find((row) => row.agency.code === 'KEMENSOS')!.attendanceRate).toBe(0);
    expect(attendanceByAgency.find((row) => row.agency.code === 'KEMENPPPA')!.attendanceRate).toBeNull();
    for (const row of attendanceByAgency) {
      expect(row.present + row.represented + row.absentWithNotice + row.absent + row.notRecorded).toBe(row.invited);
    }
    expect(actionItemsDue.total).toBe(3);
    expect(shares(actionItemsDue, 'TIMELINESS')).toEqual({ ON_TIME: 1, LATE: 1, NOT_YET_DUE: 1 });
    expect(actionItemsByAgency).toEqual([
      { agency: { code: 'KEMLU' }, due: 1, onTime: 0, late: 1, notYetDue: 0, withdrawn: 0, onTimeRate: 0 },
      { agency: { code: 'BP2MI' }, due: 1, onTime: 0, late: 0, notYetDue: 1, withdrawn: 0, onTimeRate: null },
      { agency: { code: 'DITJEN-IMIGRASI' }, due: 1, onTime: 1, late: 0, notYetDue: 0, withdrawn: 0, onTimeRate: 1 },
    ]);
  });

  it('counts a year of activities by pillar, duty, region, target group and year: the duty chapters add up', async () => {
    const activity = (who: string, input: Record<string, unknown>) =>
      ok(who, 'mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }', {
        input: { fundingSource: 'APBN', ...input },
      });
    await activity('bp2mi', {
      title: 'Training of trainers on the revised OPP module',
      type: 'TRAINING_OF_TRAINERS',
      pillar: 'PREVENTION',
      startsOn: '2025-03-10',
      endsOn: '2025-03-13',
      regionCode: '32',
      targetGroup: 'TRAINERS',
      participants: { total: 160, bySex: { female: 70, male: 90 } },
      costIdr: 400000000,
    });
    await activity('kemlu', {
      title: 'Safe migration talk show for World Day against Trafficking in Persons',
      type: 'TALK_SHOW',
      pillar: 'PREVENTION',
      startsOn: '2025-07-30',
      online: true,
      targetGroup: 'GENERAL_PUBLIC',
      participants: { total: 1200 },
    });
    await activity('imigrasi', {
      title: 'Training of immigration officers at Entikong on spotting trafficking',
      type: 'TRAINING',
      pillar: 'PROSECUTION',
      duty: 'LEGAL_DEVELOPMENT',
      startsOn: '2025-09-02',
      regionCode: '61.07',
      targetGroup: 'FRONTLINE_OFFICERS',
      participants: { total: 35, bySex: { female: 9, male: 26 }, byAgeBand: { from25To59: 35 } },
      costIdr: 60000000,
      fundingSource: 'DONOR',
      fundingNote: 'INL',
    });
    const figures = await ok<{
      activityFigures: { activities: IndicatorView; participants: IndicatorView; spending: IndicatorView };
    }>(
      'secretariat',
      `{ activityFigures(from: "2025-01-01", to: "2025-12-31") {
         activities { ${INDICATOR} } participants { ${INDICATOR} } spending { ${INDICATOR} } } }`,
    );
    const { activities, participants, spending } = figures.activityFigures;
    for (const indicator of [activities, participants, spending]) expectBreakdownsAddUp(indicator);
    expect([activities.total, participants.total, spending.total]).toEqual([3, 1395, 460000000]);
    // The annual report's chapters by duty: duty 2 (training, socialisation and cooperation) and duty 4.
    expect(shares(participants, 'DUTY')).toEqual({ TRAINING_AND_COOPERATION: 1360, LEGAL_DEVELOPMENT: 35 });
    expect(shares(activities, 'DUTY')).toEqual({ TRAINING_AND_COOPERATION: 2, LEGAL_DEVELOPMENT: 1 });
    expect(shares(participants, 'PILLAR')).toEqual({ PREVENTION: 1360, PROSECUTION: 35 });
    expect(shares(participants, 'REGION')).toEqual({ 32: 160, 61: 35, NATIONAL: 1200 });
    expect(shares(participants, 'TARGET_GROUP')).toEqual({
      TRAINERS: 160,
      GENERAL_PUBLIC: 1200,
      FRONTLINE_OFFICERS: 35,
    });
    expect(shares(participants, 'YEAR')).toEqual({ 2025: 1395 });
    expect(shares(spending, 'LEVEL')).toEqual({ PROVINCE: 400000000, REGENCY_CITY: 60000000 });
  });

  it('shows the meeting to members only: not to a non-member, a counterpart, or a partner it did not invite', async () => {
    const see = (who: string) =>
      gql<{ meeting: { id: string } | null }>(who, 'query ($id: ID!) { meeting(id: $id) { id } }', { id: meetingId });
    expect((await see('kemensos')).data!.meeting).toEqual({ id: meetingId });
    for (const who of ['nonMember', 'counterpart', 'iom'])
      expect([who, firstErrorCode(await see(who))]).toEqual([who, 'NOT_FOUND']);
    const items = (who: string) =>
      gql<{ openActionItems: { totalCount: number } }>(who, '{ openActionItems { totalCount } }');
    expect((await items('counterpart')).data!.openActionItems.totalCount).toBe(0);
    expect((await items('iom')).data!.openActionItems.totalCount).toBe(0);
    expect((await items('nonMember')).data!.openActionItems.totalCount).toBe(0);
    expect(
      firstErrorCode(
        await gql('counterpart', '{ meetingFigures(from: "2026-11-01", to: "2026-11-30") { invitations { total } } }'),
      ),
    ).toBe('FORBIDDEN');
  });
});
