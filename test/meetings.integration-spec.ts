import { randomUUID } from 'node:crypto';

import { Actor } from '@app/auth/actor';
import { FixedClock } from '@app/kernel/clock';
import { CastMember, coordinationCast } from '@libs/testing/coordination-cast';
import { CoordinationFactories } from '@libs/testing/coordination-factories';
import { Factories } from '@libs/testing/factories';
import { firstErrorCode, GraphqlResponse, TestApp } from '@libs/testing/test-app';

const at = (iso: string) => new Date(iso);
/** Monday 2 November 2026, 09:00 in Jakarta. */
const MONDAY = at('2026-11-02T02:00:00Z');
/** After the meeting of Wednesday 4 November, 09:00 in Jakarta. */
const AFTER_MEETING = at('2026-11-04T05:00:00Z');

const MEETING_FIELDS = `id reference type held localDate localStartTime timeZone version
  organiserAgency { id } attendance { agency { id } status people { name position } }
  decisions { id number reference actionItems { id reference ownerAgency { id } status taskStatus overdue dueAt } }`;

type Who = CastMember;

describe('coordination meetings: scheduling and attendance', () => {
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
      const meeting = await coordination.meeting(actor.organiser, { unitId, invitedAgencyIds: [agency.member] });
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
      const meeting = await coordination.meeting(actor.organiser, { unitId, invitedAgencyIds: [agency.member] });
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
      const meeting = await coordination.meeting(actor.organiser, { unitId, invitedAgencyIds: [agency.member] });
      clock.set(AFTER_MEETING);
      const entry = [{ agencyId: agency.member, status: 'PRESENT' }];
      expect(firstErrorCode(await record('member', meeting.id, entry))).toBe('FORBIDDEN');
      expect((await record('secretariat', meeting.id, entry)).errors).toBeUndefined();
    });
  });
});
