import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { firstErrorCode, GraphqlResponse, TestApp } from '@libs/testing/test-app';

const TASK_FIELDS = 'id reference status dueAt overdue version assigningAgency { code } assigneeAgency { code }';
const CREATE = `mutation ($input: CreateTaskInput!) { createTask(input: $input) { ${TASK_FIELDS} } }`;
const transition = (name: string, input: string) =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { ${TASK_FIELDS} } }`;
const HISTORY = `query ($id: ID!) { task(id: $id) { status history { kind action fromStatus toStatus reason actingAgencyId } } }`;

/** Counts SQL statements sent through the app's DataSource. */
class CountingLogger extends AbstractLogger {
  count = 0;
  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {}
  override logQuery(): void {
    this.count++;
  }
}

describe('tasks between agencies', () => {
  let sut: TestApp;
  let factories: Factories;
  const agencyId: Record<string, string> = {};
  const token: Record<string, string> = {};

  beforeAll(async () => {
    // The actor read on every request (no 1-second cache), so two requests' query counts compare like for like.
    sut = await TestApp.start({ AUTH_ACTOR_CACHE_MS: '0' });
    factories = new Factories(sut);
    for (const code of ['KEMLU', 'DITJEN-IMIGRASI', 'KEMENSOS', 'POLRI', 'BNP2TKI']) {
      agencyId[code] = (await sut.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    const user = async (name: string, roles: Role[], code: string) => {
      const created = await factories.user(roles, { agencyId: agencyId[code] });
      token[name] = await sut.login(created.email, TEST_PASSWORD);
    };
    await user('kemlu', [Role.LIAISON], 'KEMLU');
    await user('imigrasi', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await user('kemensos', [Role.LIAISON], 'KEMENSOS');
    await user('imigrasiSupervisor', [Role.SUPERVISOR], 'DITJEN-IMIGRASI');
    await user('secretariat', [Role.SECRETARIAT], 'POLRI');
    await user('officer', [Role.CASE_OFFICER], 'DITJEN-IMIGRASI');
  });
  afterAll(() => sut.stop());

  const createTask = (as: string, overrides: Record<string, unknown> = {}) =>
    sut.gql<{ createTask: { id: string; reference: string; status: string; dueAt: string; version: number } }>(
      CREATE,
      {
        input: {
          assigneeAgencyId: agencyId['DITJEN-IMIGRASI'],
          title: 'Verify identities of 28 citizens in Phnom Penh shelter',
          description: 'Check travel documents against the attaché list (case POIPET-2023).',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { workingDays: 5 },
          ...overrides,
        },
      },
      token[as],
    );
  const act = (name: string, id: string, as: string, reason?: string) =>
    sut.gql<Record<string, { status: string; version: number }>>(
      transition(name, reason === undefined ? 'TaskTransitionInput' : 'TaskReasonInput'),
      { input: reason === undefined ? { id } : { id, reason } },
      token[as],
    );

  it('runs the Phnom Penh journey end to end, with every step in the history', async () => {
    const created = await createTask('kemlu');
    expect(created.errors).toBeUndefined();
    const task = created.data!.createTask;
    expect(task.reference).toMatch(/^TSK-\d{6}$/);
    expect(task.status).toBe('OPEN');
    const days = (new Date(task.dueAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(5);
    expect(days).toBeLessThan(12);

    expect((await act('acknowledgeTask', task.id, 'imigrasi')).data?.acknowledgeTask.status).toBe('ACKNOWLEDGED');
    expect((await act('startTask', task.id, 'imigrasi')).data?.startTask.status).toBe('IN_PROGRESS');
    expect(
      (await act('blockTask', task.id, 'imigrasi', 'Passport scans missing for 6 people')).data?.blockTask.status,
    ).toBe('BLOCKED');
    const comment = await sut.gql(
      'mutation ($input: CommentOnTaskInput!) { commentOnTask(input: $input) { id } }',
      { input: { id: task.id, body: 'Scans sent by KBRI Phnom Penh today.' } },
      token.kemlu,
    );
    expect(comment.errors).toBeUndefined();
    expect((await act('unblockTask', task.id, 'imigrasi')).data?.unblockTask.status).toBe('IN_PROGRESS');
    expect((await act('completeTask', task.id, 'imigrasi')).data?.completeTask.status).toBe('DONE');
    expect((await act('reopenTask', task.id, 'kemlu', 'Two identities still disputed')).data?.reopenTask.status).toBe(
      'REOPENED',
    );

    const history = await sut.gql<{
      task: {
        history: {
          kind: string;
          action: string | null;
          toStatus: string | null;
          reason: string | null;
          actingAgencyId: string;
        }[];
      };
    }>(HISTORY, { id: task.id }, token.kemlu);
    const steps = history.data!.task.history.map((h) => `${h.kind}:${h.action ?? ''}:${h.toStatus ?? ''}`);
    expect(steps).toEqual([
      'CREATED::OPEN',
      'TRANSITION:ACKNOWLEDGE:ACKNOWLEDGED',
      'TRANSITION:START:IN_PROGRESS',
      'TRANSITION:BLOCK:BLOCKED',
      'COMMENTED::',
      'TRANSITION:UNBLOCK:IN_PROGRESS',
      'TRANSITION:COMPLETE:DONE',
      'TRANSITION:REOPEN:REOPENED',
    ]);
    const entries = history.data!.task.history;
    expect(entries[3].reason).toBe('Passport scans missing for 6 people');
    expect(entries[3].actingAgencyId).toBe(agencyId['DITJEN-IMIGRASI']);
    expect(entries[7].actingAgencyId).toBe(agencyId.KEMLU);

    const outbox = await sut.dataSource.query(
      'SELECT topic FROM outbox_event WHERE aggregate_id = $1 ORDER BY created_at',
      [task.id],
    );
    expect(outbox.map((row: { topic: string }) => row.topic)).toEqual([
      'task.assigned',
      'task.acknowledged',
      'task.status-changed',
      'task.status-changed',
      'task.commented',
      'task.status-changed',
      'task.completed',
      'task.reopened',
    ]);
  });

  it('shows the task to both agencies, their supervisors and the unit secretariat, and to nobody else', async () => {
    const { id } = (await createTask('kemlu')).data!.createTask;
    for (const who of ['kemlu', 'imigrasi', 'imigrasiSupervisor', 'secretariat']) {
      expect((await sut.gql(HISTORY, { id }, token[who])).errors).toBeUndefined();
    }
    expect(firstErrorCode(await sut.gql(HISTORY, { id }, token.kemensos))).toBe('NOT_FOUND');
    expect(firstErrorCode(await act('acknowledgeTask', id, 'kemensos'))).toBe('NOT_FOUND');
    expect(firstErrorCode(await sut.gql(HISTORY, { id }, token.officer))).toBe('FORBIDDEN');
    const list = await sut.gql<{ tasks: { edges: { node: { id: string } }[] } }>(
      '{ tasks(first: 100) { edges { node { id } } } }',
      {},
      token.kemensos,
    );
    expect(list.data!.tasks.edges.map((e) => e.node.id)).not.toContain(id);
  });

  it('lets each side do only its own part', async () => {
    const { id } = (await createTask('kemlu')).data!.createTask;
    expect(firstErrorCode(await act('acknowledgeTask', id, 'kemlu'))).toBe('FORBIDDEN');
    expect(firstErrorCode(await act('cancelTask', id, 'imigrasi', 'not ours'))).toBe('FORBIDDEN');
    expect(firstErrorCode(await act('acknowledgeTask', id, 'imigrasiSupervisor'))).toBe('FORBIDDEN');
    expect(firstErrorCode(await act('completeTask', id, 'imigrasi'))).toBe('CONFLICT');
    expect((await act('cancelTask', id, 'kemlu', 'Duplicate of another task')).data?.cancelTask.status).toBe(
      'CANCELLED',
    );
  });

  it('returns a declined task to the assigner, who can reassign it', async () => {
    const { id } = (await createTask('kemlu')).data!.createTask;
    const empty = await act('declineTask', id, 'imigrasi', '   ');
    expect(firstErrorCode(empty)).toBe('BAD_USER_INPUT');
    expect((await act('declineTask', id, 'imigrasi', 'Belongs to the embassy')).data?.declineTask.status).toBe(
      'DECLINED',
    );
    const reassigned = await sut.gql<{ editTask: { status: string; assigneeAgency: { code: string } } }>(
      'mutation ($input: EditTaskInput!) { editTask(input: $input) { status assigneeAgency { code } } }',
      { input: { id, assigneeAgencyId: agencyId.KEMENSOS } },
      token.kemlu,
    );
    expect(reassigned.data?.editTask).toEqual({ status: 'OPEN', assigneeAgency: { code: 'KEMENSOS' } });
  });

  it('refuses bad input with an error naming the problem, writing nothing', async () => {
    const before = (await sut.dataSource.query('SELECT count(*)::int AS n FROM task'))[0].n;
    const cases: [Record<string, unknown>, string][] = [
      [{ due: { at: '2020-01-01T00:00:00Z' } }, 'due.at'],
      [{ assigneeAgencyId: '00000000-0000-4000-8000-000000000000' }, 'assigneeAgencyId'],
      [{ assigneeAgencyId: agencyId.BNP2TKI }, 'assigneeAgencyId'],
      [{ assigneeAgencyId: agencyId.KEMLU }, 'assigneeAgencyId'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ due: {} }, 'due'],
      [{ agreementCommitmentId: '00000000-0000-4000-8000-000000000000' }, 'agreementCommitmentId'],
    ];
    for (const [overrides, field] of cases) {
      const result = await createTask('kemlu', overrides);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await sut.dataSource.query('SELECT count(*)::int AS n FROM task'))[0].n).toBe(before);
  });

  it('lets exactly one of two simultaneous acknowledgements win; the other gets CONFLICT', async () => {
    const { id } = (await createTask('kemlu')).data!.createTask;
    const results: GraphqlResponse<unknown>[] = await Promise.all([
      act('acknowledgeTask', id, 'imigrasi'),
      act('acknowledgeTask', id, 'imigrasi'),
    ]);
    const codes = results.map((r) => firstErrorCode(r) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
  });

  it('re-dating keeps the old date in the history and restarts the deadline version', async () => {
    const { id, dueAt } = (await createTask('kemlu')).data!.createTask;
    const result = await sut.gql<{ rescheduleTask: { dueAt: string } }>(
      'mutation ($input: RescheduleTaskInput!) { rescheduleTask(input: $input) { dueAt deadlineVersion } }',
      { input: { id, due: { workingDays: 10 }, reason: 'Waiting for the Cambodian exit list' } },
      token.kemlu,
    );
    expect(result.data?.rescheduleTask).toMatchObject({ deadlineVersion: 2 });
    const history = await sut.gql<{
      task: { history: { kind: string; reason: string; details: { dueAt: { before: string } } }[] };
    }>('query ($id: ID!) { task(id: $id) { history { kind reason details } } }', { id }, token.kemlu);
    const event = history.data!.task.history.find((entry) => entry.kind === 'RESCHEDULED')!;
    expect(event.details.dueAt.before).toBe(new Date(dueAt).toISOString());
    expect(event.reason).toBe('Waiting for the Cambodian exit list');
  });

  it('filters the task list by side, status, overdue, due date, pillar and title', async () => {
    const assignee = await factories.agency();
    const liaison = await factories.user([Role.LIAISON], { agencyId: assignee.id });
    const assigneeToken = await sut.login(liaison.email, TEST_PASSWORD);
    const make = async (title: string, pillar: string, workingDays: number) =>
      (await createTask('kemlu', { assigneeAgencyId: assignee.id, title, pillar, due: { workingDays } })).data!
        .createTask.id;
    const shelter = await make('Shelter places for 28 returnees', 'PROTECTION', 2);
    const training = await make('Training for border officers in Sambas', 'PREVENTION', 20);
    const dossier = await make('Prosecution dossier for the Poipet recruiters', 'PROSECUTION', 10);
    await sut.dataSource.query(`UPDATE task SET due_at = now() - interval '1 day' WHERE id = $1`, [dossier]);
    const ids = async (filter: Record<string, unknown>, as = assigneeToken) => {
      const result = await sut.gql<{ tasks: { edges: { node: { id: string } }[] } }>(
        'query ($filter: TaskFilter) { tasks(first: 100, filter: $filter) { edges { node { id } } } }',
        { filter },
        as,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.tasks.edges.map((e) => e.node.id).sort();
    };
    const mine = [shelter, training, dossier].sort();
    expect(await ids({ assignedToMyAgency: true })).toEqual(mine);
    expect(await ids({ assignedByMyAgency: true })).toEqual([]);
    expect(await ids({ overdue: true })).toEqual([dossier]);
    expect(await ids({ overdue: false })).toEqual([shelter, training].sort());
    expect(await ids({ pillar: 'PREVENTION' })).toEqual([training]);
    expect(await ids({ search: 'poipet' })).toEqual([dossier]);
    expect(await ids({ status: ['OPEN'] })).toEqual(mine);
    expect(await ids({ dueBefore: new Date(Date.now() + 7 * 86_400_000).toISOString() })).toEqual(
      [shelter, dossier].sort(),
    );
    const [commitment] = await sut.dataSource.query(
      `SELECT id FROM agreement_commitment WHERE code = 'KH-ID-IMM-2024-06'`,
    );
    const linked = (
      await createTask('kemlu', {
        assigneeAgencyId: assignee.id,
        agreementCommitmentId: commitment.id,
        title: 'Exchange 2026 statistics',
      })
    ).data!.createTask.id;
    expect(await ids({ linkedItemId: commitment.id })).toEqual([linked]);
    const byKemlu = await ids({ assignedByMyAgency: true, search: 'Sambas' }, token.kemlu);
    expect(byKemlu).toContain(training);
  });

  it('pages through the work queue as the tasks list does: the same open tasks, order, cursors and count', async () => {
    const NODE = `id reference title description status priority pillar duty dueAt deadlineVersion blockedReason
      completedAt caseId referralId crossBorderRequestId agreementCommitmentId meetingDecisionId version createdAt
      updatedAt overdue availableActions assigningAgency { code } assigneeAgency { code }`;
    type Page = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: Record<string, unknown> }[];
    };
    const assignee = await factories.agency();
    const liaison = await factories.user([Role.LIAISON], { agencyId: assignee.id });
    const assigneeToken = await sut.login(liaison.email, TEST_PASSWORD);
    const ids: string[] = [];
    for (let i = 0; i < 17; i++) {
      const created = await createTask(i % 2 ? 'kemlu' : 'kemensos', {
        assigneeAgencyId: assignee.id,
        due: { workingDays: 1 + (i % 4) },
      });
      ids.push(created.data!.createTask.id);
    }
    // Ties on the due date (ordered by id), every open status, and closed tasks that are not in the queue.
    await sut.dataSource.query(`UPDATE task SET due_at = date_trunc('hour', due_at) WHERE id = ANY($1)`, [ids]);
    const setStatus = (status: string, some: string[]) =>
      sut.dataSource.query(`UPDATE task SET status = $1 WHERE id = ANY($2)`, [status, some]);
    await setStatus('ACKNOWLEDGED', ids.slice(0, 2));
    await setStatus('IN_PROGRESS', ids.slice(2, 4));
    await setStatus('BLOCKED', ids.slice(4, 5));
    await setStatus('REOPENED', ids.slice(5, 6));
    await setStatus('DONE', ids.slice(6, 8));
    await setStatus('CANCELLED', ids.slice(8, 9));
    await setStatus('DECLINED', ids.slice(9, 10));

    const all = async (field: string, args: string): Promise<Page[]> => {
      const pages: Page[] = [];
      let after: string | null = null;
      do {
        const result: GraphqlResponse<Record<string, Page>> = await sut.gql<Record<string, Page>>(
          `query($after: String) { ${field}(first: 3, after: $after${args}) {
             totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${NODE} } } } }`,
          { after },
          assigneeToken,
        );
        expect(result.errors).toBeUndefined();
        pages.push(result.data![field]);
        after = result.data![field].pageInfo.endCursor;
      } while (pages.at(-1)!.pageInfo.hasNextPage);
      return pages;
    };
    const queue = await all('myWorkQueue', '');
    const listed = await all(
      'tasks',
      ', filter: { assignedToMyAgency: true, status: [OPEN, ACKNOWLEDGED, IN_PROGRESS, BLOCKED, REOPENED] }',
    );
    expect(queue).toEqual(listed);
    expect(queue.map((page) => page.edges.length)).toEqual([3, 3, 3, 3, 1]);
    expect(queue[0].totalCount).toBe(13);
    const nodes = queue.flatMap((page) => page.edges.map((edge) => edge.node));
    expect(nodes.map((node) => node.status)).not.toContain('DONE');
    expect(nodes.map((node) => [node.dueAt, node.id])).toEqual(
      nodes.map((node) => [node.dueAt, node.id]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );

    // Past the end: no tasks, the count still there. A cursor that is not one is refused, naming it.
    const end = await sut.gql<{ myWorkQueue: Page }>(
      `query($after: String) { myWorkQueue(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }`,
      { after: queue.at(-1)!.pageInfo.endCursor },
      assigneeToken,
    );
    expect(end.data!.myWorkQueue).toEqual({
      totalCount: 13,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
    for (const bad of ['not-a-cursor', Buffer.from(JSON.stringify(['yesterday', ids[0]])).toString('base64')]) {
      const refused = await sut.gql(`{ myWorkQueue(first: 3, after: "${bad}") { totalCount } }`, {}, assigneeToken);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        field: 'after',
      });
    }
  });

  it('serves the work queue overdue first, with a constant number of SQL queries however long it is', async () => {
    const queue = `{ myWorkQueue(first: 50) { totalCount edges { node { reference overdue dueAt assigningAgency { code } assigneeAgency { code } assigneeUser { displayName } history { kind } } } } }`;
    const assignee = await factories.agency();
    const liaison = await factories.user([Role.LIAISON], { agencyId: assignee.id });
    const assigneeToken = await sut.login(liaison.email, TEST_PASSWORD);
    const addTasks = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await createTask('kemlu', {
          assigneeAgencyId: assignee.id,
          assigneeUserId: liaison.id,
          due: { workingDays: 1 + (i % 9) },
        });
      }
    };
    const logger = new CountingLogger();
    const original = sut.dataSource.logger;
    Object.assign(sut.dataSource, { logger });
    const countQueries = async () => {
      logger.count = 0;
      const result = await sut.gql<{ myWorkQueue: { totalCount: number } }>(queue, {}, assigneeToken);
      expect(result.errors).toBeUndefined();
      return { count: logger.count, total: result.data!.myWorkQueue.totalCount };
    };
    try {
      await addTasks(5);
      const small = await countQueries();
      await addTasks(45);
      const large = await countQueries();
      expect(small.total).toBe(5);
      expect(large.total).toBe(50);
      // The counter must see the queries (guard, count, page, agencies, users, histories), or this proves nothing.
      expect(small.count).toBeGreaterThanOrEqual(4);
      expect(large.count).toBe(small.count);
      expect(large.count).toBeLessThanOrEqual(8);
    } finally {
      Object.assign(sut.dataSource, { logger: original });
    }

    // An overdue task (due date moved into the past directly in the database) comes first.
    await sut.dataSource.query(
      `UPDATE task SET due_at = now() - interval '2 days' WHERE id = (SELECT id FROM task WHERE assignee_agency_id = $1 ORDER BY due_at DESC LIMIT 1)`,
      [assignee.id],
    );
    const ordered = await sut.gql<{ myWorkQueue: { edges: { node: { overdue: boolean; dueAt: string } }[] } }>(
      queue,
      {},
      assigneeToken,
    );
    const nodes = ordered.data!.myWorkQueue.edges.map((e) => e.node);
    expect(nodes[0].overdue).toBe(true);
    expect(nodes.slice(1).every((n) => !n.overdue)).toBe(true);
    expect(nodes.map((n) => n.dueAt)).toEqual([...nodes.map((n) => n.dueAt)].sort());
  });
});
