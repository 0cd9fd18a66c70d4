import { randomUUID } from 'node:crypto';

import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { firstErrorCode, GraphqlResponse, TestApp } from '@libs/testing/test-app';

type Who = 'organiser' | 'otherLiaison' | 'supervisor' | 'partner' | 'counterpart' | 'otherCounterpart' | 'auditor';

const ACTIVITY_FIELDS = `id reference title type pillar duty startsOn endsOn regionCode country place online
  organiserAgency { id } supportingAgencies { id } otherPartners targetGroup materials costIdr fundingSource
  fundingNote source version recordedLate
  participants { total bySex { female male notRecorded } byAgeBand { under18 from18To24 from25To59 from60 notRecorded } }
  history { kind reason actorUserId changes }`;

interface IndicatorView {
  code: string;
  total: number;
  breakdowns: { dimension: string; items: { key: string; value: number }[] }[];
}

describe('activities: recorded by their organiser, corrected with history, counted in the figures', () => {
  let api: TestApp;
  const agency: Record<string, string> = {};
  const token: Partial<Record<Who, string>> = {};
  const userId: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    api = await TestApp.start({}, { clock: new FixedClock(new Date('2026-11-02T02:00:00Z')) });
    const factories = new Factories(api);
    agency.organiser = (await factories.agency()).id;
    agency.other = (await factories.agency()).id;
    agency.iom = (await factories.agency({ type: AgencyType.INTERNATIONAL_ORGANISATION })).id;
    agency.counterpart = (
      await factories.agency({ type: AgencyType.FOREIGN_COUNTERPART, country: 'MY', timeZone: 'Asia/Kuala_Lumpur' })
    ).id;
    agency.otherCounterpart = (
      await factories.agency({ type: AgencyType.FOREIGN_COUNTERPART, country: 'MY', timeZone: 'Asia/Kuala_Lumpur' })
    ).id;
    const user = async (who: Who, roles: Role[], agencyName: string) => {
      const created = await factories.user(roles, { agencyId: agency[agencyName] });
      userId[who] = created.id;
      token[who] = await api.login(created.email, TEST_PASSWORD);
    };
    await user('organiser', [Role.LIAISON], 'organiser');
    await user('otherLiaison', [Role.LIAISON], 'other');
    await user('supervisor', [Role.SUPERVISOR], 'other');
    await user('partner', [Role.PARTNER], 'iom');
    await user('counterpart', [Role.COUNTERPART], 'counterpart');
    await user('otherCounterpart', [Role.COUNTERPART], 'otherCounterpart');
    await user('auditor', [Role.AUDITOR], 'other');
  });

  afterAll(() => api?.stop());

  const gql = <T = Record<string, unknown>>(who: Who, query: string, variables: Record<string, unknown> = {}) =>
    api.gql<T>(query, variables, token[who]);

  const training = {
    title: 'Training of immigration officers on identifying victims',
    type: 'TRAINING',
    pillar: 'PROTECTION',
    startsOn: '2021-06-10',
    endsOn: '2021-06-12',
    regionCode: '21.71',
    place: 'Batam',
    targetGroup: 'COUNTERPART_OFFICERS',
    participants: {
      total: 40,
      bySex: { female: 12, male: 28 },
      byAgeBand: { from25To59: 38, notRecorded: 2 },
    },
    materials: ['Training module (Bahasa Indonesia and English)'],
    costIdr: 150000000,
    fundingSource: 'DONOR',
    fundingNote: 'INL',
  };

  const record = (who: Who, input: Record<string, unknown>) =>
    gql<{ recordActivity: Record<string, unknown> & { id: string } }>(
      who,
      `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { ${ACTIVITY_FIELDS} } }`,
      { input },
    );

  const correct = (who: Who, input: Record<string, unknown>) =>
    gql<{ correctActivity: Record<string, unknown> }>(
      who,
      `mutation ($input: CorrectActivityInput!) { correctActivity(input: $input) { ${ACTIVITY_FIELDS} } }`,
      { input },
    );

  const count = async (table: string): Promise<number> =>
    Number((await api.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  const expectBadInput = (result: GraphqlResponse<unknown>, field: string, words: RegExp) => {
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toMatch(words);
  };

  it('records what the organising agency held, who supported it, whom it reached and what it cost', async () => {
    const result = await record('organiser', {
      ...training,
      supportingAgencyIds: [agency.iom, agency.counterpart],
      otherPartners: ['Universitas Internasional Batam'],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordActivity).toMatchObject({
      reference: expect.stringMatching(/^ACT-\d{6}$/),
      duty: 'TRAINING_AND_COOPERATION',
      country: 'ID',
      organiserAgency: { id: agency.organiser },
      supportingAgencies: [{ id: agency.iom }, { id: agency.counterpart }],
      otherPartners: ['Universitas Internasional Batam'],
      costIdr: 150000000,
      fundingSource: 'DONOR',
      fundingNote: 'INL',
      // Recorded in November 2026 for June 2021: history, marked as recorded late.
      recordedLate: true,
      participants: {
        total: 40,
        bySex: { female: 12, male: 28, notRecorded: 0 },
        byAgeBand: { under18: 0, from18To24: 0, from25To59: 38, from60: 0, notRecorded: 2 },
      },
      history: [{ kind: 'RECORDED', reason: null, actorUserId: userId.organiser }],
    });
  });

  it('refuses counts that do not add up, an end before the start and other bad input, naming the field and writing nothing', async () => {
    const before = [await count('activity'), await count('activity_revision'), await count('audit_entry')];
    expectBadInput(
      await record('organiser', { ...training, participants: { total: 211, bySex: { female: 100, male: 90 } } }),
      'participants.bySex',
      /female 100 \+ male 90 \+ notRecorded 0 = 190, not the total of 211/,
    );
    expectBadInput(
      await record('organiser', { ...training, participants: { total: 10, byAgeBand: { under18: 4 } } }),
      'participants.byAgeBand',
      /= 4, not the total of 10/,
    );
    expectBadInput(
      await record('organiser', { ...training, endsOn: '2021-06-09' }),
      'endsOn',
      /2021-06-09 is before startsOn 2021-06-10/,
    );
    expectBadInput(
      await record('organiser', { ...training, startsOn: '2026-12-01', endsOn: undefined }),
      'startsOn',
      /after today/,
    );
    expectBadInput(
      await record('organiser', { ...training, supportingAgencyIds: [randomUUID()] }),
      'supportingAgencyIds.0',
      /not found/,
    );
    expectBadInput(await record('organiser', { ...training, regionCode: 'Batam' }), 'regionCode', /Kemendagri/);
    expectBadInput(
      await record('organiser', { ...training, participants: { total: -1 } }),
      'participants.total',
      /total/,
    );
    expect([await count('activity'), await count('activity_revision'), await count('audit_entry')]).toEqual(before);
  });

  it('is corrected by its organiser only, each correction kept in its history with the reason', async () => {
    const created = (await record('organiser', training)).data!.recordActivity;
    const corrected = await correct('organiser', {
      id: created.id,
      expectedVersion: 1,
      reason: 'The attendance list counted 42, not 40.',
      participants: { total: 42, bySex: { female: 13, male: 29 } },
      costIdr: 145000000,
    });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.correctActivity).toMatchObject({
      version: 2,
      costIdr: 145000000,
      participants: { total: 42, byAgeBand: { notRecorded: 42 } },
      history: [
        { kind: 'RECORDED', reason: null },
        {
          kind: 'CORRECTED',
          reason: 'The attendance list counted 42, not 40.',
          actorUserId: userId.organiser,
          changes: expect.objectContaining({
            participantsTotal: { before: 40, after: 42 },
            participantsFemale: { before: 12, after: 13 },
            costIdr: { before: 150000000, after: 145000000 },
          }),
        },
      ],
    });
    const stale = await correct('organiser', { id: created.id, expectedVersion: 1, reason: 'Again.', place: 'Bintan' });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(
      firstErrorCode(await correct('otherLiaison', { id: created.id, reason: 'Not ours.', place: 'Bintan' })),
    ).toBe('FORBIDDEN');
    expect(firstErrorCode(await correct('counterpart', { id: created.id, reason: 'No.', place: 'Bintan' }))).toBe(
      'FORBIDDEN',
    );
    const nothing = await correct('organiser', { id: created.id, reason: 'Same again.', costIdr: 145000000 });
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTHING_CHANGED' });
    expectBadInput(
      await correct('organiser', { id: created.id, reason: 'Shorter.', endsOn: '2021-06-01' }),
      'endsOn',
      /before startsOn/,
    );
  });

  describe('who sees an activity', () => {
    let supported: string;
    let unrelated: string;

    beforeAll(async () => {
      supported = (await record('organiser', { ...training, supportingAgencyIds: [agency.counterpart] })).data!
        .recordActivity.id;
      unrelated = (await record('partner', { ...training, title: 'Campaign on safe migration', type: 'CAMPAIGN' }))
        .data!.recordActivity.id;
    });

    const sees = async (who: Who, id: string): Promise<boolean> => {
      const result = await gql<{ activity: { id: string } | null }>(
        who,
        'query ($id: ID!) { activity(id: $id) { id } }',
        {
          id,
        },
      );
      if (result.data?.activity) return true;
      const missing = await gql(who, 'query ($id: ID!) { activity(id: $id) { id } }', { id: randomUUID() });
      expect(result.errors?.[0]?.extensions).toEqual(missing.errors?.[0]?.extensions);
      return false;
    };

    it('shows every activity to the task force’s staff, partners and auditors', async () => {
      for (const who of ['organiser', 'otherLiaison', 'supervisor', 'partner', 'auditor'] as Who[]) {
        expect([who, await sees(who, supported), await sees(who, unrelated)]).toEqual([who, true, true]);
      }
    });

    it('shows a counterpart only the activities its agency organised or supported', async () => {
      expect(await sees('counterpart', supported)).toBe(true);
      expect(await sees('counterpart', unrelated)).toBe(false);
      expect(await sees('otherCounterpart', supported)).toBe(false);
      const listed = await gql<{ activities: { edges: { node: { id: string } }[] } }>(
        'otherCounterpart',
        '{ activities(first: 100) { edges { node { id } } } }',
      );
      expect(listed.data!.activities.edges).toEqual([]);
    });

    it('lets the organisers’ recorders record, and nobody else', async () => {
      expect(firstErrorCode(await record('counterpart', training))).toBe('FORBIDDEN');
      expect(firstErrorCode(await record('supervisor', training))).toBe('FORBIDDEN');
      expect(firstErrorCode(await record('auditor', training))).toBe('FORBIDDEN');
    });
  });

  describe('the figures', () => {
    // A year and a province no other suite records in: the totals are exactly what this test recorded.
    const year = { from: '2019-01-01', to: '2019-12-31' };

    beforeAll(async () => {
      const base = { ...training, startsOn: '2019-03-05', endsOn: '2019-03-05', costIdr: 10000000 };
      const inputs = [
        { ...base, regionCode: '94', pillar: 'PREVENTION', type: 'SOCIALISATION', targetGroup: 'COMMUNITIES' },
        {
          ...base,
          regionCode: '94.71',
          pillar: 'PREVENTION',
          type: 'CAMPAIGN',
          targetGroup: 'STUDENTS',
          participants: { total: 211 },
          costIdr: undefined,
          fundingSource: 'NOT_RECORDED',
        },
        {
          ...base,
          regionCode: '94.01',
          pillar: 'PROSECUTION',
          type: 'TRAINING',
          duty: 'LEGAL_DEVELOPMENT',
          targetGroup: 'LAW_ENFORCEMENT',
          participants: { total: 25, bySex: { female: 10, male: 15 }, byAgeBand: { from18To24: 5, from25To59: 20 } },
          costIdr: 25000000,
          fundingSource: 'APBD',
        },
        {
          ...base,
          regionCode: '94',
          participants: undefined,
          targetGroup: 'OFFICIALS',
          startsOn: '2019-11-20',
          endsOn: '2019-11-21',
        },
      ];
      for (const input of inputs) expect((await record('organiser', input)).errors).toBeUndefined();
    });

    const figures = () =>
      gql<{
        activityFigures: {
          activities: IndicatorView;
          participants: IndicatorView;
          spending: IndicatorView;
          activitiesWithoutParticipantCount: number;
          recordsWithoutCost: number;
        };
      }>(
        'supervisor',
        `query ($from: String!, $to: String!) { activityFigures(from: $from, to: $to, regionCode: "94") {
           activities { code total breakdowns { dimension items { key value } } }
           participants { code total breakdowns { dimension items { key value } } }
           spending { code total breakdowns { dimension items { key value } } }
           activitiesWithoutParticipantCount recordsWithoutCost } }`,
        year,
      );

    const share = (indicator: IndicatorView, dimension: string) =>
      Object.fromEntries(
        indicator.breakdowns
          .find((breakdown) => breakdown.dimension === dimension)!
          .items.filter((item) => item.value !== 0)
          .map((item) => [item.key, item.value]),
      );

    it('counts activities and participants by pillar, duty, region, target group and year, each adding up', async () => {
      const result = await figures();
      expect(result.errors).toBeUndefined();
      const { activities, participants, activitiesWithoutParticipantCount } = result.data!.activityFigures;
      expect(activities.total).toBe(4);
      expect(participants.total).toBe(40 + 211 + 25);
      expect(activitiesWithoutParticipantCount).toBe(1);
      for (const indicator of [activities, participants]) {
        for (const breakdown of indicator.breakdowns) {
          const sum = breakdown.items.reduce((total, item) => total + item.value, 0);
          expect([indicator.code, breakdown.dimension, sum]).toEqual([
            indicator.code,
            breakdown.dimension,
            indicator.total,
          ]);
        }
      }
      expect(activities.breakdowns.map((breakdown) => breakdown.dimension)).toEqual([
        'YEAR',
        'PILLAR',
        'DUTY',
        'REGION',
        'TARGET_GROUP',
        'ACTIVITY_TYPE',
      ]);
      expect(share(activities, 'PILLAR')).toEqual({ PREVENTION: 2, PROTECTION: 1, PROSECUTION: 1 });
      expect(share(activities, 'YEAR')).toEqual({ 2019: 4 });
      expect(share(activities, 'REGION')).toEqual({ 94: 4 });
      expect(share(participants, 'PILLAR')).toEqual({ PREVENTION: 251, PROSECUTION: 25 });
      expect(share(participants, 'DUTY')).toEqual({ TRAINING_AND_COOPERATION: 251, LEGAL_DEVELOPMENT: 25 });
      expect(share(participants, 'TARGET_GROUP')).toEqual({ COMMUNITIES: 40, STUDENTS: 211, LAW_ENFORCEMENT: 25 });
      expect(share(participants, 'SEX')).toEqual({ FEMALE: 22, MALE: 43, NOT_RECORDED: 211 });
      expect(share(participants, 'AGE_BAND')).toEqual({ FROM_18_TO_24: 5, FROM_25_TO_59: 58, NOT_RECORDED: 213 });
      // Enumerated dimensions list every share, zeros included, so a report shows the same rows every year.
      expect(activities.breakdowns.find((b) => b.dimension === 'PILLAR')!.items.map((item) => item.key)).toEqual([
        'PREVENTION',
        'PROTECTION',
        'PROSECUTION',
        'PARTNERSHIP',
      ]);
    });

    it('shows where the money went: by level, duty and funding source, each adding up', async () => {
      const { spending, recordsWithoutCost } = (await figures()).data!.activityFigures;
      expect(spending.total).toBe(10000000 + 25000000 + 10000000);
      expect(recordsWithoutCost).toBe(1);
      expect(share(spending, 'LEVEL')).toEqual({ PROVINCE: 20000000, REGENCY_CITY: 25000000 });
      expect(share(spending, 'FUNDING_SOURCE')).toEqual({ DONOR: 20000000, APBD: 25000000 });
      expect(share(spending, 'KIND')).toEqual({ ACTIVITY: 45000000 });
      for (const breakdown of spending.breakdowns) {
        expect(breakdown.items.reduce((total, item) => total + item.value, 0)).toBe(spending.total);
      }
    });

    it('refuses a period that runs backwards, naming the field', async () => {
      const result = await gql(
        'supervisor',
        '{ activityFigures(from: "2019-12-31", to: "2019-01-01") { recordsWithoutCost } }',
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
      expect(
        firstErrorCode(
          await gql('counterpart', '{ activityFigures(from: "2019-01-01", to: "2019-12-31") { recordsWithoutCost } }'),
        ),
      ).toBe('FORBIDDEN');
    });
  });
});
