import { Anchor, Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';

import { hasRole, useSession } from '@/app/session-context';
import { ActivitiesDocument, ActivityType } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Day } from '@/modules/ui/time';

/** The task force's activities (socialisations, trainings, campaigns …), the latest first. */
export default function ActivitiesPage() {
  const { m } = useI18n();
  const { session } = useSession();
  const [type, setType] = useState<ActivityType | null>(null);
  const [result, retry] = useQuery({ query: ActivitiesDocument, variables: { type } });
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle title={m.activities.title}>{m.activities.title}</PageTitle>
        {hasRole(session, 'LIAISON', 'SECRETARIAT', 'ATTACHE', 'PARTNER') && (
          <Button component={Link} to="/activities/new">
            {m.activities.record}
          </Button>
        )}
      </Group>
      <Text mb="md">{m.activities.intro}</Text>
      <Select
        label={m.activities.type}
        placeholder={m.activities.allTypes}
        clearable
        maw={320}
        mb="md"
        value={type}
        onChange={(value) => setType(value as ActivityType | null)}
        data={Object.entries(m.activityType).map(([value, label]) => ({ value, label }))}
      />
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {(data) =>
          data.activities.edges.length === 0 ? (
            <Empty>{m.activities.none}</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={m.activities.title}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{m.table.reference}</Table.Th>
                    <Table.Th scope="col">{m.activities.titleLabel}</Table.Th>
                    <Table.Th scope="col">{m.activities.dates}</Table.Th>
                    <Table.Th scope="col">{m.activities.region}</Table.Th>
                    <Table.Th scope="col">{m.activities.participants}</Table.Th>
                    <Table.Th scope="col">{m.activities.organiser}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.activities.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/activities/${node.id}`}>
                          {node.reference}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {node.title}
                        <div>
                          <Badge size="sm" variant="light" tt="none">
                            {m.activityType[node.type]}
                          </Badge>
                        </div>
                      </Table.Td>
                      <Table.Td>
                        <Day day={node.startsOn} />
                        {node.endsOn !== node.startsOn && (
                          <>
                            {' – '}
                            <Day day={node.endsOn} />
                          </>
                        )}
                      </Table.Td>
                      <Table.Td>{node.regionCode ?? '—'}</Table.Td>
                      <Table.Td>{node.participantsTotal ?? m.activities.notRecorded}</Table.Td>
                      <Table.Td>{node.organiserAgency.acronym}</Table.Td>
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
