import { DateTime } from 'luxon';

import { Actor } from '@app/auth/actor';
import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { AgencyCapability } from '@app/modules/agencies/agency.enums';
import { DigestContentService } from '@app/modules/digests/digest-content.service';
import { MembershipRole } from '@app/modules/task-forces/task-force.enums';
import { JobName, QueueName } from '@app/queue/queue.names';
import { actorOf, Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

const ISSUES = `query ($check: DataQualityCheck) { dataQualityIssues(check: $check, first: 100) {
  totalCount byCheck { check count } thresholds { referralAfterDays suspectAfterDays lateEntryDays } lastRunAt
  items { check recordType code responsibleAgency detail since firstDetectedAt }
} }`;

interface Issue {
  check: string;
  recordType: string;
  code: string | null;
  responsibleAgency: string;
  detail: string | null;
  firstDetectedAt: string;
}
interface Issues {
  totalCount: number;
  byCheck: { check: string; count: number }[];
  thresholds: { referralAfterDays: number };
  items: Issue[];
}

/**
 * Data-quality checks (issue 19, item 6): a nightly job finds possible duplicates still open, people with no referral
 * N days after identification, cases with victims and no suspect after N days, items stuck in a status beyond policy,
 * and figures entered late; dataQualityIssues shows each reader what they can act on, with the records' codes; the
 * secretariat's digest has a section for them.
 */
describe('data-quality checks', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let clock: FixedClock;
  let api: TestApp;
  let worker: TestWorker;
  let factories: Factories;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  const code: Record<string, string> = {};
  let officer: Actor;
  let clinicId: string;
  let unreferredId: string;
  const now = new Date();
  const daysAgo = (days: number) => DateTime.fromJSDate(now, { zone: 'UTC' }).minus({ days }).toISODate() as string;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    // Most is recorded 40 days ago by the app's clock; the checks run today. N for referrals is 50 days here.
    clock = new FixedClock(new Date(now.getTime() - 40 * 86_400_000));
    const settings = { ...env.env, SMTP_URL: sink.url, DQ_REFERRAL_AFTER_DAYS: '50' };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    factories = new Factories(api);

    const unit = await factories.unit({ code: 'GTPP-DQ' });
    const secretariat = await factories.agency({ code: 'SEKRE' });
    const police = await factories.agency({ code: 'POLDA' });
    const outsider = await factories.agency({ code: 'LUAR' });
    const clinic = await factories.agency({ code: 'KLINIK', capabilities: [AgencyCapability.MEDICAL] });
    await factories.membership({ unitId: unit.id, agencyId: secretariat.id, role: MembershipRole.SECRETARIAT });
    await factories.membership({ unitId: unit.id, agencyId: police.id });
    const users = {
      secretariat: await factories.user([Role.SECRETARIAT], { agencyId: secretariat.id }),
      officer: await factories.user([Role.CASE_OFFICER], { agencyId: police.id }),
      outsider: await factories.user([Role.CASE_OFFICER], { agencyId: outsider.id }),
      partner: await factories.user([Role.PARTNER], { agencyId: clinic.id }),
    };
    for (const [name, user] of Object.entries(users)) {
      token[name] = await api.login(user.email, TEST_PASSWORD);
      userId[name] = user.id;
    }
    officer = actorOf(users.officer);
    clinicId = clinic.id;
    const outsiderActor = actorOf(users.outsider);

    // A case reported 90 days ago, still REPORTED 40 days on, with no suspect; entered today (late).
    const scam = await factories.case(officer, { unitId: unit.id, reportedOn: daysAgo(90) });
    code.scam = `CASE-${String(scam.number).padStart(6, '0')}`;
    // Identified 40 days ago (the day of registration), never referred: not yet past N = 50.
    code.recent = (await factories.victim(officer, { caseId: scam.id })).code;
    // Identified 70 days ago and referred to the clinic: nothing to report.
    const referred = await factories.victim(officer, { caseId: scam.id, identifiedOn: daysAgo(70) });
    code.referred = referred.code;
    await factories.consent(officer, { victimId: referred.id, recipientAgencyId: clinic.id });
    await factories.referral(officer, { victimId: referred.id, recipientAgencyId: clinic.id });

    // Another agency, outside the unit: its findings are its own.
    const theirs = await factories.case(outsiderActor, {
      unitId: (await factories.unit()).id,
      reportedOn: daysAgo(80),
    });
    code.theirs = `CASE-${String(theirs.number).padStart(6, '0')}`;
    const hidden = await factories.victim(outsiderActor, {
      caseId: theirs.id,
      identifiedOn: daysAgo(70),
      identity: { fullName: 'Rini Tersembunyi', dateOfBirth: '1990-02-02', passportNumber: 'X9912345' },
    });
    code.hidden = hidden.code;
    // Polda registers the same passport: a possible duplicate the secretariat must reconcile (Polda may not learn it).
    const again = await factories.victim(officer, {
      caseId: scam.id,
      identity: { fullName: 'Rini Tersembunyi', dateOfBirth: '1990-02-02', passportNumber: 'X9912345' },
    });
    code.duplicate = again.code;
    // The database stamps created_at with the real date: put these records in the test's time (40 days ago).
    for (const table of ['victim', 'trafficking_case']) {
      await api.dataSource.query(`UPDATE ${table} SET created_at = $1`, [clock.now()]);
    }

    clock.set(now);
    // Registered today for an identification 61 days ago: entered late, and never referred (past N = 50).
    const unreferred = await factories.victim(officer, { caseId: scam.id, identifiedOn: daysAgo(61) });
    code.unreferred = unreferred.code;
    unreferredId = unreferred.id;
    // A case opened today about a report of 45 days ago: entered late (no victims yet, so no suspect is missing).
    const lateCase = await factories.case(officer, { unitId: unit.id, reportedOn: daysAgo(45) });
    code.lateCase = `CASE-${String(lateCase.number).padStart(6, '0')}`;
    await worker.queues.add({ name: JobName.CHECK_DATA_QUALITY, data: {}, jobId: 'data-quality-test-1' });
    await worker.drain();
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  const issues = async (who: string, check?: string): Promise<Issues> => {
    const response = await api.gql<{ dataQualityIssues: Issues }>(ISSUES, { check }, token[who]);
    expect(response.errors).toBeUndefined();
    return response.data!.dataQualityIssues;
  };
  const found = (list: Issues) => list.items.map((item) => `${item.check} ${item.code} ${item.detail ?? ''}`.trim());

  it('runs nightly, on a schedule registered by the worker', async () => {
    const schedulers = await worker.queues.queue(QueueName.MAINTENANCE).getJobSchedulers();
    expect(schedulers.find((s) => s.key === 'data-quality-nightly')).toMatchObject({
      pattern: '30 2 * * *',
      tz: 'Asia/Jakarta',
    });
  });

  it('shows the secretariat every finding of its unit’s member agencies, with the records’ codes', async () => {
    const sut = await issues('secretariat');
    expect(found(sut)).toEqual(
      expect.arrayContaining([
        `POSSIBLE_DUPLICATE_OPEN ${code.duplicate} PASSPORT`,
        `NO_REFERRAL_AFTER_IDENTIFICATION ${code.unreferred} PRESUMED`,
        `CASE_WITHOUT_SUSPECT ${code.scam} REPORTED`,
        `STUCK_IN_STATUS ${code.scam} REPORTED`,
        `ENTERED_LATE ${code.unreferred} identifiedOn +61d`,
      ]),
    );
    expect(
      found(sut)
        .filter((item) => item.startsWith('ENTERED_LATE'))
        .sort(),
    ).toEqual(
      [`ENTERED_LATE ${code.lateCase} reportedOn +45d`, `ENTERED_LATE ${code.unreferred} identifiedOn +61d`].sort(),
    );
    const codes = sut.items.map((item) => item.code);
    // Referred, or identified only 40 days ago (N = 50 from the settings), or another unit's: not here.
    expect(codes).not.toContain(code.referred);
    expect(codes).not.toContain(code.recent);
    expect(codes).not.toContain(code.theirs);
    expect(codes).not.toContain(code.hidden);
    // The matched record is another unit's agency's: its code appears nowhere, the duplicate's finding included.
    expect(JSON.stringify(sut)).not.toContain(code.hidden);
    expect(sut.thresholds.referralAfterDays).toBe(50);
    expect(sut.totalCount).toBe(sut.items.length);
    expect(sut.byCheck.reduce((total, row) => total + row.count, 0)).toBe(sut.totalCount);
  });

  it('shows an agency its own findings, but never a possible duplicate (that would reveal another agency’s record)', async () => {
    const sut = await issues('officer');
    expect(sut.items.every((item) => item.responsibleAgency === 'POLDA')).toBe(true);
    expect(sut.items.some((item) => item.check === 'POSSIBLE_DUPLICATE_OPEN')).toBe(false);
    expect(JSON.stringify(sut)).not.toContain(code.hidden);
    expect(found(sut)).toContain(`NO_REFERRAL_AFTER_IDENTIFICATION ${code.unreferred} PRESUMED`);

    const outsider = await issues('outsider');
    expect(found(outsider)).toEqual(
      expect.arrayContaining([
        `CASE_WITHOUT_SUSPECT ${code.theirs} REPORTED`,
        `NO_REFERRAL_AFTER_IDENTIFICATION ${code.hidden} PRESUMED`,
      ]),
    );
    expect(outsider.items.every((item) => item.responsibleAgency === 'LUAR')).toBe(true);

    const partner = await api.gql(ISSUES, {}, token.partner);
    expect(firstErrorCode(partner)).toBe('FORBIDDEN');
  });

  it('filters by check, and names a bad argument', async () => {
    const sut = await issues('secretariat', 'CASE_WITHOUT_SUSPECT');
    expect(found(sut)).toEqual([`CASE_WITHOUT_SUSPECT ${code.scam} REPORTED`]);
    const bad = await api.gql(ISSUES, { check: 'EVERYTHING' }, token.secretariat);
    expect(firstErrorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/check/);
  });

  it('drops a finding once it is put right and keeps when the others were first found', async () => {
    const before = await issues('secretariat');
    const firstSeen = before.items.find((item) => item.check === 'CASE_WITHOUT_SUSPECT')!.firstDetectedAt;
    await factories.consent(officer, { victimId: unreferredId, recipientAgencyId: clinicId });
    await factories.referral(officer, { victimId: unreferredId, recipientAgencyId: clinicId });

    clock.advance(86_400_000);
    await worker.queues.add({ name: JobName.CHECK_DATA_QUALITY, data: {}, jobId: 'data-quality-test-2' });
    await worker.drain();
    const after = await issues('secretariat');
    expect(found(after)).not.toContain(`NO_REFERRAL_AFTER_IDENTIFICATION ${code.unreferred} PRESUMED`);
    expect(after.items.find((item) => item.check === 'CASE_WITHOUT_SUSPECT')!.firstDetectedAt).toBe(firstSeen);
  });

  it('gives the secretariat’s weekly digest a data-quality section (codes and counts only)', async () => {
    const content = await api.app
      .get(DigestContentService)
      .compute(
        userId.secretariat,
        DateTime.fromJSDate(clock.now(), { zone: 'Asia/Jakarta' }).toISOWeekDate()!.slice(0, 8),
        clock.now(),
      );
    const section = content.sections.dataQuality ?? [];
    expect(section.find((row) => row.check === 'CASE_WITHOUT_SUSPECT')).toEqual({
      check: 'CASE_WITHOUT_SUSPECT',
      count: 1,
      examples: [code.scam],
    });
    expect(section.find((row) => row.check === 'POSSIBLE_DUPLICATE_OPEN')?.count).toBe(1);
    const officerDigest = await api.app.get(DigestContentService).compute(userId.officer, '2026-W49', clock.now());
    expect(officerDigest.sections.dataQuality).toEqual([]);
  });
});
