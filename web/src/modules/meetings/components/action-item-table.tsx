import { Anchor, Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';

import { ActionItemRowFragment } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Countdown, Instant } from '@/modules/ui/time';

/** Action items with their owner, due date (in the owner's zone too), the task's state and, once closed, the outcome. */
export function ActionItemTable({
  items,
  caption,
  showMeeting,
  onClose,
}: {
  items: ActionItemRowFragment[];
  caption: string;
  showMeeting?: boolean;
  onClose?: (item: ActionItemRowFragment) => void;
}) {
  const { m, f } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.table.reference}</Table.Th>
            <Table.Th scope="col">{m.meetings.itemTitle}</Table.Th>
            <Table.Th scope="col">{m.meetings.owner}</Table.Th>
            <Table.Th scope="col">{m.table.due}</Table.Th>
            <Table.Th scope="col">{m.table.status}</Table.Th>
            {showMeeting && <Table.Th scope="col">{m.meetings.fromMeeting}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const closed = item.status === 'CLOSED';
            return (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/tasks/${item.taskId}`}>
                    {item.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{item.title}</Table.Td>
                <Table.Td>{item.ownerAgency.acronym}</Table.Td>
                <Table.Td miw={160}>
                  <Instant iso={item.dueAt} zone={item.ownerAgency.timeZone} />
                  <div>
                    <Countdown iso={item.dueAt} done={closed || item.taskStatus === 'DONE'} />
                  </div>
                </Table.Td>
                <Table.Td>
                  {closed && item.outcome ? (
                    <Text size="sm">
                      {f(m.meetings.closed, { outcome: m.actionItemOutcome[item.outcome] })}
                      {item.outcomeNote ? ` — “${item.outcomeNote}”` : ''}
                    </Text>
                  ) : (
                    <Badge variant="light" tt="none" color={item.overdue ? 'red' : 'blue'}>
                      {m.actionItemStatus[item.status]}
                    </Badge>
                  )}
                  {onClose && !closed && (
                    <div>
                      <Button size="compact-xs" variant="default" mt={4} onClick={() => onClose(item)}>
                        {m.meetings.close}
                        <VisuallyHidden> {item.reference}</VisuallyHidden>
                      </Button>
                    </div>
                  )}
                </Table.Td>
                {showMeeting && (
                  <Table.Td>
                    <Anchor component={Link} to={`/meetings/${item.meeting.id}`}>
                      {item.meeting.reference}
                    </Anchor>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
