import { Alert, Anchor, Button, Group, List, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';

import { errorMessage } from '@/app/graphql-errors';
import { AgeBand, GroupRegistrationCaseDocument, RegisterVictimGroupDocument, Sex } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { PageTitle, QueryState } from '@/modules/ui/page';

interface Row {
  fullName: string;
  sex: Sex | null;
  ageBand: AgeBand | null;
  dateOfBirth: string;
  passportNumber: string;
  nationalIdNumber: string;
}

const emptyRow = (): Row => ({
  fullName: '',
  sex: null,
  ageBand: null,
  dateOfBirth: '',
  passportNumber: '',
  nationalIdNumber: '',
});

/** One key per attempt at this registration: a retry after a dropped answer is answered, not written twice. */
const newKey = () => `group-${crypto.randomUUID()}`;

/**
 * Registering the people of one rescue into a case at once. The identities typed here stay in this page's memory
 * only (never in the address or the title) and are cleared once saved; a refusal keeps them and names each row.
 */
export default function GroupRegistrationPage() {
  const { id = '' } = useParams();
  const { m, f } = useI18n();
  const [result, retry] = useQuery({ query: GroupRegistrationCaseDocument, variables: { id } });
  return (
    <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
      {(data) => (
        <>
          <PageTitle title={f(m.groupRegistration.pageTitle, { reference: data.case.reference })}>
            {f(m.groupRegistration.pageTitle, { reference: data.case.reference })}
          </PageTitle>
          <Text mb="xs">{m.groupRegistration.intro}</Text>
          <Text size="sm" c="dimmed" mb="md">
            {m.groupRegistration.privacy}
          </Text>
          <GroupForm
            caseId={data.case.id}
            rescuedOn={data.case.rescuedOn ?? ''}
            rescuePlace={data.case.rescuePlace ?? ''}
            rescueCountry={data.case.rescueCountry ?? ''}
          />
        </>
      )}
    </QueryState>
  );
}

function GroupForm(props: { caseId: string; rescuedOn: string; rescuePlace: string; rescueCountry: string }) {
  const { m, f } = useI18n();
  const client = useClient();
  const [rescuedOn, setRescuedOn] = useState(props.rescuedOn);
  const [rescuePlace, setRescuePlace] = useState(props.rescuePlace);
  const [rescueCountry, setRescueCountry] = useState(props.rescueCountry);
  const [nationality, setNationality] = useState('ID');
  const [rows, setRows] = useState<Row[]>([emptyRow(), emptyRow()]);
  const [operationKey, setOperationKey] = useState(newKey);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ replayed: boolean; victims: { id: string; code: string }[] } | null>(null);

  const change = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = rows.flatMap((row, index) =>
      !row.fullName.trim() || !row.sex || !row.ageBand
        ? [f(m.groupRegistration.rowProblems, { n: index + 1, message: m.errors.required })]
        : [],
    );
    if (missing.length > 0 || !nationality.trim()) {
      setProblems(missing.length > 0 ? missing : [m.errors.required]);
      return;
    }
    setBusy(true);
    const outcome = await client
      .mutation(RegisterVictimGroupDocument, {
        input: {
          caseId: props.caseId,
          operationKey,
          nationality: nationality.trim().toUpperCase(),
          rescuedOn: rescuedOn || undefined,
          rescuePlace: rescuePlace.trim() || undefined,
          rescueCountry: rescueCountry.trim().toUpperCase() || undefined,
          people: rows.map((row) => ({
            sex: row.sex!,
            ageBand: row.ageBand!,
            identity: {
              fullName: row.fullName.trim(),
              dateOfBirth: row.dateOfBirth || undefined,
              passportNumber: row.passportNumber.trim() || undefined,
              nationalIdNumber: row.nationalIdNumber.trim() || undefined,
            },
          })),
        },
      })
      .toPromise();
    setBusy(false);
    if (outcome.error || !outcome.data) {
      // Everything typed stays; each refused row is named ("people.3.identity.dateOfBirth" is person 4).
      const listed = (outcome.error?.graphQLErrors[0]?.extensions?.problems ?? []) as {
        field: string;
        message: string;
      }[];
      setProblems(
        listed.length > 0
          ? listed.map(({ field, message }) => {
              const row = /^people\.(\d+)\./.exec(field);
              // The message may repeat the field ("people.0.identity.dateOfBirth: …"); the row is named instead.
              const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
              return row
                ? f(m.groupRegistration.rowProblems, { n: Number(row[1]) + 1, message: text })
                : `${field}: ${text}`;
            })
          : [outcome.error ? errorMessage(outcome.error, m) : m.errors.network],
      );
      return;
    }
    setProblems([]);
    setDone(outcome.data.registerVictimGroup);
    setRows([emptyRow(), emptyRow()]);
    setOperationKey(newKey());
  };

  if (done) {
    return (
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Alert color="green" role="status">
            {done.replayed ? m.groupRegistration.replayed : f(m.groupRegistration.done, { count: done.victims.length })}
          </Alert>
          <List>
            {done.victims.map((victim) => (
              <List.Item key={victim.id}>
                <Anchor component={Link} to={`/people/${victim.id}`}>
                  {victim.code}
                </Anchor>
              </List.Item>
            ))}
          </List>
          <Group>
            <Button component={Link} to={`/cases/${props.caseId}`}>
              {m.groupRegistration.backToCase}
            </Button>
            <Button variant="default" onClick={() => setDone(null)}>
              {m.groupRegistration.addRow}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  return (
    <form onSubmit={submit} noValidate autoComplete="off">
      <Stack>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {m.groupRegistration.shared}
          </Title>
          <div className="form-row">
            <TextInput
              type="date"
              label={m.groupRegistration.rescuedOn}
              value={rescuedOn}
              onChange={(event) => setRescuedOn(event.currentTarget.value)}
            />
            <TextInput
              label={m.groupRegistration.rescuePlace}
              value={rescuePlace}
              onChange={(event) => setRescuePlace(event.currentTarget.value)}
            />
            <TextInput
              label={m.groupRegistration.rescueCountry}
              maxLength={2}
              value={rescueCountry}
              onChange={(event) => setRescueCountry(event.currentTarget.value)}
            />
            <TextInput
              label={m.groupRegistration.nationality}
              required
              maxLength={2}
              value={nationality}
              onChange={(event) => setNationality(event.currentTarget.value)}
            />
          </div>
        </Paper>
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <Paper withBorder p="md" key={index} role="group" aria-labelledby={`person-row-${n}`}>
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h5" id={`person-row-${n}`}>
                  {f(m.groupRegistration.row, { n })}
                </Title>
                {rows.length > 1 && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => setRows((current) => current.filter((_, at) => at !== index))}
                  >
                    {f(m.groupRegistration.removeRow, { n })}
                  </Button>
                )}
              </Group>
              <div className="form-row">
                <TextInput
                  label={`${m.groupRegistration.fullName} (${n})`}
                  required
                  value={row.fullName}
                  onChange={(event) => change(index, { fullName: event.currentTarget.value })}
                />
                <Select
                  label={`${m.groupRegistration.sex} (${n})`}
                  required
                  value={row.sex}
                  onChange={(value) => change(index, { sex: value as Sex | null })}
                  data={Object.entries(m.sex).map(([value, label]) => ({ value, label }))}
                />
                <Select
                  label={`${m.groupRegistration.ageBand} (${n})`}
                  required
                  value={row.ageBand}
                  onChange={(value) => change(index, { ageBand: value as AgeBand | null })}
                  data={Object.entries(m.ageBand).map(([value, label]) => ({ value, label }))}
                />
                <TextInput
                  type="date"
                  label={`${m.groupRegistration.dateOfBirth} (${n})`}
                  value={row.dateOfBirth}
                  onChange={(event) => change(index, { dateOfBirth: event.currentTarget.value })}
                />
                <TextInput
                  label={`${m.groupRegistration.passport} (${n})`}
                  value={row.passportNumber}
                  onChange={(event) => change(index, { passportNumber: event.currentTarget.value })}
                />
                <TextInput
                  label={`${m.groupRegistration.nationalId} (${n})`}
                  value={row.nationalIdNumber}
                  onChange={(event) => change(index, { nationalIdNumber: event.currentTarget.value })}
                />
              </div>
            </Paper>
          );
        })}
        {problems.length > 0 && (
          <Alert color="red" role="alert">
            <List size="sm">
              {problems.map((problem) => (
                <List.Item key={problem}>{problem}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group>
          <Button
            variant="default"
            disabled={rows.length >= 100}
            onClick={() => setRows((current) => [...current, emptyRow()])}
          >
            {m.groupRegistration.addRow}
          </Button>
          <Button type="submit" loading={busy}>
            {f(m.groupRegistration.submit, { count: rows.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
