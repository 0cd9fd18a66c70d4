import { Redis } from 'ioredis';

import { FixedClock } from '@app/kernel/clock';
import { Locale, Role } from '@app/kernel/role.enum';
import { QueueName } from '@app/queue/queue.names';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

/** Only this suite uses this Redis database: it wipes it, as a Redis restarted without persistence would be. */
const REDIS_DATABASE = 7;

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;

/**
 * The default task ladder (DOMAIN.md section 5) for a task due Friday 6 November 2026, 17:00 in Jakarta:
 * reminders 48 h and 24 h before, the deadline, +2 and +5 working days (Jakarta calendar, no holidays then).
 */
const DUE = at('2026-11-06T10:00:00Z');
const LADDER = [
  { key: 'reminder-48h', fireAt: at('2026-11-04T10:00:00Z') },
  { key: 'reminder-24h', fireAt: at('2026-11-05T10:00:00Z') },
  { key: 'due', fireAt: DUE },
  { key: 'supervisor', fireAt: at('2026-11-10T10:00:00Z') },
  { key: 'secretariat', fireAt: at('2026-11-13T10:00:00Z') },
];

interface RungRow {
  rung_key: string;
  deadline_version: number;
  status: string;
  fire_at: Date;
  recipient_count: number | null;
}

describe('escalation ladder of a task (controlled clock, real Redis, real SMTP)', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let clock: FixedClock;
  let api: TestApp;
  let worker: TestWorker;
  let redis: Redis;
  const agencyId: Record<string, string> = {};
  const token: Record<string, string> = {};
  const email: Record<string, string> = {};
  const userId: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment({ redisDatabase: REDIS_DATABASE });
    redis = new Redis(env.redisUrl);
    await redis.flushdb();
    sink = await SmtpSink.start();
    clock = new FixedClock(at('2026-11-02T02:00:00Z'));
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '200' };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    const factories = new Factories(api);
    for (const code of ['KEMLU', 'DITJEN-IMIGRASI', 'POLRI']) {
      agencyId[code] = (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    const user = async (name: string, roles: Role[], code: string, locale = Locale.ID) => {
      const created = await factories.user(roles, { agencyId: agencyId[code], locale });
      email[name] = created.email;
      userId[name] = created.id;
      token[name] = await api.login(created.email, TEST_PASSWORD);
    };
    await user('kemlu', [Role.LIAISON], 'KEMLU');
    await user('assignee', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await user('otherLiaison', [Role.LIAISON], 'DITJEN-IMIGRASI', Locale.EN);
    await user('supervisor', [Role.SUPERVISOR], 'DITJEN-IMIGRASI');
    await user('secretariat', [Role.SECRETARIAT], 'POLRI');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await redis?.flushdb();
    await redis?.quit();
    await env?.drop();
  });

  beforeEach(() => clock.set(at('2026-11-02T02:00:00Z')));

  const createTask = async (due: Date): Promise<{ id: string; reference: string }> => {
    const created = await api.gql<{ createTask: { id: string; reference: string } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id reference } }',
      {
        input: {
          assigneeAgencyId: agencyId['DITJEN-IMIGRASI'],
          assigneeUserId: userId.assignee,
          title: 'Verify identities of 28 citizens in Phnom Penh shelter',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { at: due.toISOString() },
        },
      },
      token.kemlu,
    );
    expect(created.errors).toBeUndefined();
    await worker.drain();
    return created.data!.createTask;
  };

  const rungsOf = (taskId: string): Promise<RungRow[]> =>
    api.dataSource.query(
      `SELECT rung_key, deadline_version, status, fire_at, recipient_count FROM escalation_rung
       WHERE item_id = $1 ORDER BY deadline_version, rung_index`,
      [taskId],
    );

  /** What the passing of real time does: every delayed rung job becomes due (one too early waits again). */
  const timePasses = async (to: Date): Promise<void> => {
    clock.set(to);
    const delayed = await worker.queues.queue(QueueName.ESCALATIONS).getJobs(['delayed']);
    for (const job of delayed) await job.promote().catch(() => undefined);
    await worker.drain();
  };

  /**
   * Escalation and reminder emails the SMTP sink received about one task, as "rungKey -> recipient", in ladder
   * order (emails of rungs that fire together may arrive in any order); a duplicate would show twice.
   */
  const ladderMails = async (taskId: string): Promise<string[]> => {
    const rows: { id: string; rung_key: string; email: string }[] = await api.dataSource.query(
      `SELECT n.id, r.rung_key, u.email FROM notification n
       JOIN escalation_rung r ON r.id = split_part(n.dedupe_key, '.', 2)::uuid
       JOIN app_user u ON u.id = n.recipient_user_id
       WHERE n.subject_id = $1 AND n.kind IN ('DEADLINE_REMINDER', 'ESCALATION')
       ORDER BY r.deadline_version, r.rung_index`,
      [taskId],
    );
    const mails: string[] = [];
    for (const row of rows) {
      const received = sink.received.filter((mail) => mail.notificationId === row.id);
      for (const mail of received) expect(mail.to).toEqual([row.email]);
      mails.push(...received.map(() => `${row.rung_key} -> ${nameOf(row.email)}`));
    }
    return mails;
  };
  const nameOf = (address: string) => Object.keys(email).find((name) => email[name] === address) ?? address;

  it('fires exactly the rungs of the policy, in order, each at its time, to the right people', async () => {
    const task = await createTask(DUE);
    const planned = await rungsOf(task.id);
    expect(planned.map((rung) => [rung.rung_key, rung.status, new Date(rung.fire_at).toISOString()])).toEqual(
      LADDER.map((rung) => [rung.key, 'SCHEDULED', rung.fireAt.toISOString()]),
    );

    const expected: Record<string, string[]> = {
      'reminder-48h': ['assignee'],
      'reminder-24h': ['assignee'],
      due: ['assignee', 'otherLiaison'],
      supervisor: ['supervisor'],
      secretariat: ['secretariat'],
    };
    const seen: string[] = [];
    for (const rung of LADDER) {
      // A minute early nothing happens, even with the job made due.
      await timePasses(new Date(rung.fireAt.getTime() - 2 * MINUTE));
      expect(await ladderMails(task.id)).toEqual(seen);
      await timePasses(rung.fireAt);
      const now = await ladderMails(task.id);
      const fresh = now.slice(seen.length).sort();
      expect(fresh).toEqual(expected[rung.key].map((name) => `${rung.key} -> ${name}`).sort());
      seen.push(...now.slice(seen.length));
    }

    // Long after the last rung, with the sweep run again, nothing more arrives.
    await timePasses(at('2026-12-01T00:00:00Z'));
    await worker.sweep();
    await worker.drain();
    expect(await ladderMails(task.id)).toHaveLength(seen.length);

    const rungs = await rungsOf(task.id);
    expect(rungs.map((rung) => [rung.rung_key, rung.status, rung.recipient_count])).toEqual([
      ['reminder-48h', 'FIRED', 1],
      ['reminder-24h', 'FIRED', 1],
      ['due', 'FIRED', 2],
      ['supervisor', 'FIRED', 1],
      ['secretariat', 'FIRED', 1],
    ]);

    // Each firing is on the task's history, in order; reminders are reminders, the rest escalations.
    const history = await api.gql<{ task: { history: { kind: string }[] } }>(
      'query ($id: ID!) { task(id: $id) { history { kind } } }',
      { id: task.id },
      token.kemlu,
    );
    expect(history.data!.task.history.filter((entry) => entry.kind === 'ESCALATED')).toHaveLength(5);
    const kinds: { rung_key: string; kind: string; critical: boolean }[] = await api.dataSource.query(
      `SELECT params->>'rungKey' AS rung_key, kind, critical FROM notification WHERE subject_id = $1
       AND kind IN ('DEADLINE_REMINDER', 'ESCALATION') AND recipient_user_id = $2 ORDER BY created_at`,
      [task.id, userId.assignee],
    );
    expect(kinds).toEqual([
      { rung_key: 'reminder-48h', kind: 'DEADLINE_REMINDER', critical: false },
      { rung_key: 'reminder-24h', kind: 'DEADLINE_REMINDER', critical: false },
      { rung_key: 'due', kind: 'ESCALATION', critical: true },
    ]);

    // The supervisor sees it in the app too, in their language, with the reference and no free text.
    const inbox = await api.gql<{
      myNotifications: { unreadCount: number; edges: { node: { kind: string; reference: string; message: string } }[] };
    }>(
      '{ myNotifications(first: 10) { unreadCount edges { node { kind reference message } } } }',
      {},
      token.supervisor,
    );
    expect(inbox.data!.myNotifications.edges.map((edge) => edge.node)).toEqual([
      { kind: 'ESCALATION', reference: task.reference, message: expect.stringContaining(task.reference) },
    ]);
    const englishMail = sink.to(email.otherLiaison).find((mail) => mail.subject.startsWith('[Simpul] Escalation'));
    expect(englishMail?.subject).toBe(`[Simpul] Escalation: ${task.reference} is past its deadline`);
  });

  it('re-dating restarts the ladder: the old rungs never fire, the new ones do', async () => {
    const task = await createTask(DUE);
    await timePasses(LADDER[0].fireAt);
    expect(await ladderMails(task.id)).toEqual(['reminder-48h -> assignee']);

    const NEW_DUE = at('2026-11-20T10:00:00Z');
    const moved = await api.gql(
      'mutation ($input: RescheduleTaskInput!) { rescheduleTask(input: $input) { id } }',
      { input: { id: task.id, due: { at: NEW_DUE.toISOString() }, reason: 'Embassy asked for two more weeks' } },
      token.kemlu,
    );
    expect(moved.errors).toBeUndefined();
    await worker.drain();
    const rungs = await rungsOf(task.id);
    expect(rungs.filter((rung) => rung.deadline_version === 1).map((rung) => [rung.rung_key, rung.status])).toEqual([
      ['reminder-48h', 'FIRED'],
      ['reminder-24h', 'CANCELLED'],
      ['due', 'CANCELLED'],
      ['supervisor', 'CANCELLED'],
      ['secretariat', 'CANCELLED'],
    ]);
    expect(rungs.filter((rung) => rung.deadline_version === 2).map((rung) => rung.status)).toEqual(
      Array(5).fill('SCHEDULED'),
    );

    // The old deadline passes (its jobs are made due): nothing. The new reminder and deadline fire.
    await timePasses(at('2026-11-07T00:00:00Z'));
    await worker.sweep();
    await worker.drain();
    expect(await ladderMails(task.id)).toEqual(['reminder-48h -> assignee']);
    await timePasses(at('2026-11-18T10:00:00Z'));
    // Each reminder on time: one that comes due only at the deadline is skipped (see the outages suites).
    await timePasses(at('2026-11-19T10:00:00Z'));
    await timePasses(NEW_DUE);
    const mails = await ladderMails(task.id);
    expect(mails.slice(1, 2)).toEqual(['reminder-48h -> assignee']);
    expect(mails.slice(3).sort()).toEqual(['due -> assignee', 'due -> otherLiaison']);
    expect(mails).toHaveLength(5);
  });

  it('completing the task stops the ladder', async () => {
    const task = await createTask(DUE);
    // Each rung on time (a reminder that comes due only after the deadline is skipped: see the outages suite).
    for (const rung of LADDER.slice(0, 3)) await timePasses(rung.fireAt);
    expect(await ladderMails(task.id)).toHaveLength(4);
    for (const step of ['acknowledgeTask', 'startTask', 'completeTask']) {
      const done = await api.gql(
        `mutation ($input: TaskTransitionInput!) { ${step}(input: $input) { status } }`,
        { input: { id: task.id } },
        token.assignee,
      );
      expect(done.errors).toBeUndefined();
    }
    await worker.drain();
    expect((await rungsOf(task.id)).map((rung) => rung.status)).toEqual([
      'FIRED',
      'FIRED',
      'FIRED',
      'CANCELLED',
      'CANCELLED',
    ]);
    await timePasses(at('2026-12-01T00:00:00Z'));
    await worker.sweep();
    await worker.drain();
    expect(await ladderMails(task.id)).toHaveLength(4);
  });

  it('after Redis loses everything mid-ladder, every remaining rung still fires exactly once', async () => {
    const task = await createTask(DUE);
    await timePasses(LADDER[1].fireAt);
    expect(await ladderMails(task.id)).toEqual(['reminder-48h -> assignee', 'reminder-24h -> assignee']);

    // PostgreSQL schedules the rungs: Redis holds no job for the three still waiting, and loses nothing of them.
    const queue = worker.queues.queue(QueueName.ESCALATIONS);
    expect(await queue.getDelayedCount()).toBe(0);
    await redis.flushdb();

    // Time passes beyond the whole ladder while Redis holds nothing; the minute sweep finds the due rungs.
    clock.set(at('2026-11-06T10:00:30Z'));
    await worker.sweep();
    await worker.drain();
    clock.set(at('2026-11-13T10:00:30Z'));
    // The sweep runs every minute; running it twice more here must not send anything twice.
    await worker.sweep();
    await worker.sweep();
    await worker.drain();
    await worker.sweep();
    await worker.drain();

    const mails = await ladderMails(task.id);
    expect(mails.slice(0, 2)).toEqual(['reminder-48h -> assignee', 'reminder-24h -> assignee']);
    expect(mails.slice(2).sort()).toEqual(
      ['due -> assignee', 'due -> otherLiaison', 'supervisor -> supervisor', 'secretariat -> secretariat'].sort(),
    );
    expect((await rungsOf(task.id)).every((rung) => rung.status === 'FIRED')).toBe(true);
  });

  it('running a rung job twice, or two copies at once, notifies once', async () => {
    const task = await createTask(DUE);
    await timePasses(LADDER[0].fireAt);
    const [rung] = (await rungsOf(task.id)).slice(0, 1);
    expect(rung.status).toBe('FIRED');
    const { id } = (
      await api.dataSource.query(`SELECT id FROM escalation_rung WHERE item_id = $1 AND rung_key = 'reminder-48h'`, [
        task.id,
      ])
    )[0];
    const queue = worker.queues.queue(QueueName.ESCALATIONS);
    // Fresh jobs for the same rung (ids Redis has never seen): they find it FIRED and do nothing.
    await queue.addBulk([
      { name: 'escalation.fire', data: { rungId: id }, opts: { jobId: `again-a-${id}` } },
      { name: 'escalation.fire', data: { rungId: id }, opts: { jobId: `again-b-${id}` } },
    ]);
    await worker.drain();
    expect(await ladderMails(task.id)).toEqual(['reminder-48h -> assignee']);
  });

  it('marks commitments with no activity for their configured time STALLED, once', async () => {
    const commitments: { id: string; created_at: Date; stall_after_days: number }[] = await api.dataSource.query(
      `SELECT id, created_at, stall_after_days FROM agreement_commitment WHERE status = 'ACTIVE' ORDER BY code`,
    );
    expect(commitments.length).toBeGreaterThanOrEqual(2);
    const latest = Math.max(
      ...commitments.map((c) => new Date(c.created_at).getTime() + c.stall_after_days * 86_400_000),
    );
    clock.set(new Date(latest + 86_400_000));
    // One commitment moved yesterday (a linked task changed): it stays ACTIVE.
    const [lively, ...idle] = commitments;
    await api.dataSource.query(`UPDATE agreement_commitment SET last_activity_at = $2 WHERE id = $1`, [
      lively.id,
      new Date(clock.now().getTime() - 86_400_000),
    ]);

    const queue = worker.queues.queue(QueueName.MAINTENANCE);
    await queue.add('maintenance.detect-stalled-commitments', {}, { jobId: 'stall-check-1' });
    await worker.drain();
    const status = async () =>
      new Map(
        (
          (await api.dataSource.query(`SELECT id, status FROM agreement_commitment`)) as {
            id: string;
            status: string;
          }[]
        ).map((row) => [row.id, row.status]),
      );
    const after = await status();
    expect(after.get(lively.id)).toBe('ACTIVE');
    for (const commitment of idle) expect(after.get(commitment.id)).toBe('STALLED');
    const events = async () =>
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'commitment.stalled'`))[0]
        .n;
    expect(await events()).toBe(idle.length);

    // The hourly run again: nothing changes, no second event.
    await queue.add('maintenance.detect-stalled-commitments', {}, { jobId: 'stall-check-2' });
    await worker.drain();
    expect(await status()).toEqual(after);
    expect(await events()).toBe(idle.length);
    const failed = await queue.getFailed();
    expect(failed.map((job) => job.failedReason)).toEqual([]);
  });
});
