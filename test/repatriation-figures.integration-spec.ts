import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { AgencyCapability } from '@app/modules/agencies/agency.enums';
import { MembershipRole, TaskForceLevel } from '@app/modules/task-forces/task-force.enums';
import { DataQualityRunsService } from '@app/modules/data-quality/data-quality-runs.service';
import { Factories, unique } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

import { CaseworkApi, people } from './support/casework-api';
import { OperationView, PlanView, RepatriationApi } from './support/repatriation-api';

interface Group {
  key: string;
  open: number;
  overdue: number;
  byKind: { kind: string; open: number; overdue: number }[];
}

const ACCOUNTABILITY = `query ($weeks: Int) {
  accountability(weeks: $weeks) {
    total { key open overdue byKind { kind open overdue } }
    byAgency { key open overdue byKind { kind open overdue } }
    byProvince { key open overdue }
    byCounterpartCountry { key open overdue }
  }
}`;

const STATISTICS = `query ($indicator: String!, $from: String!, $to: String!, $breakdowns: [StatisticsBreakdown!]!) {
  statistics(indicator: $indicator, from: $from, to: $to, breakdowns: $breakdowns) { total { value } cells { keys value } }
}`;

/**
 * Repatriation in the secretariat's numbers (issues 18 and 19 wired together): milestones and follow-up contacts in
 * the accountability views, returns and outcomes in the indicator catalogue, as a unit's secretariat reads them.
 */
describe('repatriation in the numbers', () => {
  let api: TestApp;
  const clock = new FixedClock(new Date('2026-03-02T03:00:00Z'));
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
    api = await TestApp.start({}, { clock });
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
    clock.set(new Date('2026-04-02T03:00:00Z'));
    await must(sut.depart('mission', travelled.id, '2026-03-30'));
    await must(sut.arrive('office', travelled.id, '2026-03-31'));
    travelled = (await must(sut.operation('office', travelled.id))).repatriationOperation;
    planned = (await must(sut.operation('office', planned.id))).repatriationOperation;
    [plan] = (await must(sut.plans('office', victims[1].id))).reintegrationPlans;
    // Five weeks after the return: the one-month contact is past due, nothing of the operations was done since.
    clock.set(new Date('2026-05-06T03:00:00Z'));
  });

  afterAll(() => api?.stop());

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
      Object.fromEntries(provinces.accountability.byProvince.map(({ key, open, overdue }) => [key, { open, overdue }])),
    ).toEqual({
      NATIONAL: { open: 5, overdue: 5 },
      '61': { open: milestones[1].open + 4, overdue: milestones[1].overdue + 1 },
    });
  });

  it('reports milestones still pending two weeks past due as stuck, with their references, to the owner and the secretariat', async () => {
    // The nightly run as the worker makes it (the api process does not hold the runner).
    await new DataQualityRunsService(api.dataSource, api.app.get<AppConfig>(APP_CONFIG)).run(clock.now());
    const stuck = async (as: string) =>
      (
        await casework.ok<{
          dataQualityIssues: { items: { recordType: string; code: string | null; detail: string }[] };
        }>(as, `{ dataQualityIssues(check: STUCK_IN_STATUS, first: 100) { items { recordType code detail } } }`)
      ).dataQualityIssues.items
        .filter((item) => item.recordType === 'REPATRIATION_MILESTONE')
        .map((item) => `${item.code} ${item.detail}`)
        .sort();
    const lapsed = (owner?: string) =>
      [...planned.milestones, ...travelled.milestones]
        .filter((m) => m.status === 'PENDING' && (!owner || m.ownerAgency.code === owner))
        .filter((m) => new Date(m.dueAt).getTime() + 14 * 86_400_000 <= clock.now().getTime())
        .map((m) => `${m.reference} PENDING ${m.type}`)
        .sort();

    expect(lapsed(code.sending)).toHaveLength(5);
    expect(await stuck('secretariat')).toEqual(lapsed());
    expect(await stuck('mission')).toEqual(lapsed(code.sending));
  });

  it('counts the return on the day the operation actually arrived, under the country it left, and the outcome on the day of the contact', async () => {
    const first = plan.followUps.find((contact) => contact.sequence === 1)!;
    await must(sut.outcome('office', first.id, plan.victimId, 'RE_MIGRATED', '2026-05-04'));
    const figure = async (indicator: string, breakdown: string) =>
      (
        await casework.ok<{ statistics: { total: { value: number }; cells: { keys: string[]; value: number }[] } }>(
          'secretariat',
          STATISTICS,
          { indicator, from: '2026-01-01', to: '2026-12-31', breakdowns: [breakdown] },
        )
      ).statistics;
    const cells = (result: { cells: { keys: string[]; value: number }[] }) =>
      Object.fromEntries(result.cells.filter((cell) => cell.value > 0).map((cell) => [cell.keys[0], cell.value]));

    // Arrived on 31 March, recorded on 2 April: March's figure.
    expect(cells(await figure('PERSONS_REPATRIATED', 'MONTH'))).toEqual({ '2026-03': 1 });
    expect(cells(await figure('PERSONS_REPATRIATED', 'COUNTERPART_COUNTRY'))).toEqual({ KH: 1 });
    expect(cells(await figure('PERSONS_RE_MIGRATED', 'MONTH'))).toEqual({ '2026-05': 1 });
    expect((await figure('PERSONS_REINTEGRATED', 'YEAR')).total.value).toBe(0);
    expect((await figure('PERSONS_LOST_TO_FOLLOW_UP', 'YEAR')).total.value).toBe(0);
    // The track ended: the remaining contacts are off the office's list.
    const view = await casework.ok<{ accountability: { byAgency: Group[] } }>('secretariat', ACCOUNTABILITY, {
      weeks: 1,
    });
    expect(kinds(view.accountability.byAgency.find((group) => group.key === code.receiving))).not.toHaveProperty(
      'FOLLOW_UP_CONTACT',
    );
  });
});
