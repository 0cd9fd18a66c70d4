import {
  Alert,
  Anchor,
  Button,
  Group,
  MultiSelect,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useClient, useQuery } from 'urql';

import { errorMessage } from '@/app/graphql-errors';
import {
  AdminAgenciesDocument,
  AdminPoliciesDocument,
  AdminUnitsDocument,
  AdminUsersDocument,
  AgencyChoicesDocument,
  CreateUserDocument,
  DeactivateUserDocument,
  Role,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { AgencyEditor } from '@/modules/admin/components/agency-editor';
import { UnitMemberships } from '@/modules/admin/components/unit-memberships';
import { UserEditor } from '@/modules/admin/components/user-editor';
import { ActionDialog } from '@/modules/ui/action-dialog';
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
  const [result, reload] = useQuery({ query: AdminAgenciesDocument, variables: {} });
  const refresh = () => reload({ requestPolicy: 'network-only' });
  return (
    <QueryState result={result} retry={refresh}>
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
                <Table.Th scope="col">{m.adminEdit.edit}</Table.Th>
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
                  <Table.Td>
                    <AgencyEditor agency={node} onSaved={refresh} />
                  </Table.Td>
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
  const [result, reload] = useQuery({ query: AdminUnitsDocument });
  const refresh = () => reload({ requestPolicy: 'network-only' });
  return (
    <QueryState result={result} retry={refresh}>
      {(data) => (
        <Stack>
          {data.taskForceUnits.edges.map(({ node }) => (
            <UnitMemberships key={node.id} unit={node} onChanged={refresh} />
          ))}
        </Stack>
      )}
    </QueryState>
  );
}

function Users() {
  const { m } = useI18n();
  const client = useClient();
  const [result, reload] = useQuery({ query: AdminUsersDocument, variables: {} });
  const [deactivating, setDeactivating] = useState<string | null>(null);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  return (
    <Stack>
      <NewUserForm onCreated={refresh} />
      <QueryState result={result} retry={refresh}>
        {(data) => (
          <div className="table-scroll" tabIndex={0}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{m.table.name}</Table.Th>
                  <Table.Th scope="col">{m.table.email}</Table.Th>
                  <Table.Th scope="col">{m.table.agency}</Table.Th>
                  <Table.Th scope="col">{m.table.role}</Table.Th>
                  <Table.Th scope="col">{m.adminEdit.edit}</Table.Th>
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
                    <Table.Td>
                      <UserEditor user={node} onSaved={refresh} />
                    </Table.Td>
                    <Table.Td>
                      {node.active ? (
                        <Group gap="xs">
                          {m.app.yes}
                          <Button
                            size="compact-xs"
                            variant="default"
                            onClick={() => setDeactivating(node.id)}
                            aria-label={`${m.admin.deactivate}: ${node.email}`}
                          >
                            {m.admin.deactivate}
                          </Button>
                        </Group>
                      ) : (
                        m.app.no
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </QueryState>
      <ActionDialog
        opened={deactivating !== null}
        title={m.admin.deactivate}
        reasonMode="required"
        onClose={() => setDeactivating(null)}
        onSubmit={async (reason) => {
          const outcome = await client
            .mutation(DeactivateUserDocument, { input: { id: deactivating!, reason } })
            .toPromise();
          if (!outcome.error) refresh();
          return outcome;
        }}
      />
    </Stack>
  );
}

/** A new account: its first password is handed over by the administrator and changed by the user on Profil. */
function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const { m, f } = useI18n();
  const client = useClient();
  const [agencies] = useQuery({ query: AgencyChoicesDocument, variables: {} });
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    if (!email || !displayName || !agencyId || roles.length === 0 || !password) return setProblem(m.errors.required);
    const outcome = await client
      .mutation(CreateUserDocument, {
        input: { email, displayName, agencyId, roles: roles as Role[], initialPassword: password },
      })
      .toPromise();
    if (outcome.error || !outcome.data)
      return setProblem(outcome.error ? errorMessage(outcome.error, m) : m.errors.network);
    setProblem(null);
    setCreated(f(m.admin.userCreated, { email: outcome.data.createUser.email }));
    setEmail('');
    setDisplayName('');
    setPassword('');
    onCreated();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Title order={2} size="h4" mb="xs">
          {m.admin.newUser}
        </Title>
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput
              label={m.table.name}
              required
              value={displayName}
              onChange={(event) => setDisplayName(event.currentTarget.value)}
            />
            <TextInput
              label={m.table.email}
              type="email"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={m.table.agency}
              searchable
              required
              value={agencyId}
              onChange={setAgencyId}
              data={(agencies.data?.agencies.edges ?? []).map(({ node }) => ({ value: node.id, label: node.acronym }))}
            />
            <MultiSelect
              label={m.table.role}
              required
              value={roles}
              onChange={setRoles}
              data={Object.entries(m.role).map(([value, label]) => ({ value, label }))}
            />
          </Group>
          <PasswordInput
            label={m.admin.initialPassword}
            description={m.profile.newPasswordHint}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          {created && (
            <Alert color="green" role="status">
              {created}
            </Alert>
          )}
          <Group>
            <Button type="submit">{m.admin.createUser}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
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
          <Text size="sm" c="dimmed">
            {m.adminEdit.policiesReadOnly}
          </Text>
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
