import { Locale, Role } from '@app/kernel/role.enum';
import { JobName, QueueName } from '@app/queue/queue.names';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';
import { eventually } from '@libs/testing/eventually';

const NOTIFICATION_FIELDS = 'id kind reference subjectType message link readAt critical deliveryStatus emailAttempts';
const INBOX = `query ($unreadOnly: Boolean) { myNotifications(first: 50, unreadOnly: $unreadOnly) {
  totalCount unreadCount edges { node { ${NOTIFICATION_FIELDS} } } } }`;

interface InboxNode {
  id: string;
  kind: string;
  reference: string;
  subjectType: string;
  message: string;
  link: string;
  readAt: string | null;
  critical: boolean;
  deliveryStatus: string;
  emailAttempts: number;
}
interface Inbox {
  myNotifications: { totalCount: number; unreadCount: number; edges: { node: InboxNode }[] };
}

describe('notifications: in the app and by email', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let worker: TestWorker;
  const agencyId: Record<string, string> = {};
  const token: Record<string, string> = {};
  const email: Record<string, string> = {};
  const userId: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '100' };
    api = await TestApp.start(settings);
    worker = await TestWorker.start(settings);
    const factories = new Factories(api);
    for (const code of ['KEMLU', 'DITJEN-IMIGRASI']) {
      agencyId[code] = (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    const user = async (name: string, roles: Role[], code: string, locale = Locale.ID) => {
      const created = await factories.user(roles, { agencyId: agencyId[code], locale });
      email[name] = created.email;
      userId[name] = created.id;
      token[name] = await api.login(created.email, TEST_PASSWORD);
    };
    await user('kemlu', [Role.LIAISON], 'KEMLU');
    await user('imigrasi', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await user('imigrasiEn', [Role.LIAISON], 'DITJEN-IMIGRASI', Locale.EN);
    await user('admin', [Role.ADMINISTRATOR], 'KEMLU');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  beforeEach(() => {
    sink.refuseEverything(false);
    sink.refuseNext(0);
  });

  const createTask = async (title = 'Trace 12 workers from the Sihanoukville compound') => {
    const created = await api.gql<{ createTask: { id: string; reference: string } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id reference } }',
      {
        input: {
          assigneeAgencyId: agencyId['DITJEN-IMIGRASI'],
          title,
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { workingDays: 5 },
        },
      },
      token.kemlu,
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createTask;
  };
  const inbox = async (as: string, unreadOnly = false) => {
    const result = await api.gql<Inbox>(INBOX, { unreadOnly }, token[as]);
    expect(result.errors).toBeUndefined();
    return result.data!.myNotifications;
  };
  const about = (nodes: { node: InboxNode }[], reference: string) =>
    nodes.map((edge) => edge.node).filter((node) => node.reference === reference);

  it('tells the assignee agency about a new task in the app and by email, in each reader’s language', async () => {
    const task = await createTask('Lapor: korban Siti binti Ahmad di Poipet');
    await worker.drain();
    await eventually(async () => {
      expect(sink.received.filter((mail) => mail.subject.includes(task.reference))).toHaveLength(2);
    });

    const indonesian = sink.to(email.imigrasi).find((mail) => mail.subject.includes(task.reference))!;
    expect(indonesian.subject).toBe(`[Simpul] Tugas baru untuk instansi Anda: ${task.reference}`);
    expect(indonesian.body).toContain(`/tasks/${task.id}`);
    expect(indonesian.raw).toMatch(/Content-Type: text\/plain/);
    expect(indonesian.raw).toMatch(/Content-Type: text\/html/);
    const english = sink.to(email.imigrasiEn).find((mail) => mail.subject.includes(task.reference))!;
    expect(english.subject).toBe(`[Simpul] New task for your agency: ${task.reference}`);
    expect(english.body).toContain('Kemlu asks Ditjen Imigrasi to carry out task');
    // Reference codes and links only: what users type (a title may name a victim) never goes out.
    for (const mail of [indonesian, english]) {
      expect(mail.raw).not.toContain('Siti');
      expect(mail.raw).not.toContain('Poipet');
    }
    // Nobody is told about what they did themselves.
    expect(sink.to(email.kemlu)).toHaveLength(0);

    const mine = about((await inbox('imigrasi')).edges, task.reference);
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'TASK_ASSIGNED',
        subjectType: 'Task',
        readAt: null,
        critical: false,
        deliveryStatus: 'SENT',
        emailAttempts: 1,
        link: expect.stringContaining(`/tasks/${task.id}`),
      }),
    ]);
    expect(mine[0].message).toContain(task.reference);
    expect(mine[0].message).not.toContain('Siti');
  });

  it('counts unread notifications and marks some or all read, only one’s own', async () => {
    await createTask();
    await createTask();
    await worker.drain();
    const before = await inbox('imigrasi');
    expect(before.unreadCount).toBeGreaterThanOrEqual(2);
    const [first] = before.edges.map((edge) => edge.node);

    // Someone else's id changes nothing.
    const stranger = await api.gql<{ markNotificationsRead: { marked: number } }>(
      'mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }',
      { input: { ids: [first.id] } },
      token.imigrasiEn,
    );
    expect(stranger.data!.markNotificationsRead.marked).toBe(0);

    const one = await api.gql<{ markNotificationsRead: { marked: number; unreadCount: number } }>(
      'mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }',
      { input: { ids: [first.id] } },
      token.imigrasi,
    );
    expect(one.data!.markNotificationsRead).toEqual({ marked: 1, unreadCount: before.unreadCount - 1 });
    expect((await inbox('imigrasi', true)).edges.map((edge) => edge.node.id)).not.toContain(first.id);

    const all = await api.gql<{ markNotificationsRead: { marked: number; unreadCount: number } }>(
      'mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }',
      { input: { all: true } },
      token.imigrasi,
    );
    expect(all.data!.markNotificationsRead).toEqual({ marked: before.unreadCount - 1, unreadCount: 0 });

    const neither = await api.gql(
      'mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked } }',
      { input: {} },
      token.imigrasi,
    );
    expect(firstErrorCode(neither)).toBe('BAD_USER_INPUT');
    expect(neither.errors![0].message).toMatch(/ids/);
    expect(firstErrorCode(await api.gql(INBOX, {}))).toBe('UNAUTHENTICATED');
  });

  it('honours preferences per kind and channel, and refuses to mute escalations', async () => {
    const update = (changes: unknown[], as = 'kemlu') =>
      api.gql<{ updateNotificationPreferences: { kind: string; inApp: boolean; email: boolean; critical: boolean }[] }>(
        `mutation ($input: UpdateNotificationPreferencesInput!) {
           updateNotificationPreferences(input: $input) { kind inApp email critical } }`,
        { input: { changes } },
        token[as],
      );
    const muted = await update([{ kind: 'TASK_COMMENTED', channel: 'EMAIL', enabled: false }]);
    expect(muted.errors).toBeUndefined();
    expect(muted.data!.updateNotificationPreferences.find((p) => p.kind === 'TASK_COMMENTED')).toEqual({
      kind: 'TASK_COMMENTED',
      inApp: true,
      email: false,
      critical: false,
    });

    const refused = await update([
      { kind: 'TASK_DECLINED', channel: 'EMAIL', enabled: false },
      { kind: 'ESCALATION', channel: 'EMAIL', enabled: false },
    ]);
    expect(firstErrorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions?.field).toBe('changes.1.enabled');
    // Nothing of a refused change is stored.
    const settings = await api.gql<{ myNotificationPreferences: { kind: string; email: boolean }[] }>(
      '{ myNotificationPreferences { kind email } }',
      {},
      token.kemlu,
    );
    expect(settings.data!.myNotificationPreferences.find((p) => p.kind === 'TASK_DECLINED')!.email).toBe(true);
    const unknownKind = await update([{ kind: 'TASK_EXPLODED', channel: 'EMAIL', enabled: false }]);
    expect(unknownKind.errors?.[0].message).toMatch(/TASK_EXPLODED/);

    // A comment from the assignee side reaches KEMLU in the app only.
    const task = await createTask();
    const comment = await api.gql(
      'mutation ($input: CommentOnTaskInput!) { commentOnTask(input: $input) { id } }',
      { input: { id: task.id, body: 'Two of the twelve are back in Jakarta.' } },
      token.imigrasi,
    );
    expect(comment.errors).toBeUndefined();
    await worker.drain();
    const notes = about((await inbox('kemlu')).edges, task.reference);
    expect(notes).toEqual([expect.objectContaining({ kind: 'TASK_COMMENTED', deliveryStatus: 'NOT_REQUESTED' })]);
    expect(sink.to(email.kemlu).filter((mail) => mail.subject.includes(task.reference))).toHaveLength(0);
  });

  it('retries an unreachable mail server with backoff and shows where each email stands', async () => {
    sink.refuseNext(2);
    const task = await createTask();
    await worker.drain();
    await eventually(async () => {
      const mine = about((await inbox('imigrasi')).edges, task.reference);
      const theirs = about((await inbox('imigrasiEn')).edges, task.reference);
      expect([...mine, ...theirs].map((n) => n.deliveryStatus)).toEqual(['SENT', 'SENT']);
    });
    const attempts: { email_attempts: number }[] = await api.dataSource.query(
      `SELECT email_attempts FROM notification WHERE reference = $1 ORDER BY email_attempts`,
      [task.reference],
    );
    // Two refusals spread over two emails: four attempts in all, each email delivered once.
    expect(attempts.reduce((sum, row) => sum + row.email_attempts, 0)).toBe(4);
    expect(sink.received.filter((mail) => mail.subject.includes(task.reference))).toHaveLength(2);

    // A mail server refusing everything for a while: the email is retried, never given up as FAILED.
    sink.refuseEverything(true);
    const delayed = await createTask();
    await worker.drain();
    const [row] = await api.dataSource.query(
      `SELECT id FROM notification WHERE reference = $1 AND recipient_user_id = $2`,
      [delayed.reference, userId.imigrasi],
    );
    await eventually(async () => {
      const [now] = await api.dataSource.query(
        `SELECT email_status, email_attempts, email_last_error FROM notification WHERE id = $1`,
        [row.id],
      );
      expect(now.email_attempts).toBeGreaterThanOrEqual(3);
      expect(now.email_status).toBe('PENDING');
      expect(now.email_last_error).toMatch(/451/);
    });
    sink.refuseEverything(false);
    await eventually(async () => {
      const mine = about((await inbox('imigrasi')).edges, delayed.reference)[0];
      expect(mine.deliveryStatus).toBe('SENT');
    });
    expect(sink.received.filter((mail) => mail.notificationId === row.id)).toHaveLength(1);
  });

  it('dispatches each event once, however often its job runs', async () => {
    const task = await createTask();
    await worker.drain();
    const [event] = await api.dataSource.query(
      `SELECT id FROM outbox_event WHERE topic = 'task.assigned' AND aggregate_id = $1`,
      [task.id],
    );
    const queue = worker.queues.queue(QueueName.NOTIFICATIONS);
    // Fresh job ids Redis has never seen, two at once, for an event already dispatched.
    await queue.addBulk([
      { name: JobName.DISPATCH_EVENT, data: { eventId: event.id }, opts: { jobId: `again-a-${event.id}` } },
      { name: JobName.DISPATCH_EVENT, data: { eventId: event.id }, opts: { jobId: `again-b-${event.id}` } },
    ]);
    await worker.drain();
    const results = await Promise.all(
      [`again-a-${event.id}`, `again-b-${event.id}`].map(async (id) => (await queue.getJob(id))!.returnvalue),
    );
    expect(results).toEqual(['already processed', 'already processed']);
    const [count] = await api.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE reference = $1`, [
      task.reference,
    ]);
    expect(count.n).toBe(2);
    expect(sink.received.filter((mail) => mail.subject.includes(task.reference))).toHaveLength(2);
  });

  it('fails a malformed job without stopping the worker', async () => {
    const queue = worker.queues.queue(QueueName.NOTIFICATIONS);
    const bad = await queue.add(JobName.DISPATCH_EVENT, { eventId: 'not-a-uuid' }, { jobId: 'malformed-1' });
    const alsoBad = await queue.add(JobName.SEND_EMAIL, 'just a string', { jobId: 'malformed-2' });
    const task = await createTask();
    await worker.drain();
    for (const job of [bad, alsoBad]) {
      const stored = (await queue.getJob(job.id!))!;
      expect(await stored.getState()).toBe('failed');
      // Unrecoverable: no retries of a payload that cannot get better.
      expect(stored.attemptsMade).toBe(1);
      expect(stored.failedReason).toMatch(/Malformed .* job: (eventId|notificationId) must be a uuid/);
    }
    await eventually(async () => {
      expect(sink.received.filter((mail) => mail.subject.includes(task.reference))).toHaveLength(2);
    });
  });

  it('loses nothing when Redis is down at write time: the outbox holds it until the relay can deliver', async () => {
    const offline = await TestApp.start({ ...env.env, SMTP_URL: sink.url, REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const created = await offline.gql<{ createTask: { id: string; reference: string } }>(
        'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id reference } }',
        {
          input: {
            assigneeAgencyId: agencyId['DITJEN-IMIGRASI'],
            title: 'Written while Redis is unreachable',
            pillar: 'PROTECTION',
            duty: 'VICTIM_MONITORING',
            due: { workingDays: 3 },
          },
        },
        token.kemlu,
      );
      expect(created.errors).toBeUndefined();
      const reference = created.data!.createTask.reference;
      const [pending] = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1 AND topic = 'task.assigned'`,
        [created.data!.createTask.id],
      );
      expect(pending.n).toBe(1);
      await worker.drain();
      await eventually(async () => {
        expect(sink.received.filter((mail) => mail.subject.includes(reference))).toHaveLength(2);
      });
    } finally {
      await offline.stop();
    }
  });

  describe('Bull Board at /admin/queues', () => {
    const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: 'GET', url, headers });

    it('is for administrators only', async () => {
      expect((await get('/admin/queues')).statusCode).toBe(401);
      expect((await get('/admin/queues', { authorization: 'Bearer forged' })).statusCode).toBe(401);
      expect((await get('/admin/queues', { authorization: `Bearer ${token.kemlu}` })).statusCode).toBe(403);
      expect((await get('/admin/queues/api/queues', { authorization: `Bearer ${token.kemlu}` })).statusCode).toBe(403);

      const page = await get('/admin/queues', { authorization: `Bearer ${token.admin}` });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const queues = await get('/admin/queues/api/queues', { authorization: `Bearer ${token.admin}` });
      expect(queues.statusCode).toBe(200);
      const names = (queues.json() as { queues: { name: string }[] }).queues.map((queue) => queue.name).sort();
      expect(names).toEqual(['digests', 'email', 'escalations', 'exports', 'maintenance', 'notifications']);
    });

    it('lets a browser in once with ?token=, then by an HttpOnly cookie', async () => {
      const entry = await get(`/admin/queues?token=${token.admin}`);
      expect(entry.statusCode).toBe(302);
      expect(entry.headers.location).toBe('/admin/queues');
      const cookie = String(entry.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/);
      const next = await get('/admin/queues', { cookie: cookie.split(';')[0] });
      expect(next.statusCode).toBe(200);
      expect((await get(`/admin/queues?token=${token.kemlu}`)).statusCode).toBe(403);
    });
  });
});
