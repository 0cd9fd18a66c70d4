import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';

import { hasRole, useSession } from '@/app/session-context';
import { TaskRowFragment, WorkQueueDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Countdown, Instant } from '@/modules/ui/time';

/** The liaison's home: the agency's open tasks, overdue first, with counts by status. */
export function WorkQueuePage() {
  const { m } = useI18n();
  const { session } = useSession();
  const [result, retry] = useQuery({ query: WorkQueueDocument, variables: { first: 50 } });
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle title={m.workQueue.title}>{m.workQueue.title}</PageTitle>
        {hasRole(session, 'LIAISON') && (
          <Button component={Link} to="/tasks/new">
            {m.nav.newTask}
          </Button>
        )}
      </Group>
      <Text mb="md">{m.workQueue.intro}</Text>
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {(data) => (
          <Stack>
            <section aria-labelledby="counts-title">
              <Title order={2} size="h4" id="counts-title" mb="xs">
                {m.workQueue.counts}
              </Title>
              <div className="counts">
                {(
                  [
                    [m.workQueue.overdue, data.overdue.totalCount, 'red'],
                    [m.taskStatus.OPEN, data.open.totalCount, 'blue'],
                    [m.taskStatus.ACKNOWLEDGED, data.acknowledged.totalCount, 'cyan'],
                    [m.taskStatus.IN_PROGRESS, data.inProgress.totalCount, 'teal'],
                    [m.taskStatus.BLOCKED, data.blocked.totalCount, 'orange'],
                  ] as const
                ).map(([label, count, color]) => (
                  <Paper key={label} withBorder p="sm" className="count-card">
                    <Text size="xs" c="dimmed">
                      {label}
                    </Text>
                    <Text fw={700} size="xl" c={count > 0 ? `${color}.9` : undefined}>
                      {count}
                    </Text>
                  </Paper>
                ))}
              </div>
            </section>
            {data.myWorkQueue.edges.length === 0 ? (
              <Empty>{m.workQueue.none}</Empty>
            ) : (
              <TaskTable tasks={data.myWorkQueue.edges.map((edge) => edge.node)} caption={m.workQueue.title} />
            )}
            <Title order={2} size="h4" mt="md">
              {m.workQueue.sentTitle}
            </Title>
            {data.sent.edges.length === 0 ? (
              <Empty>{m.workQueue.noneSent}</Empty>
            ) : (
              <TaskTable tasks={data.sent.edges.map((edge) => edge.node)} caption={m.workQueue.sentTitle} />
            )}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

export function TaskTable({ tasks, caption }: { tasks: TaskRowFragment[]; caption: string }) {
  const { m } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0}>
      <Table striped highlightOnHover>
        <caption className="visually-hidden-caption">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.table.reference}</Table.Th>
            <Table.Th scope="col">{m.table.title}</Table.Th>
            <Table.Th scope="col">{m.table.status}</Table.Th>
            <Table.Th scope="col">{m.table.due}</Table.Th>
            <Table.Th scope="col">{m.table.from}</Table.Th>
            <Table.Th scope="col">{m.table.to}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td>
                <Anchor component={Link} to={`/tasks/${task.id}`}>
                  {task.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{task.title}</Table.Td>
              <Table.Td>
                <Badge variant="light" tt="none">
                  {m.taskStatus[task.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Instant iso={task.dueAt} zone={task.assigneeAgency.timeZone} />
                <div>
                  <Countdown iso={task.dueAt} />
                </div>
              </Table.Td>
              <Table.Td>{task.assigningAgency.acronym}</Table.Td>
              <Table.Td>{task.assigneeAgency.acronym}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
