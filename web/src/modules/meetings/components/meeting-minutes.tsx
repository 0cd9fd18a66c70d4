import { Alert, Badge, Button, Group, Paper, Select, Text, Textarea, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useClient } from 'urql';

import { errorKind, errorMessage } from '@/app/graphql-errors';
import { MeetingPageQuery, MinutesStatus, RecordMinutesDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';

type Meeting = MeetingPageQuery['meeting'];

/** The minutes (text until documents exist) and their status; the organiser writes them. */
export function MeetingMinutes({
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
  const [text, setText] = useState(meeting.minutes ?? '');
  const [status, setStatus] = useState<MinutesStatus>(
    meeting.minutesStatus === 'NONE' ? 'DRAFT' : meeting.minutesStatus,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setProblem(m.errors.required);
    const outcome = await client
      .mutation(RecordMinutesDocument, {
        input: { meetingId: meeting.id, minutes: text.trim(), status, expectedVersion: meeting.version },
      })
      .toPromise();
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
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {m.meetings.minutes}
        </Title>
        <Badge variant="light" tt="none">
          {m.minutesStatus[meeting.minutesStatus]}
        </Badge>
      </Group>
      {!canRecord ? (
        <Text size="sm" className="pre-line">
          {meeting.minutes || m.meetings.noMinutes}
        </Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Textarea
            label={m.meetings.minutes}
            autosize
            minRows={3}
            value={text}
            onChange={(event) => {
              setSaved(false);
              setText(event.currentTarget.value);
            }}
          />
          <Group align="flex-end" mt="xs">
            <Select
              label={m.meetings.minutesStatus}
              value={status}
              allowDeselect={false}
              onChange={(value) => value && setStatus(value as MinutesStatus)}
              data={(['DRAFT', 'CIRCULATED', 'APPROVED'] as const).map((value) => ({
                value,
                label: m.minutesStatus[value],
              }))}
            />
            <Button type="submit">{m.meetings.saveMinutes}</Button>
          </Group>
          {problem && (
            <Alert color="red" role="alert" mt="xs">
              {problem}
            </Alert>
          )}
          {saved && (
            <Alert color="green" role="status" mt="xs">
              {m.meetings.minutesSaved}
            </Alert>
          )}
        </form>
      )}
    </Paper>
  );
}
