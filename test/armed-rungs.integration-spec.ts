import { Redis } from 'ioredis';

import { FixedClock } from '@app/kernel/clock';
import { Locale, Role } from '@app/kernel/role.enum';
import { eventually } from '@libs/testing/eventually';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

/** Only this suite uses this Redis database: it wipes it, as a Redis restarted without persistence would be. */
const REDIS_DATABASE = 21;
const MINUTE = 60_000;

/**
 * Rungs without an action are armed ahead of their time (RUNG_ARM_AHEAD_MS, five minutes by default): their
 * notifications, history entry and events are written then, dated at the rung's time and shown only from it, and at
 * its time the rung is only settled. These tests arm a task's `due` rung two minutes early and check what people see
 * before and after, and that a change to the task or to the directory in between undoes the arming.
 *
 * The clock is controlled but kept a day ahead of real time: the directory triggers disarm rungs not yet due by
 * PostgreSQL's own clock.
 */
describe('armed escalation rungs (controlled clock, real Redis, real SMTP)', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let clock: FixedClock;
  let api: TestApp;
  let worker: TestWorker;
  let redis: Redis;
  let factories: Factories;
  let due: Date;
  const agencyId: Record<string, string> = {};
  const token: Record<string, string> = {};
  const email: Record<string, string> = {};
  const userId: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment({ redisDatabase: REDIS_DATABASE });
    redis = new Redis(env.redisUrl);
    await redis.flushdb();
    sink = await SmtpSink.start();
    clock = new FixedClock(new Date());
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '200' };
    api = await TestApp.start(settings, { clock });
    // Rungs are armed and released only when a test drains the worker, so each step is seen as it leaves things.
    worker = await TestWorker.start({ ...settings, RUNG_POLL_MS: '0' }, { clock });
    factories = new Factories(api);
    for (const code of ['KEMLU', 'DITJEN-IMIGRASI', 'POLRI']) {
      agencyId[code] = (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    await user('kemlu', [Role.LIAISON], 'KEMLU');
    await user('imigrasi', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await user('imigrasiEn', [Role.LIAISON], 'DITJEN-IMIGRASI', Locale.EN);
    await user('polri', [Role.LIAISON], 'POLRI');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await redis?.flushdb();
    await redis?.quit();
    await env?.drop();
  });

  const user = async (name: string, roles: Role[], code: string, locale = Locale.ID) => {
    const created = await factories.user(roles, { agencyId: agencyId[code], locale });
    email[name] = created.email;
    userId[name] = created.id;
    token[name] = await api.login(created.email, TEST_PASSWORD);
  };

  beforeEach(() => {
    // A whole minute a day ahead, so each test's task falls due at its own instant.
    due = new Date(Math.ceil((Date.now() + 24 * 60 * MINUTE) / MINUTE) * MINUTE);
    clock.set(new Date(due.getTime() - 10 * MINUTE));
    sink.clear();
  });

  /** A task of Kemlu's for Imigrasi, due at `due`: ten minutes ahead its reminders are past (skipped), `due` is not. */
  const createTask = async (): Promise<{ id: string; reference: string }> => {
    const created = await api.gql<{ createTask: { id: string; reference: string } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id reference } }',
      {
        input: {
          assigneeAgencyId: agencyId['DITJEN-IMIGRASI'],
          title: 'Verify the travel documents of the returnees',
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

  const timePasses = async (to: Date): Promise<void> => {
    clock.set(to);
    await worker.drain();
  };

  const dueRung = async (taskId: string) =>
    (
      (await api.dataSource.query(
        `SELECT id, status, armed_at, settled_at, recipient_count FROM escalation_rung
         WHERE item_id = $1 AND rung_key = 'due' ORDER BY deadline_version DESC LIMIT 1`,
        [taskId],
      )) as { id: string; status: string; armed_at: Date | null; settled_at: Date | null; recipient_count: number }[]
    )[0];

  /** What one person's inbox shows about a task (the API: what they see), and their unread count. */
  const inbox = async (name: string, reference: string) => {
    const result = await api.gql<{
      myNotifications: { unreadCount: number; edges: { node: { kind: string; reference: string } }[] };
    }>('{ myNotifications(first: 50) { unreadCount edges { node { kind reference } } } }', {}, token[name]);
    expect(result.errors).toBeUndefined();
    const { unreadCount, edges } = result.data!.myNotifications;
    return {
      unreadCount,
      kinds: edges
        .map((edge) => edge.node)
        .filter((n) => n.reference === reference)
        .map((n) => n.kind),
    };
  };

  const escalatedEntries = async (taskId: string): Promise<number> => {
    const result = await api.gql<{ task: { history: { kind: string }[] } }>(
      'query ($id: ID!) { task(id: $id) { history { kind } } }',
      { id: taskId },
      token.kemlu,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.task.history.filter((entry) => entry.kind === 'ESCALATED').length;
  };

  /** The escalation emails one person received about a task. */
  const escalationMails = async (name: string, taskId: string) => {
    const rows: { id: string }[] = await api.dataSource.query(
      `SELECT id FROM notification WHERE subject_id = $1 AND kind = 'ESCALATION' AND recipient_user_id = $2`,
      [taskId, userId[name]],
    );
    const ids = new Set(rows.map((row) => row.id));
    return sink.to(email[name]).filter((mail) => mail.notificationId && ids.has(mail.notificationId));
  };

  it('writes a rung ahead and shows nothing of it before its time; at its time the rung is only settled', async () => {
    const task = await createTask();
    const before = await inbox('imigrasi', task.reference);

    await timePasses(new Date(due.getTime() - 2 * MINUTE));
    const armed = await dueRung(task.id);
    expect(armed).toMatchObject({ status: 'SCHEDULED', recipient_count: 2, settled_at: null });
    expect(armed.armed_at).not.toBeNull();
    // Written ahead, dated at the rung's time: the escalation to each Imigrasi liaison and the overdue event.
    const written: { created_at: Date; visible_at: Date }[] = await api.dataSource.query(
      `SELECT created_at, visible_at FROM notification WHERE dedupe_key LIKE $1`,
      [`rung.${armed.id}.%`],
    );
    expect(written.map((row) => [row.created_at.toISOString(), row.visible_at.toISOString()])).toEqual([
      [due.toISOString(), due.toISOString()],
      [due.toISOString(), due.toISOString()],
    ]);
    // Nobody sees any of it yet: not in the inbox or its count, not on the task's history, no email, no overdue notice.
    expect(await inbox('imigrasi', task.reference)).toEqual(before);
    expect(await escalatedEntries(task.id)).toBe(0);
    expect((await inbox('kemlu', task.reference)).kinds).not.toContain('TASK_OVERDUE');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await escalationMails('imigrasi', task.id)).toEqual([]);

    await timePasses(due);
    const fired = await dueRung(task.id);
    expect(fired).toMatchObject({ status: 'FIRED', recipient_count: 2 });
    expect(fired.settled_at!.toISOString()).toBe(due.toISOString());
    const now = await inbox('imigrasi', task.reference);
    expect(now.kinds).toContain('ESCALATION');
    expect(now.unreadCount).toBe(before.unreadCount + 1);
    expect(await escalatedEntries(task.id)).toBe(1);
    await eventually(async () => {
      expect(await escalationMails('imigrasi', task.id)).toHaveLength(1);
      expect(await escalationMails('imigrasiEn', task.id)).toHaveLength(1);
      expect((await inbox('kemlu', task.reference)).kinds).toContain('TASK_OVERDUE');
    });
    // Settling wrote nothing twice.
    await worker.sweep();
    await worker.drain();
    expect(await escalationMails('imigrasi', task.id)).toHaveLength(1);
    expect(await escalatedEntries(task.id)).toBe(1);
  });

  it('a change to the task before its time undoes the arming; the rung fires with the task as it then is', async () => {
    const task = await createTask();
    await timePasses(new Date(due.getTime() - 3 * MINUTE));
    const armed = await dueRung(task.id);
    expect(armed.armed_at).not.toBeNull();

    // Reassigned to Polri a minute before its time (the worker does not run in between: the change alone disarms).
    clock.set(new Date(due.getTime() - MINUTE));
    const moved = await api.gql(
      'mutation ($input: EditTaskInput!) { editTask(input: $input) { id } }',
      { input: { id: task.id, assigneeAgencyId: agencyId.POLRI } },
      token.kemlu,
    );
    expect(moved.errors).toBeUndefined();
    expect(await dueRung(task.id)).toMatchObject({ status: 'SCHEDULED', armed_at: null, recipient_count: null });
    const left: { n: number }[] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE dedupe_key LIKE $1`,
      [`rung.${armed.id}.%`],
    );
    expect(left[0].n).toBe(0);
    const events: { n: number }[] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1 AND topic = 'task.overdue'`,
      [task.id],
    );
    expect(events[0].n).toBe(0);

    // The next pass arms it again, for Polri's liaison; at its time Polri is told, Imigrasi is not.
    await worker.drain();
    expect(await dueRung(task.id)).toMatchObject({ status: 'SCHEDULED', recipient_count: 1 });
    await timePasses(due);
    expect(await dueRung(task.id)).toMatchObject({ status: 'FIRED', recipient_count: 1 });
    expect((await inbox('polri', task.reference)).kinds).toContain('ESCALATION');
    expect((await inbox('imigrasi', task.reference)).kinds).not.toContain('ESCALATION');
    await eventually(async () => expect(await escalationMails('polri', task.id)).toHaveLength(1));
    expect(await escalationMails('imigrasi', task.id)).toEqual([]);
    expect(await escalatedEntries(task.id)).toBe(1);
  });

  it('a change to the directory before its time undoes the arming: a liaison who joined is reached', async () => {
    const task = await createTask();
    await timePasses(new Date(due.getTime() - 2 * MINUTE));
    expect(await dueRung(task.id)).toMatchObject({ status: 'SCHEDULED', recipient_count: 2 });

    await user('newcomer', [Role.LIAISON], 'DITJEN-IMIGRASI');
    expect(await dueRung(task.id)).toMatchObject({ status: 'SCHEDULED', armed_at: null, recipient_count: null });

    await timePasses(due);
    expect(await dueRung(task.id)).toMatchObject({ status: 'FIRED', recipient_count: 3 });
    expect((await inbox('newcomer', task.reference)).kinds).toContain('ESCALATION');
    await eventually(async () => expect(await escalationMails('newcomer', task.id)).toHaveLength(1));
    expect(await escalatedEntries(task.id)).toBe(1);
  });

  it('Redis lost between arming and the rung’s time loses no email: the sweep sends each once it is due', async () => {
    const task = await createTask();
    await timePasses(new Date(due.getTime() - 2 * MINUTE));
    expect((await dueRung(task.id)).armed_at).not.toBeNull();
    await redis.flushdb();

    // A minute after its time: released, and the sweep finds its emails still to send.
    await timePasses(new Date(due.getTime() + MINUTE));
    expect(await dueRung(task.id)).toMatchObject({ status: 'FIRED' });
    await worker.sweep();
    await worker.drain();
    await eventually(async () => {
      expect(await escalationMails('imigrasi', task.id)).toHaveLength(1);
      expect(await escalationMails('imigrasiEn', task.id)).toHaveLength(1);
    });
    await worker.sweep();
    await worker.drain();
    expect(await escalationMails('imigrasi', task.id)).toHaveLength(1);
  });
});
