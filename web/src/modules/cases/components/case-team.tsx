import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useClient, useQuery } from 'urql';

import { formatDay } from '@/app/format';
import { errorMessage } from '@/app/graphql-errors';
import {
  AddCaseParticipantDocument,
  AgencyChoicesDocument,
  CaseParticipantRowFragment,
  CaseRole,
  EndCaseParticipationDocument,
  HandOverCaseLeadDocument,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { ActionDialog } from '@/modules/ui/action-dialog';
import { Empty } from '@/modules/ui/page';
import { Day } from '@/modules/ui/time';

/** The case team: the lead and every participant, current and past; the lead's side adds and ends participations. */
export function CaseTeam({
  caseId,
  caseVersion,
  participants,
  canChange,
  onChanged,
}: {
  caseId: string;
  caseVersion: number;
  participants: CaseParticipantRowFragment[];
  canChange: boolean;
  onChanged: () => void;
}) {
  const { m, f, tag } = useI18n();
  const client = useClient();
  const [ending, setEnding] = useState<CaseParticipantRowFragment | null>(null);
  const [handingTo, setHandingTo] = useState<CaseParticipantRowFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {m.caseTeam.title}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {m.caseTeam.intro}
      </Text>
      {participants.length === 0 ? (
        <Empty>{m.caseTeam.none}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={m.caseTeam.title}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.caseTeam.agency}</Table.Th>
                <Table.Th scope="col">{m.caseTeam.role}</Table.Th>
                <Table.Th scope="col">{m.caseTeam.since}</Table.Th>
                <Table.Th scope="col">{m.table.status}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {participants.map((participant) => (
                <Table.Tr key={participant.id}>
                  <Table.Td>
                    {participant.agency.acronym}{' '}
                    {participant.lead && participant.current && (
                      <Badge size="sm" variant="light" tt="none">
                        {m.caseTeam.lead}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{m.caseRole[participant.role]}</Table.Td>
                  <Table.Td>
                    <Day day={participant.since} />
                    {participant.recordedLate && (
                      <Text span size="xs" c="dimmed" display="block">
                        {m.caseTeam.late}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {participant.current ? (
                      <Group gap="xs">
                        <Badge color="teal" tt="none">
                          {m.caseTeam.current}
                        </Badge>
                        {canChange && !participant.lead && (
                          <>
                            <Button size="compact-xs" variant="default" onClick={() => setEnding(participant)}>
                              {m.caseTeam.end}
                              <VisuallyHidden> {participant.agency.acronym}</VisuallyHidden>
                            </Button>
                            <Button size="compact-xs" variant="default" onClick={() => setHandingTo(participant)}>
                              {m.caseTeam.handOver}
                              <VisuallyHidden> {participant.agency.acronym}</VisuallyHidden>
                            </Button>
                          </>
                        )}
                      </Group>
                    ) : (
                      <Text size="sm">
                        {f(m.caseTeam.ended, { day: formatDay(participant.endedOn, tag) })}
                        {participant.endReason ? ` — “${participant.endReason}”` : ''}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {notice && (
        <Alert
          color="green"
          role="status"
          mt="xs"
          withCloseButton
          closeButtonLabel={m.app.close}
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      {canChange ? (
        <AddParticipantForm
          caseId={caseId}
          onAdded={(agency) => {
            setNotice(f(m.caseTeam.added, { agency }));
            onChanged();
          }}
        />
      ) : (
        <Text size="xs" c="dimmed" mt="xs">
          {m.caseTeam.leadNote}
        </Text>
      )}
      <ActionDialog
        opened={ending !== null}
        title={`${m.caseTeam.end}: ${ending?.agency.acronym ?? ''}`}
        reasonMode="required"
        reasonLabel={m.caseTeam.endReason}
        onClose={() => setEnding(null)}
        onSubmit={async (reason) => {
          const agency = ending!.agency;
          const outcome = await client
            .mutation(EndCaseParticipationDocument, { input: { caseId, agencyId: agency.id, reason } })
            .toPromise();
          if (!outcome.error) {
            setNotice(f(m.caseTeam.endedNotice, { agency: agency.acronym }));
            onChanged();
          }
          return outcome;
        }}
      />
      <ActionDialog
        opened={handingTo !== null}
        title={`${m.caseTeam.handOver}: ${handingTo?.agency.acronym ?? ''}`}
        reasonMode="required"
        reasonLabel={m.caseTeam.handOverReason}
        onClose={() => setHandingTo(null)}
        onConflict={onChanged}
        onSubmit={async (reason) => {
          const agency = handingTo!.agency;
          const outcome = await client
            .mutation(HandOverCaseLeadDocument, {
              input: { caseId, toAgencyId: agency.id, reason, expectedVersion: caseVersion },
            })
            .toPromise();
          if (!outcome.error) {
            setNotice(f(m.caseTeam.handedOver, { agency: agency.acronym }));
            onChanged();
          }
          return outcome;
        }}
      >
        <Text size="sm">{m.caseTeam.handOverNote}</Text>
      </ActionDialog>
    </Paper>
  );
}

function AddParticipantForm({ caseId, onAdded }: { caseId: string; onAdded: (agency: string) => void }) {
  const { m, locale } = useI18n();
  const client = useClient();
  const [search, setSearch] = useState('');
  const [agencies] = useQuery({ query: AgencyChoicesDocument, variables: { search: search || undefined } });
  const [agency, setAgency] = useState<string | null>(null);
  const [role, setRole] = useState<CaseRole | null>(null);
  const [since, setSince] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = (agencies.data?.agencies.edges ?? []).map(({ node }) => node);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!agency || !role) return setProblem(m.errors.required);
    setBusy(true);
    const outcome = await client
      .mutation(AddCaseParticipantDocument, { input: { caseId, agencyId: agency, role, since: since || undefined } })
      .toPromise();
    setBusy(false);
    // On failure everything chosen stays in the form.
    if (outcome.error) return setProblem(errorMessage(outcome.error, m));
    setProblem(null);
    const name = options.find((option) => option.id === agency)?.acronym ?? '';
    setAgency(null);
    setRole(null);
    setSince('');
    onAdded(name);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Title order={3} size="h5" mt="md" mb="xs">
        {m.caseTeam.addTitle}
      </Title>
      <Group align="flex-end">
        <Select
          label={m.caseTeam.agency}
          searchable
          required
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: items }) => items}
          value={agency}
          onChange={setAgency}
          data={options.map((option) => ({
            value: option.id,
            label: `${option.acronym} — ${locale === 'ID' ? option.nameId : option.nameEn}`,
          }))}
        />
        <Select
          label={m.caseTeam.role}
          required
          value={role}
          onChange={(value) => setRole(value as CaseRole | null)}
          data={Object.entries(m.caseRole).map(([value, label]) => ({ value, label }))}
        />
        <TextInput
          type="date"
          label={m.caseTeam.since}
          description={m.caseTeam.sinceHint}
          value={since}
          onChange={(event) => setSince(event.currentTarget.value)}
        />
        <Button type="submit" loading={busy}>
          {m.caseTeam.add}
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
