import { Badge, Button, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';

import { useSession } from '@/app/session-context';
import { RecordRepatriationMilestoneDocument, RepatriationMilestoneRowFragment } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { ActionDialog } from '@/modules/ui/action-dialog';
import { Empty } from '@/modules/ui/page';
import { Countdown, Day, Instant } from '@/modules/ui/time';

/**
 * An operation's milestones in order: the step, for whom, the owner, the due date in the owner's zone and where it
 * stands; "record as done" where the lifecycle offers it. Each row is the anchor the notification links land on.
 */
export function MilestoneTable({
  milestones,
  focusId,
  onChanged,
}: {
  milestones: RepatriationMilestoneRowFragment[];
  focusId?: string;
  onChanged: () => void;
}) {
  const { m, f } = useI18n();
  const [recording, setRecording] = useState<RepatriationMilestoneRowFragment | null>(null);
  const { session } = useSession();
  // Today in the user's own zone (the day it happened where they are), not in UTC.
  const [day, setDay] = useState(() =>
    new Intl.DateTimeFormat('en-CA', { timeZone: session.user.timeZone }).format(new Date()),
  );
  const [, record] = useMutation(RecordRepatriationMilestoneDocument);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {m.rpt.milestones}
      </Title>
      {milestones.length === 0 ? (
        <Empty>{m.rpt.noMilestones}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={m.rpt.milestones}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.rpt.step}</Table.Th>
                <Table.Th scope="col">{m.rpt.owner}</Table.Th>
                <Table.Th scope="col">{m.rpt.due}</Table.Th>
                <Table.Th scope="col">{m.table.status}</Table.Th>
                <Table.Th scope="col">{m.rpt.record}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {milestones.map((milestone) => (
                <Table.Tr
                  key={milestone.id}
                  id={`milestone-${milestone.id}`}
                  aria-current={milestone.id === focusId ? 'true' : undefined}
                  bg={milestone.id === focusId ? '#fff3bf' : undefined}
                >
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {m.milestoneType[milestone.type]}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {milestone.reference} · {milestone.victimCode ?? m.rpt.group}
                    </Text>
                    {milestone.blocksDeparture && milestone.status === 'PENDING' && (
                      <Badge size="xs" variant="light" color="orange" tt="none">
                        {m.rpt.blocksDeparture}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{milestone.ownerAgency.acronym}</Table.Td>
                  <Table.Td>
                    <Instant iso={milestone.dueAt} zone={milestone.ownerAgency.timeZone} />
                    <div>
                      <Countdown iso={milestone.dueAt} done={milestone.status !== 'PENDING'} />
                    </div>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      size="sm"
                      tt="none"
                      variant={milestone.status === 'DONE' ? 'filled' : 'light'}
                      color={milestone.status === 'DONE' ? 'teal' : 'gray'}
                    >
                      {m.milestoneStatus[milestone.status]}
                    </Badge>
                    {milestone.happenedOn && (
                      <Text size="xs">
                        {m.rpt.happened}: <Day day={milestone.happenedOn} />
                      </Text>
                    )}
                    {milestone.statusReason && <Text size="xs">{milestone.statusReason}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {milestone.availableActions.some((a) => a === 'RECORD' || a === 'RECORD_FOR_OWNER') && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setRecording(milestone)}
                        aria-label={`${m.rpt.record}: ${m.milestoneType[milestone.type]} ${milestone.reference}`}
                      >
                        {m.rpt.record}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <ActionDialog
        opened={recording !== null}
        title={recording ? f(m.rpt.recordTitle, { reference: recording.reference }) : ''}
        reasonMode="none"
        onClose={() => setRecording(null)}
        onConflict={onChanged}
        onSubmit={async () => {
          if (!recording) return {};
          const result = await record({
            input: { id: recording.id, happenedOn: day, expectedVersion: recording.version },
          });
          if (!result.error) onChanged();
          return result;
        }}
      >
        <TextInput
          type="date"
          label={m.rpt.happenedOn}
          required
          value={day}
          onChange={(event) => setDay(event.currentTarget.value)}
          data-autofocus
        />
      </ActionDialog>
    </Paper>
  );
}
