import { readFileSync } from 'node:fs';

import { Role } from '@app/kernel/role.enum';
import { JobQueues } from '@app/queue/job-queues';
import { JobIds, JobName, QueueName } from '@app/queue/queue.names';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';
import { WorkerProcess } from '@libs/testing/worker-process';
import { eventually } from '@libs/testing/eventually';

/** Worker processes that die, and two that share the work: every email goes out exactly once. */
describe('worker processes', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let factories: Factories;
  let settings: Record<string, string>;
  let assigningToken: string;
  const running: { stop(): Promise<unknown> }[] = [];

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    // A short lock so a killed worker's job is handed on in seconds, not half a minute.
    settings = { ...env.env, SMTP_URL: sink.url, JOB_LOCK_MS: '2000', JOB_BACKOFF_MS: '200', OUTBOX_POLL_MS: '50' };
    api = await TestApp.start(settings);
    factories = new Factories(api);
    const kemlu = (await api.dataSource.query(`SELECT id FROM agency WHERE code = 'KEMLU'`))[0].id;
    const liaison = await factories.user([Role.LIAISON], { agencyId: kemlu });
    assigningToken = await api.login(liaison.email, TEST_PASSWORD);
  });

  afterAll(async () => {
    for (const process of running.reverse()) await process.stop().catch(() => undefined);
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  /** A new agency with `liaisons` liaisons, and one task for it: one TASK_ASSIGNED email per liaison. */
  const agencyWithLiaisons = async (liaisons: number): Promise<string> => {
    const agency = await factories.agency();
    for (let i = 0; i < liaisons; i++) await factories.user([Role.LIAISON], { agencyId: agency.id });
    return agency.id;
  };
  const assignTask = async (assigneeAgencyId: string): Promise<string> => {
    const created = await api.gql<{ createTask: { reference: string } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { reference } }',
      {
        input: {
          assigneeAgencyId,
          title: 'Share the list of returnees from Malaysia',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { workingDays: 5 },
        },
      },
      assigningToken,
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createTask.reference;
  };
  const mailsAbout = (reference: string) => sink.received.filter((mail) => mail.subject.includes(reference));

  it('a worker started with --queues email --nice 10 runs email delivery only, at nice 10', async () => {
    const yielding = await WorkerProcess.start(settings, ['--queues', 'email', '--nice', '10']);
    try {
      // Field 19 of /proc/<pid>/stat (the 17th after the command name) is the process's nice value.
      const stat = readFileSync(`/proc/${yielding.pid}/stat`, 'utf8');
      expect(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])).toBe(10);
      expect(yielding.log).toContain('Worker CPU priority lowered: process nice 10');
      expect(yielding.log).toContain('"queues":["email"]');
    } finally {
      // Stopped here: the suite's later tests count which processes sent.
      await yielding.stop();
    }
  });

  it('a worker killed in the middle of sending a weekly digest: it goes out once, from the worker that takes over', async () => {
    const doomed = await WorkerProcess.start(settings);
    running.push(doomed);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    sink.holdMessages(async () => {
      held();
      await released;
    });

    const recipient = await factories.user([Role.LIAISON]);
    const [run] = await api.dataSource.query(
      `INSERT INTO digest_run (user_id, iso_week, status) VALUES ($1, '2026-W48', 'PENDING') RETURNING id`,
      [recipient.id],
    );
    await api.app
      .get(JobQueues)
      .add({ name: JobName.SEND_DIGEST, data: { digestRunId: run.id }, jobId: JobIds.digest(run.id) });
    await holding;
    await doomed.kill();
    running.splice(running.indexOf(doomed), 1);
    sink.holdMessages(undefined);
    release();

    const successor = await TestWorker.start(settings);
    try {
      await eventually(async () => {
        const [after] = await api.dataSource.query(`SELECT status, attempts FROM digest_run WHERE id = $1`, [run.id]);
        expect(after).toEqual({ status: 'SENT', attempts: 1 });
      }, 30_000);
      // The job the killed worker held has run to completion and nothing is left to run: nothing can send it again.
      await successor.drain();
      expect(sink.to(recipient.email)).toHaveLength(1);
    } finally {
      await successor.stop();
    }
  }, 90_000);

  it('a worker killed in the middle of sending: the email goes out once, from the worker that takes over', async () => {
    const doomed = await WorkerProcess.start(settings);
    running.push(doomed);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    // The mail server keeps the first sender waiting mid-conversation.
    sink.holdMessages(async () => {
      held();
      await released;
    });

    const reference = await assignTask(await agencyWithLiaisons(1));
    await holding;
    const [row] = await api.dataSource.query(`SELECT id, email_status FROM notification WHERE reference = $1`, [
      reference,
    ]);
    // Claimed (with a lease) before the mail server was spoken to.
    expect(row.email_status).toBe('SENDING');
    await doomed.kill();
    sink.holdMessages(undefined);
    release();

    const successor = await TestWorker.start(settings);
    running.push(successor);
    await eventually(async () => {
      const [after] = await api.dataSource.query(
        `SELECT email_status, email_attempts FROM notification WHERE id = $1`,
        [row.id],
      );
      expect(after).toEqual({ email_status: 'SENT', email_attempts: 1 });
    }, 30_000);
    // The job the killed worker held has run to completion and nothing is left to run: still exactly one email.
    await successor.drain();
    expect(mailsAbout(reference)).toHaveLength(1);
    expect(mailsAbout(reference)[0].notificationId).toBe(row.id);
  }, 90_000);

  it('1,000 notifications through two worker processes arrive exactly 1,000 times', async () => {
    const second = await WorkerProcess.start(settings);
    running.push(second);
    // The in-process worker of the previous test is still running: two workers, two processes.
    const agencies = [await agencyWithLiaisons(50), await agencyWithLiaisons(50)];
    const references: string[] = [];
    for (let i = 0; i < 10; i++) for (const agency of agencies) references.push(await assignTask(agency));

    const ids: { id: string }[] = await eventually(async () => {
      const rows: { id: string; email_status: string }[] = await api.dataSource.query(
        `SELECT id, email_status FROM notification WHERE reference = ANY($1)`,
        [references],
      );
      expect(rows).toHaveLength(1_000);
      expect(rows.filter((row) => row.email_status !== 'SENT')).toEqual([]);
    }, 120_000).then(() => api.dataSource.query(`SELECT id FROM notification WHERE reference = ANY($1)`, [references]));

    const wanted = new Set(ids.map((row) => row.id));
    const delivered = sink.received.filter((mail) => mail.notificationId && wanted.has(mail.notificationId));
    expect(delivered).toHaveLength(1_000);
    expect(new Set(delivered.map((mail) => mail.notificationId)).size).toBe(1_000);

    // Both processes did part of the work.
    const worker = running.find((entry): entry is TestWorker => entry instanceof TestWorker)!;
    const done = await worker.queues.queue(QueueName.EMAIL).getJobs(['completed'], 0, -1);
    const processes = new Set(
      done.filter((job) => job.name === 'notification.email').map((job) => job.processedBy?.split(':')[1]),
    );
    expect(processes).toEqual(new Set([String(process.pid), String(second.pid)]));
  }, 180_000);
});
