import { Anchor, Badge, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';

import { RepatriationOperationsDocument, RepatriationOperationStatus } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Day } from '@/modules/ui/time';

/** Repatriation operations the user may see, the latest first, by status. */
export default function RepatriationOperationsPage() {
  const { m } = useI18n();
  const [status, setStatus] = useState<RepatriationOperationStatus | null>(null);
  const [result, retry] = useQuery({ query: RepatriationOperationsDocument, variables: { status } });
  return (
    <>
      <PageTitle title={m.rpt.title}>{m.rpt.title}</PageTitle>
      <Text mb="md">{m.rpt.intro}</Text>
      <Select
        label={m.rpt.statusLabel}
        placeholder={m.rpt.allStatuses}
        clearable
        maw={320}
        mb="md"
        value={status}
        onChange={(value) => setStatus(value as RepatriationOperationStatus | null)}
        data={Object.entries(m.operationStatus).map(([value, label]) => ({ value, label }))}
      />
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {(data) =>
          data.repatriationOperations.edges.length === 0 ? (
            <Empty>{m.rpt.none}</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={m.rpt.title}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{m.table.reference}</Table.Th>
                    <Table.Th scope="col">{m.rpt.route}</Table.Th>
                    <Table.Th scope="col">{m.rpt.departure}</Table.Th>
                    <Table.Th scope="col">{m.rpt.arrival}</Table.Th>
                    <Table.Th scope="col">{m.rpt.agencies}</Table.Th>
                    <Table.Th scope="col">{m.rpt.headcount}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.repatriationOperations.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/repatriation-operations/${node.id}`}>
                          {node.reference}
                        </Anchor>
                        <div>
                          <Badge size="sm" variant="light" tt="none">
                            {m.operationStatus[node.status]}
                          </Badge>
                        </div>
                      </Table.Td>
                      <Table.Td>{node.route}</Table.Td>
                      <Table.Td>
                        <Day day={node.departedOn ?? node.plannedDepartureOn} />
                      </Table.Td>
                      <Table.Td>
                        <Day day={node.arrivedOn ?? node.plannedArrivalOn} />
                      </Table.Td>
                      <Table.Td>
                        {node.sendingAgency.acronym} → {node.receivingAgency.acronym}
                      </Table.Td>
                      <Table.Td>{node.headcount}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )
        }
      </QueryState>
    </>
  );
}
