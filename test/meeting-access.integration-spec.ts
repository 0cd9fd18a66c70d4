import { randomUUID } from 'node:crypto';

import { Actor } from '@app/auth/actor';
import { FixedClock } from '@app/kernel/clock';
import { MeetingType } from '@app/modules/meetings/meeting.enums';
import { MembershipRole } from '@app/modules/task-forces/task-force.enums';
import { CastMember, coordinationCast } from '@libs/testing/coordination-cast';
import { CoordinationFactories } from '@libs/testing/coordination-factories';
import { Factories } from '@libs/testing/factories';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';

const at = (iso: string) => new Date(iso);
/** Monday 2 November 2026, 09:00 in Jakarta. */
const MONDAY = at('2026-11-02T02:00:00Z');
/** After the meeting of Wednesday 4 November, 09:00 in Jakarta. */
const AFTER_MEETING = at('2026-11-04T05:00:00Z');

const MEETING_FIELDS = `id reference type held localDate localStartTime timeZone version
  organiserAgency { id } attendance { agency { id } status people { name position } }
  decisions { id number reference actionItems { id reference ownerAgency { id } status taskStatus overdue dueAt } }`;

type Who = CastMember;

describe('coordination meetings: who sees them and who records them', () => {
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

  const meetingAs = (who: Who, id: string) =>
    gql<{ meeting: Record<string, unknown> | null }>(
      who,
      `query ($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`,
      {
        id,
      },
    );

  describe('who sees a meeting', () => {
    let coordinationMeetingId: string;
    let bilateralMeetingId: string;
    let otherBilateralId: string;

    beforeAll(async () => {
      coordinationMeetingId = (
        await coordination.meeting(actor.organiser, { unitId, invitedAgencyIds: [agency.member, agency.partner] })
      ).id;
      bilateralMeetingId = (
        await coordination.meeting(actor.organiser, {
          unitId,
          type: MeetingType.BILATERAL,
          invitedAgencyIds: [agency.counterpart],
        })
      ).id;
      otherBilateralId = (
        await coordination.meeting(actor.organiser, {
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
      const meeting = await coordination.meeting(actor.organiser, {
        unitId: unit.id,
        invitedAgencyIds: [agency.member, agency.other, agency.partner],
      });
      clock.set(AFTER_MEETING);
      await coordination.decision(actor.organiser, {
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
