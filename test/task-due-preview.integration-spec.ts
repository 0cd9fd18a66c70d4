import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';

const PREVIEW = `query ($assigneeAgencyId: ID!, $workingDays: Int!) {
  taskDuePreview(assigneeAgencyId: $assigneeAgencyId, workingDays: $workingDays) {
    dueAt workingDays timeZone country daysOff holidays { date name }
  }
}`;
const CREATE = `mutation ($input: CreateTaskInput!) { createTask(input: $input) { dueAt } }`;

/** The due date the new-task form previews is the one createTask then stores, counted in the assignee's calendar. */
describe('previewing the due date of a task in working days', () => {
  let sut: TestApp;
  const clock = new FixedClock(new Date('2026-08-12T03:00:00Z')); // Wednesday 12 August 2026, 10.00 WIB
  const token: Record<string, string> = {};
  const agencyId: Record<string, string> = {};

  beforeAll(async () => {
    sut = await TestApp.start({}, { clock });
    const factories = new Factories(sut);
    for (const code of ['POLRI', 'DITJEN-IMIGRASI', 'KH-GDI']) {
      agencyId[code] = (await sut.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    const liaison = await factories.user([Role.LIAISON], { agencyId: agencyId.POLRI });
    token.liaison = await sut.login(liaison.email, TEST_PASSWORD);
    const partner = await factories.user([Role.PARTNER], { agencyId: (await factories.agency()).id });
    token.partner = await sut.login(partner.email, TEST_PASSWORD);
  });
  afterAll(() => sut?.stop());

  it('names the due instant, the weekend and Independence Day it steps over, and createTask stores the same', async () => {
    const preview = await sut.gql<{
      taskDuePreview: { dueAt: string; timeZone: string; daysOff: string[]; holidays: { date: string }[] };
    }>(PREVIEW, { assigneeAgencyId: agencyId['DITJEN-IMIGRASI'], workingDays: 5 }, token.liaison);
    expect(preview.errors).toBeUndefined();
    // Thu 13, Fri 14, (Sat 15, Sun 16, Mon 17 Independence Day), Tue 18, Wed 19, Thu 20 August at 10.00 WIB.
    expect(preview.data?.taskDuePreview).toMatchObject({
      dueAt: '2026-08-20T03:00:00.000Z',
      timeZone: 'Asia/Jakarta',
      daysOff: ['2026-08-15', '2026-08-16', '2026-08-17'],
    });
    expect(preview.data?.taskDuePreview.holidays.map((holiday) => holiday.date)).toContain('2026-08-17');

    const created = await sut.gql<{ createTask: { dueAt: string } }>(
      CREATE,
      {
        input: {
          assigneeAgencyId: agencyId['DITJEN-IMIGRASI'],
          title: 'Verify identities of 28 citizens in Phnom Penh shelter',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { workingDays: 5 },
        },
      },
      token.liaison,
    );
    expect(created.data?.createTask.dueAt).toBe(preview.data?.taskDuePreview.dueAt);
  });

  it("counts in a Cambodian agency's own zone and calendar", async () => {
    const preview = await sut.gql<{ taskDuePreview: { timeZone: string; country: string } }>(
      PREVIEW,
      { assigneeAgencyId: agencyId['KH-GDI'], workingDays: 1 },
      token.liaison,
    );
    expect(preview.data?.taskDuePreview).toMatchObject({ timeZone: 'Asia/Phnom_Penh', country: 'KH' });
  });

  it('names the field when the agency or the number of days is wrong, and refuses roles that set no deadlines', async () => {
    const unknown = await sut.gql(
      PREVIEW,
      { assigneeAgencyId: '00000000-0000-4000-8000-000000000000', workingDays: 5 },
      token.liaison,
    );
    expect(firstErrorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].message).toContain('assigneeAgencyId');
    const tooMany = await sut.gql(PREVIEW, { assigneeAgencyId: agencyId.POLRI, workingDays: 400 }, token.liaison);
    expect(firstErrorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0].message).toContain('workingDays');
    const partner = await sut.gql(PREVIEW, { assigneeAgencyId: agencyId.POLRI, workingDays: 5 }, token.partner);
    expect(firstErrorCode(partner)).toBe('FORBIDDEN');
  });
});
