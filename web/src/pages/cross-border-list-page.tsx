import { Anchor, Badge, Group, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';

import { hasRole, useSession } from '@/app/session-context';
import { CrossBorderRequestsDocument, RequestStatus } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Countdown, Instant } from '@/modules/ui/time';

const STAGE_OF: Partial<Record<RequestStatus, 'acknowledgeBy' | 'decideBy' | 'executeBy'>> = {
  SUBMITTED: 'acknowledgeBy',
  ACKNOWLEDGED: 'decideBy',
  ACCEPTED: 'executeBy',
};

/** Requests by country and stage; a counterpart sees only those addressed to its agency (the server decides). */
export default function CrossBorderListPage() {
  const { m } = useI18n();
  const { session } = useSession();
  const [country, setCountry] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [result, retry] = useQuery({
    query: CrossBorderRequestsDocument,
    variables: { filter: { country: country ?? undefined, status: status ? [status as RequestStatus] : undefined } },
  });
  return (
    <>
      <PageTitle title={m.crossBorder.title}>{m.crossBorder.title}</PageTitle>
      <Text mb="sm">{hasRole(session, 'COUNTERPART') ? m.crossBorder.counterpartView : m.crossBorder.intro}</Text>
      <Group mb="md">
        <Select
          label={m.crossBorder.country}
          placeholder={m.crossBorder.allCountries}
          clearable
          value={country}
          onChange={setCountry}
          data={[
            { value: 'KH', label: 'Kamboja / Cambodia (KH)' },
            { value: 'MY', label: 'Malaysia (MY)' },
          ]}
        />
        <Select
          label={m.crossBorder.status}
          placeholder={m.crossBorder.anyStatus}
          clearable
          value={status}
          onChange={setStatus}
          data={Object.entries(m.requestStatus).map(([value, label]) => ({ value, label }))}
        />
      </Group>
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {(data) =>
          data.crossBorderRequests.edges.length === 0 ? (
            <Empty>{m.crossBorder.none}</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{m.table.reference}</Table.Th>
                    <Table.Th scope="col">{m.table.subject}</Table.Th>
                    <Table.Th scope="col">{m.table.counterpart}</Table.Th>
                    <Table.Th scope="col">{m.table.status}</Table.Th>
                    <Table.Th scope="col">{m.table.stage}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.crossBorderRequests.edges.map(({ node }) => {
                    const field = STAGE_OF[node.status];
                    return (
                      <Table.Tr key={node.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/cross-border-requests/${node.id}`}>
                            {node.reference}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{node.subject}</Table.Td>
                        <Table.Td>
                          {node.counterpartAgency.acronym} ({node.counterpartCountry})
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" tt="none">
                            {m.requestStatus[node.status]}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {field ? (
                            <>
                              <Text size="xs">
                                {
                                  m.requestStage[
                                    field === 'acknowledgeBy'
                                      ? 'ACKNOWLEDGE'
                                      : field === 'decideBy'
                                        ? 'DECIDE'
                                        : 'EXECUTE'
                                  ]
                                }
                              </Text>
                              <Instant iso={node[field]} zone={node.counterpartAgency.timeZone} />
                              <div>
                                {node.pausedAt ? <Badge color="gray">II</Badge> : <Countdown iso={node[field]} />}
                              </div>
                            </>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
          )
        }
      </QueryState>
    </>
  );
}
