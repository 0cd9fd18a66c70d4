import { Role } from '@app/kernel/role.enum';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { ExploitationType } from '@app/modules/cases/case.enums';
import { SuspectRole, SuspectStatus } from '@app/modules/suspects/suspect.enums';
import { SuspectsService } from '@app/modules/suspects/suspects.service';
import { MembershipRole, TaskForceLevel } from '@app/modules/task-forces/task-force.enums';
import { IdentificationStatus, ProtectionStatus } from '@app/modules/victims/victim.enums';
import { VictimsService } from '@app/modules/victims/victims.service';
import { actorOf, Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { TestApp } from '@libs/testing/test-app';

interface Figure {
  keys: string[];
  value: number | null;
}

const STATISTICS = `query ($indicator: String!, $breakdowns: [StatisticsBreakdown!]!) {
  statistics(indicator: $indicator, from: "2023-01-01", to: "2023-12-31", breakdowns: $breakdowns) {
    total { value } cells { keys value } margins { breakdown figures { keys value } }
  }
}`;

/**
 * The questions issue 19 asks the national secretariat to answer through the API, on Poipet-like records entered
 * through the services (case, people, protection steps, a suspect), with their 2023 event dates.
 */
describe('statistics: what the national secretariat asks of 2023', () => {
  // A database of its own: other suites' people would count in its figures.
  let env: IsolatedEnvironment;
  let api: TestApp;
  let token: string;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    api = await TestApp.start(env.env);
    const factories = new Factories(api);
    const unit = await factories.unit({ level: TaskForceLevel.NATIONAL });
    const police = await factories.agency({ type: AgencyType.POLICE });
    const secretariat = await factories.agency();
    await factories.membership({ unitId: unit.id, agencyId: police.id });
    await factories.membership({ unitId: unit.id, agencyId: secretariat.id, role: MembershipRole.SECRETARIAT });
    token = await api.login(
      (await factories.user([Role.SECRETARIAT], { agencyId: secretariat.id })).email,
      TEST_PASSWORD,
    );
    const officer = actorOf(await factories.user([Role.CASE_OFFICER], { agencyId: police.id }));

    const poipet = await factories.case(officer, {
      unitId: unit.id,
      originRegionCode: '32',
      destinationCountries: ['KH'],
      exploitationTypes: [ExploitationType.FORCED_CRIMINALITY],
      reportedOn: '2023-06-20',
    });
    const sibu = await factories.case(officer, {
      unitId: unit.id,
      originRegionCode: '32.12',
      destinationCountries: ['MY'],
      exploitationTypes: [ExploitationType.FORCED_LABOUR],
      reportedOn: '2023-02-01',
    });
    const victims = api.app.get(VictimsService);
    const rescued = [];
    for (let i = 0; i < 3; i++) {
      rescued.push(
        await factories.victim(officer, {
          caseId: poipet.id,
          identificationStatus: IdentificationStatus.IDENTIFIED,
          identifiedOn: '2023-07-14',
          originRegion: '53',
          rescueCountry: 'KH',
        }),
      );
    }
    await factories.victim(officer, {
      caseId: sibu.id,
      identificationStatus: IdentificationStatus.IDENTIFIED,
      identifiedOn: '2023-03-01',
      originRegion: '32.12',
    });
    await factories.victim(officer, {
      caseId: sibu.id,
      identificationStatus: IdentificationStatus.PRESUMED,
      identifiedOn: '2023-03-01',
    });
    for (const person of rescued.slice(0, 2)) {
      await victims.changeProtectionStatus(officer, {
        id: person.id,
        to: ProtectionStatus.REPATRIATED,
        occurredOn: '2023-10-04',
      });
    }
    const suspects = api.app.get(SuspectsService);
    const recruiter = await suspects.recordSuspect(officer, {
      caseId: poipet.id,
      identity: { fullName: 'Tersangka Uji' },
      roleInChain: SuspectRole.RECRUITER,
      nationality: 'ID',
      status: SuspectStatus.NAMED_SUSPECT,
      statusOn: '2023-07-20',
    });
    await suspects.changeSuspectStatus(officer, {
      id: recruiter.id,
      to: SuspectStatus.CHARGED,
      occurredOn: '2023-09-01',
    });
    await suspects.recordSuspect(officer, {
      caseId: sibu.id,
      identity: { fullName: 'Tersangka Uji Dua' },
      roleInChain: SuspectRole.BROKER,
      nationality: 'MY',
      status: SuspectStatus.NAMED_SUSPECT,
      statusOn: '2023-03-10',
    });
  });

  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  const statistics = async (indicator: string, breakdowns: string[]) => {
    const response = await api.gql<{
      statistics: { total: Figure; cells: Figure[]; margins: { figures: Figure[] }[] };
    }>(STATISTICS, { indicator, breakdowns }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.statistics;
  };
  const byKey = (figures: Figure[]) =>
    Object.fromEntries(figures.filter((f) => f.value).map((f) => [f.keys.join(' '), f.value]));

  it('answers how many people were identified as victims in 2023, by destination country and by origin province', async () => {
    const sut = await statistics('VICTIMS_IDENTIFIED', ['DESTINATION_COUNTRY', 'ORIGIN_PROVINCE']);

    expect(sut.total.value).toBe(4);
    expect(byKey(sut.margins[0].figures)).toEqual({ KH: 3, MY: 1 });
    expect(byKey(sut.margins[1].figures)).toEqual({ '53': 3, '32': 1 });
    expect(byKey(sut.cells)).toEqual({ 'KH 53': 3, 'MY 32': 1 });
  });

  it('answers how many were repatriated, and how many suspects were charged', async () => {
    expect((await statistics('PERSONS_REPATRIATED', ['DESTINATION_COUNTRY'])).cells).toEqual([
      { keys: ['KH'], value: 2 },
    ]);
    const charged = await statistics('SUSPECTS_CHARGED', ['NATIONALITY']);
    expect(charged.cells).toEqual([{ keys: ['ID'], value: 1 }]);
    expect((await statistics('SUSPECTS_RECORDED', ['NATIONALITY'])).total.value).toBe(2);
  });

  it('counts reports and presumed victims apart from identified ones', async () => {
    expect((await statistics('REPORTS_RECEIVED', ['YEAR'])).total.value).toBe(2);
    expect((await statistics('PRESUMED_VICTIMS', ['YEAR'])).total.value).toBe(1);
  });
});
