import { Anchor, Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';

import { hasRole, useSession } from '@/app/session-context';
import { MeetingsDocument, MeetingType } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Instant } from '@/modules/ui/time';

/** Meetings the user may see, the latest first, by type; scheduling for those who convene them. */
export default function MeetingsPage() {
  const { m, locale } = useI18n();
  const { session } = useSession();
  const [type, setType] = useState<MeetingType | null>(null);
  const [result, retry] = useQuery({ query: MeetingsDocument, variables: { type } });
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle title={m.meetings.title}>{m.meetings.title}</PageTitle>
        <Group>
          <Button component={Link} to="/meetings/action-items" variant="default">
            {m.nav2.actionItems}
          </Button>
          {hasRole(session, 'LIAISON', 'SECRETARIAT', 'ATTACHE') && (
            <Button component={Link} to="/meetings/new">
              {m.meetings.schedule}
            </Button>
          )}
        </Group>
      </Group>
      <Text mb="md">{m.meetings.intro}</Text>
      <Select
        label={m.meetings.type}
        placeholder={m.meetings.allTypes}
        clearable
        maw={320}
        mb="md"
        value={type}
        onChange={(value) => setType(value as MeetingType | null)}
        data={Object.entries(m.meetingType).map(([value, label]) => ({ value, label }))}
      />
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {(data) =>
          data.meetings.edges.length === 0 ? (
            <Empty>{m.meetings.none}</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={m.meetings.title}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{m.table.reference}</Table.Th>
                    <Table.Th scope="col">{m.meetings.titleLabel}</Table.Th>
                    <Table.Th scope="col">{m.meetings.when}</Table.Th>
                    <Table.Th scope="col">{m.meetings.unit}</Table.Th>
                    <Table.Th scope="col">{m.meetings.organiser}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.meetings.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/meetings/${node.id}`}>
                          {node.reference}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {node.title}
                        <div>
                          <Badge size="sm" variant="light" tt="none" mr={4}>
                            {m.meetingType[node.type]}
                          </Badge>
                          <Badge
                            size="sm"
                            variant={node.held ? 'light' : 'filled'}
                            tt="none"
                            color={node.held ? 'gray' : 'teal'}
                          >
                            {node.held ? m.meetings.held : m.meetings.upcoming}
                          </Badge>
                        </div>
                      </Table.Td>
                      <Table.Td>
                        <Instant iso={node.startsAt} zone={node.timeZone} />
                      </Table.Td>
                      <Table.Td>{locale === 'ID' ? node.unit.nameId : node.unit.nameEn}</Table.Td>
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
