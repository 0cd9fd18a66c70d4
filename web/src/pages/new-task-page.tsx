import { Alert, Button, Group, NumberInput, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';

import { errorMessage } from '@/app/graphql-errors';
import { AgencyChoicesDocument, CreateTaskDocument, TaskForceDuty, TaskPillar, TaskPriority } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { DuePreview } from '@/modules/tasks/components/due-preview';
import { DateTimeField, instantOf } from '@/modules/ui/date-time-field';
import { PageTitle } from '@/modules/ui/page';

/** Create a task: due in working days of the assignee's calendar (the server counts them) or at an instant. */
export default function NewTaskPage() {
  const { m, locale } = useI18n();
  const client = useClient();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [agencies] = useQuery({ query: AgencyChoicesDocument, variables: { search: search || undefined } });
  const [assignee, setAssignee] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [pillar, setPillar] = useState<TaskPillar>('PROTECTION');
  const [duty, setDuty] = useState<TaskForceDuty>('COORDINATION');
  const [priority, setPriority] = useState<TaskPriority>('NORMAL');
  const [mode, setMode] = useState<'days' | 'at'>('days');
  const [days, setDays] = useState<number | string>(5);
  const [at, setAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const options = (agencies.data?.agencies.edges ?? []).map(({ node }) => node);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!assignee || !title.trim() || (mode === 'at' && !at)) {
      setProblem(m.errors.required);
      return;
    }
    setBusy(true);
    const outcome = await client
      .mutation(CreateTaskDocument, {
        input: {
          assigneeAgencyId: assignee,
          title: title.trim(),
          description: description.trim() || undefined,
          pillar,
          duty,
          priority,
          due: mode === 'days' ? { workingDays: Number(days) } : { at: instantOf(at) },
        },
      })
      .toPromise();
    setBusy(false);
    if (outcome.error || !outcome.data) {
      // Everything typed stays in the form.
      setProblem(outcome.error ? errorMessage(outcome.error, m) : m.errors.network);
      return;
    }
    navigate(`/tasks/${outcome.data.createTask.id}`);
  };

  return (
    <>
      <PageTitle title={m.newTask.title}>{m.newTask.title}</PageTitle>
      <Text mb="md">{m.newTask.intro}</Text>
      <form onSubmit={submit} noValidate>
        <Stack maw={640}>
          <Select
            label={m.newTask.assignee}
            description={m.newTask.assigneeHint}
            searchable
            required
            searchValue={search}
            onSearchChange={setSearch}
            value={assignee}
            onChange={setAssignee}
            filter={({ options: items }) => items}
            data={options.map((agency) => ({
              value: agency.id,
              label: `${agency.acronym} — ${locale === 'ID' ? agency.nameId : agency.nameEn}`,
            }))}
          />
          <TextInput
            label={m.newTask.taskTitle}
            required
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          <Textarea
            label={m.newTask.description}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            autosize
            minRows={3}
          />
          <Group grow>
            <Select
              label={m.newTask.pillar}
              value={pillar}
              onChange={(value) => value && setPillar(value as TaskPillar)}
              data={Object.entries(m.pillar).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
            />
            <Select
              label={m.newTask.priority}
              value={priority}
              onChange={(value) => value && setPriority(value as TaskPriority)}
              data={Object.entries(m.taskPriority).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
            />
          </Group>
          <Select
            label={m.newTask.duty}
            value={duty}
            onChange={(value) => value && setDuty(value as TaskForceDuty)}
            data={Object.entries(m.duty).map(([value, label]) => ({ value, label }))}
            allowDeselect={false}
          />
          <Radio.Group
            label={m.newTask.dueMode}
            value={mode}
            onChange={(value) => setMode(value === 'at' ? 'at' : 'days')}
          >
            <Group mt="xs">
              <Radio value="days" label={m.newTask.dueWorkingDays} />
              <Radio value="at" label={m.newTask.dueAt} />
            </Group>
          </Radio.Group>
          {mode === 'days' ? (
            <NumberInput label={m.newTask.workingDays} min={1} max={365} value={days} onChange={setDays} />
          ) : (
            <DateTimeField label={m.newTask.dueDate} value={at} onChange={setAt} required min={new Date()} />
          )}
          {assignee && mode === 'days' && <DuePreview agencyId={assignee} workingDays={days} />}
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy}>
              {m.newTask.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
