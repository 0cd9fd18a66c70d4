import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';

import { FixedClock } from '@app/kernel/clock';
import { DigestScheduler } from '@app/modules/digests/digest-scheduler';
import { Role } from '@app/kernel/role.enum';
import { JobName, QueueName } from '@app/queue/queue.names';
import { eventually } from '@libs/testing/eventually';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';
import { TEST_PII_KEY, TEST_TOKEN_SECRET } from '@libs/testing/test-environment';
import { TestWorker } from '@libs/testing/test-worker';

const run = promisify(execFile);

/** One liaison in each time zone the task force works in. */
const ZONES = {
  jakarta: 'Asia/Jakarta',
  makassar: 'Asia/Makassar',
  jayapura: 'Asia/Jayapura',
  phnomPenh: 'Asia/Phnom_Penh',
  kualaLumpur: 'Asia/Kuala_Lumpur',
} as const;

/**
 * The weekly digest schedule: every hour the fan-out starts the digests of everyone whose Monday 07:00 has
 * come, once per person and ISO week, whatever reruns, sweeps or duplicate firings happen.
 */
describe('weekly digest schedule', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let clock: FixedClock;
  let api: TestApp;
  let worker: TestWorker;
  const email: Record<string, string> = {};
  const userId: Record<string, string> = {};
  const token: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    // Sunday 29 November 2026, 20:00 UTC: Monday 30 November (2026-W49) has not begun anywhere yet.
    clock = new FixedClock(new Date('2026-11-29T20:00:00Z'));
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '200' };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    const factories = new Factories(api);
    const polri = (await api.dataSource.query(`SELECT id FROM agency WHERE code = 'POLRI'`))[0].id;
    const make = async (name: string, roles: Role[], timeZone: string, agencyId?: string) => {
      const created = await factories.user(roles, { timeZone, ...(agencyId ? { agencyId } : {}) });
      email[name] = created.email;
      userId[name] = created.id;
      token[name] = await api.login(created.email, TEST_PASSWORD);
    };
    for (const [name, zone] of Object.entries(ZONES)) await make(name, [Role.LIAISON], zone);
    await make('optedOut', [Role.LIAISON], 'Asia/Jakarta');
    await make('noDigestRole', [Role.AUDITOR], 'Asia/Jakarta');
    await make('admin', [Role.ADMINISTRATOR], 'Asia/Jakarta', polri);
    // The fan-out only counts people who existed when the digest fell due. The database stamps created_at
    // with the real date, which may be after this test's fixed Monday: put the accounts in the test's time.
    await api.dataSource.query(`UPDATE app_user SET created_at = $1 WHERE id = ANY($2::uuid[])`, [
      new Date('2026-11-01T00:00:00Z'),
      Object.values(userId),
    ]);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  const digestsTo = (name: string) =>
    sink.to(email[name]).filter((mail) => /\[Simpul\] (Ringkasan mingguan|Weekly digest)/.test(mail.subject));
  let firing = 0;
  /** The hourly scheduler firing at `iso` (a job on the real queue, as BullMQ's scheduler would add it). */
  const hourStrikes = async (iso: string) => {
    clock.set(new Date(iso));
    firing += 1;
    await worker.queues.queue(QueueName.DIGESTS).add(JobName.DIGEST_FAN_OUT, {}, { jobId: `test-fan-out-${firing}` });
    await worker.drain();
  };

  it('sends each person their digest at their own Monday 07:00, once', async () => {
    // A person in the register: nothing of them may reach any digest.
    const victim = await api.gql<{ registerVictim: { code: string } }>(
      'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { code } }',
      {
        input: {
          identity: { fullName: 'Kartini Wahyuningsih', passportNumber: 'A7734519' },
          sex: 'FEMALE',
          ageBand: 'ADULT_18_24',
          nationality: 'ID',
        },
      },
      token.jakarta,
    );
    expect(victim.errors).toBeUndefined();
    const opt = await api.gql(
      'mutation ($input: UpdateDigestSubscriptionInput!) { updateDigestSubscription(input: $input) { subscribed } }',
      { input: { subscribed: false } },
      token.optedOut,
    );
    expect(opt.errors).toBeUndefined();

    const firstSeen: Record<string, string> = {};
    for (const hour of ['20', '21', '22', '23']) {
      await hourStrikes(`2026-11-29T${hour}:00:00Z`);
      for (const name of Object.keys(ZONES)) if (digestsTo(name).length > 0) firstSeen[name] ??= `29T${hour}`;
    }
    for (const hour of ['00', '01', '02', '06']) {
      await hourStrikes(`2026-11-30T${hour}:00:00Z`);
      for (const name of Object.keys(ZONES)) if (digestsTo(name).length > 0) firstSeen[name] ??= `30T${hour}`;
    }
    // 07:00 local: WIT (UTC+9) at 22:00 UTC on Sunday, WITA and Malaysia (UTC+8) at 23:00, WIB and Cambodia (UTC+7) at 00:00.
    expect(firstSeen).toEqual({
      jayapura: '29T22',
      makassar: '29T23',
      kualaLumpur: '29T23',
      jakarta: '30T00',
      phnomPenh: '30T00',
    });
    for (const name of Object.keys(ZONES)) expect(digestsTo(name)).toHaveLength(1);
    expect(digestsTo('optedOut')).toHaveLength(0);
    for (const mail of sink.received) {
      expect(mail.raw).not.toContain('Kartini');
      expect(mail.raw).not.toContain('A7734519');
    }
    // What arrived, read by a real mail parser: both parts, in the reader's language (Bahasa Indonesia default).
    const parsed = await simpleParser(digestsTo('jakarta')[0].raw);
    // Sent on Monday of 2026-W49, it reports on the week that just ended.
    expect(parsed.subject).toMatch(/^\[Simpul\] Ringkasan mingguan 2026-W48/);
    expect(parsed.text?.length).toBeGreaterThan(50);
    expect(String(parsed.html)).toMatch(/<html[^>]*lang="id"/);
    expect(sink.to(email.noDigestRole)).toHaveLength(0);

    // Reruns, a sweep and a second copy of a send job change nothing.
    await hourStrikes('2026-11-30T07:00:00Z');
    await worker.sweep();
    const [run] = await api.dataSource.query(`SELECT id FROM digest_run WHERE user_id = $1`, [userId.jakarta]);
    await worker.queues
      .queue(QueueName.DIGESTS)
      .add(JobName.SEND_DIGEST, { digestRunId: run.id }, { jobId: `again-${run.id}` });
    await worker.drain();
    for (const name of Object.keys(ZONES)) expect(digestsTo(name)).toHaveLength(1);

    const runs = await api.gql<{
      digestRuns: { isoWeek: string; sent: number; skipped: number; failed: number; pending: number }[];
    }>('{ digestRuns { isoWeek sent skipped failed pending } }', {}, token.admin);
    expect(runs.data!.digestRuns[0]).toEqual({ isoWeek: '2026-W49', sent: 5, skipped: 1, failed: 0, pending: 0 });
    expect(firstErrorCode(await api.gql('{ digestRuns { isoWeek } }', {}, token.jakarta))).toBe('FORBIDDEN');
  });

  it('still sends every missing digest after Redis lost the jobs, through the sweep', async () => {
    // A new week; Monday 7 December, 01:00 UTC: due in every zone. The fan-out's jobs are lost before they run.
    clock.set(new Date('2026-12-07T01:00:00Z'));
    const scheduler = worker.context.get(DigestScheduler);
    const started = await scheduler.fanOut(clock.now());
    expect(started.pending).toBe(5);
    const queue = worker.queues.queue(QueueName.DIGESTS);
    await queue.obliterate({ force: true });
    expect(await queue.count()).toBe(0);
    clock.set(new Date('2026-12-07T01:01:00Z'));
    await worker.sweep();
    await worker.drain();
    for (const name of Object.keys(ZONES)) expect(digestsTo(name)).toHaveLength(2);
  });

  it('lets an administrator switch a unit’s digests off, and preview anyone’s digest', async () => {
    const units: { unit_id: string }[] = await api.dataSource.query(
      `SELECT DISTINCT m.unit_id FROM membership m JOIN app_user u ON u.agency_id = m.agency_id WHERE u.id = $1`,
      [userId.admin],
    );
    expect(units.length).toBeGreaterThan(0);
    const toggle = (unitId: string, subscribed: boolean, as = 'admin') =>
      api.gql(
        'mutation ($input: UpdateDigestSubscriptionInput!) { updateDigestSubscription(input: $input) { subscribed unitId } }',
        {
          input: { subscribed, unitId },
        },
        token[as],
      );
    expect(firstErrorCode(await toggle(units[0].unit_id, false, 'jakarta'))).toBe('FORBIDDEN');
    for (const { unit_id } of units) expect((await toggle(unit_id, false)).errors).toBeUndefined();
    // Polri's liaison (all of whose units are off) gets a SKIPPED run for the next week.
    const factories = new Factories(api);
    const polri = (await api.dataSource.query(`SELECT agency_id FROM app_user WHERE id = $1`, [userId.admin]))[0]
      .agency_id;
    const liaison = await factories.user([Role.LIAISON], { agencyId: polri, timeZone: 'Asia/Jakarta' });
    clock.set(new Date('2026-12-14T01:00:00Z'));
    await worker.context.get(DigestScheduler).fanOut(clock.now());
    const [run] = await api.dataSource.query(`SELECT status, note FROM digest_run WHERE user_id = $1`, [liaison.id]);
    expect(run).toEqual({ status: 'SKIPPED', note: 'digests switched off for the unit' });

    const preview = await api.gql<{ digestPreview: { isoWeek: string; subject: string; html: string; text: string } }>(
      'query ($userId: ID!, $week: String) { digestPreview(userId: $userId, week: $week) { isoWeek subject html text } }',
      { userId: userId.kualaLumpur, week: '2026-W50' },
      token.admin,
    );
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.digestPreview.isoWeek).toBe('2026-W50');
    expect(preview.data!.digestPreview.html).toMatch(/<html/i);
    expect(preview.data!.digestPreview.text.length).toBeGreaterThan(20);
    const badWeek = await api.gql(
      'query ($userId: ID!) { digestPreview(userId: $userId, week: "2026-W60") { subject } }',
      { userId: userId.jakarta },
      token.admin,
    );
    expect(firstErrorCode(badWeek)).toBe('BAD_USER_INPUT');
    expect(
      firstErrorCode(
        await api.gql(
          'query ($userId: ID!) { digestPreview(userId: $userId) { subject } }',
          { userId: userId.jakarta },
          token.jakarta,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('npm run digest:send sends a week now, and a second run sends nothing', async () => {
    const env2 = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      TZ: 'UTC',
      NODE_ENV: 'test',
      ...env.env,
      SMTP_URL: sink.url,
      AUTH_TOKEN_SECRET: TEST_TOKEN_SECRET,
      PII_ENCRYPTION_KEY: TEST_PII_KEY,
    };
    const command = [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'src/cli/main.ts',
      'digest:send',
      '--week',
      '2027-W02',
      '--user',
      email.makassar,
    ];
    const cwd = join(__dirname, '..');
    // The previous test started week 2026-W51; its digests must be out before counting what the command adds.
    await worker.drain();
    const before = digestsTo('makassar').length;
    const first = await run(process.execPath, command, { cwd, env: env2 });
    expect(first.stdout).toContain('Digests for 2027-W02: 1 sent, 0 skipped, 0 failed');
    expect(digestsTo('makassar')).toHaveLength(before + 1);
    const second = await run(process.execPath, command, { cwd, env: env2 });
    expect(second.stdout).toContain('Digests for 2027-W02: 0 sent');
    expect(digestsTo('makassar')).toHaveLength(before + 1);
    await expect(
      run(process.execPath, [...command.slice(0, 6), '--week', '2027-X1'], { cwd, env: env2 }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('--week 2026-W48'),
    });
  }, 120_000);

  it('a fan-out job given a week starts it now in every zone, once; a payload that is not a week fails it', async () => {
    // Sunday evening UTC: no zone's Monday 07:00 of 2027-W05 has come, and the week given is started anyway.
    clock.set(new Date('2027-01-31T12:00:00Z'));
    const queue = worker.queues.queue(QueueName.DIGESTS);
    await queue.add(JobName.DIGEST_FAN_OUT, { isoWeek: '2027-W05' }, { jobId: 'week-given-1' });
    await worker.drain();
    const runs = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        (
          (await api.dataSource.query(
            `SELECT status, count(*)::int AS n FROM digest_run WHERE iso_week = '2027-W05' GROUP BY status`,
          )) as { status: string; n: number }[]
        ).map((row) => [row.status, row.n]),
      );
    // The five zones' liaisons get one each; the opted-out liaison's and Polri's liaison's (its units' digests were
    // switched off above) are SKIPPED.
    expect(await runs()).toEqual({ SENT: 5, SKIPPED: 2 });
    await queue.add(JobName.DIGEST_FAN_OUT, { isoWeek: '2027-W05' }, { jobId: 'week-given-2' });
    await worker.drain();
    expect(await runs()).toEqual({ SENT: 5, SKIPPED: 2 });

    const bad = await queue.add(JobName.DIGEST_FAN_OUT, { isoWeek: '2027-W99' }, { jobId: 'week-given-bad' });
    await eventually(async () => expect(await bad.getState()).toBe('failed'));
    expect((await queue.getJob(bad.id!))?.failedReason).toBe(
      'Malformed digest.fan-out job: isoWeek must be a week such as 2026-W48 (got "2027-W99")',
    );
  });
});

describe('weekly digests at a high worker concurrency', () => {
  it('sends every digest when the worker runs more digest jobs at once than it has database connections', async () => {
    const env = await isolatedEnvironment();
    const sink = await SmtpSink.start();
    const clock = new FixedClock(new Date());
    const settings = { ...env.env, SMTP_URL: sink.url, WORKER_CONCURRENCY: '30' };
    const api = await TestApp.start(settings, { clock });
    // The pool has 20 connections; 30 digest jobs run at once.
    const worker = await TestWorker.start(settings, { clock });
    try {
      const factories = new Factories(api);
      const emails: string[] = [];
      for (let i = 0; i < 40; i++)
        emails.push((await factories.user([Role.LIAISON], { timeZone: 'Asia/Jakarta' })).email);
      // Next Monday, 09:00 in Jakarta: the digest is due, for accounts that existed by 07:00 (the database stamps
      // them with its own clock, which is now).
      const [{ now }] = await api.dataSource.query('SELECT clock_timestamp() AS now');
      clock.set(
        DateTime.fromJSDate(now, { zone: 'Asia/Jakarta' }).startOf('week').plus({ weeks: 1, hours: 9 }).toJSDate(),
      );
      await worker.queues.queue(QueueName.DIGESTS).add(JobName.DIGEST_FAN_OUT, {}, { jobId: 'concurrency-fan-out' });
      await worker.drain(60_000);
      for (const address of emails) expect(sink.to(address)).toHaveLength(1);
      const [{ unsent }] = await worker.dataSource.query(
        `SELECT count(*) FILTER (WHERE status <> 'SENT')::int AS unsent FROM digest_run`,
      );
      expect(unsent).toBe(0);
    } finally {
      await worker.stop();
      await api.stop();
      await sink.stop();
      await env.drop();
    }
  }, 120_000);
});
