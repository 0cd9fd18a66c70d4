import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { QueueName } from '@app/queue/queue.names';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

const at = (iso: string) => new Date(iso);

/** Due Friday 6 November 2026, 17:00 in Jakarta; the ladder's supervisor rung two working days later. */
const DUE = at('2026-11-06T10:00:00Z');
const SUPERVISOR_RUNG = at('2026-11-10T10:00:00Z');

/**
 * Notices of shared casework. When a task goes past due, the assignee's side is escalated (a critical notice nobody
 * can mute), and the agency that assigned it is told too, with a normal notice its people may mute; once per due
 * date, so a re-dated task is told again when its new date passes. An agency added to a case team, or taken out of
 * it, hears of it.
 */
describe('shared casework notices', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let worker: TestWorker;
  const clock = new FixedClock(at('2026-11-02T02:00:00Z'));
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  const email: Record<string, string> = {};
  const agencyId: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '200' };
    api = await TestApp.start(settings, { clock });
    worker = await TestWorker.start(settings, { clock });
    const factories = new Factories(api);
    for (const code of ['KEMLU', 'DITJEN-IMIGRASI', 'BARESKRIM', 'KEMENSOS']) {
      agencyId[code] = (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    const user = async (name: string, code: string) => {
      const created = await factories.user([Role.LIAISON], { agencyId: agencyId[code] });
      userId[name] = created.id;
      email[name] = created.email;
      token[name] = await api.login(created.email, TEST_PASSWORD);
    };
    await user('kemlu', 'KEMLU');
    await user('kemluColleague', 'KEMLU');
    await user('imigrasi', 'DITJEN-IMIGRASI');
    await user('police', 'BARESKRIM');
    await user('kemensos', 'KEMENSOS');
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  /** What the passing of real time does: every delayed rung job becomes due. */
  const timePasses = async (to: Date): Promise<void> => {
    clock.set(to);
    const delayed = await worker.queues.queue(QueueName.ESCALATIONS).getJobs(['delayed']);
    for (const job of delayed) await job.promote().catch(() => undefined);
    await worker.drain();
  };

  /** The notices people have by the clock now (an armed rung's are written ahead, and shown from its time). */
  const notices = async (taskId: string): Promise<{ who: string; kind: string; critical: boolean }[]> => {
    const rows: { recipient_user_id: string; kind: string; critical: boolean }[] = await api.dataSource.query(
      `SELECT recipient_user_id, kind, critical FROM notification
       WHERE subject_id = $1 AND kind IN ('TASK_OVERDUE', 'ESCALATION') AND (visible_at IS NULL OR visible_at <= $2)
       ORDER BY kind, recipient_user_id`,
      [taskId, clock.now()],
    );
    const nameOf = (id: string) => Object.keys(userId).find((name) => userId[name] === id) ?? id;
    return rows
      .map((row) => ({ who: nameOf(row.recipient_user_id), kind: row.kind, critical: row.critical }))
      .sort((a, b) => `${a.kind}:${a.who}`.localeCompare(`${b.kind}:${b.who}`));
  };

  it('tells the assigning liaisons once, mutable, while the assignee gets the escalation', async () => {
    // Kemlu's colleague does not want overdue emails: a normal notice may be muted.
    const muted = await api.gql(
      'mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { kind email } }',
      { input: { changes: [{ kind: 'TASK_OVERDUE', channel: 'EMAIL', enabled: false }] } },
      token.kemluColleague,
    );
    expect(muted.errors).toBeUndefined();
    const created = await api.gql<{ createTask: { id: string; reference: string } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id reference } }',
      {
        input: {
          assigneeAgencyId: agencyId['DITJEN-IMIGRASI'],
          title: 'Verify the identities of the returnees',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { at: DUE.toISOString() },
        },
      },
      token.kemlu,
    );
    expect(created.errors).toBeUndefined();
    const task = created.data!.createTask;
    await worker.drain();

    await timePasses(new Date(DUE.getTime() - 60_000));
    expect(await notices(task.id)).toEqual([]);
    await timePasses(DUE);
    await worker.drain();
    expect(await notices(task.id)).toEqual([
      { who: 'imigrasi', kind: 'ESCALATION', critical: true },
      { who: 'kemlu', kind: 'TASK_OVERDUE', critical: false },
      { who: 'kemluColleague', kind: 'TASK_OVERDUE', critical: false },
    ]);
    const mail = sink.to(email.kemlu).find((message) => message.subject.includes(task.reference));
    expect(mail?.subject).toBe(`[Simpul] Tugas ${task.reference} melewati tenggat`);
    expect(sink.to(email.kemluColleague).filter((message) => message.subject.includes(task.reference))).toEqual([]);

    // Later rungs escalate inside the assignee agency; the assigning side is not told again.
    await timePasses(SUPERVISOR_RUNG);
    await worker.drain();
    expect((await notices(task.id)).filter((notice) => notice.kind === 'TASK_OVERDUE')).toHaveLength(2);

    // Re-dated, the task is told about again when its new date passes.
    const NEW_DUE = at('2026-11-20T10:00:00Z');
    const moved = await api.gql(
      'mutation ($input: RescheduleTaskInput!) { rescheduleTask(input: $input) { id } }',
      { input: { id: task.id, due: { at: NEW_DUE.toISOString() }, reason: 'The embassy needs two more weeks' } },
      token.kemlu,
    );
    expect(moved.errors).toBeUndefined();
    await worker.drain();
    await timePasses(NEW_DUE);
    await worker.drain();
    expect((await notices(task.id)).filter((notice) => notice.kind === 'TASK_OVERDUE')).toHaveLength(4);
  });

  it('tells an agency it joined a case team, and that it left it, by reference and role', async () => {
    const unit = (await api.dataSource.query(`SELECT id FROM task_force_unit WHERE code = 'GTPP-NAS'`))[0].id;
    const opened = await api.gql<{ openCase: { id: string; reference: string } }>(
      'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id reference } }',
      { input: { unitId: unit, exploitationTypes: ['FORCED_CRIMINALITY'], intakeChannel: 'POLICE' } },
      token.police,
    );
    const kase = opened.data!.openCase;
    const team = (mutation: string, input: Record<string, unknown>) =>
      api.gql(
        `mutation ($input: ${mutation}Input!) { ${mutation.charAt(0).toLowerCase()}${mutation.slice(1)}(input: $input) { id } }`,
        { input: { caseId: kase.id, agencyId: agencyId.KEMENSOS, ...input } },
        token.police,
      );
    expect((await team('AddCaseParticipant', { role: 'SOCIAL_REHABILITATION' })).errors).toBeUndefined();
    expect((await team('EndCaseParticipation', { reason: 'Handed to the province' })).errors).toBeUndefined();
    await worker.drain();
    const rows: { kind: string; params: Record<string, string> }[] = await api.dataSource.query(
      `SELECT kind, params FROM notification WHERE subject_id = $1 AND recipient_user_id = $2 ORDER BY created_at`,
      [kase.id, userId.kemensos],
    );
    expect(rows.map((row) => [row.kind, row.params.status, row.params.caseRole])).toEqual([
      ['CASE_TEAM_CHANGED', 'ADDED', 'SOCIAL_REHABILITATION'],
      ['CASE_TEAM_CHANGED', 'ENDED', 'SOCIAL_REHABILITATION'],
    ]);
    const mails = sink.to(email.kemensos).map((mail) => mail.subject);
    expect(mails).toEqual(
      expect.arrayContaining([
        `[Simpul] Instansi Anda bergabung dalam kasus ${kase.reference}`,
        `[Simpul] Instansi Anda keluar dari kasus ${kase.reference}`,
      ]),
    );
    // The police did it themselves: they are not told.
    const own = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE subject_id = $1 AND recipient_user_id = $2`,
      [kase.id, userId.police],
    );
    expect(own[0].n).toBe(0);
  });
});
