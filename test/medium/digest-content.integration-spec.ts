import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

import { Actor } from '@app/auth/actor';
import { FixedClock } from '@app/kernel/clock';
import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { ReplyChannel, ReplyKind, RequestUrgency } from '@app/modules/cross-border/cross-border.enums';
import { CrossBorderService } from '@app/modules/cross-border/cross-border.service';
import { DigestContent, isEmptyDigest } from '@app/modules/digests/digest-content';
import { DigestContentService } from '@app/modules/digests/digest-content.service';
import { CommitmentStallJob } from '@app/modules/escalations/commitment-stall.job';
import { CommitmentStatus } from '@app/modules/legal-instruments/legal-instrument.enums';
import { LegalInstrumentsService } from '@app/modules/legal-instruments/legal-instruments.service';
import { ReferralService, ReferralUrgency } from '@app/modules/referrals/referral.enums';
import { ReferralsService } from '@app/modules/referrals/referrals.service';
import { MembershipRole } from '@app/modules/task-forces/task-force.enums';
import { TaskAction } from '@app/modules/tasks/task.enums';
import { TasksService } from '@app/modules/tasks/tasks.service';
import { Locale, Role } from '@app/kernel/role.enum';
import { UserEntity } from '@app/modules/users/user.entity';
import { VictimEntity } from '@app/modules/victims/victim.entity';
import { actorOf, AgencyOverrides, Factories, UserOverrides } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';
import { timePasses } from '@libs/testing/time-passes';

const WEEK = '2026-W49';
/** Thursday 3 December 2026, 10:00 in Jakarta and Phnom Penh: the moment the digests are computed. */
const NOW = new Date('2026-12-03T03:00:00Z');
/** Monday 00:00 WIB of 2026-W49 and of the week after. */
const WEEK_START = '2026-11-29T17:00:00.000Z';
const WEEK_END = '2026-12-06T17:00:00.000Z';
/** Free text users type: none of it may reach a digest. */
const SECRET = 'SECRET-TEXT';
const VICTIM_NAME = 'Siti Rahmawati Contoh';

const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

/**
 * The content of one weekly digest, computed by DigestContentService on a dataset of its own (an isolated copy of
 * the seeded database, so every figure is exact), built the way people build it: through the services the
 * mutations call, on a controlled clock, with the worker firing escalation rungs as time passes (working days
 * count weekends only here: no holiday falls in these weeks in Indonesia, Cambodia or Malaysia). The digest is
 * for 2026-W49 in Jakarta time, at Thursday 3 December 10:00; the last thing happens on Wednesday 23:00 UTC, so
 * what falls due after that (a referral's respond-by at 08:00 WIB) has not been acted on by the worker.
 *
 * Kemlu is the busy agency (a plain liaison and a supervisor read it); Polri's secretariat of the national unit
 * ranks the member agencies; the immigration attaché in Phnom Penh files cross-border requests for Ditjen
 * Imigrasi and for Kemlu. Task figures read from history stamped by PostgreSQL's own clock (opened, completed,
 * overdue at the end of last week) are covered by digest-week-counts.integration-spec.ts.
 */
describe('weekly digest content', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let clock: FixedClock;
  let api: TestApp;
  let worker: TestWorker | undefined;
  let sut: DigestContentService;
  const agency: Record<string, AgencyEntity> = {};
  const user: Record<string, UserEntity> = {};
  const item: Record<string, { id: string; number: number }> = {};
  let victim: VictimEntity;

  const as = (name: string): Actor => actorOf(user[name]);

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    clock = new FixedClock(new Date('2026-03-01T00:00:00Z'));
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '200' };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    sut = api.app.get(DigestContentService);
    const factories = new Factories(api);
    const tasks = api.app.get(TasksService);
    const referrals = api.app.get(ReferralsService);
    const requests = api.app.get(CrossBorderService);
    const at = async (iso: string, act: () => Promise<unknown> = async () => undefined) => {
      await timePasses(clock, worker!, iso);
      await act();
      await worker!.drain();
    };

    // The directory: Indonesian agencies, the attaché post in Phnom Penh, counterparts in Cambodia and Malaysia.
    const make = (key: string, acronym: string, extra: AgencyOverrides = {}) =>
      factories.agency({ acronym, ...extra }).then((created) => (agency[key] = created));
    await make('POLRI', 'Polri', { type: AgencyType.POLICE });
    await make('KEMLU', 'Kemlu', {
      type: AgencyType.MINISTRY,
      capabilities: [AgencyCapability.TRAVEL_DOCUMENTS, AgencyCapability.REPATRIATION],
    });
    await make('KEMENSOS', 'Kemensos', { type: AgencyType.MINISTRY });
    await make('BP2MI', 'BP2MI', { capabilities: [AgencyCapability.LIVELIHOOD] });
    await make('IMIGRASI', 'Ditjen Imigrasi', { type: AgencyType.IMMIGRATION });
    await make('ATASE', 'Atase Imigrasi PNH', { type: AgencyType.OVERSEAS_MISSION, timeZone: 'Asia/Phnom_Penh' });
    const counterpart = { type: AgencyType.FOREIGN_COUNTERPART };
    await make('KH-GDI', 'GDI Cambodia', { ...counterpart, country: 'KH', timeZone: 'Asia/Phnom_Penh' });
    await make('KH-AHTJP', 'AHTJP Police', { ...counterpart, country: 'KH', timeZone: 'Asia/Phnom_Penh' });
    await make('KH-MOSVY', 'MoSVY', { ...counterpart, country: 'KH', timeZone: 'Asia/Phnom_Penh' });
    await make('MY-PDRM', 'PDRM', { ...counterpart, country: 'MY', timeZone: 'Asia/Kuala_Lumpur' });
    await make('MY-JIM', 'JIM', { ...counterpart, country: 'MY', timeZone: 'Asia/Kuala_Lumpur' });
    // Outside the unit (X), a former member (Y), an agency with nothing going on (Z), and two that only link work
    // to agreements (W1, W2).
    for (const name of ['X', 'Y', 'Z', 'W1', 'W2']) await make(name, `Agency ${name}`);

    // The national unit: Polri holds its secretariat; Y left it in 2025; X and the attaché post are not members.
    const unit = await factories.unit();
    const member = (key: string, role = MembershipRole.MEMBER, validTo?: string) =>
      factories.membership({ unitId: unit.id, agencyId: agency[key].id, role, validFrom: '2023-06-05', validTo });
    await member('POLRI', MembershipRole.SECRETARIAT);
    for (const key of ['KEMLU', 'KEMENSOS', 'BP2MI', 'IMIGRASI']) await member(key);
    await member('Y', MembershipRole.MEMBER, '2025-01-01');

    const person = async (name: string, roles: Role[], key: string, extra: UserOverrides = {}) => {
      user[name] = await factories.user(roles, { agencyId: agency[key].id, ...extra });
    };
    await person('liaison', [Role.LIAISON], 'KEMLU', { displayName: 'Rina Kemlu', locale: Locale.EN });
    await person('liaison2', [Role.LIAISON], 'KEMLU');
    await person('supervisor', [Role.SUPERVISOR], 'KEMLU', { displayName: 'Bambang Kemlu' });
    await person('auditor', [Role.AUDITOR], 'KEMLU');
    await person('secretariat', [Role.SECRETARIAT], 'POLRI', { displayName: 'Sekretariat GTPP' });
    await person('polriOfficer', [Role.CASE_OFFICER], 'POLRI');
    await person('polriLiaison', [Role.LIAISON], 'POLRI');
    await person('attache', [Role.ATTACHE], 'ATASE', { timeZone: 'Asia/Phnom_Penh' });
    await person('attache2', [Role.ATTACHE], 'ATASE');
    await person('nobody', [Role.LIAISON], 'Z');
    for (const key of ['KEMENSOS', 'BP2MI', 'IMIGRASI', 'X', 'Y', 'W1']) {
      await person(`liaison:${key}`, [Role.LIAISON], key);
    }

    // Agreements. Three commitments get linked work on 1 March, 1 April and 1 May and stall after 90 idle days;
    // Kemlu's own never moved, and an administrator marks it stalled.
    const admin = await factories.administrator();
    const instrument = (code: string) => factories.legalInstrument({ code, titleId: `${SECRET} instrument` });
    const commitment = (instrumentId: string, code: string, owner: string) =>
      factories.commitment({ instrumentId, code, titleId: `${SECRET} commitment`, ownerAgencyId: agency[owner].id });
    const kemluMou = await instrument('TEST-MOU-KEMLU');
    const polriMou = await instrument('TEST-MOU-POLRI-KH');
    const framework = await instrument('TEST-KH-ID-IMM');
    const kemluArea = await commitment(kemluMou.id, 'TEST-MOU-KEMLU-01', 'KEMLU');
    const linked = {
      '2026-03-01T00:00:00Z': await commitment(polriMou.id, 'TEST-MOU-POLRI-KH-01', 'POLRI'),
      '2026-04-01T00:00:00Z': await commitment(framework.id, 'TEST-KH-ID-IMM-02', 'IMIGRASI'),
      '2026-05-01T00:00:00Z': await commitment(framework.id, 'TEST-KH-ID-IMM-01', 'ATASE'),
    };
    for (const [when, area] of Object.entries(linked)) {
      await at(when, async () => {
        const work = await factories.task(as('liaison:W1'), {
          assigneeAgencyId: agency.W2.id,
          agreementCommitmentId: area.id,
          due: { at: new Date(new Date(when).getTime() + 7 * 86_400_000) },
        });
        await tasks.transition(as('liaison:W1'), TaskAction.CANCEL, { id: work.id, reason: 'Done elsewhere.' });
      });
    }
    await api.app
      .get(LegalInstrumentsService)
      .updateCommitment(admin, { id: kemluArea.id, status: CommitmentStatus.STALLED });

    // Work. Tasks are named T…, referrals F…, cross-border requests C… (created in that order: numbers rise).
    const task = async (name: string, by: string, to: string, due: string, assignee?: string) => {
      item[name] = await factories.task(as(by), {
        assigneeAgencyId: agency[to].id,
        assigneeUserId: assignee ? user[assignee].id : undefined,
        title: `${SECRET} title of ${name}`,
        description: `${SECRET} description of ${name}, about ${VICTIM_NAME}`,
        due: { at: new Date(due) },
      });
    };
    const step = async (who: string, action: TaskAction, ...names: string[]) => {
      for (const name of names) await tasks.transition(as(who), action, { id: item[name].id, reason: SECRET });
    };
    const reschedule = (name: string, due: string) =>
      tasks.rescheduleTask(as('polriLiaison'), {
        id: item[name].id,
        due: { at: new Date(due) },
        reason: `${SECRET} new date`,
      });
    const refer = async (name: string, to: string, service: ReferralService, urgency: ReferralUrgency) => {
      item[name] = await factories.referral(as('polriOfficer'), {
        victimId: victim.id,
        recipientAgencyId: agency[to].id,
        service,
        urgency,
      });
    };
    const file = async (
      name: string,
      to: string,
      spec: { by?: string; onBehalfOf?: string; urgency?: RequestUrgency; submit?: boolean } = {},
    ) => {
      item[name] = await factories.crossBorderRequest(
        as(spec.by ?? 'attache'),
        {
          counterpartAgencyId: agency[to].id,
          onBehalfOfAgencyId: agency[spec.onBehalfOf ?? 'IMIGRASI'].id,
          urgency: spec.urgency,
          subject: `${SECRET} subject of ${name}`,
          body: `${SECRET} body of ${name}: ${victim.code}`,
        },
        { submit: spec.submit },
      );
    };
    const reply = (name: string, kind: ReplyKind) =>
      requests.recordCounterpartReply(as('attache'), {
        id: item[name].id,
        kind,
        channel: ReplyChannel.EMAIL,
        receivedAt: clock.now(),
      });

    // A person Polri registered and who consented to Kemlu and BP2MI receiving them.
    await at('2026-08-01T00:00:00Z', async () => {
      victim = await factories.victim(as('polriOfficer'), {
        identity: { fullName: VICTIM_NAME, dateOfBirth: '1994-05-17', passportNumber: 'C7715243' },
      });
      for (const key of ['KEMLU', 'BP2MI']) {
        await factories.consent(as('polriOfficer'), { victimId: victim.id, recipientAgencyId: agency[key].id });
      }
    });

    // C4 (for Ditjen Imigrasi) is accepted at once; its execution falls due on Tuesday of last week.
    await at('2026-08-26T03:00:00Z', () => file('C4', 'KH-MOSVY'));
    await at('2026-08-27T03:00:00Z', () => reply('C4', ReplyKind.ACCEPTED));
    await at('2026-10-01T02:00:00Z', async () => {
      await task('T4', 'polriLiaison', 'KEMLU', '2026-12-11T03:00:00Z');
      await task('T5', 'polriLiaison', 'KEMLU', '2026-12-04T03:00:00Z');
      // Due one second before last week began (Sunday 23:59:59 WIB); re-dated later.
      await task('T6', 'polriLiaison', 'KEMLU', '2026-11-22T16:59:59Z');
      await task('T7', 'liaison:KEMENSOS', 'KEMLU', '2026-11-23T03:00:00Z', 'liaison2');
      await task('T8', 'polriLiaison', 'KEMLU', '2026-11-28T03:00:00Z');
      await task('T10', 'liaison', 'BP2MI', '2026-11-29T03:00:00Z');
      await task('T13', 'polriLiaison', 'KEMLU', '2026-11-20T03:00:00Z');
      await task('T14', 'polriLiaison', 'KEMLU', '2026-11-27T03:00:00Z');
      await task('T15', 'liaison', 'POLRI', '2026-12-01T03:00:00Z');
      await task('T16', 'liaison:KEMENSOS', 'POLRI', '2026-12-02T03:00:00Z', 'polriLiaison');
      await task('T17', 'liaison:KEMENSOS', 'BP2MI', '2026-11-26T03:00:00Z');
      await task('T18', 'polriLiaison', 'X', '2026-12-01T03:00:00Z');
      await task('T19', 'polriLiaison', 'Y', '2026-12-01T03:00:00Z');
    });
    await at('2026-10-02T02:00:00Z', async () => {
      await step('liaison', TaskAction.ACKNOWLEDGE, 'T5', 'T6', 'T7', 'T13');
      await step('liaison:BP2MI', TaskAction.ACKNOWLEDGE, 'T10', 'T17');
      await step('polriLiaison', TaskAction.ACKNOWLEDGE, 'T16');
    });
    await at('2026-10-03T02:00:00Z', async () => {
      await step('liaison', TaskAction.START, 'T5', 'T6', 'T7', 'T13');
      await step('liaison:BP2MI', TaskAction.START, 'T10');
      await step('polriLiaison', TaskAction.START, 'T16');
    });
    // C3 is acknowledged two days late, then accepted: its late acknowledgement stays on record only.
    await at('2026-10-24T03:00:00Z', () => file('C3', 'MY-PDRM'));
    await at('2026-11-03T03:00:00Z', () => reply('C3', ReplyKind.ACKNOWLEDGED));
    await at('2026-11-05T03:00:00Z', () => reply('C3', ReplyKind.ACCEPTED));
    await at('2026-11-20T00:00:00Z', () => worker!.context.get(CommitmentStallJob).detect());
    await at('2026-11-20T02:00:00Z', async () => {
      await task('TX', 'liaison:KEMENSOS', 'KEMLU', '2026-12-02T02:00:00Z');
      await step('liaison', TaskAction.BLOCK, 'T6');
      await step('liaison:BP2MI', TaskAction.COMPLETE, 'T10');
    });
    // T7 is done before its due date (and before last week began); T13's first deadline fires.
    await at('2026-11-20T03:00:00Z', () => step('liaison2', TaskAction.COMPLETE, 'T7'));
    await at('2026-11-22T16:59:59Z');
    await at('2026-11-23T02:00:00Z', () => task('T9', 'liaison', 'BP2MI', '2026-11-29T03:00:00Z'));
    await at('2026-11-23T03:00:00Z', () => file('C2', 'KH-AHTJP'));
    await at('2026-11-24T02:00:00Z', () => task('T3', 'liaison:BP2MI', 'KEMLU', '2026-12-06T03:00:00Z', 'liaison2'));
    // T13's supervisor rung and C4's execution deadline fire (last week); T6 is re-dated to Monday 00:00 WIB.
    await at('2026-11-24T03:00:00Z', () => reschedule('T6', WEEK_START));
    await at('2026-11-24T05:00:00Z', () => step('liaison2', TaskAction.ACKNOWLEDGE, 'T3'));
    await at('2026-11-24T06:00:00Z', () => reschedule('T13', '2026-11-26T03:00:00Z'));
    await at('2026-11-25T02:00:00Z', () => step('liaison2', TaskAction.START, 'T3'));
    await at('2026-11-25T03:00:00Z', async () => {
      await step('liaison', TaskAction.COMPLETE, 'T13');
      await step('polriLiaison', TaskAction.CANCEL, 'T8');
      await reply('C4', ReplyKind.ANSWERED);
    });
    await at('2026-11-26T03:00:00Z', () => refer('F3', 'KEMLU', ReferralService.REPATRIATION, ReferralUrgency.HIGH));
    await at('2026-11-26T05:00:00Z', () => referrals.acceptReferral(as('liaison'), { id: item.F3.id }));
    // Respond by Tuesday 1 December, 07:00 WIB (two working days).
    await at('2026-11-27T00:00:00Z', () =>
      refer('F5', 'KEMLU', ReferralService.TRAVEL_DOCUMENTS, ReferralUrgency.HIGH),
    );
    await at('2026-11-27T03:00:30Z');
    // C5, for Kemlu, is urgent: acknowledge within 24 hours, decide within 72 (Wednesday 03:00 UTC).
    await at('2026-11-29T03:00:00Z', () =>
      file('C5', 'MY-JIM', { onBehalfOf: 'KEMLU', urgency: RequestUrgency.URGENT }),
    );
    await at(WEEK_START);
    await at('2026-11-30T02:00:00Z', async () => {
      await reply('C5', ReplyKind.ACKNOWLEDGED);
      await file('C1', 'KH-GDI');
      await task('T1', 'polriLiaison', 'KEMLU', '2026-12-05T03:00:00Z');
    });
    await at('2026-11-30T03:00:20Z');
    await at('2026-12-01T00:00:30Z');
    // T7 reopens long after its due date: its ladder goes straight to the level it is at.
    await at('2026-12-01T02:00:00Z', async () => {
      await step('liaison:KEMENSOS', TaskAction.REOPEN, 'T7');
      await task('T2', 'polriLiaison', 'KEMLU', '2026-12-09T03:00:00Z', 'liaison');
      await task('TA1', 'liaison:IMIGRASI', 'ATASE', '2026-12-04T03:00:00Z', 'attache');
    });
    await at('2026-12-01T03:00:00Z', () => file('C7', 'KH-GDI', { by: 'attache2' }));
    await at('2026-12-01T05:00:00Z', () => step('liaison', TaskAction.ACKNOWLEDGE, 'T2'));
    await at('2026-12-01T17:00:00Z');
    // F6 and F1 answer by the same moment: F1, though proposed later, is more urgent.
    await at('2026-12-01T23:00:00Z', () =>
      refer('F6', 'KEMLU', ReferralService.TRAVEL_DOCUMENTS, ReferralUrgency.HIGH),
    );
    await at('2026-12-02T01:00:00Z', () =>
      refer('F2', 'KEMLU', ReferralService.REPATRIATION, ReferralUrgency.EMERGENCY),
    );
    await at('2026-12-02T01:30:00Z', () => refer('F4', 'BP2MI', ReferralService.LIVELIHOOD, ReferralUrgency.EMERGENCY));
    await at('2026-12-02T02:00:00Z', () => task('T11', 'liaison', 'BP2MI', '2026-12-04T03:00:00Z'));
    await at('2026-12-02T03:00:00Z', () => file('C6', 'KH-GDI', { submit: false }));
    await at('2026-12-02T05:00:00Z', () => step('liaison', TaskAction.COMPLETE, 'T5'));
    await at('2026-12-02T23:00:00Z', () =>
      refer('F1', 'KEMLU', ReferralService.TRAVEL_DOCUMENTS, ReferralUrgency.EMERGENCY),
    );
    // The worker's work is done; the digests read what PostgreSQL holds.
    await worker.stop();
    worker = undefined;
  }, 300_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  const digest = (name: string) => sut.compute(user[name].id, WEEK, NOW);
  const link = (path: string, name: string) => `${api.config.publicUrl}/${path}/${item[name].id}`;
  const pad = (n: number) => String(n).padStart(6, '0');
  const tsk = (name: string) => ({ reference: `TSK-${pad(item[name].number)}`, link: link('tasks', name) });
  const ref = (name: string) => ({ reference: `REF-${pad(item[name].number)}`, link: link('referrals', name) });
  const cbr = (name: string) => ({
    reference: `CBR-${pad(item[name].number)}`,
    link: link('cross-border-requests', name),
  });
  const escalation = (
    kind: 'TASK' | 'REFERRAL' | 'CROSS_BORDER_REQUEST',
    name: string,
    rungKey: string,
    at: string,
  ) => ({
    kind,
    ...(kind === 'TASK' ? tsk(name) : kind === 'REFERRAL' ? ref(name) : cbr(name)),
    rungKey,
    firedAt: new Date(at).toISOString(),
  });
  const noCounts = { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 };

  describe('a plain liaison (Kemlu)', () => {
    let content: DigestContent;
    beforeAll(async () => {
      content = await digest('liaison');
    });

    it('names the recipient, the week in their time zone and the settings link', () => {
      expect(content.recipient).toEqual({
        userId: user.liaison.id,
        displayName: 'Rina Kemlu',
        locale: 'en',
        timeZone: 'Asia/Jakarta',
        agencyId: agency.KEMLU.id,
        agencyAcronym: 'Kemlu',
        audiences: ['LIAISON'],
      });
      expect(content.week).toEqual({ isoWeek: WEEK, start: WEEK_START, end: WEEK_END });
      expect(content.preferencesLink).toBe(`${api.config.publicUrl}/settings/notifications`);
    });

    it('lists open tasks due in the next 7 days that are theirs or nobody’s in particular', () => {
      // T3 is named for a colleague, T4 is due in 8 days, T5 is done.
      expect(content.sections.dueSoon).toEqual([
        { kind: 'TASK', ...tsk('T1'), counterpartAgency: 'Polri', dueAt: days(2).toISOString(), status: 'OPEN' },
        {
          kind: 'TASK',
          ...tsk('T2'),
          counterpartAgency: 'Polri',
          dueAt: days(6).toISOString(),
          status: 'ACKNOWLEDGED',
        },
      ]);
    });

    it('lists overdue tasks, referrals and requests of the agency, longest overdue first, in whole days', () => {
      // T7 is named for a colleague, T8 was cancelled, F3 accepted, F5 expired.
      expect(content.sections.overdue).toEqual([
        { kind: 'TASK', ...tsk('T14'), counterpartAgency: 'Polri', dueAt: days(-6).toISOString(), daysOverdue: 6 },
        { kind: 'TASK', ...tsk('T6'), counterpartAgency: 'Polri', dueAt: WEEK_START, daysOverdue: 3 },
        {
          kind: 'TASK',
          ...tsk('TX'),
          counterpartAgency: 'Kemensos',
          dueAt: '2026-12-02T02:00:00.000Z',
          daysOverdue: 1,
        },
        {
          kind: 'CROSS_BORDER_REQUEST',
          ...cbr('C5'),
          counterpartAgency: 'JIM',
          dueAt: '2026-12-02T03:00:00.000Z',
          daysOverdue: 1,
        },
        {
          kind: 'REFERRAL',
          ...ref('F2'),
          counterpartAgency: 'Polri',
          dueAt: '2026-12-03T01:00:00.000Z',
          daysOverdue: 0,
        },
      ]);
    });

    it('lists what the agency asked of others that is overdue there', () => {
      // T10 is done, T11 not due yet.
      expect(content.sections.overdueByOthers).toEqual([
        { kind: 'TASK', ...tsk('T9'), counterpartAgency: 'BP2MI', dueAt: days(-4).toISOString(), daysOverdue: 4 },
        { kind: 'TASK', ...tsk('T15'), counterpartAgency: 'Polri', dueAt: days(-2).toISOString(), daysOverdue: 2 },
      ]);
    });

    it('lists referrals awaiting the agency’s answer, most pressing first', () => {
      const respondBy = '2026-12-03T23:00:00.000Z';
      expect(content.sections.referralsAwaiting).toEqual([
        {
          ...ref('F2'),
          fromAgency: 'Polri',
          service: 'REPATRIATION',
          urgency: 'EMERGENCY',
          respondBy: '2026-12-03T01:00:00.000Z',
        },
        { ...ref('F1'), fromAgency: 'Polri', service: 'TRAVEL_DOCUMENTS', urgency: 'EMERGENCY', respondBy },
        { ...ref('F6'), fromAgency: 'Polri', service: 'TRAVEL_DOCUMENTS', urgency: 'HIGH', respondBy },
      ]);
    });

    it('lists the open requests filed for the agency, per country', () => {
      expect(content.sections.crossBorder).toEqual([
        {
          country: 'MY',
          requests: [
            {
              ...cbr('C5'),
              counterpartAgency: 'JIM',
              status: 'ACKNOWLEDGED',
              openStage: 'DECIDE',
              daysOutstanding: 4,
              overdue: true,
            },
          ],
        },
      ]);
    });

    it('lists the escalations that fired this week on the agency’s items, reminders left out', () => {
      // Not: T6's first deadline (a second before last week), reminders (T1 … TX), BP2MI's T9.
      expect(content.sections.escalations).toEqual([
        escalation('TASK', 'T6', 'due', WEEK_START),
        escalation('REFERRAL', 'F5', 'respond-by', '2026-12-01T00:00:30Z'),
        escalation('TASK', 'T7', 'secretariat', '2026-12-01T02:00:00Z'),
        escalation('TASK', 'T14', 'supervisor', '2026-12-01T03:00:00Z'),
        escalation('TASK', 'T6', 'supervisor', '2026-12-01T17:00:00Z'),
        escalation('TASK', 'TX', 'due', '2026-12-02T02:00:00Z'),
        escalation('CROSS_BORDER_REQUEST', 'C5', 'due', '2026-12-02T03:00:00Z'),
      ]);
    });

    it('lists the agency’s own stalled commitments and no ranking', () => {
      expect(content.sections.stalledCommitments).toEqual([
        { code: 'TEST-MOU-KEMLU-01', instrumentCode: 'TEST-MOU-KEMLU', ownerAgency: 'Kemlu', lastActivityAt: null },
      ]);
      expect(content.sections.agencyRanking).toEqual([]);
    });

    it('counts the agency’s overdue work and escalations this week against last week', () => {
      // Overdue now: T6, T7, T14, TX. Escalations last week: T13's supervisor rung (completed since), T14's
      // deadline.
      expect(content.counts.thisWeek).toMatchObject({ overdueNow: 4, escalationsFired: 7 });
      expect(content.counts.lastWeek).toMatchObject({ escalationsFired: 2 });
    });
  });

  describe('a supervisor (Kemlu)', () => {
    let content: DigestContent;
    beforeAll(async () => {
      content = await digest('supervisor');
    });

    it('sees every task of the agency, named for a colleague or not', () => {
      expect(content.recipient.audiences).toEqual(['SUPERVISOR']);
      expect(content.sections.dueSoon.map((entry) => entry.reference)).toEqual(
        ['T1', 'T3', 'T2'].map((name) => tsk(name).reference),
      );
      expect(content.sections.dueSoon[1]).toEqual({
        kind: 'TASK',
        ...tsk('T3'),
        counterpartAgency: 'BP2MI',
        dueAt: days(3).toISOString(),
        status: 'IN_PROGRESS',
      });
      expect(content.sections.overdue[0]).toEqual({
        kind: 'TASK',
        ...tsk('T7'),
        counterpartAgency: 'Kemensos',
        dueAt: days(-10).toISOString(),
        daysOverdue: 10,
      });
      expect(content.sections.overdue.map((entry) => entry.reference)).toEqual([
        tsk('T7').reference,
        tsk('T14').reference,
        tsk('T6').reference,
        tsk('TX').reference,
        cbr('C5').reference,
        ref('F2').reference,
      ]);
    });

    it('shares the agency-wide sections and counts with the liaison', async () => {
      const liaison = await digest('liaison');
      for (const section of [
        'overdueByOthers',
        'referralsAwaiting',
        'crossBorder',
        'escalations',
        'stalledCommitments',
        'agencyRanking',
      ] as const) {
        expect(content.sections[section]).toEqual(liaison.sections[section]);
      }
      expect(content.counts).toEqual(liaison.counts);
    });
  });

  describe('the secretariat of the national unit (Polri)', () => {
    let content: DigestContent;
    beforeAll(async () => {
      content = await digest('secretariat');
    });

    it('ranks the unit’s current member agencies by overdue work, leaving out those with none', () => {
      // Agency X is in no unit, Y left the unit in 2025, the attaché post is not a member, Kemensos owes nothing.
      expect(content.sections.agencyRanking).toEqual([
        { agency: 'Kemlu', overdueTasks: 4, overdueReferrals: 1, overdueRequests: 1, total: 6 },
        { agency: 'BP2MI', overdueTasks: 2, overdueReferrals: 1, overdueRequests: 0, total: 3 },
        { agency: 'Polri', overdueTasks: 2, overdueReferrals: 0, overdueRequests: 0, total: 2 },
        { agency: 'Ditjen Imigrasi', overdueTasks: 0, overdueReferrals: 0, overdueRequests: 1, total: 1 },
      ]);
    });

    it('lists every stalled commitment, the longest idle first', () => {
      expect(content.sections.stalledCommitments).toEqual([
        { code: 'TEST-MOU-KEMLU-01', instrumentCode: 'TEST-MOU-KEMLU', ownerAgency: 'Kemlu', lastActivityAt: null },
        {
          code: 'TEST-MOU-POLRI-KH-01',
          instrumentCode: 'TEST-MOU-POLRI-KH',
          ownerAgency: 'Polri',
          lastActivityAt: '2026-03-01T00:00:00.000Z',
        },
        {
          code: 'TEST-KH-ID-IMM-02',
          instrumentCode: 'TEST-KH-ID-IMM',
          ownerAgency: 'Ditjen Imigrasi',
          lastActivityAt: '2026-04-01T00:00:00.000Z',
        },
        {
          code: 'TEST-KH-ID-IMM-01',
          instrumentCode: 'TEST-KH-ID-IMM',
          ownerAgency: 'Atase Imigrasi PNH',
          lastActivityAt: '2026-05-01T00:00:00.000Z',
        },
      ]);
    });

    it('gets its own agency’s work like a liaison, and what Polri asked of others', () => {
      expect(content.recipient.audiences).toEqual(['SECRETARIAT']);
      expect(content.sections.dueSoon).toEqual([]);
      // T16 is named for a Polri colleague.
      expect(content.sections.overdue).toEqual([
        { kind: 'TASK', ...tsk('T15'), counterpartAgency: 'Kemlu', dueAt: days(-2).toISOString(), daysOverdue: 2 },
      ]);
      expect(content.sections.overdueByOthers).toEqual([
        { kind: 'TASK', ...tsk('T14'), counterpartAgency: 'Kemlu', dueAt: days(-6).toISOString(), daysOverdue: 6 },
        { kind: 'TASK', ...tsk('T6'), counterpartAgency: 'Kemlu', dueAt: WEEK_START, daysOverdue: 3 },
        { kind: 'TASK', ...tsk('T18'), counterpartAgency: 'Agency X', dueAt: days(-2).toISOString(), daysOverdue: 2 },
        { kind: 'TASK', ...tsk('T19'), counterpartAgency: 'Agency Y', dueAt: days(-2).toISOString(), daysOverdue: 2 },
      ]);
      expect(content.sections.referralsAwaiting).toEqual([]);
      expect(content.sections.crossBorder).toEqual([]);
      expect(content.sections.escalations).toEqual([
        escalation('TASK', 'T15', 'due', '2026-12-01T03:00:00Z'),
        escalation('TASK', 'T16', 'due', '2026-12-02T03:00:00Z'),
      ]);
      expect(content.counts.thisWeek).toMatchObject({ overdueNow: 2, escalationsFired: 2 });
      expect(content.counts.lastWeek).toMatchObject({ escalationsFired: 0 });
    });
  });

  describe('the immigration attaché in Phnom Penh', () => {
    let content: DigestContent;
    beforeAll(async () => {
      content = await digest('attache');
    });

    it('groups the open requests they filed by country and counterpart, with the stage owed', () => {
      expect(content.recipient).toMatchObject({
        audiences: ['ATTACHE'],
        timeZone: 'Asia/Phnom_Penh',
        agencyAcronym: 'Atase Imigrasi PNH',
      });
      expect(content.week).toEqual({ isoWeek: WEEK, start: WEEK_START, end: WEEK_END });
      // C4 is answered, C6 a draft, C7 another attaché's; C3's late acknowledgement is history.
      expect(content.sections.crossBorder).toEqual([
        {
          country: 'KH',
          requests: [
            {
              ...cbr('C2'),
              counterpartAgency: 'AHTJP Police',
              status: 'SUBMITTED',
              openStage: 'ACKNOWLEDGE',
              daysOutstanding: 10,
              overdue: true,
            },
            {
              ...cbr('C1'),
              counterpartAgency: 'GDI Cambodia',
              status: 'SUBMITTED',
              openStage: 'ACKNOWLEDGE',
              daysOutstanding: 3,
              overdue: false,
            },
          ],
        },
        {
          country: 'MY',
          requests: [
            {
              ...cbr('C5'),
              counterpartAgency: 'JIM',
              status: 'ACKNOWLEDGED',
              openStage: 'DECIDE',
              daysOutstanding: 4,
              overdue: true,
            },
            {
              ...cbr('C3'),
              counterpartAgency: 'PDRM',
              status: 'ACCEPTED',
              openStage: 'EXECUTE',
              daysOutstanding: 40,
              overdue: false,
            },
          ],
        },
      ]);
    });

    it('lists the post’s overdue requests and tasks, and the escalations on its requests', () => {
      expect(content.sections.dueSoon).toEqual([
        {
          kind: 'TASK',
          ...tsk('TA1'),
          counterpartAgency: 'Ditjen Imigrasi',
          dueAt: days(1).toISOString(),
          status: 'OPEN',
        },
      ]);
      expect(content.sections.overdue).toEqual([
        {
          kind: 'CROSS_BORDER_REQUEST',
          ...cbr('C2'),
          counterpartAgency: 'AHTJP Police',
          dueAt: '2026-11-30T03:00:00.000Z',
          daysOverdue: 3,
        },
        {
          kind: 'CROSS_BORDER_REQUEST',
          ...cbr('C5'),
          counterpartAgency: 'JIM',
          dueAt: '2026-12-02T03:00:00.000Z',
          daysOverdue: 1,
        },
      ]);
      expect(content.sections.overdueByOthers).toEqual([]);
      expect(content.sections.referralsAwaiting).toEqual([]);
      expect(content.sections.escalations).toEqual([
        escalation('CROSS_BORDER_REQUEST', 'C2', 'due', '2026-11-30T03:00:20Z'),
        escalation('CROSS_BORDER_REQUEST', 'C2', 'supervisor', '2026-12-02T03:00:00Z'),
        escalation('CROSS_BORDER_REQUEST', 'C5', 'due', '2026-12-02T03:00:00Z'),
      ]);
      expect(content.sections.stalledCommitments).toEqual([
        {
          code: 'TEST-KH-ID-IMM-01',
          instrumentCode: 'TEST-KH-ID-IMM',
          ownerAgency: 'Atase Imigrasi PNH',
          lastActivityAt: '2026-05-01T00:00:00.000Z',
        },
      ]);
      expect(content.sections.agencyRanking).toEqual([]);
      // Last week: C4's execution deadline.
      expect(content.counts.thisWeek).toMatchObject({ overdueNow: 0, escalationsFired: 3 });
      expect(content.counts.lastWeek).toMatchObject({ escalationsFired: 1 });
    });
  });

  describe('people with nothing to hear about', () => {
    it('gives a liaison of a quiet agency an empty digest', async () => {
      const content = await digest('nobody');
      expect(isEmptyDigest(content)).toBe(true);
      expect(content.recipient.audiences).toEqual(['LIAISON']);
      expect(content.counts).toEqual({ thisWeek: noCounts, lastWeek: noCounts });
    });

    it('tells someone without a digest role (an auditor of a busy agency) nothing', async () => {
      const content = await digest('auditor');
      expect(content.recipient.audiences).toEqual([]);
      expect(isEmptyDigest(content)).toBe(true);
      expect(content.counts).toEqual({ thisWeek: noCounts, lastWeek: noCounts });
    });

    it('treats a case officer as a liaison', async () => {
      const content = await digest('polriOfficer');
      expect(content.recipient.audiences).toEqual(['LIAISON']);
      expect(content.sections.overdue.map((entry) => entry.reference)).toEqual([tsk('T15').reference]);
    });
  });

  it('carries reference codes only: no titles, descriptions, subjects, bodies, reasons, nor the person', async () => {
    const all = await Promise.all(
      ['liaison', 'supervisor', 'secretariat', 'attache', 'nobody', 'polriOfficer'].map(digest),
    );
    const json = JSON.stringify(all);
    expect(json).toContain(tsk('T1').reference);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain(VICTIM_NAME);
    expect(json).not.toContain(victim.code);
    expect(json).not.toContain(victim.id);
  });

  it('runs a fixed number of queries, however much work the agency has', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const queriesFor = async (name: string) => {
        spy.mockClear();
        await digest(name);
        return spy.mock.calls.length;
      };
      const busy = await queriesFor('supervisor');
      expect(await queriesFor('nobody')).toBe(busy);
      expect(await queriesFor('attache')).toBe(busy);
      // The ranking reads the accountability view (the units' members, their open work, the agencies' names) and
      // the data-quality section one query more: four, however many members and findings there are.
      expect(await queriesFor('secretariat')).toBe(busy + 4);
      // Statements, the transaction's own included; the repatriation section is one.
      expect(busy).toBeLessThanOrEqual(13);
    } finally {
      spy.mockRestore();
    }
  });

  it('computes a whole batch of recipients in those same statements, each digest as it is alone', async () => {
    const names = Object.keys(user);
    const alone = new Map<string, unknown>();
    for (const name of names) alone.set(name, await digest(name));
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      spy.mockClear();
      await digest('secretariat');
      const one = spy.mock.calls.length;
      spy.mockClear();
      const ids = [...names.map((name) => user[name].id), '00000000-0000-4000-8000-000000000000'];
      const batch = await sut.computeMany(ids, WEEK, NOW);
      expect(spy.mock.calls.length).toBe(one);
      // Whoever does not exist is left out; everyone else gets exactly the digest computed for them alone.
      expect(batch.size).toBe(names.length);
      for (const name of names)
        expect({ name, content: batch.get(user[name].id) }).toEqual({ name, content: alone.get(name) });
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a week that does not exist and a person who does not', async () => {
    await expect(sut.compute(user.liaison.id, '2026-W54', NOW)).rejects.toThrow(
      'Invalid ISO week "2026-W54": 2026 has weeks 01 to 53.',
    );
    await expect(sut.compute(user.liaison.id, '2026-48', NOW)).rejects.toThrow('Invalid ISO week "2026-48"');
    await expect(sut.compute('00000000-0000-4000-8000-000000000000', WEEK, NOW)).rejects.toMatchObject({
      reason: 'NOT_FOUND',
    });
  });
});
