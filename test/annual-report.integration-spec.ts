import { Role } from '@app/kernel/role.enum';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { MembershipRole, TaskForceLevel } from '@app/modules/task-forces/task-force.enums';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { insertRegister, RegisterPerson } from '@libs/testing/statistics-register';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';

interface Figure {
  keys: string[];
  value: number | null;
}
interface Report {
  year: number;
  scope: string;
  chapters: {
    duty: string;
    titleId: string;
    figures: {
      pillar: string | null;
      result: {
        indicator: { key: string };
        from: string;
        to: string;
        total: Figure;
        cells: Figure[];
        filters: { values: string[] }[];
      };
    }[];
  }[];
  attendanceRates: { agencyCode: string; rate: number }[];
}

const REPORT = `query ($year: Int!) {
  annualReport(year: $year) {
    year from to scope computedAt attendanceRates { agencyCode invitations attended rate }
    chapters { duty titleId titleEn figures { pillar result {
      indicator { key } from to computedAt filters { breakdown values } total { keys value } cells { keys value }
    } } }
  }
}`;

const person = (identifiedOn: string): RegisterPerson => ({
  status: 'IDENTIFIED',
  identifiedOn,
  sex: 'MALE',
  ageBand: 'ADULT_18_24',
  nationality: 'ID',
  originRegion: '53',
  rescueCountry: 'KH',
  kase: { exploitationTypes: ['FORCED_CRIMINALITY'], destinations: ['KH'] },
});

describe('annual report: the task force’s yearly report, by duty and pillar, from the catalogue', () => {
  // A database of its own: other suites' people would count in its figures.
  let env: IsolatedEnvironment;
  let api: TestApp;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment();
    api = await TestApp.start(env.env);
    const factories = new Factories(api);
    const unit = await factories.unit({ level: TaskForceLevel.NATIONAL });
    const secretariat = await factories.agency();
    const police = await factories.agency();
    const iom = await factories.agency({ type: AgencyType.INTERNATIONAL_ORGANISATION });
    await factories.membership({ unitId: unit.id, agencyId: secretariat.id, role: MembershipRole.SECRETARIAT });
    await factories.membership({ unitId: unit.id, agencyId: police.id });
    const officer = await factories.user([Role.CASE_OFFICER], { agencyId: police.id });
    const liaison = await factories.user([Role.LIAISON], { agencyId: police.id });
    token.secretariat = await api.login(
      (await factories.user([Role.SECRETARIAT], { agencyId: secretariat.id })).email,
      TEST_PASSWORD,
    );
    token.partner = await api.login((await factories.user([Role.PARTNER], { agencyId: iom.id })).email, TEST_PASSWORD);
    token.liaison = await api.login(liaison.email, TEST_PASSWORD);

    // Poipet 2023: 28 people rescued in June and brought home on 4 October; one of them left again in December.
    const returned = (steps: RegisterPerson['steps']) => ({ ...person('2023-06-28'), steps });
    await insertRegister(api.dataSource, { agencyId: police.id, unitId: unit.id, userId: officer.id }, [
      ...Array.from({ length: 27 }, () => returned([{ to: 'REPATRIATED', on: '2023-10-04' }])),
      returned([
        { to: 'REPATRIATED', on: '2023-10-04' },
        { to: 'RE_MIGRATED', on: '2023-12-15' },
      ]),
      person('2022-12-31'),
    ]);
    const record = (input: Record<string, unknown>) =>
      api.gql(
        `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`,
        { input },
        token.liaison,
      );
    for (const input of [
      {
        title: 'Talk show on the World Day against Trafficking in Persons',
        type: 'TALK_SHOW',
        pillar: 'PREVENTION',
        startsOn: '2023-07-30',
        endsOn: '2023-07-30',
        targetGroup: 'COMMUNITIES',
        participants: { total: 120, bySex: { female: 70, male: 50 }, byAgeBand: { notRecorded: 120 } },
      },
      {
        title: 'Training of immigration officers on identifying victims',
        type: 'TRAINING',
        pillar: 'PROTECTION',
        startsOn: '2023-06-10',
        endsOn: '2023-06-12',
        targetGroup: 'OFFICIALS',
        participants: { total: 40, bySex: { female: 12, male: 28 }, byAgeBand: { from25To59: 40 } },
      },
    ]) {
      expect((await record({ fundingSource: 'APBN', ...input })).errors).toBeUndefined();
    }
  });

  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  const report = async (who: string, year = 2023) => {
    const response = await api.gql<{ annualReport: Report }>(REPORT, { year }, token[who]);
    expect(response.errors).toBeUndefined();
    return response.data!.annualReport;
  };
  const figure = (sut: Report, duty: string, key: string) =>
    sut.chapters.find((chapter) => chapter.duty === duty)!.figures.find((f) => f.result.indicator.key === key)!.result;
  const sum = (figures: Figure[]) => figures.reduce((total, f) => total + (f.value ?? 0), 0);

  it('has the five duty chapters in the order of the Perpres, each figure an indicator over the year', async () => {
    const sut = await report('secretariat');

    expect(sut.chapters.map((chapter) => chapter.duty)).toEqual([
      'COORDINATION',
      'TRAINING_AND_COOPERATION',
      'VICTIM_MONITORING',
      'LEGAL_DEVELOPMENT',
      'REPORTING_AND_EVALUATION',
    ]);
    for (const chapter of sut.chapters) {
      for (const { result } of chapter.figures) expect(result).toMatchObject({ from: '2023-01-01', to: '2023-12-31' });
    }
    const identified = figure(sut, 'VICTIM_MONITORING', 'VICTIMS_IDENTIFIED');
    expect(identified.total.value).toBe(28);
    expect(sum(identified.cells.filter((cell) => cell.keys.length === 2))).toBe(28);
  });

  it('puts returns home and what came of them in the victim-monitoring chapter, under protection', async () => {
    const sut = await report('secretariat');
    const chapter = sut.chapters.find((c) => c.duty === 'VICTIM_MONITORING')!;
    const keys = chapter.figures.map((f) => f.result.indicator.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'PERSONS_REPATRIATED',
        'PERSONS_REINTEGRATED',
        'PERSONS_LOST_TO_FOLLOW_UP',
        'PERSONS_RE_MIGRATED',
      ]),
    );
    const returned = figure(sut, 'VICTIM_MONITORING', 'PERSONS_REPATRIATED');
    expect(returned.total.value).toBe(28);
    expect(sum(returned.cells)).toBe(28);
    expect(figure(sut, 'VICTIM_MONITORING', 'PERSONS_RE_MIGRATED').total.value).toBe(1);
    expect(figure(sut, 'VICTIM_MONITORING', 'PERSONS_REINTEGRATED').total.value).toBe(0);
    expect(
      chapter.figures
        .filter((f) => f.result.indicator.key.startsWith('PERSONS_'))
        .every((f) => f.pillar === 'PROTECTION'),
    ).toBe(true);
  });

  it("puts the year's activities and participants in their duty's chapter, by pillar, adding up", async () => {
    const sut = await report('secretariat');
    const chapter = sut.chapters.find((c) => c.duty === 'TRAINING_AND_COOPERATION')!;
    const activities = chapter.figures.find((f) => f.result.indicator.key === 'ACTIVITIES_HELD')!;
    const participants = chapter.figures.find((f) => f.result.indicator.key === 'ACTIVITY_PARTICIPANTS')!.result;

    expect(activities.pillar).toBeNull();
    expect(activities.result.filters).toEqual([expect.objectContaining({ values: ['TRAINING_AND_COOPERATION'] })]);
    const recorded = await api.dataSource.query(
      `SELECT count(*)::int AS n, COALESCE(sum(participants_total), 0)::int AS people FROM activity WHERE duty = 'TRAINING_AND_COOPERATION' AND starts_on BETWEEN '2023-01-01' AND '2023-12-31'`,
    );
    expect(activities.result.total.value).toBe(recorded[0].n);
    expect(participants.total.value).toBe(recorded[0].people);
    expect(sum(participants.cells)).toBe(participants.total.value);
    expect(sum(activities.result.cells)).toBe(activities.result.total.value);
  });

  it('gives partners the published figures only', async () => {
    const sut = await report('partner');
    const keys = sut.chapters.flatMap((chapter) => chapter.figures.map((f) => f.result.indicator.key));

    expect(sut.scope).toBe('PUBLISHED');
    expect(keys).toContain('VICTIMS_IDENTIFIED');
    expect(keys).not.toContain('TASKS_ASSIGNED');
    expect(keys).not.toContain('ACTION_ITEMS_DUE');
    expect(sut.attendanceRates).toEqual([]);
  });

  it('refuses a year out of range, naming it', async () => {
    const response = await api.gql(REPORT, { year: 1999 }, token.secretariat);
    expect(firstErrorCode(response)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors)).toContain('year');
  });
});
