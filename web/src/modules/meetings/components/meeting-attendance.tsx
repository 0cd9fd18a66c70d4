import { Alert, Badge, Button, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useClient } from 'urql';

import { errorKind, errorMessage } from '@/app/graphql-errors';
import { AttendanceStatus, MeetingPageQuery, RecordAttendanceDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty } from '@/modules/ui/page';

type Meeting = MeetingPageQuery['meeting'];

/** "Name, position" per line, as typed in the attendance form. */
function peopleOf(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...rest] = line.split(',');
      const position = rest.join(',').trim();
      return { name: name.trim(), position: position || undefined };
    });
}

/** The attendance list; the organiser records it for every agency at once. */
export function MeetingAttendance({
  meeting,
  canRecord,
  onSaved,
}: {
  meeting: Meeting;
  canRecord: boolean;
  onSaved: () => void;
}) {
  const { m } = useI18n();
  const client = useClient();
  const initial = () =>
    Object.fromEntries(
      meeting.attendance.map((row) => [
        row.agency.id,
        {
          status: row.status,
          people: row.people.map((person) => [person.name, person.position].filter(Boolean).join(', ')).join('\n'),
          note: row.note ?? '',
        },
      ]),
    );
  const [entries, setEntries] =
    useState<Record<string, { status: AttendanceStatus; people: string; note: string }>>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await client
      .mutation(RecordAttendanceDocument, {
        input: {
          meetingId: meeting.id,
          expectedVersion: meeting.version,
          entries: Object.entries(entries)
            .filter(([, entry]) => entry.status !== 'INVITED')
            .map(([agencyId, entry]) => ({
              agencyId,
              status: entry.status,
              people: peopleOf(entry.people),
              note: entry.note.trim() || undefined,
            })),
        },
      })
      .toPromise();
    setBusy(false);
    if (outcome.error) {
      setSaved(false);
      setProblem(errorMessage(outcome.error, m));
      if (errorKind(outcome.error) === 'CONFLICT') onSaved();
      return;
    }
    setProblem(null);
    setSaved(true);
    onSaved();
  };

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {m.meetings.attendance}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {m.meetings.attendanceIntro}
      </Text>
      {meeting.attendance.length === 0 ? (
        <Empty>{m.app.empty}</Empty>
      ) : !canRecord ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={m.meetings.attendance}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.caseTeam.agency}</Table.Th>
                <Table.Th scope="col">{m.table.status}</Table.Th>
                <Table.Th scope="col">{m.meetings.attendees}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.attendance.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{row.agency.acronym}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none">
                      {m.attendanceStatus[row.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {row.people.map((person) => [person.name, person.position].filter(Boolean).join(', ')).join('; ') ||
                      '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {meeting.attendance.map((row) => {
              const entry = entries[row.agency.id];
              const change = (patch: Partial<typeof entry>) => {
                setSaved(false);
                setEntries((current) => ({ ...current, [row.agency.id]: { ...current[row.agency.id], ...patch } }));
              };
              return (
                <Paper key={row.id} withBorder p="sm" role="group" aria-labelledby={`attendance-${row.id}`}>
                  <Text fw={600} id={`attendance-${row.id}`} mb={4}>
                    {row.agency.acronym}
                  </Text>
                  <div className="form-row">
                    <Select
                      label={`${m.table.status}: ${row.agency.acronym}`}
                      value={entry.status}
                      allowDeselect={false}
                      onChange={(value) => value && change({ status: value as AttendanceStatus })}
                      data={Object.entries(m.attendanceStatus).map(([value, label]) => ({ value, label }))}
                    />
                    <Textarea
                      label={`${m.meetings.attendees}: ${row.agency.acronym}`}
                      description={m.meetings.attendeesHint}
                      autosize
                      minRows={1}
                      value={entry.people}
                      onChange={(event) => change({ people: event.currentTarget.value })}
                    />
                    <TextInput
                      label={`${m.meetings.note}: ${row.agency.acronym}`}
                      value={entry.note}
                      onChange={(event) => change({ note: event.currentTarget.value })}
                    />
                  </div>
                </Paper>
              );
            })}
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            {saved && (
              <Alert color="green" role="status">
                {m.meetings.attendanceSaved}
              </Alert>
            )}
            <div>
              <Button type="submit" loading={busy}>
                {m.meetings.saveAttendance}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
