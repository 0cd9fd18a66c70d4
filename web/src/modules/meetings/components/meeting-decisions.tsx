import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useClient, useQuery } from 'urql';

import { errorMessage } from '@/app/graphql-errors';
import {
  ActionItemOutcome,
  ActionItemRowFragment,
  CloseActionItemDocument,
  MeetingAgenciesDocument,
  MeetingPageQuery,
  RecordDecisionDocument,
  TaskForceDuty,
  TaskPillar,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { DuePreview } from '@/modules/tasks/components/due-preview';
import { ActionDialog } from '@/modules/ui/action-dialog';
import { Empty } from '@/modules/ui/page';

import { ActionItemTable } from './action-item-table';

type Meeting = MeetingPageQuery['meeting'];

/** Decisions with their action items (each a task of its owner), the items carried over, and closing them. */
export function MeetingDecisions({
  meeting,
  canRecord,
  onChanged,
}: {
  meeting: Meeting;
  canRecord: boolean;
  onChanged: () => void;
}) {
  const { m, f } = useI18n();
  const client = useClient();
  const [closing, setClosing] = useState<ActionItemRowFragment | null>(null);
  const [outcome, setOutcome] = useState<ActionItemOutcome>('ACHIEVED');
  const [notice, setNotice] = useState<string | null>(null);
  const close = canRecord
    ? (item: ActionItemRowFragment) => {
        setOutcome('ACHIEVED');
        setClosing(item);
      }
    : undefined;

  return (
    <>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {m.meetings.carriedOver}
        </Title>
        {meeting.carriedOverActionItems.length === 0 ? (
          <Empty>{m.meetings.noCarriedOver}</Empty>
        ) : (
          <ActionItemTable
            items={meeting.carriedOverActionItems}
            caption={m.meetings.carriedOver}
            showMeeting
            onClose={close}
          />
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {m.meetings.decisions}
        </Title>
        {meeting.decisions.length === 0 ? (
          <Empty>{m.meetings.noDecisions}</Empty>
        ) : (
          <Stack>
            {meeting.decisions.map((decision) => (
              <div key={decision.id}>
                <Text fw={600}>
                  {decision.reference} · {m.pillar[decision.pillar]} · {m.duty[decision.duty]}
                </Text>
                <Text size="sm" className="pre-line" mb="xs">
                  {decision.text}
                </Text>
                {decision.actionItems.length > 0 && (
                  <ActionItemTable
                    items={decision.actionItems}
                    caption={`${m.meetings.actionItems} ${decision.reference}`}
                    onClose={close}
                  />
                )}
              </div>
            ))}
          </Stack>
        )}
        {notice && (
          <Alert color="green" role="status" mt="xs">
            {notice}
          </Alert>
        )}
        {canRecord &&
          (meeting.held ? (
            <DecisionForm
              meetingId={meeting.id}
              onRecorded={(reference) => {
                setNotice(f(m.meetings.decisionRecorded, { reference }));
                onChanged();
              }}
            />
          ) : (
            <Text size="sm" c="dimmed" mt="xs">
              {m.meetings.decisionOnlyHeld}
            </Text>
          ))}
      </Paper>
      <ActionDialog
        opened={closing !== null}
        title={`${m.meetings.close}: ${closing?.reference ?? ''}`}
        reasonMode="required"
        reasonLabel={m.meetings.outcomeNote}
        onClose={() => setClosing(null)}
        onSubmit={async (note) => {
          const result = await client
            .mutation(CloseActionItemDocument, {
              input: {
                id: closing!.id,
                // Closed at this meeting when it was decided at an earlier one; else at the meeting that decided it.
                meetingId: closing!.meeting.id === meeting.id ? undefined : meeting.id,
                outcome,
                note,
              },
            })
            .toPromise();
          if (!result.error) onChanged();
          return result;
        }}
      >
        <Select
          label={m.meetings.outcome}
          value={outcome}
          allowDeselect={false}
          onChange={(value) => value && setOutcome(value as ActionItemOutcome)}
          data={Object.entries(m.actionItemOutcome).map(([value, label]) => ({ value, label }))}
        />
      </ActionDialog>
    </>
  );
}

interface ItemDraft {
  ownerAgencyId: string | null;
  title: string;
  days: number | string;
}

function DecisionForm({ meetingId, onRecorded }: { meetingId: string; onRecorded: (reference: string) => void }) {
  const { m, f, locale } = useI18n();
  const client = useClient();
  const [agencies] = useQuery({ query: MeetingAgenciesDocument });
  const [text, setText] = useState('');
  const [pillar, setPillar] = useState<TaskPillar>('PARTNERSHIP');
  const [duty, setDuty] = useState<TaskForceDuty>('COORDINATION');
  const [items, setItems] = useState<ItemDraft[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = (agencies.data?.agencies.edges ?? [])
    .map(({ node }) => node)
    .filter((agency) => agency.country === 'ID')
    .map((agency) => ({
      value: agency.id,
      label: `${agency.acronym} — ${locale === 'ID' ? agency.nameId : agency.nameEn}`,
    }));
  const change = (index: number, patch: Partial<ItemDraft>) =>
    setItems((current) => current.map((item, at) => (at === index ? { ...item, ...patch } : item)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || items.some((item) => !item.ownerAgencyId || !item.title.trim())) {
      return setProblem(m.errors.required);
    }
    setBusy(true);
    const outcome = await client
      .mutation(RecordDecisionDocument, {
        input: {
          meetingId,
          text: text.trim(),
          pillar,
          duty,
          actionItems: items.map((item) => ({
            ownerAgencyId: item.ownerAgencyId!,
            title: item.title.trim(),
            due: { workingDays: Number(item.days) },
          })),
        },
      })
      .toPromise();
    setBusy(false);
    // A refusal keeps the decision and its items as typed.
    if (outcome.error || !outcome.data)
      return setProblem(outcome.error ? errorMessage(outcome.error, m) : m.errors.network);
    setProblem(null);
    setText('');
    setItems([]);
    onRecorded(outcome.data.recordDecision.reference);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Title order={3} size="h5" mt="md" mb="xs">
        {m.meetings.recordDecision}
      </Title>
      <Stack>
        <Textarea
          label={m.meetings.decisionText}
          required
          autosize
          minRows={2}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <div className="form-row">
          <Select
            label={m.newTask.pillar}
            value={pillar}
            allowDeselect={false}
            onChange={(value) => value && setPillar(value as TaskPillar)}
            data={Object.entries(m.pillar).map(([value, label]) => ({ value, label }))}
          />
          <Select
            label={m.newTask.duty}
            value={duty}
            allowDeselect={false}
            onChange={(value) => value && setDuty(value as TaskForceDuty)}
            data={Object.entries(m.duty).map(([value, label]) => ({ value, label }))}
          />
        </div>
        {items.map((item, index) => {
          const n = index + 1;
          return (
            <Paper key={index} withBorder p="sm" role="group" aria-labelledby={`action-item-${n}`}>
              <Group justify="space-between" mb={4}>
                <Text fw={600} id={`action-item-${n}`}>
                  {f(m.meetings.actionItem, { n })}
                </Text>
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => setItems((current) => current.filter((_, at) => at !== index))}
                >
                  {f(m.meetings.removeActionItem, { n })}
                </Button>
              </Group>
              <div className="form-row">
                <Select
                  label={`${m.meetings.owner} (${n})`}
                  required
                  searchable
                  value={item.ownerAgencyId}
                  onChange={(value) => change(index, { ownerAgencyId: value })}
                  data={options}
                />
                <TextInput
                  label={`${m.meetings.itemTitle} (${n})`}
                  required
                  value={item.title}
                  onChange={(event) => change(index, { title: event.currentTarget.value })}
                />
                <NumberInput
                  label={`${m.meetings.dueDays} (${n})`}
                  min={1}
                  max={250}
                  value={item.days}
                  onChange={(value) => change(index, { days: value })}
                />
              </div>
              <DuePreview agencyId={item.ownerAgencyId} workingDays={item.days} />
            </Paper>
          );
        })}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group>
          <Button
            variant="default"
            onClick={() => setItems((current) => [...current, { ownerAgencyId: null, title: '', days: 10 }])}
          >
            {m.meetings.addActionItem}
          </Button>
          <Button type="submit" loading={busy}>
            {m.meetings.recordDecision}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
