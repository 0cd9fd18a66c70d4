import { randomUUID } from 'node:crypto';

import { Actor } from '@app/auth/actor';
import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { ActionItemOutcome, MeetingType } from '@app/modules/meetings/meeting.enums';
import { MeetingsService } from '@app/modules/meetings/meetings.service';
import { MembershipRole } from '@app/modules/task-forces/task-force.enums';
import { CoordinationFactories } from '@libs/testing/coordination-factories';
import { actorOf, Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { firstErrorCode, GraphqlResponse, TestApp } from '@libs/testing/test-app';

const at = (iso: string) => new Date(iso);
/** Monday 2 November 2026, 09:00 in Jakarta. */
const MONDAY = at('2026-11-02T02:00:00Z');
/** After the meeting of Wednesday 4 November, 09:00 in Jakarta. */
const AFTER_MEETING = at('2026-11-04T05:00:00Z');

const MEETING_FIELDS = `id reference type held localDate localStartTime timeZone version
  organiserAgency { id } attendance { agency { id } status people { name position } }
  decisions { id number reference actionItems { id reference ownerAgency { id } status taskStatus overdue dueAt } }`;

type Who =
  | 'secretariat'
  | 'organiser'
  | 'member'
  | 'memberSupervisor'
  | 'outsider'
  | 'partner'
  | 'otherPartner'
  | 'counterpart'
  | 'otherCounterpart';

describe('coordination meetings: scheduling, attendance, decisions and action items', () => {
  let api: TestApp;
  let clock: FixedClock;
  let factories: Factories;
  let coordination: CoordinationFactories;
  const agency: Record<string, string> = {};
  const token: Partial<Record<Who, string>> = {};
  const actor: Partial<Record<Who, Actor>> = {};
  let unitId: string;

  beforeAll(async () => {
    clock = new FixedClock(MONDAY);
    api = await TestApp.start({}, { clock });
    factories = new Factories(api);
    coordination = new CoordinationFactories(factories);
    const unit = await factories.unit();
    unitId = unit.id;
    const make = async (name: string, role: MembershipRole | null, overrides = {}) => {
      agency[name] = (await factories.agency(overrides)).id;
      if (role) await factories.membership({ unitId, agencyId: agency[name], role });
    };
    await make('secretariat', MembershipRole.SECRETARIAT);
    await make('organiser', MembershipRole.MEMBER);
    await make('member', MembershipRole.MEMBER);
    await make('other', MembershipRole.MEMBER);
    await make('outsider', null);
    await make('partner', MembershipRole.PARTNER, { type: AgencyType.INTERNATIONAL_ORGANISATION });
    await make('otherPartner', MembershipRole.PARTNER, { type: AgencyType.NGO });
    await make('counterpart', null, {
      type: AgencyType.FOREIGN_COUNTERPART,
      country: 'KH',
      timeZone: 'Asia/Phnom_Penh',
    });
    await make('otherCounterpart', null, {
      type: AgencyType.FOREIGN_COUNTERPART,
      country: 'KH',
      timeZone: 'Asia/Phnom_Penh',
    });
    const user = async (who: Who, roles: Role[], agencyName: string) => {
      const created = await factories.user(roles, { agencyId: agency[agencyName] });
      actor[who] = actorOf(created);
      token[who] = await api.login(created.email, TEST_PASSWORD);
    };
    await user('secretariat', [Role.SECRETARIAT], 'secretariat');
    await user('organiser', [Role.LIAISON], 'organiser');
    await user('member', [Role.LIAISON], 'member');
    await user('memberSupervisor', [Role.SUPERVISOR], 'member');
    await user('outsider', [Role.LIAISON], 'outsider');
    await user('partner', [Role.PARTNER], 'partner');
    await user('otherPartner', [Role.PARTNER], 'otherPartner');
    await user('counterpart', [Role.COUNTERPART], 'counterpart');
    await user('otherCounterpart', [Role.COUNTERPART], 'otherCounterpart');
  });

  afterAll(() => api?.stop());

  beforeEach(() => clock.set(MONDAY));

  const gql = <T = Record<string, unknown>>(who: Who, query: string, variables: Record<string, unknown> = {}) =>
    api.gql<T>(query, variables, token[who]);

  const schedule = (who: Who, input: Record<string, unknown>) =>
    gql<{ scheduleMeeting: { id: string; reference: string } }>(
      who,
      `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`,
      {
        input: {
          unitId,
          type: 'COORDINATION',
          title: 'Rapat koordinasi triwulan IV',
          date: '2026-11-04',
          startTime: '09:00',
          place: 'Jakarta',
          invitedAgencyIds: [agency.member, agency.other, agency.partner],
          ...input,
        },
      },
    );

  const recordDecision = (who: Who, input: Record<string, unknown>) =>
    gql<{ recordDecision: { id: string; number: number; actionItems: { id: string; ownerAgency: { id: string } }[] } }>(
      who,
      `mutation ($input: RecordDecisionInput!) { recordDecision(input: $input) {
         id number reference actionItems { id reference ownerAgency { id } dueAt status } } }`,
      { input },
    );

  const meetingAs = (who: Who, id: string) =>
    gql<{ meeting: Record<string, unknown> | null }>(
      who,
      `query ($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`,
      {
        id,
      },
    );

  const count = async (table: string, where = 'TRUE', params: unknown[] = []): Promise<number> =>
    Number((await api.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);

  const expectBadInput = (result: GraphqlResponse<unknown>, field: string, words: RegExp) => {
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toMatch(words);
  };

  describe('scheduling', () => {
    it('reads the date and time in the unit’s zone and lists the organiser first, then the invited agencies', async () => {
      const result = await schedule('organiser', {});
      expect(result.errors).toBeUndefined();
      const meeting = result.data!.scheduleMeeting as unknown as Record<string, unknown>;
      expect(meeting).toMatchObject({
        type: 'COORDINATION',
        held: false,
        localDate: '2026-11-04',
        localStartTime: '09:00',
        timeZone: 'Asia/Jakarta',
        organiserAgency: { id: agency.organiser },
        decisions: [],
      });
      expect(meeting.reference).toMatch(/^MTG-\d{6}$/);
      expect(meeting.attendance).toEqual(
        [agency.organiser, agency.member, agency.other, agency.partner].map((id) => ({
          agency: { id },
          status: 'INVITED',
          people: [],
        })),
      );
      const [row] = await api.dataSource.query('SELECT starts_at FROM meeting WHERE id = $1', [meeting.id]);
      expect(row.starts_at).toEqual(at('2026-11-04T02:00:00Z'));
    });

    it('holds a bilateral meeting in the counterpart’s zone when one is given', async () => {
      const result = await schedule('organiser', {
        type: 'BILATERAL',
        timeZone: 'Asia/Phnom_Penh',
        place: 'Phnom Penh',
        invitedAgencyIds: [agency.counterpart],
      });
      expect(result.errors).toBeUndefined();
      const id = result.data!.scheduleMeeting.id;
      const [row] = await api.dataSource.query('SELECT starts_at, time_zone FROM meeting WHERE id = $1', [id]);
      expect(row).toEqual({ starts_at: at('2026-11-04T02:00:00Z'), time_zone: 'Asia/Phnom_Penh' });
    });

    it('refuses bad input with an error naming the field, and writes nothing', async () => {
      const before = [await count('meeting'), await count('meeting_attendance'), await count('audit_entry')];
      expectBadInput(await schedule('organiser', { endTime: '08:30' }), 'endTime', /not after the start time 09:00/);
      expectBadInput(await schedule('organiser', { place: undefined }), 'place', /online/);
      expectBadInput(
        await schedule('organiser', { invitedAgencyIds: [agency.member, agency.counterpart] }),
        'invitedAgencyIds.1',
        /foreign counterpart/,
      );
      expectBadInput(
        await schedule('organiser', { type: 'BILATERAL', invitedAgencyIds: [agency.member] }),
        'invitedAgencyIds',
        /invite at least one/,
      );
      expectBadInput(
        await schedule('organiser', { invitedAgencyIds: [randomUUID()] }),
        'invitedAgencyIds.0',
        /not found/,
      );
      expectBadInput(await schedule('organiser', { startTime: '9:00' }), 'startTime', /HH:mm/);
      const notMember = await schedule('outsider', {});
      expect(notMember.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'unitId' });
      expect(firstErrorCode(await schedule('partner', {}))).toBe('FORBIDDEN');
      expect([await count('meeting'), await count('meeting_attendance'), await count('audit_entry')]).toEqual(before);
    });
  });

  describe('attendance', () => {
    const record = (who: Who, meetingId: string, entries: Record<string, unknown>[]) =>
      gql<{ recordAttendance: { attendance: { agency: { id: string }; status: string }[] } }>(
        who,
        `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) {
           attendance { agency { id } status people { name position } } } }`,
        { input: { meetingId, entries } },
      );

    it('records who came and who sent notice, and adds a member of the unit who came uninvited', async () => {
      const meeting = await coordination.meeting(actor.organiser!, { unitId, invitedAgencyIds: [agency.member] });
      const early = await record('organiser', meeting.id, [{ agencyId: agency.member, status: 'ABSENT_WITH_NOTICE' }]);
      expect(early.errors).toBeUndefined();
      clock.set(AFTER_MEETING);
      const result = await record('organiser', meeting.id, [
        { agencyId: agency.organiser, status: 'PRESENT', people: [{ name: 'Budi Santoso', position: 'Kasubdit' }] },
        { agencyId: agency.other, status: 'REPRESENTED', people: [{ name: 'Sari Dewi' }] },
      ]);
      expect(result.errors).toBeUndefined();
      expect(result.data!.recordAttendance.attendance).toEqual([
        {
          agency: { id: agency.organiser },
          status: 'PRESENT',
          people: [{ name: 'Budi Santoso', position: 'Kasubdit' }],
        },
        { agency: { id: agency.member }, status: 'ABSENT_WITH_NOTICE', people: [] },
        { agency: { id: agency.other }, status: 'REPRESENTED', people: [{ name: 'Sari Dewi', position: null }] },
      ]);
    });

    it('refuses an agency that is neither invited nor a member, and who came before the meeting starts', async () => {
      const meeting = await coordination.meeting(actor.organiser!, { unitId, invitedAgencyIds: [agency.member] });
      const before = await api.dataSource.query(
        'SELECT agency_id, status FROM meeting_attendance WHERE meeting_id = $1',
        [meeting.id],
      );
      expectBadInput(
        await record('organiser', meeting.id, [{ agencyId: agency.member, status: 'PRESENT' }]),
        'entries.0.status',
        /starts on 2026-11-04 at 09:00/,
      );
      clock.set(AFTER_MEETING);
      expectBadInput(
        await record('organiser', meeting.id, [
          { agencyId: agency.member, status: 'PRESENT' },
          { agencyId: agency.outsider, status: 'PRESENT' },
        ]),
        'entries.1.agencyId',
        /neither on the attendance list .* nor a member of its unit/,
      );
      expectBadInput(
        await record('organiser', meeting.id, [{ agencyId: agency.member, status: 'INVITED' }]),
        'entries.0.status',
        /INVITED is how every agency starts/,
      );
      expect(
        await api.dataSource.query('SELECT agency_id, status FROM meeting_attendance WHERE meeting_id = $1', [
          meeting.id,
        ]),
      ).toEqual(before);
    });

    it('is recorded by the organiser or the unit’s secretariat, not by another member', async () => {
      const meeting = await coordination.meeting(actor.organiser!, { unitId, invitedAgencyIds: [agency.member] });
      clock.set(AFTER_MEETING);
      const entry = [{ agencyId: agency.member, status: 'PRESENT' }];
      expect(firstErrorCode(await record('member', meeting.id, entry))).toBe('FORBIDDEN');
      expect((await record('secretariat', meeting.id, entry)).errors).toBeUndefined();
    });
  });

  describe('decisions and action items', () => {
    it('refuses a decision on a meeting not yet held, naming the meeting, and writes nothing', async () => {
      const meeting = await coordination.meeting(actor.organiser!, { unitId, invitedAgencyIds: [agency.member] });
      const tasks = await count('task');
      const result = await recordDecision('organiser', {
        meetingId: meeting.id,
        text: 'Share the lists',
        pillar: 'PROTECTION',
        actionItems: [{ ownerAgencyId: agency.member, title: 'Share the lists', due: { workingDays: 5 } }],
      });
      expectBadInput(result, 'meetingId', /has not been held yet \(it starts on 2026-11-04 at 09:00, Asia\/Jakarta\)/);
      expect([await count('meeting_decision', 'meeting_id = $1', [meeting.id]), await count('task')]).toEqual([
        0,
        tasks,
      ]);
    });

    it('refuses an action item without an owner or with a past due date, and writes neither decision nor task', async () => {
      const meeting = await coordination.meeting(actor.organiser!, { unitId, invitedAgencyIds: [agency.member] });
      clock.set(AFTER_MEETING);
      const tasks = await count('task');
      const valid = { ownerAgencyId: agency.member, title: 'Share the lists', due: { workingDays: 5 } };
      const noOwner = await recordDecision('organiser', {
        meetingId: meeting.id,
        text: 'Share the lists',
        pillar: 'PROTECTION',
        actionItems: [valid, { title: 'Nobody owns this', due: { workingDays: 5 } }],
      });
      expect(firstErrorCode(noOwner)).toBe('BAD_USER_INPUT');
      expect(noOwner.errors?.[0]?.message).toMatch(/ownerAgencyId/);
      expectBadInput(
        await recordDecision('organiser', {
          meetingId: meeting.id,
          text: 'Share the lists',
          pillar: 'PROTECTION',
          actionItems: [valid, { ...valid, due: { at: '2026-11-03T10:00:00Z' } }],
        }),
        'actionItems.1.due.at',
        /is in the past/,
      );
      expectBadInput(
        await recordDecision('organiser', {
          meetingId: meeting.id,
          text: 'Ask IOM for the module',
          pillar: 'PREVENTION',
          actionItems: [valid, { ...valid, ownerAgencyId: agency.partner }],
        }),
        'actionItems.1.ownerAgencyId',
        /partner organisation/,
      );
      expectBadInput(
        await recordDecision('organiser', {
          meetingId: meeting.id,
          text: 'Share the lists',
          pillar: 'PROTECTION',
          actionItems: [{ ...valid, assigneeUserId: actor.outsider!.userId }],
        }),
        'actionItems.0.assigneeUserId',
        /active user of the assignee agency/,
      );
      expect([await count('meeting_decision', 'meeting_id = $1', [meeting.id]), await count('task')]).toEqual([
        0,
        tasks,
      ]);
    });

    it('numbers the decisions and turns each action item into a task of its owner, due in the owner’s calendar', async () => {
      const meeting = await coordination.meeting(actor.organiser!, { unitId, invitedAgencyIds: [agency.member] });
      clock.set(AFTER_MEETING);
      const first = await recordDecision('organiser', {
        meetingId: meeting.id,
        text: 'Noted the report',
        pillar: 'PARTNERSHIP',
      });
      const second = await recordDecision('organiser', {
        meetingId: meeting.id,
        text: 'Member agencies share their returnee lists',
        pillar: 'PROTECTION',
        duty: 'VICTIM_MONITORING',
        actionItems: [
          { ownerAgencyId: agency.member, title: 'Send the returnee list', due: { workingDays: 5 } },
          { ownerAgencyId: agency.organiser, title: 'Compile the lists', due: { at: '2026-11-20T09:00:00Z' } },
        ],
      });
      expect([first.errors, second.errors]).toEqual([undefined, undefined]);
      expect([first.data!.recordDecision.number, second.data!.recordDecision.number]).toEqual([1, 2]);
      const items = second.data!.recordDecision.actionItems;
      expect(items.map((item) => item.ownerAgency.id)).toEqual([agency.member, agency.organiser]);
      // Wednesday 12:00 + 5 working days in Jakarta: Wednesday 11 November, 12:00 (WIB).
      const tasks = await api.dataSource.query(
        `SELECT assignee_agency_id, assigning_agency_id, due_at, status, pillar, duty, meeting_decision_id
           FROM task WHERE meeting_decision_id = $1 ORDER BY number`,
        [second.data!.recordDecision.id],
      );
      expect(tasks).toEqual([
        {
          assignee_agency_id: agency.member,
          assigning_agency_id: agency.organiser,
          due_at: at('2026-11-11T05:00:00Z'),
          status: 'OPEN',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          meeting_decision_id: second.data!.recordDecision.id,
        },
        expect.objectContaining({ assignee_agency_id: agency.organiser, due_at: at('2026-11-20T09:00:00Z') }),
      ]);
      const queue = await gql<{ myWorkQueue: { edges: { node: { title: string; meetingDecisionId: string } }[] } }>(
        'member',
        '{ myWorkQueue(first: 100) { edges { node { title meetingDecisionId } } } }',
      );
      expect(queue.data!.myWorkQueue.edges.map((edge) => edge.node)).toContainEqual({
        title: 'Send the returnee list',
        meetingDecisionId: second.data!.recordDecision.id,
      });
    });

    it('is closed by the meeting with its outcome: the task leaves the owner’s queue, and closing twice is refused', async () => {
      const meeting = await coordination.meeting(actor.organiser!, { unitId, invitedAgencyIds: [agency.member] });
      clock.set(AFTER_MEETING);
      const decision = await coordination.decision(actor.organiser!, {
        meetingId: meeting.id,
        actionItems: [{ ownerAgencyId: agency.member, title: 'Send the returnee list', due: { workingDays: 5 } }],
      });
      const [item] = await api.dataSource.query('SELECT i.id, i.task_id FROM action_item i WHERE i.decision_id = $1', [
        decision.id,
      ]);
      const close = (who: Who, input: Record<string, unknown>) =>
        gql<{ closeActionItem: Record<string, unknown> }>(
          who,
          `mutation ($input: CloseActionItemInput!) { closeActionItem(input: $input) {
             status taskStatus outcome outcomeNote closedAt closedInMeeting { id } } }`,
          { input: { id: item.id, outcome: 'ACHIEVED', note: 'The list was shared on 6 November.', ...input } },
        );
      expect(firstErrorCode(await close('member', {}))).toBe('FORBIDDEN');
      expect(firstErrorCode(await close('outsider', {}))).toBe('NOT_FOUND');
      const later = await coordination.meeting(actor.organiser!, {
        unitId,
        invitedAgencyIds: [agency.member],
        date: '2026-11-06',
      });
      expectBadInput(await close('organiser', { meetingId: later.id }), 'meetingId', /has not been held yet/);
      clock.set(at('2026-11-06T05:00:00Z'));
      const closed = await close('organiser', { meetingId: later.id });
      expect(closed.errors).toBeUndefined();
      expect(closed.data!.closeActionItem).toEqual({
        status: 'CLOSED',
        taskStatus: 'CANCELLED',
        outcome: 'ACHIEVED',
        outcomeNote: 'The list was shared on 6 November.',
        closedAt: '2026-11-06T05:00:00.000Z',
        closedInMeeting: { id: later.id },
      });
      const [history] = await api.dataSource.query(
        `SELECT action, reason FROM work_item_event WHERE item_id = $1 AND kind = 'TRANSITION'`,
        [item.task_id],
      );
      expect(history).toEqual({
        action: 'CANCEL',
        reason: expect.stringMatching(/^Action item closed by MTG-\d{6} as ACHIEVED: The list was shared/),
      });
      expect(firstErrorCode(await close('organiser', {}))).toBe('CONFLICT');
    });

    it('leaves a task the owner completed as done when the meeting closes it', async () => {
      const meeting = await coordination.meeting(actor.organiser!, { unitId, invitedAgencyIds: [agency.member] });
      clock.set(AFTER_MEETING);
      const decision = await coordination.decision(actor.organiser!, {
        meetingId: meeting.id,
        actionItems: [{ ownerAgencyId: agency.member, title: 'Send the list', due: { workingDays: 5 } }],
      });
      const [item] = await api.dataSource.query('SELECT id, task_id FROM action_item WHERE decision_id = $1', [
        decision.id,
      ]);
      for (const step of ['acknowledgeTask', 'startTask', 'completeTask']) {
        const done = await gql('member', `mutation ($id: ID!) { ${step}(input: { id: $id }) { status } }`, {
          id: item.task_id,
        });
        expect(done.errors).toBeUndefined();
      }
      const closed = await gql<{ closeActionItem: { status: string; taskStatus: string; completedAt: string } }>(
        'secretariat',
        `mutation ($id: ID!) { closeActionItem(input: { id: $id, outcome: ACHIEVED, note: "Shared." }) {
           status taskStatus completedAt } }`,
        { id: item.id },
      );
      expect(closed.data!.closeActionItem).toEqual({
        status: 'CLOSED',
        taskStatus: 'DONE',
        completedAt: AFTER_MEETING.toISOString(),
      });
    });
  });

  describe('the next meeting', () => {
    it('starts with the action items of earlier meetings still open when it began, as they stand now', async () => {
      const unit = await factories.unit();
      for (const name of ['organiser', 'member']) {
        await factories.membership({ unitId: unit.id, agencyId: agency[name] });
      }
      const first = await coordination.meeting(actor.organiser!, {
        unitId: unit.id,
        invitedAgencyIds: [agency.member],
      });
      clock.set(AFTER_MEETING);
      const decision = await coordination.decision(actor.organiser!, {
        meetingId: first.id,
        actionItems: [
          { ownerAgencyId: agency.member, title: 'Send the list', due: { workingDays: 1 } },
          { ownerAgencyId: agency.member, title: 'Name a focal point', due: { workingDays: 10 } },
          { ownerAgencyId: agency.organiser, title: 'Draft the SOP', due: { workingDays: 10 } },
        ],
      });
      const items: { id: string; title: string }[] = await api.dataSource.query(
        `SELECT i.id, t.title FROM action_item i JOIN task t ON t.id = i.task_id WHERE i.decision_id = $1 ORDER BY t.number`,
        [decision.id],
      );
      await factories.service(MeetingsService).closeActionItem(actor.organiser!, {
        id: items[2].id,
        outcome: ActionItemOutcome.SUPERSEDED,
        note: 'Replaced by the national SOP.',
      });
      const next = await coordination.meeting(actor.organiser!, {
        unitId: unit.id,
        invitedAgencyIds: [agency.member],
        date: '2026-11-09',
      });
      clock.set(at('2026-11-09T05:00:00Z'));
      const result = await gql<{ meeting: { carriedOverActionItems: Record<string, unknown>[] } }>(
        'member',
        `query ($id: ID!) { meeting(id: $id) { carriedOverActionItems {
           title status overdue ownerAgency { id } meeting { id } decision { reference } } } }`,
        { id: next.id },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.meeting.carriedOverActionItems).toEqual([
        {
          title: 'Send the list',
          status: 'OPEN',
          overdue: true,
          ownerAgency: { id: agency.member },
          meeting: { id: first.id },
          decision: { reference: expect.stringMatching(/^MTG-\d{6}\/1$/) },
        },
        expect.objectContaining({ title: 'Name a focal point', status: 'OPEN', overdue: false }),
      ]);
      // The first meeting started with nothing open: there was no meeting before it.
      const earlier = await gql<{ meeting: { carriedOverActionItems: unknown[] } }>(
        'member',
        'query ($id: ID!) { meeting(id: $id) { carriedOverActionItems { title } } }',
        { id: first.id },
      );
      expect(earlier.data!.meeting.carriedOverActionItems).toEqual([]);
    });
  });

  describe('who sees a meeting', () => {
    let coordinationMeetingId: string;
    let bilateralMeetingId: string;
    let otherBilateralId: string;

    beforeAll(async () => {
      coordinationMeetingId = (
        await coordination.meeting(actor.organiser!, { unitId, invitedAgencyIds: [agency.member, agency.partner] })
      ).id;
      bilateralMeetingId = (
        await coordination.meeting(actor.organiser!, {
          unitId,
          type: MeetingType.BILATERAL,
          invitedAgencyIds: [agency.counterpart],
        })
      ).id;
      otherBilateralId = (
        await coordination.meeting(actor.organiser!, {
          unitId,
          type: MeetingType.BILATERAL,
          invitedAgencyIds: [agency.otherCounterpart],
        })
      ).id;
    });

    const sees = async (who: Who, id: string): Promise<boolean> => {
      const result = await meetingAs(who, id);
      if (result.data?.meeting) return true;
      // A meeting someone may not see answers exactly like one that does not exist.
      const missing = await meetingAs(who, randomUUID());
      expect(result.errors?.[0]?.extensions).toEqual(missing.errors?.[0]?.extensions);
      expect(result.errors?.[0]?.message.replace(id, 'ID')).toBe(
        missing.errors?.[0]?.message.replace(/[0-9a-f-]{36}/, 'ID'),
      );
      return false;
    };

    it('shows the unit’s meetings to its members’ staff, and to nobody outside the unit', async () => {
      for (const who of ['secretariat', 'organiser', 'member', 'memberSupervisor'] as Who[]) {
        expect([who, await sees(who, coordinationMeetingId), await sees(who, bilateralMeetingId)]).toEqual([
          who,
          true,
          true,
        ]);
      }
      expect(await sees('outsider', coordinationMeetingId)).toBe(false);
      expect(await sees('outsider', bilateralMeetingId)).toBe(false);
    });

    it('shows a partner the meetings it was invited to, and only those', async () => {
      expect(await sees('partner', coordinationMeetingId)).toBe(true);
      expect(await sees('partner', bilateralMeetingId)).toBe(false);
      expect(await sees('otherPartner', coordinationMeetingId)).toBe(false);
    });

    it('shows a counterpart the bilateral meetings it was invited to, and nothing else', async () => {
      expect(await sees('counterpart', bilateralMeetingId)).toBe(true);
      expect(await sees('counterpart', otherBilateralId)).toBe(false);
      expect(await sees('counterpart', coordinationMeetingId)).toBe(false);
      expect(await sees('otherCounterpart', bilateralMeetingId)).toBe(false);
      const listed = await gql<{ meetings: { edges: { node: { id: string } }[] } }>(
        'counterpart',
        '{ meetings(first: 100) { edges { node { id } } } }',
      );
      const ids = listed.data!.meetings.edges.map((edge) => edge.node.id);
      expect(ids).toContain(bilateralMeetingId);
      expect(ids).not.toContain(otherBilateralId);
      expect(ids).not.toContain(coordinationMeetingId);
      const types = await api.dataSource.query('SELECT DISTINCT type FROM meeting WHERE id = ANY($1::uuid[])', [ids]);
      expect(types).toEqual([{ type: 'BILATERAL' }]);
    });

    it('lets only recorders act: a counterpart or partner cannot record a meeting it sees', async () => {
      clock.set(AFTER_MEETING);
      const decide = (who: Who, meetingId: string) =>
        recordDecision(who, { meetingId, text: 'A decision', pillar: 'PARTNERSHIP' });
      expect(firstErrorCode(await decide('counterpart', bilateralMeetingId))).toBe('FORBIDDEN');
      expect(firstErrorCode(await decide('partner', coordinationMeetingId))).toBe('FORBIDDEN');
      expect(firstErrorCode(await decide('outsider', coordinationMeetingId))).toBe('NOT_FOUND');
      expect(firstErrorCode(await decide('member', coordinationMeetingId))).toBe('FORBIDDEN');
    });

    it('lists open action items only of meetings one may see, with the count per owner agency', async () => {
      const unit = await factories.unit();
      await factories.membership({ unitId: unit.id, agencyId: agency.secretariat, role: MembershipRole.SECRETARIAT });
      for (const name of ['organiser', 'member', 'other']) {
        await factories.membership({ unitId: unit.id, agencyId: agency[name] });
      }
      const meeting = await coordination.meeting(actor.organiser!, {
        unitId: unit.id,
        invitedAgencyIds: [agency.member, agency.other, agency.partner],
      });
      clock.set(AFTER_MEETING);
      await coordination.decision(actor.organiser!, {
        meetingId: meeting.id,
        actionItems: [
          { ownerAgencyId: agency.member, title: 'Item A', due: { workingDays: 2 } },
          { ownerAgencyId: agency.member, title: 'Item B', due: { workingDays: 3 } },
          { ownerAgencyId: agency.other, title: 'Item C', due: { workingDays: 2 } },
        ],
      });
      // Friday 6 November, 13:00 in Jakarta: A and C (due Friday 12:00) are overdue, B (due Monday) is not.
      clock.set(at('2026-11-06T06:00:00Z'));
      const open = (who: Who) =>
        gql<{
          openActionItems: {
            totalCount: number;
            edges: { node: { title: string; overdue: boolean } }[];
            byAgency: { agency: { id: string }; open: number; overdue: number }[];
          };
        }>(
          who,
          `query ($unitId: ID) { openActionItems(first: 100, filter: { unitId: $unitId }) { totalCount
             edges { node { title overdue } } byAgency { agency { id } open overdue } } }`,
          { unitId: unit.id },
        );
      const asSecretariat = await open('secretariat');
      expect(asSecretariat.errors).toBeUndefined();
      const listed = asSecretariat.data!.openActionItems;
      expect(listed.totalCount).toBe(3);
      // Earliest due first: A and C fall due together, then B.
      expect(listed.edges.slice(0, 2).map((edge) => edge.node)).toEqual(
        expect.arrayContaining([
          { title: 'Item A', overdue: true },
          { title: 'Item C', overdue: true },
        ]),
      );
      expect(listed.edges[2].node).toEqual({ title: 'Item B', overdue: false });
      expect(listed.byAgency).toEqual([
        { agency: { id: agency.member }, open: 2, overdue: 1 },
        { agency: { id: agency.other }, open: 1, overdue: 1 },
      ]);
      const overdueOnly = await gql<{ openActionItems: { totalCount: number } }>(
        'member',
        `query ($unitId: ID) { openActionItems(filter: { unitId: $unitId, overdue: true }) { totalCount } }`,
        { unitId: unit.id },
      );
      expect(overdueOnly.data!.openActionItems.totalCount).toBe(2);
      expect((await open('partner')).data!.openActionItems.totalCount).toBe(3);
      expect((await open('outsider')).data!.openActionItems).toEqual({ totalCount: 0, edges: [], byAgency: [] });
      expect((await open('counterpart')).data!.openActionItems.totalCount).toBe(0);
      expect((await open('otherPartner')).data!.openActionItems.totalCount).toBe(0);
    });
  });
});
