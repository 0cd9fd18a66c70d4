import { Anchor, Badge, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';

import { AdminAgenciesDocument, AdminPoliciesDocument, AdminUnitsDocument, AdminUsersDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { PageTitle, QueryState } from '@/modules/ui/page';

/** The administrator's views: the directory, units and memberships, users, policies, and the queue board. */
export default function AdminPage() {
  const { m } = useI18n();
  const [tab, setTab] = useState<string>('agencies');
  return (
    <>
      <PageTitle title={m.admin.title}>{m.admin.title}</PageTitle>
      <Paper withBorder p="sm" mb="md">
        {/* A full page load: the board is its own application, opened with the session's board cookie. */}
        <Anchor href="/admin/queues">{m.admin.queueBoard}</Anchor>
        <Text size="xs" c="dimmed">
          {m.admin.queueBoardNote}
        </Text>
      </Paper>
      <Tabs value={tab} onChange={(value) => value && setTab(value)}>
        <Tabs.List mb="md">
          <Tabs.Tab value="agencies">{m.admin.agencies}</Tabs.Tab>
          <Tabs.Tab value="units">{m.admin.units}</Tabs.Tab>
          <Tabs.Tab value="users">{m.admin.users}</Tabs.Tab>
          <Tabs.Tab value="policies">{m.admin.policies}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agencies">{tab === 'agencies' && <Agencies />}</Tabs.Panel>
        <Tabs.Panel value="units">{tab === 'units' && <Units />}</Tabs.Panel>
        <Tabs.Panel value="users">{tab === 'users' && <Users />}</Tabs.Panel>
        <Tabs.Panel value="policies">{tab === 'policies' && <Policies />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

function Agencies() {
  const { m, locale } = useI18n();
  const [result] = useQuery({ query: AdminAgenciesDocument, variables: {} });
  return (
    <QueryState result={result}>
      {(data) => (
        <div className="table-scroll" tabIndex={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.table.code}</Table.Th>
                <Table.Th scope="col">{m.table.name}</Table.Th>
                <Table.Th scope="col">{m.table.country}</Table.Th>
                <Table.Th scope="col">{m.table.timeZone}</Table.Th>
                <Table.Th scope="col">{m.table.active}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.agencies.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>{node.acronym}</Table.Td>
                  <Table.Td>{locale === 'ID' ? node.nameId : node.nameEn}</Table.Td>
                  <Table.Td>{node.country}</Table.Td>
                  <Table.Td>{node.timeZone}</Table.Td>
                  <Table.Td>{node.active ? m.app.yes : m.app.no}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </QueryState>
  );
}

function Units() {
  const { m, locale } = useI18n();
  const [result] = useQuery({ query: AdminUnitsDocument });
  return (
    <QueryState result={result}>
      {(data) => (
        <Stack>
          {data.taskForceUnits.edges.map(({ node }) => (
            <Paper key={node.id} withBorder p="sm">
              <Title order={3} size="h5">
                {node.code} — {locale === 'ID' ? node.nameId : node.nameEn}{' '}
                <Badge tt="none">{m.level[node.level]}</Badge>
              </Title>
              <Text size="sm" mt={4}>
                <b>{m.admin.members}:</b>{' '}
                {node.memberships
                  .map((membership) => `${membership.agency.acronym} (${m.membershipRole[membership.role]})`)
                  .join(', ') || '—'}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}

function Users() {
  const { m } = useI18n();
  const [result] = useQuery({ query: AdminUsersDocument, variables: {} });
  return (
    <QueryState result={result}>
      {(data) => (
        <div className="table-scroll" tabIndex={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.table.name}</Table.Th>
                <Table.Th scope="col">{m.table.email}</Table.Th>
                <Table.Th scope="col">{m.table.agency}</Table.Th>
                <Table.Th scope="col">{m.table.role}</Table.Th>
                <Table.Th scope="col">{m.table.active}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.users.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>{node.displayName}</Table.Td>
                  <Table.Td>{node.email}</Table.Td>
                  <Table.Td>{node.agency.acronym}</Table.Td>
                  <Table.Td>{node.roles.map((role) => m.role[role]).join(', ')}</Table.Td>
                  <Table.Td>{node.active ? m.app.yes : m.app.no}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </QueryState>
  );
}

function Policies() {
  const { m, f } = useI18n();
  const [result] = useQuery({ query: AdminPoliciesDocument });
  const span = (hours?: number | null, workingDays?: number | null, calendarDays?: number | null) =>
    hours != null
      ? f(m.admin.hours, { n: hours })
      : workingDays != null
        ? f(m.admin.workingDays, { n: workingDays })
        : calendarDays != null
          ? f(m.admin.calendarDays, { n: calendarDays })
          : '—';
  return (
    <QueryState result={result}>
      {(data) => (
        <Stack>
          <Title order={2} size="h4">
            {m.admin.escalation}
          </Title>
          {data.escalationPolicies.map((policy) => (
            <Paper key={policy.id} withBorder p="sm">
              <Text fw={600} size="sm">
                {policy.name} ({policy.itemType}, {policy.urgency})
              </Text>
              <div className="table-scroll" tabIndex={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{m.admin.rung}</Table.Th>
                      <Table.Th scope="col">{m.admin.offset}</Table.Th>
                      <Table.Th scope="col">{m.admin.targets}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {policy.rungs.map((rung) => (
                      <Table.Tr key={rung.key}>
                        <Table.Td>{rung.key}</Table.Td>
                        <Table.Td>{span(rung.offsetHours, rung.offsetWorkingDays)}</Table.Td>
                        <Table.Td>{[...rung.targets, ...(rung.action ? [rung.action] : [])].join(', ')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            </Paper>
          ))}
          <Title order={2} size="h4">
            {m.admin.crossBorderDeadlines}
          </Title>
          <div className="table-scroll" tabIndex={0}>
            <Table>
              <Table.Tbody>
                {data.crossBorderDeadlinePolicies.map((policy) => (
                  <Table.Tr key={policy.id}>
                    <Table.Td>{policy.stage}</Table.Td>
                    <Table.Td>{policy.urgency}</Table.Td>
                    <Table.Td>{span(policy.clockHours, policy.workingDays, policy.calendarDays)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Title order={2} size="h4">
            {m.admin.referralDeadlines}
          </Title>
          <div className="table-scroll" tabIndex={0}>
            <Table>
              <Table.Tbody>
                {data.referralResponsePolicies.map((policy) => (
                  <Table.Tr key={policy.id}>
                    <Table.Td>{policy.urgency}</Table.Td>
                    <Table.Td>{span(policy.clockHours, policy.workingDays)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Stack>
      )}
    </QueryState>
  );
}
