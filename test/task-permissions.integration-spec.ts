import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';

type Actor = 'assigner' | 'assignee' | 'otherLiaison' | 'assigneeSupervisor' | 'secretariat' | 'caseOfficer';
const ACTORS: Actor[] = ['assigner', 'assignee', 'otherLiaison', 'assigneeSupervisor', 'secretariat', 'caseOfficer'];

interface Operation {
  name: string;
  /** Status the task is put in first, so that only who asks decides the outcome. */
  from: string;
  document: string;
  input: (id: string) => Record<string, unknown>;
  allowed: Actor[];
}

const reasonInput = (id: string) => ({ id, reason: 'a reason for the history' });
const idInput = (id: string) => ({ id });
const mutation = (name: string, type: string) => `mutation ($input: ${type}!) { ${name}(input: $input) { id } }`;

const OPERATIONS: Operation[] = [
  {
    name: 'acknowledgeTask',
    from: 'OPEN',
    document: mutation('acknowledgeTask', 'TaskTransitionInput'),
    input: idInput,
    allowed: ['assignee'],
  },
  {
    name: 'declineTask',
    from: 'OPEN',
    document: mutation('declineTask', 'TaskReasonInput'),
    input: reasonInput,
    allowed: ['assignee'],
  },
  {
    name: 'startTask',
    from: 'ACKNOWLEDGED',
    document: mutation('startTask', 'TaskTransitionInput'),
    input: idInput,
    allowed: ['assignee'],
  },
  {
    name: 'blockTask',
    from: 'IN_PROGRESS',
    document: mutation('blockTask', 'TaskReasonInput'),
    input: reasonInput,
    allowed: ['assignee'],
  },
  {
    name: 'unblockTask',
    from: 'BLOCKED',
    document: mutation('unblockTask', 'TaskTransitionInput'),
    input: idInput,
    allowed: ['assignee'],
  },
  {
    name: 'completeTask',
    from: 'IN_PROGRESS',
    document: mutation('completeTask', 'TaskTransitionInput'),
    input: idInput,
    allowed: ['assignee'],
  },
  {
    name: 'cancelTask',
    from: 'OPEN',
    document: mutation('cancelTask', 'TaskReasonInput'),
    input: reasonInput,
    allowed: ['assigner'],
  },
  {
    name: 'reopenTask',
    from: 'DONE',
    document: mutation('reopenTask', 'TaskReasonInput'),
    input: reasonInput,
    allowed: ['assigner'],
  },
  {
    name: 'editTask',
    from: 'OPEN',
    document: mutation('editTask', 'EditTaskInput'),
    input: (id) => ({ id, priority: 'HIGH' }),
    allowed: ['assigner'],
  },
  {
    name: 'rescheduleTask',
    from: 'OPEN',
    document: mutation('rescheduleTask', 'RescheduleTaskInput'),
    input: (id) => ({ id, due: { workingDays: 7 }, reason: 'new information' }),
    allowed: ['assigner'],
  },
  {
    name: 'commentOnTask',
    from: 'IN_PROGRESS',
    document: mutation('commentOnTask', 'CommentOnTaskInput'),
    input: (id) => ({ id, body: 'noted' }),
    allowed: ['assigner', 'assignee'],
  },
  {
    name: 'task',
    from: 'OPEN',
    document: 'query ($input: ID!) { task(id: $input) { id } }',
    input: (id) => id as unknown as Record<string, unknown>,
    allowed: ['assigner', 'assignee', 'assigneeSupervisor', 'secretariat'],
  },
];

/** What a refused actor sees: a role that never works with tasks is FORBIDDEN; anyone else outside the task gets NOT_FOUND. */
function refusal(actor: Actor, operation: Operation): string {
  if (actor === 'caseOfficer') return 'FORBIDDEN';
  if (actor === 'otherLiaison') return 'NOT_FOUND';
  const readOnly = actor === 'assigneeSupervisor' || actor === 'secretariat';
  if (readOnly) return operation.name === 'task' ? 'NOT_FOUND' : 'FORBIDDEN';
  return 'FORBIDDEN'; // the wrong side of the task
}

describe('who may do what with a task', () => {
  let sut: TestApp;
  const tokens = {} as Record<Actor, string>;
  let assigneeAgencyId: string;

  beforeAll(async () => {
    sut = await TestApp.start();
    const factories = new Factories(sut);
    const code = async (c: string) => (await sut.dataSource.query('SELECT id FROM agency WHERE code = $1', [c]))[0].id;
    const assigning = await code('KEMLU');
    assigneeAgencyId = await code('DITJEN-IMIGRASI');
    const as = async (roles: Role[], agencyId: string) =>
      sut.login((await factories.user(roles, { agencyId })).email, TEST_PASSWORD);
    tokens.assigner = await as([Role.LIAISON], assigning);
    tokens.assignee = await as([Role.LIAISON], assigneeAgencyId);
    tokens.otherLiaison = await as([Role.LIAISON], await code('KEMENSOS'));
    tokens.assigneeSupervisor = await as([Role.SUPERVISOR], assigneeAgencyId);
    tokens.secretariat = await as([Role.SECRETARIAT], await code('POLRI'));
    tokens.caseOfficer = await as([Role.CASE_OFFICER], assigneeAgencyId);
  });
  afterAll(() => sut.stop());

  const taskIn = async (status: string): Promise<string> => {
    const created = await sut.gql<{ createTask: { id: string } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
      {
        input: {
          assigneeAgencyId,
          title: 'Confirm exit clearance for repatriation flight',
          pillar: 'PROTECTION',
          duty: 'COORDINATION',
          due: { workingDays: 3 },
        },
      },
      tokens.assigner,
    );
    const id = created.data!.createTask.id;
    await sut.dataSource.query('UPDATE task SET status = $2 WHERE id = $1', [id, status]);
    return id;
  };

  for (const operation of OPERATIONS) {
    for (const actor of ACTORS) {
      const allowed = operation.allowed.includes(actor);
      it(`${operation.name} by ${actor}: ${allowed ? 'allowed' : refusal(actor, operation)}`, async () => {
        const id = await taskIn(operation.from);
        const result = await sut.gql(operation.document, { input: operation.input(id) }, tokens[actor]);
        if (allowed) expect(result.errors).toBeUndefined();
        else expect(firstErrorCode(result)).toBe(refusal(actor, operation));
      });
    }
  }
});
