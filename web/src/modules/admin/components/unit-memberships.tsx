import { Alert, Badge, Button, Group, Paper, Select, Table, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useClient, useQuery } from 'urql';

import { errorMessage } from '@/app/graphql-errors';
import {
  AdminUnitsQuery,
  CreateMembershipDocument,
  EndMembershipDocument,
  MeetingAgenciesDocument,
  MembershipRole,
  UpdateTaskForceUnitDocument,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { ActionDialog } from '@/modules/ui/action-dialog';
import { Day } from '@/modules/ui/time';

import { zoneOptions } from './zones';

type Unit = AdminUnitsQuery['taskForceUnits']['edges'][number]['node'];
type Membership = Unit['memberships'][number];

/** A unit with its memberships over time: rename it, add an agency in a role from a day, end a membership on a day. */
export function UnitMemberships({ unit, onChanged }: { unit: Unit; onChanged: () => void }) {
  const { m, locale } = useI18n();
  const client = useClient();
  const [ending, setEnding] = useState<Membership | null>(null);
  const [validTo, setValidTo] = useState('');
  const [editing, setEditing] = useState(false);
  const [nameId, setNameId] = useState(unit.nameId);
  const [nameEn, setNameEn] = useState(unit.nameEn);
  const [timeZone, setTimeZone] = useState(unit.timeZone);
  const name = `${unit.code} — ${locale === 'ID' ? unit.nameId : unit.nameEn}`;
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {name} <Badge tt="none">{m.level[unit.level]}</Badge>
        </Title>
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => {
            setNameId(unit.nameId);
            setNameEn(unit.nameEn);
            setTimeZone(unit.timeZone);
            setEditing(true);
          }}
        >
          {m.adminEdit.edit}
          <VisuallyHidden> {unit.code}</VisuallyHidden>
        </Button>
      </Group>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${m.admin.members}: ${unit.code}`}>
        <Table mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{m.table.agency}</Table.Th>
              <Table.Th scope="col">{m.table.role}</Table.Th>
              <Table.Th scope="col">{m.adminEdit.validFrom}</Table.Th>
              <Table.Th scope="col">{m.adminEdit.validTo}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {unit.memberships.map((membership) => (
              <Table.Tr key={membership.id}>
                <Table.Td>{membership.agency.acronym}</Table.Td>
                <Table.Td>{m.membershipRole[membership.role]}</Table.Td>
                <Table.Td>
                  <Day day={membership.validFrom} />
                </Table.Td>
                <Table.Td>
                  {membership.validTo ? (
                    <Day day={membership.validTo} />
                  ) : (
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => {
                        setValidTo('');
                        setEnding(membership);
                      }}
                    >
                      {m.adminEdit.endMembership}
                      <VisuallyHidden>
                        {' '}
                        {membership.agency.acronym} ({m.membershipRole[membership.role]}, {unit.code})
                      </VisuallyHidden>
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <AddMembershipForm unit={unit} onAdded={onChanged} />
      <ActionDialog
        opened={ending !== null}
        title={`${m.adminEdit.endMembership}: ${ending?.agency.acronym ?? ''}`}
        reasonMode="none"
        onClose={() => setEnding(null)}
        onSubmit={async () => {
          const outcome = await client
            .mutation(EndMembershipDocument, { input: { id: ending!.id, validTo } })
            .toPromise();
          if (!outcome.error) onChanged();
          return outcome;
        }}
      >
        <TextInput
          type="date"
          label={m.adminEdit.validTo}
          required
          value={validTo}
          onChange={(event) => setValidTo(event.currentTarget.value)}
        />
      </ActionDialog>
      <ActionDialog
        opened={editing}
        title={`${m.adminEdit.editUnit}: ${unit.code}`}
        reasonMode="none"
        onClose={() => setEditing(false)}
        onConflict={onChanged}
        onSubmit={async () => {
          const outcome = await client
            .mutation(UpdateTaskForceUnitDocument, {
              input: {
                id: unit.id,
                expectedVersion: unit.version,
                nameId: nameId.trim(),
                nameEn: nameEn.trim(),
                timeZone,
              },
            })
            .toPromise();
          if (!outcome.error) onChanged();
          return outcome;
        }}
      >
        <TextInput label={m.adminEdit.nameId} value={nameId} onChange={(e) => setNameId(e.currentTarget.value)} />
        <TextInput label={m.adminEdit.nameEn} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
        <Select
          label={m.table.timeZone}
          value={timeZone}
          allowDeselect={false}
          onChange={(value) => value && setTimeZone(value)}
          data={zoneOptions(unit.timeZone)}
        />
      </ActionDialog>
    </Paper>
  );
}

function AddMembershipForm({ unit, onAdded }: { unit: Unit; onAdded: () => void }) {
  const { m, locale } = useI18n();
  const client = useClient();
  const [agencies] = useQuery({ query: MeetingAgenciesDocument });
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [role, setRole] = useState<MembershipRole>('MEMBER');
  const [validFrom, setValidFrom] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!agencyId || !validFrom) return setProblem(m.errors.required);
    const outcome = await client
      .mutation(CreateMembershipDocument, { input: { unitId: unit.id, agencyId, role, validFrom } })
      .toPromise();
    if (outcome.error) return setProblem(errorMessage(outcome.error, m));
    setProblem(null);
    setAgencyId(null);
    setValidFrom('');
    onAdded();
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className="form-row" role="group" aria-label={`${m.adminEdit.addMembership}: ${unit.code}`}>
        <Select
          label={`${m.table.agency} (${unit.code})`}
          searchable
          required
          value={agencyId}
          onChange={setAgencyId}
          data={(agencies.data?.agencies.edges ?? []).map(({ node }) => ({
            value: node.id,
            label: `${node.acronym} — ${locale === 'ID' ? node.nameId : node.nameEn}`,
          }))}
        />
        <Select
          label={`${m.table.role} (${unit.code})`}
          value={role}
          allowDeselect={false}
          onChange={(value) => value && setRole(value as MembershipRole)}
          data={Object.entries(m.membershipRole).map(([value, label]) => ({ value, label }))}
        />
        <TextInput
          type="date"
          label={`${m.adminEdit.validFrom} (${unit.code})`}
          required
          value={validFrom}
          onChange={(event) => setValidFrom(event.currentTarget.value)}
        />
      </div>
      <Button type="submit" size="xs" mt="xs">
        {m.adminEdit.addMembership}
        <VisuallyHidden> {unit.code}</VisuallyHidden>
      </Button>
      {problem && (
        <Alert color="red" role="alert" mt="xs">
          {problem}
        </Alert>
      )}
    </form>
  );
}
