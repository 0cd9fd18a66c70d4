import { Redis } from 'ioredis';

import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { eventually } from '@libs/testing/eventually';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

/** Only this suite uses this Redis database: it wipes it, as a Redis restarted without persistence would be. */
const REDIS_DATABASE = 13;
const at = (iso: string) => new Date(iso);

/** A task due Friday 6 November 2026, 17:00 in Jakarta; reminders 48 h and 24 h before, then the escalations. */
const DUE = at('2026-11-06T10:00:00Z');

/**
 * Issue 21, "a reminder whose time passed while Redis was down was still sent after the deadline": Redis loses the
 * delayed rung jobs, and by the time the sweep brings the ladder back the deadline has passed. The reminders are
 * SKIPPED with the reason (as planning skips past reminders); the escalations fire, late. Time is a controlled
 * clock; the sweep runs on its own schedule (nobody calls it).
 */
describe('outages: reminders that come due only after their deadline', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let clock: FixedClock;
  let api: TestApp;
  let worker: TestWorker;
  let redis: Redis;
  let token: string;
  const userId: Record<string, string> = {};
  const email: Record<string, string> = {};
  let assigneeAgencyId: string;

  beforeAll(async () => {
    env = await isolatedEnvironment({ redisDatabase: REDIS_DATABASE });
    redis = new Redis(env.redisUrl);
    await redis.flushdb();
    sink = await SmtpSink.start();
    clock = new FixedClock(at('2026-11-02T02:00:00Z'));
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '200', SWEEP_INTERVAL_MS: '500' };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    const factories = new Factories(api);
    const agencyOf = async (code: string) =>
      (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id as string;
    assigneeAgencyId = await agencyOf('DITJEN-IMIGRASI');
    const kemlu = await factories.user([Role.LIAISON], { agencyId: await agencyOf('KEMLU') });
    token = await api.login(kemlu.email, TEST_PASSWORD);
    for (const [name, roles] of [
      ['assignee', [Role.LIAISON]],
      ['otherLiaison', [Role.LIAISON]],
      ['supervisor', [Role.SUPERVISOR]],
    ] as const) {
      const user = await factories.user([...roles], { agencyId: assigneeAgencyId });
      userId[name] = user.id;
      email[name] = user.email;
    }
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await redis?.flushdb();
    await redis?.quit();
    await env?.drop();
  });

  const createTask = async (): Promise<string> => {
    clock.set(at('2026-11-02T02:00:00Z'));
    const created = await api.gql<{ createTask: { id: string } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
      {
        input: {
          assigneeAgencyId,
          assigneeUserId: userId.assignee,
          title: 'Verify identities of 28 citizens in Phnom Penh shelter',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { at: DUE.toISOString() },
        },
      },
      token,
    );
    expect(created.errors).toBeUndefined();
    await worker.drain();
    return created.data!.createTask.id;
  };
  const rungs = async (taskId: string) =>
    (await api.dataSource.query(
      `SELECT rung_key, status, note FROM escalation_rung WHERE item_id = $1 ORDER BY rung_index`,
      [taskId],
    )) as { rung_key: string; status: string; note: string | null }[];
  const mails = async (taskId: string) => {
    const rows: { id: string; rung_key: string; recipient_user_id: string }[] = await api.dataSource.query(
      `SELECT n.id, n.params->>'rungKey' AS rung_key, n.recipient_user_id FROM notification n
       WHERE n.subject_id = $1 AND n.kind IN ('DEADLINE_REMINDER', 'ESCALATION')`,
      [taskId],
    );
    return rows
      .flatMap((row) =>
        sink.received
          .filter((mail) => mail.notificationId === row.id)
          .map(
            () => `${row.rung_key} -> ${Object.keys(userId).find((name) => userId[name] === row.recipient_user_id)}`,
          ),
      )
      .sort();
  };

  it('Redis lost the ladder over the deadline: the reminders are skipped with the reason, the escalations fire late', async () => {
    const taskId = await createTask();
    await redis.flushdb();
    // The sweep brings the ladder back 23 s after the deadline ("due Friday 17:00", received after it).
    clock.set(new Date(DUE.getTime() + 23_000));
    await eventually(async () =>
      expect((await rungs(taskId)).find((rung) => rung.rung_key === 'due')?.status).toBe('FIRED'),
    );
    await eventually(async () => expect(await mails(taskId)).toEqual(['due -> assignee', 'due -> otherLiaison']));
    const ladder = await rungs(taskId);
    expect(ladder.slice(0, 3).map((rung) => [rung.rung_key, rung.status])).toEqual([
      ['reminder-48h', 'SKIPPED'],
      ['reminder-24h', 'SKIPPED'],
      ['due', 'FIRED'],
    ]);
    expect(ladder[0].note).toMatch(/^reminder not sent: its deadline had passed when it could fire \(2880 min late\)$/);
    expect(ladder[1].note).toMatch(/\(1440 min late\)/);
    const [reminders] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE subject_id = $1 AND kind = 'DEADLINE_REMINDER'`,
      [taskId],
    );
    expect(reminders.n).toBe(0);

    // A day past the supervisor rung (Tuesday 10 November) with the worker away: it fires, late, once.
    clock.set(at('2026-11-11T10:00:00Z'));
    await eventually(async () =>
      expect(await mails(taskId)).toEqual(['due -> assignee', 'due -> otherLiaison', 'supervisor -> supervisor']),
    );
    expect((await rungs(taskId)).map((rung) => rung.status)).toEqual([
      'SKIPPED',
      'SKIPPED',
      'FIRED',
      'FIRED',
      'SCHEDULED',
    ]);
  });

  it('a reminder that is late but still before its deadline goes out', async () => {
    const taskId = await createTask();
    await redis.flushdb();
    // Both reminders' times passed while Redis was away, the deadline has not.
    clock.set(at('2026-11-05T12:00:00Z'));
    await eventually(async () =>
      expect(await mails(taskId)).toEqual(['reminder-24h -> assignee', 'reminder-48h -> assignee']),
    );
    expect((await rungs(taskId)).map((rung) => rung.status)).toEqual([
      'FIRED',
      'FIRED',
      'SCHEDULED',
      'SCHEDULED',
      'SCHEDULED',
    ]);
  });
});
