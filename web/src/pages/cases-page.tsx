import { Anchor, Badge, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';

import { CasesDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Instant } from '@/modules/ui/time';

export default function CasesPage() {
  const { m } = useI18n();
  const [result, retry] = useQuery({ query: CasesDocument });
  return (
    <>
      <PageTitle title={m.cases.title}>{m.cases.title}</PageTitle>
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {(data) =>
          data.cases.edges.length === 0 ? (
            <Empty>{m.cases.none}</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{m.table.reference}</Table.Th>
                    <Table.Th scope="col">{m.table.status}</Table.Th>
                    <Table.Th scope="col">{m.cases.exploitation}</Table.Th>
                    <Table.Th scope="col">{m.cases.lead}</Table.Th>
                    <Table.Th scope="col">{m.table.created}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.cases.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/cases/${node.id}`}>
                          {node.reference}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" tt="none">
                          {m.justiceStatus[node.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{node.exploitationTypes.map((type) => m.exploitation[type]).join(', ')}</Table.Td>
                      <Table.Td>{node.leadAgency.acronym}</Table.Td>
                      <Table.Td>
                        <Instant iso={node.createdAt} />
                      </Table.Td>
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
