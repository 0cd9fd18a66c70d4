import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { useClient, useQuery } from 'urql';

import { errorMessage } from '@/app/graphql-errors';
import { hasRole, useSession } from '@/app/session-context';
import {
  AcknowledgeTaskDocument,
  AgencyChoicesDocument,
  BlockTaskDocument,
  CancelTaskDocument,
  CommentOnTaskDocument,
  CompleteTaskDocument,
  DeclineTaskDocument,
  ReassignTaskDocument,
  ReopenTaskDocument,
  StartTaskDocument,
  TaskAction,
  TaskPageDocument,
  UnblockTaskDocument,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { DocumentsPanel } from '@/modules/documents/documents-panel';
import { ActionDialog, ReasonMode } from '@/modules/ui/action-dialog';
import { History } from '@/modules/ui/history';
import { PageTitle, QueryState } from '@/modules/ui/page';
import { Countdown, Instant } from '@/modules/ui/time';

type AnyMutation = TypedDocumentNode<unknown, { input: Record<string, unknown> }>;

/** Each lifecycle action: the mutation that takes it and whether the lifecycle asks for a reason. */
const ACTIONS: Record<
  Exclude<TaskAction, 'REASSIGN'>,
  { document: AnyMutation; reason: ReasonMode; field: 'note' | 'reason' }
> = {
  ACKNOWLEDGE: { document: AcknowledgeTaskDocument as AnyMutation, reason: 'optional', field: 'note' },
  START: { document: StartTaskDocument as AnyMutation, reason: 'optional', field: 'note' },
  UNBLOCK: { document: UnblockTaskDocument as AnyMutation, reason: 'optional', field: 'note' },
  COMPLETE: { document: CompleteTaskDocument as AnyMutation, reason: 'optional', field: 'note' },
  DECLINE: { document: DeclineTaskDocument as AnyMutation, reason: 'required', field: 'reason' },
  BLOCK: { document: BlockTaskDocument as AnyMutation, reason: 'required', field: 'reason' },
  CANCEL: { document: CancelTaskDocument as AnyMutation, reason: 'required', field: 'reason' },
  REOPEN: { document: ReopenTaskDocument as AnyMutation, reason: 'required', field: 'reason' },
};

export default function TaskPage() {
  const { id = '' } = useParams();
  const { m, f } = useI18n();
  const { session } = useSession();
  const client = useClient();
  const [result, reload] = useQuery({ query: TaskPageDocument, variables: { id } });
  const [action, setAction] = useState<TaskAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reassignTo, setReassignTo] = useState<string | null>(null);
  const [agencies] = useQuery({ query: AgencyChoicesDocument, variables: {}, pause: action !== 'REASSIGN' });
  const refresh = () => reload({ requestPolicy: 'network-only' });

  return (
    <QueryState result={result} retry={refresh}>
      {({ task }) => {
        const mySide = [task.assigningAgency.id, task.assigneeAgency.id].includes(session.user.agencyId);
        const run = async (reason: string) => {
          if (!action) return {};
          const input: Record<string, unknown> =
            action === 'REASSIGN'
              ? { id: task.id, expectedVersion: task.version, assigneeAgencyId: reassignTo }
              : { id: task.id, expectedVersion: task.version, ...(reason ? { [ACTIONS[action].field]: reason } : {}) };
          const document = action === 'REASSIGN' ? (ReassignTaskDocument as AnyMutation) : ACTIONS[action].document;
          const outcome = await client.mutation(document, { input }).toPromise();
          if (!outcome.error) {
            setNotice(f(m.task.done, { action: m.actionsTask[action] }));
            refresh();
          }
          return outcome;
        };
        return (
          <Stack>
            <div>
              <PageTitle title={f(m.task.title, { reference: task.reference })}>
                {task.reference}: {task.title}
              </PageTitle>
              <Group gap="xs">
                <Badge tt="none">{m.taskStatus[task.status]}</Badge>
                <Badge tt="none" variant="outline">
                  {m.taskPriority[task.priority]}
                </Badge>
                <Countdown
                  iso={task.dueAt}
                  done={!task.overdue && ['DONE', 'CANCELLED', 'DECLINED'].includes(task.status)}
                />
              </Group>
            </div>
            {notice && (
              <Alert
                color="green"
                role="status"
                withCloseButton
                closeButtonLabel={m.app.close}
                onClose={() => setNotice(null)}
              >
                {notice}
              </Alert>
            )}
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {m.task.actions}
              </Title>
              {task.availableActions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {m.task.noActions}
                </Text>
              ) : (
                <Group>
                  {task.availableActions.map((name) => (
                    <Button
                      key={name}
                      variant={ACTIONS[name as keyof typeof ACTIONS]?.reason === 'required' ? 'default' : 'filled'}
                      onClick={() => setAction(name)}
                    >
                      {m.actionsTask[name]}
                    </Button>
                  ))}
                </Group>
              )}
            </Paper>
            <div className="two-col">
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="xs">
                  {m.task.details}
                </Title>
                <Stack gap="xs">
                  <Field label={m.table.due}>
                    <Instant iso={task.dueAt} zone={task.assigneeAgency.timeZone} />
                  </Field>
                  <Field label={m.task.assigning}>{task.assigningAgency.acronym}</Field>
                  <Field label={m.task.assignee}>{task.assigneeAgency.acronym}</Field>
                  <Field label={m.task.pillar}>{m.pillar[task.pillar]}</Field>
                  <Field label={m.task.duty}>{m.duty[task.duty]}</Field>
                  {task.blockedReason && <Field label={m.task.blockedReason}>{task.blockedReason}</Field>}
                  <Field label={m.task.description}>{task.description || '—'}</Field>
                </Stack>
              </Paper>
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="xs">
                  {m.task.history}
                </Title>
                <History entries={task.history} statusLabels={m.taskStatus} actionLabels={m.actionsTask} />
                {mySide && hasRole(session, 'LIAISON') && <CommentForm taskId={task.id} onSaved={refresh} />}
              </Paper>
            </div>
            <ActionDialog
              opened={action !== null}
              title={action ? `${m.actionsTask[action]}: ${task.reference}` : ''}
              reasonMode={action && action !== 'REASSIGN' ? ACTIONS[action].reason : 'none'}
              onClose={() => setAction(null)}
              onSubmit={run}
              onConflict={refresh}
            >
              {action === 'REASSIGN' && (
                <Select
                  label={m.task.reassignTo}
                  searchable
                  required
                  value={reassignTo}
                  onChange={setReassignTo}
                  data={(agencies.data?.agencies.edges ?? []).map(({ node }) => ({
                    value: node.id,
                    label: `${node.acronym} — ${node.nameId}`,
                  }))}
                />
              )}
            </ActionDialog>
            <DocumentsPanel parentKind="TASK" parentId={id} />
          </Stack>
        );
      }}
    </QueryState>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function CommentForm({ taskId, onSaved }: { taskId: string; onSaved: () => void }) {
  const { m } = useI18n();
  const client = useClient();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    const outcome = await client
      .mutation(CommentOnTaskDocument, { input: { id: taskId, body: body.trim() } })
      .toPromise();
    if (outcome.error) {
      setProblem(errorMessage(outcome.error, m));
      return;
    }
    setBody('');
    setProblem(null);
    onSaved();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs" mt="md">
        <Textarea
          label={m.task.comment}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" variant="light">
            {m.task.addComment}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
