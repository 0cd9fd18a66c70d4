import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';

import { formatInstant } from '@/app/format';
import { useSession } from '@/app/session-context';

import {
  AcceptRequestDocument,
  AcknowledgeRequestDocument,
  AnswerRequestDocument,
  CloseRequestDocument,
  CrossBorderRequestPageDocument,
  ExtendDeadlineDocument,
  FormalProposalsDocument,
  PauseClockDocument,
  RecordReplyDocument,
  RefuseRequestDocument,
  ReplyChannel,
  ReplyKind,
  RequestAction,
  RequestStage,
  ResumeClockDocument,
  SubmitRequestDocument,
  WithdrawRequestDocument,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { DocumentsPanel } from '@/modules/documents/documents-panel';
import { ActionDialog, ReasonMode } from '@/modules/ui/action-dialog';
import { DateTimeField, instantOf } from '@/modules/ui/date-time-field';
import { History } from '@/modules/ui/history';
import { PageTitle, QueryState } from '@/modules/ui/page';
import { Countdown, Instant } from '@/modules/ui/time';

type AnyMutation = TypedDocumentNode<unknown, { input: Record<string, unknown> }>;
type Dialog = RequestAction | 'REPLY' | 'EXTEND' | 'PAUSE' | 'RESUME';

const LIFECYCLE: Partial<Record<RequestAction, { document: AnyMutation; reason: ReasonMode; field?: string }>> = {
  SUBMIT: { document: SubmitRequestDocument as AnyMutation, reason: 'none' },
  ACKNOWLEDGE: { document: AcknowledgeRequestDocument as AnyMutation, reason: 'none' },
  ACCEPT: { document: AcceptRequestDocument as AnyMutation, reason: 'none' },
  ANSWER: { document: AnswerRequestDocument as AnyMutation, reason: 'optional', field: 'note' },
  ANSWER_PARTIALLY: { document: AnswerRequestDocument as AnyMutation, reason: 'optional', field: 'note' },
  REFUSE: { document: RefuseRequestDocument as AnyMutation, reason: 'required', field: 'reason' },
  WITHDRAW: { document: WithdrawRequestDocument as AnyMutation, reason: 'required', field: 'reason' },
  CLOSE: { document: CloseRequestDocument as AnyMutation, reason: 'none' },
};

const STAGES: {
  stage: RequestStage;
  field: 'acknowledgeBy' | 'decideBy' | 'executeBy';
  doneField: 'acknowledgedAt' | 'acceptedAt' | 'answeredAt';
}[] = [
  { stage: 'ACKNOWLEDGE', field: 'acknowledgeBy', doneField: 'acknowledgedAt' },
  { stage: 'DECIDE', field: 'decideBy', doneField: 'acceptedAt' },
  { stage: 'EXECUTE', field: 'executeBy', doneField: 'answeredAt' },
];

/** One request: the three staged deadlines, its history, and what the user's side may do now. */
export default function CrossBorderRequestPage() {
  const { id = '' } = useParams();
  const { m, f, tag } = useI18n();
  const { session } = useSession();
  const client = useClient();
  const [result, reload] = useQuery({ query: CrossBorderRequestPageDocument, variables: { id } });
  const [proposals] = useQuery({ query: FormalProposalsDocument });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [replyKind, setReplyKind] = useState<ReplyKind>('ACKNOWLEDGED');
  const [replyChannel, setReplyChannel] = useState<ReplyChannel>('LETTER');
  const [receivedAt, setReceivedAt] = useState('');
  const [stage, setStage] = useState<RequestStage>('ACKNOWLEDGE');
  const [newDate, setNewDate] = useState('');
  const [counterpartReference, setCounterpartReference] = useState('');
  const refresh = () => reload({ requestPolicy: 'network-only' });

  return (
    <QueryState result={result} retry={refresh}>
      {({ crossBorderRequest: request }) => {
        // WITHDRAW is the home side's from every status in play: it marks who may record replies and move the clock.
        const homeSide = request.availableActions.includes('WITHDRAW');
        const open = ['SUBMITTED', 'ACKNOWLEDGED', 'ACCEPTED'].includes(request.status);
        const proposal = proposals.data?.crossBorderRequests.edges.find(
          ({ node }) => node.proposedFromId === request.id,
        )?.node;
        const zone =
          request.direction === 'OUTGOING' ? request.counterpartAgency.timeZone : request.onBehalfOfAgency.timeZone;

        const run = async (reason: string) => {
          if (!dialog) return {};
          const base = { id: request.id, expectedVersion: request.version };
          let document: AnyMutation;
          let input: Record<string, unknown>;
          if (dialog === 'REPLY') {
            document = RecordReplyDocument as AnyMutation;
            input = {
              id: request.id,
              kind: replyKind,
              channel: replyChannel,
              receivedAt: instantOf(receivedAt) ?? new Date().toISOString(),
              counterpartReference: counterpartReference || undefined,
              grounds: reason || undefined,
              ...(replyKind === 'NEW_DATE_PROPOSED' ? { stage, newDate: instantOf(newDate) } : {}),
            };
          } else if (dialog === 'EXTEND') {
            document = ExtendDeadlineDocument as AnyMutation;
            input = { ...base, stage, newDate: instantOf(newDate), reason };
          } else if (dialog === 'PAUSE') {
            document = PauseClockDocument as AnyMutation;
            input = { id: request.id, reason };
          } else if (dialog === 'RESUME') {
            document = ResumeClockDocument as AnyMutation;
            input = base;
          } else {
            const config = LIFECYCLE[dialog]!;
            document = config.document;
            input = {
              ...base,
              ...(config.field && reason ? { [config.field]: reason } : {}),
              ...(dialog === 'ANSWER_PARTIALLY' ? { partial: true } : {}),
              ...(dialog === 'ACKNOWLEDGE' && counterpartReference ? { counterpartReference } : {}),
            };
          }
          const outcome = await client.mutation(document, { input }).toPromise();
          if (!outcome.error) {
            setNotice(f(m.task.done, { action: dialogTitle(dialog) }));
            refresh();
          }
          return outcome;
        };
        const dialogTitle = (value: Dialog) =>
          value === 'REPLY'
            ? m.crossBorder.recordReply
            : value === 'EXTEND'
              ? m.crossBorder.extend
              : value === 'PAUSE'
                ? m.crossBorder.pause
                : value === 'RESUME'
                  ? m.crossBorder.resume
                  : m.actionsRequest[value];
        const reasonMode: ReasonMode =
          dialog === 'EXTEND' || dialog === 'PAUSE'
            ? 'required'
            : dialog === 'REPLY'
              ? 'optional'
              : dialog === 'RESUME' || !dialog
                ? 'none'
                : (LIFECYCLE[dialog]?.reason ?? 'none');
        const reasonLabel =
          dialog === 'EXTEND'
            ? m.crossBorder.extendReason
            : dialog === 'PAUSE'
              ? m.crossBorder.pauseReason
              : dialog === 'REPLY'
                ? m.crossBorder.grounds
                : dialog === 'ANSWER' || dialog === 'ANSWER_PARTIALLY'
                  ? m.crossBorder.note
                  : undefined;
        const lifecycleButtons = request.availableActions.filter((action) => LIFECYCLE[action]);

        return (
          <Stack>
            <div>
              <PageTitle title={f(m.crossBorder.requestTitle, { reference: request.reference })}>
                {request.reference}: {request.subject}
              </PageTitle>
              <Group gap="xs">
                <Badge tt="none">{m.requestStatus[request.status]}</Badge>
                <Badge tt="none" variant="outline">
                  {m.urgency[request.urgency]}
                </Badge>
                <Badge tt="none" variant="outline">
                  {m.requestChannel[request.channel]}
                </Badge>
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
            {proposal && (
              <Alert color="yellow">
                {f(m.crossBorder.formalProposed, { reference: proposal.reference })}{' '}
                <Anchor component={Link} to={`/cross-border-requests/${proposal.id}`}>
                  {m.crossBorder.openProposal}
                </Anchor>
              </Alert>
            )}
            {request.proposedFromId && (
              <Alert color="blue">
                {m.crossBorder.proposedFrom}{' '}
                <Anchor component={Link} to={`/cross-border-requests/${request.proposedFromId}`}>
                  {m.app.open}
                </Anchor>
              </Alert>
            )}
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {m.crossBorder.deadlines}
              </Title>
              {request.pausedAt && (
                <Alert color="gray" mb="sm">
                  {f(m.crossBorder.pausedBecause, {
                    time: new Date(request.pausedAt).toLocaleString(),
                    reason: request.pauseReason ?? '',
                  })}
                </Alert>
              )}
              <ol className="history-list">
                {STAGES.map(({ stage: name, field, doneField }) => {
                  const done = request[doneField];
                  const overdue = request.overdueStages.includes(name);
                  return (
                    <li key={name}>
                      <div className="stage-row">
                        <Text fw={600} size="sm">
                          {m.requestStage[name]}
                        </Text>
                        <Instant iso={request[field]} zone={zone} />
                        {overdue && <Badge color="red">{m.crossBorder.stageOverdue}</Badge>}
                        {done ? (
                          <Text size="sm">
                            ✓{f(m.crossBorder.stageDone, { time: formatInstant(done, tag, session.user.timeZone) })}
                          </Text>
                        ) : request[field] ? (
                          !request.pausedAt && open && <Countdown iso={request[field]} />
                        ) : (
                          <Text size="sm" c="dimmed">
                            {m.crossBorder.stageWaiting}
                          </Text>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ol>
            </Paper>
            {(lifecycleButtons.length > 0 || homeSide) && (
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="xs">
                  {m.crossBorder.actions}
                </Title>
                <Group>
                  {lifecycleButtons.map((action) => (
                    <Button
                      key={action}
                      variant={LIFECYCLE[action]?.reason === 'required' ? 'default' : 'filled'}
                      onClick={() => setDialog(action)}
                    >
                      {m.actionsRequest[action]}
                    </Button>
                  ))}
                  {homeSide && open && (
                    <>
                      <Button variant="light" onClick={() => setDialog('REPLY')}>
                        {m.crossBorder.recordReply}
                      </Button>
                      <Button variant="light" onClick={() => setDialog('EXTEND')}>
                        {m.crossBorder.extend}
                      </Button>
                      {request.pausedAt ? (
                        <Button variant="light" onClick={() => setDialog('RESUME')}>
                          {m.crossBorder.resume}
                        </Button>
                      ) : (
                        <Button variant="light" onClick={() => setDialog('PAUSE')}>
                          {m.crossBorder.pause}
                        </Button>
                      )}
                    </>
                  )}
                </Group>
              </Paper>
            )}
            <div className="two-col">
              <Paper withBorder p="md">
                <Stack gap="xs">
                  <Text size="sm">
                    <b>{m.table.counterpart}:</b> {request.counterpartAgency.acronym} ({request.counterpartCountry})
                  </Text>
                  <Text size="sm">
                    <b>{m.crossBorder.onBehalfOf}:</b> {request.onBehalfOfAgency.acronym}
                  </Text>
                  <Text size="sm">
                    <b>{m.crossBorder.category}:</b> {m.requestCategory[request.category]}
                  </Text>
                  {request.counterpartReference && (
                    <Text size="sm">
                      <b>{m.crossBorder.counterpartReference}:</b> {request.counterpartReference}
                    </Text>
                  )}
                  {request.victimCodes.length > 0 && (
                    <Text size="sm">
                      <b>{m.crossBorder.people}:</b> {request.victimCodes.join(', ')}
                    </Text>
                  )}
                  <Text size="sm" fw={600} mt="xs">
                    {m.crossBorder.body}
                  </Text>
                  <Text size="sm">{request.body}</Text>
                </Stack>
              </Paper>
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="xs">
                  {m.crossBorder.history}
                </Title>
                <History entries={request.history} statusLabels={m.requestStatus} actionLabels={m.actionsRequest} />
              </Paper>
            </div>
            <ActionDialog
              opened={dialog !== null}
              title={dialog ? `${dialogTitle(dialog)}: ${request.reference}` : ''}
              reasonMode={reasonMode}
              reasonLabel={reasonLabel}
              onClose={() => setDialog(null)}
              onSubmit={run}
              onConflict={refresh}
            >
              {dialog === 'REPLY' && (
                <>
                  <Select
                    label={m.crossBorder.replyKind}
                    value={replyKind}
                    allowDeselect={false}
                    onChange={(value) => value && setReplyKind(value as ReplyKind)}
                    data={Object.entries(m.replyKind).map(([value, label]) => ({ value, label }))}
                  />
                  <Select
                    label={m.crossBorder.replyChannel}
                    value={replyChannel}
                    allowDeselect={false}
                    onChange={(value) => value && setReplyChannel(value as ReplyChannel)}
                    data={Object.entries(m.replyChannel).map(([value, label]) => ({ value, label }))}
                  />
                  <DateTimeField
                    label={m.crossBorder.receivedAt}
                    value={receivedAt}
                    onChange={setReceivedAt}
                    max={new Date()}
                  />
                  <TextInput
                    label={m.crossBorder.counterpartReference}
                    value={counterpartReference}
                    onChange={(event) => setCounterpartReference(event.currentTarget.value)}
                  />
                </>
              )}
              {dialog === 'ACKNOWLEDGE' && (
                <TextInput
                  label={m.crossBorder.counterpartReference}
                  value={counterpartReference}
                  onChange={(event) => setCounterpartReference(event.currentTarget.value)}
                />
              )}
              {(dialog === 'EXTEND' || (dialog === 'REPLY' && replyKind === 'NEW_DATE_PROPOSED')) && (
                <>
                  <Select
                    label={m.crossBorder.stage}
                    value={stage}
                    allowDeselect={false}
                    onChange={(value) => value && setStage(value as RequestStage)}
                    data={STAGES.map(({ stage: value }) => ({ value, label: m.requestStage[value] }))}
                  />
                  <DateTimeField
                    label={m.crossBorder.newDate}
                    required
                    value={newDate}
                    onChange={setNewDate}
                    min={new Date()}
                  />
                </>
              )}
              {dialog === 'ANSWER_PARTIALLY' && <Checkbox label={m.crossBorder.partial} checked readOnly />}
            </ActionDialog>
            <DocumentsPanel parentKind="CROSS_BORDER_REQUEST" parentId={id} />
          </Stack>
        );
      }}
    </QueryState>
  );
}
