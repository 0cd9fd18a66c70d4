import { Checkbox, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';

import { OpenActionItemsDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { ActionItemTable } from '@/modules/meetings/components/action-item-table';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';

/** Action items not yet closed by a meeting, earliest due first, with who owes how many: the secretariat's view. */
export default function ActionItemsPage() {
  const { m } = useI18n();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [result, retry] = useQuery({
    query: OpenActionItemsDocument,
    variables: { overdue: overdueOnly ? true : undefined },
  });
  return (
    <>
      <PageTitle title={m.meetings.openTitle}>{m.meetings.openTitle}</PageTitle>
      <Text mb="xs">{m.meetings.openIntro}</Text>
      <Checkbox
        mb="md"
        label={m.meetings.only}
        checked={overdueOnly}
        onChange={(event) => setOverdueOnly(event.currentTarget.checked)}
      />
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {(data) =>
          data.openActionItems.totalCount === 0 ? (
            <Empty>{m.meetings.noOpen}</Empty>
          ) : (
            <Stack>
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="xs">
                  {m.meetings.byAgency}
                </Title>
                <div className="table-scroll" tabIndex={0} role="region" aria-label={m.meetings.byAgency}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{m.meetings.owner}</Table.Th>
                        <Table.Th scope="col">{m.meetings.openCount}</Table.Th>
                        <Table.Th scope="col">{m.meetings.overdueCount}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.openActionItems.byAgency.map((row) => (
                        <Table.Tr key={row.agency.id}>
                          <Table.Td>{row.agency.acronym}</Table.Td>
                          <Table.Td>{row.open}</Table.Td>
                          <Table.Td>{row.overdue}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </div>
              </Paper>
              <ActionItemTable
                items={data.openActionItems.edges.map(({ node }) => node)}
                caption={m.meetings.openTitle}
                showMeeting
              />
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
