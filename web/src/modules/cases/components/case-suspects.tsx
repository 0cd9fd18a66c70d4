import { Alert, Badge, Button, Group, MultiSelect, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useClient } from 'urql';

import { errorMessage } from '@/app/graphql-errors';
import {
  ChangeSuspectStatusDocument,
  RecordSuspectDocument,
  SuspectRelation,
  SuspectRole,
  SuspectRowFragment,
  SuspectStatus,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { ActionDialog } from '@/modules/ui/action-dialog';
import { Empty } from '@/modules/ui/page';
import { Day } from '@/modules/ui/time';

/** A case's suspects by code; the case's investigators and prosecutors record them and move their status. */
export function CaseSuspects({
  caseId,
  suspects,
  canRecord,
  onChanged,
}: {
  caseId: string;
  suspects: SuspectRowFragment[];
  canRecord: boolean;
  onChanged: () => void;
}) {
  const { m, f } = useI18n();
  const client = useClient();
  const [changing, setChanging] = useState<SuspectRowFragment | null>(null);
  const [to, setTo] = useState<SuspectStatus | null>(null);
  const [occurredOn, setOccurredOn] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {m.suspects.title}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {m.suspects.intro}
      </Text>
      {suspects.length === 0 ? (
        <Empty>{m.suspects.none}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={m.suspects.title}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.suspects.code}</Table.Th>
                <Table.Th scope="col">{m.suspects.roleInChain}</Table.Th>
                <Table.Th scope="col">{m.suspects.relation}</Table.Th>
                <Table.Th scope="col">{m.suspects.status}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {suspects.map((suspect) => (
                <Table.Tr key={suspect.id}>
                  <Table.Td>{suspect.code}</Table.Td>
                  <Table.Td>{m.suspectRole[suspect.roleInChain]}</Table.Td>
                  <Table.Td>
                    {suspect.relationToVictims.map((relation) => m.suspectRelation[relation]).join(', ') || '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Badge variant="light" tt="none">
                        {m.suspectStatus[suspect.status]}
                      </Badge>
                      <Text span size="xs">
                        <Day day={suspect.statusOn} />
                      </Text>
                      {canRecord && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => {
                            setTo(null);
                            setOccurredOn('');
                            setChanging(suspect);
                          }}
                        >
                          {m.suspects.changeStatus}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {notice && (
        <Alert color="green" role="status" mt="xs">
          {notice}
        </Alert>
      )}
      {canRecord && (
        <RecordSuspectForm
          caseId={caseId}
          onRecorded={(code) => {
            setNotice(f(m.suspects.recorded, { code }));
            onChanged();
          }}
        />
      )}
      <ActionDialog
        opened={changing !== null}
        title={`${m.suspects.changeStatus}: ${changing?.code ?? ''}`}
        reasonMode="none"
        onClose={() => setChanging(null)}
        onConflict={onChanged}
        onSubmit={async () => {
          const suspect = changing!;
          const outcome = await client
            .mutation(ChangeSuspectStatusDocument, {
              input: {
                id: suspect.id,
                to: to ?? suspect.status,
                occurredOn: occurredOn || undefined,
                expectedVersion: suspect.version,
              },
            })
            .toPromise();
          if (!outcome.error) {
            setNotice(f(m.suspects.changed, { code: suspect.code }));
            onChanged();
          }
          return outcome;
        }}
      >
        <Select
          label={m.suspects.newStatus}
          required
          value={to}
          onChange={(value) => setTo(value as SuspectStatus | null)}
          data={Object.entries(m.suspectStatus).map(([value, label]) => ({ value, label }))}
        />
        <TextInput
          type="date"
          label={m.suspects.occurredOn}
          value={occurredOn}
          onChange={(event) => setOccurredOn(event.currentTarget.value)}
        />
      </ActionDialog>
    </Paper>
  );
}

function RecordSuspectForm({ caseId, onRecorded }: { caseId: string; onRecorded: (code: string) => void }) {
  const { m } = useI18n();
  const client = useClient();
  const [fullName, setFullName] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const [roleInChain, setRoleInChain] = useState<SuspectRole | null>(null);
  const [nationality, setNationality] = useState('');
  const [relations, setRelations] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!fullName.trim() || !roleInChain) return setProblem(m.errors.required);
    setBusy(true);
    const outcome = await client
      .mutation(RecordSuspectDocument, {
        input: {
          caseId,
          identity: { fullName: fullName.trim(), documentNumber: documentNumber.trim() || undefined },
          roleInChain,
          nationality: nationality.trim().toUpperCase() || undefined,
          relationToVictims: relations as SuspectRelation[],
        },
      })
      .toPromise();
    setBusy(false);
    if (outcome.error || !outcome.data)
      return setProblem(outcome.error ? errorMessage(outcome.error, m) : m.errors.network);
    setProblem(null);
    // The sealed identity leaves the page as soon as it is saved.
    setFullName('');
    setDocumentNumber('');
    setRoleInChain(null);
    setNationality('');
    setRelations([]);
    onRecorded(outcome.data.recordSuspect.code);
  };

  return (
    <form onSubmit={submit} noValidate autoComplete="off">
      <Title order={3} size="h5" mt="md" mb="xs">
        {m.suspects.recordTitle}
      </Title>
      <Group align="flex-end">
        <TextInput
          label={m.suspects.fullName}
          required
          value={fullName}
          onChange={(event) => setFullName(event.currentTarget.value)}
        />
        <TextInput
          label={m.suspects.documentNumber}
          value={documentNumber}
          onChange={(event) => setDocumentNumber(event.currentTarget.value)}
        />
        <Select
          label={m.suspects.roleInChain}
          required
          value={roleInChain}
          onChange={(value) => setRoleInChain(value as SuspectRole | null)}
          data={Object.entries(m.suspectRole).map(([value, label]) => ({ value, label }))}
        />
        <TextInput
          label={m.suspects.nationality}
          maxLength={2}
          w={140}
          value={nationality}
          onChange={(event) => setNationality(event.currentTarget.value)}
        />
        <MultiSelect
          label={m.suspects.relation}
          value={relations}
          onChange={setRelations}
          data={Object.entries(m.suspectRelation).map(([value, label]) => ({ value, label }))}
        />
        <Button type="submit" loading={busy}>
          {m.suspects.record}
        </Button>
      </Group>
      {problem && (
        <Alert color="red" role="alert" mt="xs">
          {problem}
        </Alert>
      )}
    </form>
  );
}
