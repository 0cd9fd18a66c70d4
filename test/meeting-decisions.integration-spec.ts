import { Actor } from '@app/auth/actor';
import { FixedClock } from '@app/kernel/clock';
import { ActionItemOutcome } from '@app/modules/meetings/meeting.enums';
import { MeetingsService } from '@app/modules/meetings/meetings.service';
import { CastMember, coordinationCast } from '@libs/testing/coordination-cast';
import { CoordinationFactories } from '@libs/testing/coordination-factories';
import { Factories } from '@libs/testing/factories';
import { firstErrorCode, GraphqlResponse, TestApp } from '@libs/testing/test-app';

const at = (iso: string) => new Date(iso);
/** Monday 2 November 2026, 09:00 in Jakarta. */
const MONDAY = at('2026-11-02T02:00:00Z');
/** After the meeting of Wednesday 4 November, 09:00 in Jakarta. */
const AFTER_MEETING = at('2026-11-04T05:00:00Z');

type Who = CastMember;

describe('coordination meetings: decisions, action items, and the next meeting', () => {
  let api: TestApp;
  let clock: FixedClock;
  let factories: Factories;
  let coordination: CoordinationFactories;
  let agency: Record<string, string>;
  let token: Record<Who, string>;
  let actor: Record<Who, Actor>;
  let unitId: string;

  beforeAll(async () => {
    clock = new FixedClock(MONDAY);
    api = await TestApp.start({}, { clock });
    factories = new Factories(api);
    coordination = new CoordinationFactories(factories);
    ({ unitId, agency, actor, token } = await coordinationCast(api, factories));
  });

  afterAll(() => api?.stop());

  beforeEach(() => clock.set(MONDAY));

  const gql = <T = Record<string, unknown>>(who: Who, query: string, variables: Record<string, unknown> = {}) =>
    api.gql<T>(query, variables, token[who]);

  const recordDecision = (who: Who, input: Record<string, unknown>) =>
    gql<{ recordDecision: { id: string; number: number; actionItems: { id: string; ownerAgency: { id: string } }[] } }>(
      who,
      `mutation ($input: RecordDecisionInput!) { recordDecision(input: $input) {
         id number reference actionItems { id reference ownerAgency { id } dueAt status } } }`,
      { input },
    );

  const count = async (table: string, where = 'TRUE', params: unknown[] = []): Promise<number> =>
    Number((await api.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);

  const expectBadInput = (result: GraphqlResponse<unknown>, field: string, words: RegExp) => {
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toMatch(words);
  };

  describe('decisions and action items', () => {
    it('refuses a decision on a meeting not yet held, naming the meeting, and writes nothing', async () => {
      const meeting = await coordination.meeting(actor.organiser, { unitId, invitedAgencyIds: [agency.member] });
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
      const meeting = await coordination.meeting(actor.organiser, { unitId, invitedAgencyIds: [agency.member] });
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
          actionItems: [{ ...valid, assigneeUserId: actor.outsider.userId }],
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
      const meeting = await coordination.meeting(actor.organiser, { unitId, invitedAgencyIds: [agency.member] });
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
      const meeting = await coordination.meeting(actor.organiser, { unitId, invitedAgencyIds: [agency.member] });
      clock.set(AFTER_MEETING);
      const decision = await coordination.decision(actor.organiser, {
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
      const later = await coordination.meeting(actor.organiser, {
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
      const meeting = await coordination.meeting(actor.organiser, { unitId, invitedAgencyIds: [agency.member] });
      clock.set(AFTER_MEETING);
      const decision = await coordination.decision(actor.organiser, {
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
      const first = await coordination.meeting(actor.organiser, {
        unitId: unit.id,
        invitedAgencyIds: [agency.member],
      });
      clock.set(AFTER_MEETING);
      const decision = await coordination.decision(actor.organiser, {
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
      await factories.service(MeetingsService).closeActionItem(actor.organiser, {
        id: items[2].id,
        outcome: ActionItemOutcome.SUPERSEDED,
        note: 'Replaced by the national SOP.',
      });
      const next = await coordination.meeting(actor.organiser, {
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
});
