import { Actor } from '@app/auth/actor';
import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { DigestContentService } from '@app/modules/digests/digest-content.service';
import { ActionItemOutcome } from '@app/modules/meetings/meeting.enums';
import { MeetingsService } from '@app/modules/meetings/meetings.service';
import { MembershipRole } from '@app/modules/task-forces/task-force.enums';
import { CoordinationFactories } from '@libs/testing/coordination-factories';
import { actorOf, Factories } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

const at = (iso: string) => new Date(iso);
/** Monday 9 November 2026, 07:00 in Jakarta: when the digests of week 2026-W46 are computed. */
const DIGEST_MOMENT = at('2026-11-09T00:00:00Z');

/**
 * The digest's meeting sections, computed by DigestContentService from action items recorded through the services
 * on a controlled clock: the decisions an agency owes this week, and the secretariat's open items per agency.
 */
describe('weekly digest: meeting decisions due this week, and open action items by agency', () => {
  let api: TestApp;
  let clock: FixedClock;
  let sut: DigestContentService;
  const agency: Record<string, { id: string; acronym: string }> = {};
  const user: Record<string, Actor> = {};
  const taskNumber: Record<string, number> = {};
  let meetingNumber: number;

  beforeAll(async () => {
    clock = new FixedClock(at('2026-11-02T02:00:00Z'));
    api = await TestApp.start({}, { clock });
    sut = api.app.get(DigestContentService);
    const factories = new Factories(api);
    const coordination = new CoordinationFactories(factories);
    const unit = await factories.unit();
    for (const [name, role] of [
      ['secretariat', MembershipRole.SECRETARIAT],
      ['organiser', MembershipRole.MEMBER],
      ['owner', MembershipRole.MEMBER],
      ['late', MembershipRole.MEMBER],
    ] as const) {
      const created = await factories.agency();
      agency[name] = { id: created.id, acronym: created.acronym };
      await factories.membership({ unitId: unit.id, agencyId: created.id, role });
    }
    const make = async (name: string, roles: Role[], agencyName: string) => {
      user[name] = actorOf(await factories.user(roles, { agencyId: agency[agencyName].id }));
    };
    await make('organiser', [Role.LIAISON], 'organiser');
    await make('liaison', [Role.LIAISON], 'owner');
    await make('otherLiaison', [Role.LIAISON], 'owner');
    await make('supervisor', [Role.SUPERVISOR], 'owner');
    await make('secretariat', [Role.SECRETARIAT], 'secretariat');

    const meeting = await coordination.meeting(user.organiser, {
      unitId: unit.id,
      invitedAgencyIds: [agency.owner.id, agency.late.id],
    });
    meetingNumber = meeting.number;
    clock.set(at('2026-11-04T05:00:00Z'));
    const item = (owner: string, title: string, due: string, assigneeUserId?: string) => ({
      ownerAgencyId: agency[owner].id,
      title,
      due: { at: at(due) },
      assigneeUserId,
    });
    const decision = await coordination.decision(user.organiser, {
      meetingId: meeting.id,
      actionItems: [
        item('owner', 'this week', '2026-11-11T05:00:00Z'),
        item('owner', 'this week, for the other liaison', '2026-11-12T05:00:00Z', user.otherLiaison.userId),
        item('owner', 'next week', '2026-11-18T05:00:00Z'),
        item('late', 'overdue', '2026-11-06T05:00:00Z'),
        item('owner', 'closed', '2026-11-10T05:00:00Z'),
      ],
    });
    const rows: { id: string; title: string; number: number }[] = await api.dataSource.query(
      `SELECT i.id, t.title, t.number FROM action_item i JOIN task t ON t.id = i.task_id WHERE i.decision_id = $1`,
      [decision.id],
    );
    for (const row of rows) taskNumber[row.title] = row.number;
    await api.app.get(MeetingsService).closeActionItem(user.organiser, {
      id: rows.find((row) => row.title === 'closed')!.id,
      outcome: ActionItemOutcome.ACHIEVED,
      note: 'Done at the meeting.',
    });
    clock.set(DIGEST_MOMENT);
  });

  afterAll(() => api?.stop());

  const tsk = (title: string) => `TSK-${String(taskNumber[title]).padStart(6, '0')}`;
  const decision = () => `MTG-${String(meetingNumber).padStart(6, '0')}/1`;

  it('lists for the owner agency’s liaison the decisions due this week that are theirs or nobody’s', async () => {
    const content = await sut.compute(user.liaison.userId, '2026-W46', DIGEST_MOMENT);
    expect(content.sections.actionItemsDue).toEqual([
      {
        reference: tsk('this week'),
        link: expect.stringMatching(/\/tasks\/[0-9a-f-]{36}$/),
        decision: decision(),
        dueAt: '2026-11-11T05:00:00.000Z',
        status: 'OPEN',
      },
    ]);
    expect(content.sections.actionItemsByAgency).toEqual([]);
  });

  it('lists every one of the agency’s decisions due this week for its supervisor', async () => {
    const content = await sut.compute(user.supervisor.userId, '2026-W46', DIGEST_MOMENT);
    expect(content.sections.actionItemsDue.map((item) => item.reference)).toEqual([
      tsk('this week'),
      tsk('this week, for the other liaison'),
    ]);
  });

  it('shows the unit’s secretariat the open action items per owner agency, the most overdue first', async () => {
    const content = await sut.compute(user.secretariat.userId, '2026-W46', DIGEST_MOMENT);
    expect(content.sections.actionItemsByAgency).toEqual([
      { agency: agency.late.acronym, overdue: 1, open: 1 },
      { agency: agency.owner.acronym, overdue: 0, open: 3 },
    ]);
    expect(content.sections.actionItemsDue).toEqual([]);
  });

  it('carries no decision text or title into the digest', async () => {
    const content = await sut.compute(user.supervisor.userId, '2026-W46', DIGEST_MOMENT);
    expect(JSON.stringify(content)).not.toMatch(/this week|Share the returnee lists/);
  });
});
